// The emulator's public types: options, recorded requests, scripted responses and the running handle.
import type { AgentSpec } from './agents/agent-registry';
import type { EmulatorAttachment } from './agents/attachment-store';
import type { ErrorShape } from './server/error-shape';
import type { ModelSpec } from './models/model-catalog';
import type { RateLimitOptions } from './rate-limit/rate-limiter';
import type { SpendLimit } from './rate-limit/spend-limit';
import type { Sleep } from './server/sse';

export interface LangdockEmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; defaults to 127.0.0.1. */
  host?: string;
  /** Accepted API keys; by default any non-empty bearer key is accepted. */
  apiKeys?: readonly string[];
  /** Known models as ids or specs; defaults to every model of the emulator's model table. */
  models?: ReadonlyArray<string | ModelSpec>;
  /**
   * Agents for `/agent/v1/chat/completions`, as ids or specs (web search, not shared, on the "Auto" model,
   * faults); none by default, so any `agentId` answers 400 until registered. Temporary agents need none.
   */
  agents?: ReadonlyArray<string | AgentSpec>;
  /**
   * Per-model limits (defaults 500 requests / 60,000 tokens per 60,000 ms window), optionally different for some
   * models; `false` turns rate limiting off.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Send `retry-after` (whole seconds until the window frees) with 429s; default true. Langdock documents no such
   * header, so `false` tests a client's own backoff.
   */
  retryAfter?: boolean;
  /**
   * Send `x-ratelimit-limit-requests`, `-limit-tokens`, `-remaining-requests` and `-remaining-tokens` (seen on
   * Langdock's answers) on every chat completions, Messages, embeddings and agent answer and 429, from the
   * model's window after the request (and its reply) counted. Needs `rateLimit`. CLI `--rate-limit-headers`.
   */
  rateLimitHeaders?: boolean;
  /**
   * A used-up spend limit: every model call (or those of `models`) is refused with 429 and Langdock-like words
   * naming the workspace's, user's or key's monthly limit, before the rate limit and without `retry-after`;
   * `setSpendLimit` changes it while running. CLI `--spend-limit <scope>[:<model>,...]`.
   */
  spendLimit?: SpendLimit;
  /**
   * Error bodies: `layered` (default) answers gateway refusals (key, origin, route, rate limit, Langdock's four
   * unsupported parameters) as Langdock's `{message}` and backend refusals (parameters, messages, models) as
   * OpenAI's `{error: {message, type, param, code}}`; `langdock` or `openai` force one shape for all.
   */
  errorShape?: ErrorShape;
  /** Start streams with Azure's `prompt_filter_results` chunk and add `content_filter_results` to choices. */
  azureFilterChunk?: boolean;
  /** Pause between streamed chunks of built-in replies. */
  chunkDelayMs?: number;
  /**
   * How long the model takes over an answer (chat completions, Messages, agents): a non-streaming answer waits
   * this long, a stream spreads it between its chunks. `[emulate:latency=<ms>]` in the last user message sets it
   * for one request. Default 0. CLI `--latency-ms`.
   */
  latencyMs?: number;
  /**
   * Langdock's proxy timeout: a non-streaming chat completion, Messages or agent call whose latency exceeds this
   * many milliseconds is answered 524 at that moment (Cloudflare's page, or an empty body), while the model still
   * runs and counts against the rate limit; streams are never cut. Langdock's is about 100,000; default off. CLI
   * `--non-streaming-timeout-ms`.
   */
  nonStreamingTimeoutMs?: number;
  /** The 524's body: Cloudflare's HTML page (default) or nothing. CLI `--timeout-body`. */
  timeoutBody?: 'html' | 'empty';
  /**
   * End built-in streams with a usage chunk (`choices: []`). Off by default: Langdock refuses `stream_options`,
   * so real streams may carry no usage. Non-streaming responses always report usage.
   */
  streamUsage?: boolean;
  /**
   * Accept `response_format: {type: 'json_schema'}`; the answer follows its schema when `strict` is true, and
   * otherwise what the messages say, as in JSON mode (nothing enforces a schema that is not strict).
   */
  allowJsonSchema?: boolean;
  /**
   * Take `json_schema` as `json_object`, its rule that the messages mention JSON included, as a backend that
   * passes only JSON mode would. CLI `--json-schema-as-json-object`.
   */
  jsonSchemaAsJsonObject?: boolean;
  /**
   * Report `completion_tokens_details.reasoning_tokens` larger than `completion_tokens` (by 16), as a backend
   * that counts hidden reasoning outside them does. CLI `--reasoning-tokens-exceed-completion`.
   */
  reasoningTokensExceedCompletion?: boolean;
  /**
   * How the classic chat completions route answers a model it does not serve: `not-found` (default) is the
   * backend's 404 `model_not_found`; `invalid-model` is Langdock's own 400 `{"message": "Invalid model, available
   * models are: …"}`, as the Anthropic route answers (seen live there). CLI `--unknown-model`.
   */
  unknownModel?: 'not-found' | 'invalid-model';
  /**
   * How many ids the "Invalid model" list shows before it is cut short with `…` (Langdock's live list is cut);
   * all when unset. CLI `--invalid-model-list-length`.
   */
  invalidModelListLength?: number;
  /**
   * Serve Langdock's Model Gateway instead of the classic API: no region segment, `POST /v1/chat/completions` and
   * `POST /v1/messages` for every chat model (Claude and GPT alike), `POST /v1/embeddings`, `GET /v1/models` with
   * `context_window` and `operations`, `cost` in usage, and errors in the called format plus a top-level `message`.
   * The classic routes and the Agents API answer 404 then (the gateway is another host). CLI `--gateway`.
   */
  gateway?: boolean;
  /**
   * Regions whose `GET /anthropic/{region}/v1/models` lists nothing (an empty list is a normal live answer, seen for
   * `us`); their messages route still answers. CLI `--empty-anthropic-models <region>`.
   */
  emptyAnthropicModelRegions?: readonly string[];
  /** Receives one line per request; API keys never appear in it. */
  logger?: (line: string) => void;
  /** Clock in milliseconds for rate limiting and `created`, so tests can move time. */
  now?: () => number;
  /** For tests: waits behind `chunkDelayMs`, `latencyMs` and scripted `delayMs`, so delays can be observed without a clock. */
  sleep?: Sleep;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Lowercased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
}

