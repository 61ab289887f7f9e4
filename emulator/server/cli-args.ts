// Command-line flags of `langdock-emulator`, parsed into emulator options.
import { parseArgs } from 'node:util';
import { parseAgentFlag } from '../agents/agent-registry';
import { ERROR_SHAPES, type ErrorShape } from './error-shape';
import type { RateLimit, RateLimitOptions } from '../rate-limit/rate-limiter';
import { SPEND_LIMIT_SCOPES, type SpendLimit } from '../rate-limit/spend-limit';
import type { LangdockEmulatorOptions } from '../emulator-types';

export const CLI_USAGE = `Usage: langdock-emulator [options]

Options:
  --port <n>            Port to listen on (default 0: a free port)
  --host <host>         Interface to bind (default 127.0.0.1)
  --api-key <key>       Accept only this key; repeat for more (default: any non-empty key)
  --rpm <n>             Requests per window per model (default 500)
  --tpm <n>             Tokens per window per model (default 60000)
  --window-ms <n>       Rate-limit window length (default 60000: a minute)
  --model-rpm <id=n>    Requests per window for one model; repeat for more
  --model-tpm <id=n>    Tokens per window for one model; repeat for more
  --no-rate-limit       Turn rate limiting off
  --no-retry-after      Send 429s without retry-after (Langdock documents none)
  --rate-limit-headers  Send x-ratelimit-limit-* and x-ratelimit-remaining-* headers, from the windows
  --spend-limit <scope>[:<id>,<id>]
                        A used-up monthly spend limit of the workspace, user or key: 429 for every model
                        (or the listed ones), before the rate limit
  --error-shape <shape> layered (default: gateway {message}, backend {error}), langdock or openai
  --chunk-delay-ms <n>  Pause between streamed chunks
  --latency-ms <n>      How long the model takes over an answer (a stream spreads it over its chunks);
                        [emulate:latency=<ms>] in the last user message sets it per request
  --non-streaming-timeout-ms <n>
                        Answer a non-streaming call slower than this with 524, as Langdock's proxy does
                        after about 100000 ms (default: off); streams are never cut
  --timeout-body <body> The 524's body: html (Cloudflare's page, default) or empty
  --azure-filter-chunk  Start streams with Azure's prompt_filter_results chunk
  --stream-usage        End streams with a usage chunk (off: Langdock refuses stream_options)
  --allow-json-schema   Accept response_format json_schema (answered to its schema when strict)
  --json-schema-as-json-object
                        Take json_schema as json_object (the messages must then mention JSON)
  --reasoning-tokens-exceed-completion
                        Report more reasoning_tokens than completion_tokens in usage
  --unknown-model <answer>
                        not-found (default: the backend's 404) or invalid-model (Langdock's 400
                        "Invalid model, available models are: ...") on the chat completions route
  --invalid-model-list-length <n>
                        Cut the "Invalid model" list after n ids with an ellipsis (default: all)
  --gateway             Serve the Model Gateway (/v1/chat/completions, /v1/messages, /v1/embeddings,
                        /v1/models for every model, cost in usage) instead of the classic routes
  --empty-anthropic-models <region>
                        GET /anthropic/<region>/v1/models lists nothing; repeat for more
  --agent <id>[:flags]  Register an agent for /agent/v1/chat/completions; repeat for more. Flags, comma-separated:
                        web-search, unshared, glued, model=<id> (model=auto: Langdock's "Auto" 400),
                        name=<name>, error-after=<n> (an error chunk after n chunks)
  --quiet               Do not log requests
  --help                Show this help`;