/** A fixed HTTP answer; string bodies are sent verbatim (HTML, plain text), anything else as JSON. */
export interface ScriptedHttpResponse {
  type: 'response';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait before answering. */
  delayMs?: number;
}

interface ScriptedStreamBase {
  status?: number;
  headers?: Record<string, string>;
  /** Pause between pieces. */
  delayMs?: number;
  /** Destroy the socket after this many pieces (chunks, or text pieces) instead of finishing. */
  cutAfter?: number;
}

/** SSE events: objects are sent as `data: <json>`, strings verbatim as `data: <string>` (for malformed data). */
export interface ScriptedStream extends ScriptedStreamBase {
  type: 'stream';
  chunks: readonly unknown[];
  /** Append `data: [DONE]` (default true); it counts as a piece for `cutAfter`. */
  done?: boolean;
}

/** Raw SSE text, optionally split into pieces of `splitEvery` characters to exercise parser boundaries. */
export interface ScriptedSseText extends ScriptedStreamBase {
  type: 'sse-text';
  text: string;
  splitEvery?: number;
}

/** Never answers; the request hangs until the client gives up or the emulator closes. */
export interface ScriptedStall {
  type: 'stall';
}

/** Destroys the connection before any response headers are sent. */
export interface ScriptedReset {
  type: 'reset';
}

export type ScriptedResponse =
  ScriptedHttpResponse | ScriptedStream | ScriptedSseText | ScriptedStall | ScriptedReset;

export interface BaseURLOptions {
  /** Dedicated deployments serve the API under `/api/public`. */
  dedicated?: boolean;
}

export interface LangdockEmulator {
  /** Origin, e.g. `http://127.0.0.1:51234`. */
  url: string;
  /** OpenAI-style base URL for the EU region: `${url}/openai/eu/v1`. */
  baseURL: string;
  /** Base URL for any region (also invalid ones, to test the 404), optionally under `/api/public`. */
  baseURLFor(region: string, options?: BaseURLOptions): string;
  /**
   * The Anthropic route's base as `@ai-sdk/anthropic` takes it: `${url}/anthropic/${region}/v1` (it appends
   * `/messages`); Anthropic's own SDKs take it without `/v1`.
   */
  anthropicBaseURLFor(region: string, options?: BaseURLOptions): string;
  /** The Model Gateway's OpenAI-style base, `${url}/v1` (served with `gateway: true`); Anthropic SDKs take `url`. */
  gatewayBaseURL: string;
  /** The prefix before `/agent/v1` and `/attachment/v1`: the origin, or `${url}/api/public` when dedicated. */
  agentBaseURLFor(options?: BaseURLOptions): string;
  /** Attachments uploaded and not deleted, in upload order. */
  readonly attachments: readonly EmulatorAttachment[];
  /** Every request received, in order, including scripted and rejected ones. */
  readonly requests: readonly RecordedRequest[];
  /** Queues responses; each answers the next request (any route), before any rule is checked. */
  script(...responses: ScriptedResponse[]): void;
  /** How many scripted responses are still queued. */
  readonly pendingScripts: number;
  /** The spend limit in force (the `spendLimit` option until changed). */
  readonly spendLimit: SpendLimit | undefined;
  /** Sets a used-up spend limit, or lifts it with no argument, for the requests that follow. */
  setSpendLimit(spendLimit?: SpendLimit): void;
  /**
   * Clears recorded requests, queued scripts, rate-limit windows, attachments and the prompt cache, and restores
   * the `spendLimit` option.
   */
  reset(): void;
  /** Stops listening and drops open connections (including stalled ones). */
  close(): Promise<void>;
}