export type CliCommand =
  { type: 'help' } | { type: 'start'; options: LangdockEmulatorOptions; quiet: boolean };

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      rpm: { type: 'string' },
      tpm: { type: 'string' },
      'window-ms': { type: 'string' },
      'model-rpm': { type: 'string', multiple: true },
      'model-tpm': { type: 'string', multiple: true },
      'no-rate-limit': { type: 'boolean' },
      'no-retry-after': { type: 'boolean' },
      'rate-limit-headers': { type: 'boolean' },
      'spend-limit': { type: 'string' },
      'error-shape': { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      'non-streaming-timeout-ms': { type: 'string' },
      'timeout-body': { type: 'string' },
      'azure-filter-chunk': { type: 'boolean' },
      'stream-usage': { type: 'boolean' },
      'allow-json-schema': { type: 'boolean' },
      'json-schema-as-json-object': { type: 'boolean' },
      'reasoning-tokens-exceed-completion': { type: 'boolean' },
      'unknown-model': { type: 'string' },
      'invalid-model-list-length': { type: 'string' },
      gateway: { type: 'boolean' },
      'empty-anthropic-models': { type: 'string', multiple: true },
      agent: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return { type: 'help' };
  const options: LangdockEmulatorOptions = {
    port: wholeNumber('--port', values.port) ?? 0,
    host: values.host ?? '127.0.0.1',
    azureFilterChunk: values['azure-filter-chunk'] === true,
    streamUsage: values['stream-usage'] === true,
    allowJsonSchema: values['allow-json-schema'] === true,
  };
  if (values.agent !== undefined) options.agents = values.agent.map(parseAgentFlag);
  if (values.gateway === true) options.gateway = true;
  if (values['json-schema-as-json-object'] === true) options.jsonSchemaAsJsonObject = true;
  if (values['reasoning-tokens-exceed-completion'] === true)
    options.reasoningTokensExceedCompletion = true;
  const emptyRegions = values['empty-anthropic-models'];
  if (emptyRegions !== undefined) options.emptyAnthropicModelRegions = emptyRegions;
  const apiKeys = values['api-key'];
  if (apiKeys !== undefined) options.apiKeys = apiKeys;
  const chunkDelayMs = wholeNumber('--chunk-delay-ms', values['chunk-delay-ms']);
  if (chunkDelayMs !== undefined) options.chunkDelayMs = chunkDelayMs;
  const latencyMs = wholeNumber('--latency-ms', values['latency-ms']);
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  const timeoutMs = wholeNumber('--non-streaming-timeout-ms', values['non-streaming-timeout-ms']);
  if (timeoutMs !== undefined) options.nonStreamingTimeoutMs = timeoutMs;
  const timeoutBody = values['timeout-body'];
  if (timeoutBody !== undefined)
    options.timeoutBody = oneOf('--timeout-body', timeoutBody, TIMEOUT_BODIES);
  if (values['no-retry-after'] === true) options.retryAfter = false;
  if (values['rate-limit-headers'] === true) options.rateLimitHeaders = true;
  const spendLimit = values['spend-limit'];
  if (spendLimit !== undefined) options.spendLimit = parseSpendLimit(spendLimit);
  const errorShape = values['error-shape'];
  if (errorShape !== undefined) options.errorShape = parseErrorShape(errorShape);
  const unknownModel = values['unknown-model'];
  if (unknownModel !== undefined)
    options.unknownModel = oneOf('--unknown-model', unknownModel, UNKNOWN_MODEL_ANSWERS);
  const listLength = wholeNumber(
    '--invalid-model-list-length',
    values['invalid-model-list-length'],
  );
  if (listLength !== undefined) options.invalidModelListLength = listLength;
  const rateLimit = parseRateLimit(values);
  if (values['no-rate-limit'] === true) options.rateLimit = false;
  else if (rateLimit !== undefined) options.rateLimit = rateLimit;
  return { type: 'start', options, quiet: values.quiet === true };
}

interface RateLimitFlags {
  rpm?: string;
  tpm?: string;
  'window-ms'?: string;
  'model-rpm'?: string[];
  'model-tpm'?: string[];
}

function parseRateLimit(values: RateLimitFlags): RateLimitOptions | undefined {
  const limit: RateLimitOptions = {};
  const rpm = wholeNumber('--rpm', values.rpm);
  const tpm = wholeNumber('--tpm', values.tpm);
  const windowMs = wholeNumber('--window-ms', values['window-ms']);
  if (rpm !== undefined) limit.rpm = rpm;
  if (tpm !== undefined) limit.tpm = tpm;
  if (windowMs !== undefined) limit.windowMs = windowMs;
  const models: Record<string, Partial<Pick<RateLimit, 'rpm' | 'tpm'>>> = {};
  for (const key of ['rpm', 'tpm'] as const) {
    for (const pair of values[`model-${key}`] ?? []) {
      const [id, value] = modelLimit(`--model-${key}`, pair);
      models[id] = { ...models[id], [key]: value };
    }
  }
  if (Object.keys(models).length > 0) limit.models = models;
  return Object.keys(limit).length > 0 ? limit : undefined;
}

/** `gpt-4o=5`: the last `=` splits, so model ids may contain one. */
function modelLimit(flag: string, pair: string): [string, number] {
  const at = pair.lastIndexOf('=');
  const value = pair.slice(at + 1);
  if (at <= 0 || !/^\d+$/.test(value))
    throw new Error(`${flag} needs <model id>=<whole number>, got '${pair}'.`);
  return [pair.slice(0, at), wholeNumber(flag, value) ?? 0];
}

const TIMEOUT_BODIES = ['html', 'empty'] as const;
const UNKNOWN_MODEL_ANSWERS = ['not-found', 'invalid-model'] as const;

/** `workspace`, or `key:gpt-4.1,gpt-4o` for those models only. */
function parseSpendLimit(value: string): SpendLimit {
  const at = value.indexOf(':');
  const scope = oneOf('--spend-limit', at === -1 ? value : value.slice(0, at), SPEND_LIMIT_SCOPES);
  if (at === -1) return scope;
  const models = value
    .slice(at + 1)
    .split(',')
    .filter((id) => id !== '');
  if (models.length === 0)
    throw new Error(`--spend-limit needs model ids after ':', got '${value}'.`);
  return { scope, models };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined)
    throw new Error(`${flag} must be one of ${allowed.join(', ')}, got '${value}'.`);
  return found;
}

function parseErrorShape(value: string): ErrorShape {
  const shape = ERROR_SHAPES.find((candidate) => candidate === value);
  if (shape === undefined)
    throw new Error(`--error-shape must be one of ${ERROR_SHAPES.join(', ')}, got '${value}'.`);
  return shape;
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number))
    throw new Error(`${flag} needs a whole number, got '${value}'.`);
  return number;
}
