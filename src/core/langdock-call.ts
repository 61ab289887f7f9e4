import type { JSONValue } from '@ai-sdk/provider';

// The core's own words for a chat call and what comes back. Each spec adapter (src/v2, src/v3, src/v4)
// maps its call options into these and the results out; the shapes are chosen so that most parts of
// every spec fit them as they are, and the per-chunk path needs no conversion at all.

/** Provider options as the specs carry them: `{ langdock: { ... } }`. */
export type LangdockProviderOptions = Record<string, Record<string, unknown> | undefined>;

/** A file's content, tagged the way the newest spec tags it; older specs' raw data is mapped into this. */
export type LangdockFileData =
  | { type: 'data'; data: Uint8Array | string }
  | { type: 'url'; url: URL }
  | { type: 'reference'; reference: Record<string, string> }
  | { type: 'text'; text: string };

export interface LangdockTextPart {
  type: 'text';
  text: string;
  providerOptions?: LangdockProviderOptions;
}

export interface LangdockFilePart {
  type: 'file';
  data: LangdockFileData;
  /** A full media type (`image/png`) or only its top-level type (`image`, or `image/*`). */
  mediaType: string;
  filename?: string;
  providerOptions?: LangdockProviderOptions;
}

export type LangdockToolOutput =
  | { type: 'text' | 'error-text'; value: string }
  | { type: 'json' | 'error-json'; value: unknown }
  | { type: 'execution-denied'; reason?: string }
  /** Only text items can be sent; every other kind of item (images, files, custom) is named by its type. */
  | {
      type: 'content';
      value: ReadonlyArray<{
        type: string;
        text?: string;
        mediaType?: string;
        [field: string]: unknown;
      }>;
    };

export interface LangdockToolResultPart {
  type: 'tool-result';
  toolCallId: string;
  toolName: string;
  output: LangdockToolOutput;
  providerOptions?: LangdockProviderOptions;
}

export type LangdockAssistantPart =
  | LangdockTextPart
  | LangdockFilePart
  /** Its provider options carry what replaying it needs (Claude's `signature` or `redactedData`). */
  | { type: 'reasoning'; text: string; providerOptions?: LangdockProviderOptions }
  | {
      type: 'tool-call';
      toolCallId: string;
      toolName: string;
      input: unknown;
      providerExecuted?: boolean;
      providerOptions?: LangdockProviderOptions;
    }
  | LangdockToolResultPart
  /** Newer specs' assistant parts that chat completions cannot carry (`custom`, `reasoning-file`). */
  | { type: 'custom' | 'reasoning-file' };

export type LangdockPromptMessage = (
  | { role: 'system'; content: string }
  | { role: 'user'; content: Array<LangdockTextPart | LangdockFilePart> }
  | { role: 'assistant'; content: LangdockAssistantPart[] }
  | {
      role: 'tool';
      content: Array<
        | LangdockToolResultPart
        | { type: 'tool-approval-response'; approvalId: string; approved: boolean; reason?: string }
      >;
    }
) & { providerOptions?: LangdockProviderOptions };

export type LangdockPrompt = LangdockPromptMessage[];

/** A function tool, or a provider's own tool (`provider` in V3/V4, `provider-defined` in V2), which Langdock cannot run. */
export type LangdockCallTool =
  | {
      type: 'function';
      name: string;
      description?: string;
      inputSchema: unknown;
      strict?: boolean;
      /** V3/V4 tools carry provider options (a Claude tool's `cacheControl`). */
      providerOptions?: LangdockProviderOptions;
    }
  | { type: 'provider' | 'provider-defined'; name: string; id: string };

export type LangdockCallToolChoice =
  { type: 'auto' | 'none' | 'required' } | { type: 'tool'; toolName: string };

/** V4's `reasoning` call option; the older specs have none. */
export type LangdockReasoning =
  'provider-default' | 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

const reasoningValues: ReadonlySet<unknown> = new Set<LangdockReasoning>([
  'provider-default',
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
]);

/**
 * `reasoning` from call options a compatibility adapter passed along (AI SDK 7 running a V2 or V3 model):
 * a known value, else undefined, so an unknown one is never sent.
 */
export function readLangdockReasoning(options: object): LangdockReasoning | undefined {
  const value = (options as { reasoning?: unknown }).reasoning;
  return reasoningValues.has(value) ? (value as LangdockReasoning) : undefined;
}

export interface LangdockChatCall {
  prompt: LangdockPrompt;
  maxOutputTokens?: number;
  temperature?: number;
  stopSequences?: string[];
  topP?: number;
  topK?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseFormat?:
    { type: 'text' } | { type: 'json'; schema?: unknown; name?: string; description?: string };
  seed?: number;
  tools?: LangdockCallTool[];
  toolChoice?: LangdockCallToolChoice;
  reasoning?: LangdockReasoning;
  includeRawChunks?: boolean;
  abortSignal?: AbortSignal;
  headers?: Record<string, string | undefined>;
  providerOptions?: LangdockProviderOptions;
}

/** Something asked for that was not sent; each spec words it in its own warning shape. */
export type LangdockWarning =
  | { type: 'unsupported-setting'; setting: string; details: string }
  | { type: 'unsupported-tool'; toolName: string; details: string }
  | { type: 'other'; message: string };

/** Provider metadata as every spec carries it on parts: `{ langdock: { ... } }`. */
export type LangdockPartMetadata = Record<string, Record<string, JSONValue>>;

/** A cited source (Claude's citations): the same shape in every spec. */
export type LangdockSource =
  | {
      type: 'source';
      sourceType: 'url';
      id: string;
      url: string;
      title?: string;
      providerMetadata?: LangdockPartMetadata;
    }
  | {
      type: 'source';
      sourceType: 'document';
      id: string;
      mediaType: string;
      title: string;
      filename?: string;
      providerMetadata?: LangdockPartMetadata;
    };

/**
 * Content of a completed answer: the same shapes in every spec. A reasoning part's metadata carries what
 * replaying it needs (Claude's `signature`, or `redactedData` for redacted thinking).
 */
export type LangdockContent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string; providerMetadata?: LangdockPartMetadata }
  | { type: 'tool-call'; toolCallId: string; toolName: string; input: string }
  | LangdockSource;

/** Stream parts every spec shares as they are. The spec adapter supplies `stream-start` and `finish`. */
export type LangdockStreamPart =
  | { type: 'text-start' | 'text-end' | 'tool-input-end'; id: string }
  | {
      type: 'reasoning-start' | 'reasoning-end';
      id: string;
      providerMetadata?: LangdockPartMetadata;
    }
  | { type: 'text-delta' | 'tool-input-delta'; id: string; delta: string }
  | { type: 'reasoning-delta'; id: string; delta: string; providerMetadata?: LangdockPartMetadata }
  | LangdockSource
  | { type: 'tool-input-start'; id: string; toolName: string }
  | { type: 'tool-call'; toolCallId: string; toolName: string; input: string }
  | { type: 'response-metadata'; id?: string; modelId?: string; timestamp?: Date }
  | { type: 'raw'; rawValue: unknown }
  | { type: 'error'; error: unknown };

/**
 * How a response ended. `interrupted`: no finish reason came (the stream ended or the connection was
 * lost first), so the answer may be incomplete; `failed`: the server or this package reported an error.
 */
export interface LangdockFinish {
  outcome: 'finished' | 'interrupted' | 'failed';
  /** The protocol's own word, as sent (`finish_reason`, `stop_reason`). */
  finishReason: string | undefined;
  /** That word in the specs' shared vocabulary; undefined where they have none for it. */
  reason: LangdockFinishReasonName | undefined;
  /** The response's usage, normalised; undefined when the response carried none. */
  usage: LangdockTokenUsage | undefined;
  providerMetadata: Record<string, JSONValue> | undefined;
  /** An estimate of the streamed output's tokens, when asked for (the rate limiter's fallback for missing usage). */
  outputTokens?: number;
}

/** The finish reasons every spec shares (V2 says `unknown`, V3/V4 `other` for the rest). */
export type LangdockFinishReasonName = 'stop' | 'length' | 'content-filter' | 'tool-calls';

/**
 * Token counts in one shape for every protocol. `inputTokens` counts every input token, cached ones
 * included (chat completions' `prompt_tokens`; Messages' `input_tokens` plus cache writes and reads).
 */
export interface LangdockTokenUsage {
  inputTokens: number | undefined;
  cacheReadTokens: number | undefined;
  cacheWriteTokens: number | undefined;
  outputTokens: number | undefined;
  reasoningTokens: number | undefined;
  totalTokens: number | undefined;
  /** The server's usage object as sent (gateway fields such as a cost included). */
  raw: Record<string, JSONValue>;
}

/** What a spec contributes to a stream: its own `stream-start` and `finish` parts. Every other part is shared. */
export interface LangdockStreamSpec<START, FINISH> {
  startPart: (warnings: LangdockWarning[]) => START;
  finishPart: (finish: LangdockFinish) => FINISH;
  /** The spec has a finish reason for a stream that ended without one (V4 `interrupted`). */
  reportsInterruption: boolean;
}

export interface LangdockGenerateResult {
  content: LangdockContent[];
  finish: LangdockFinish;
  metadata: { id?: string; modelId?: string; timestamp?: Date };
  warnings: LangdockWarning[];
  request: { url: string; body: unknown };
  response: { headers: Record<string, string> | undefined; body: unknown };
}

export interface LangdockStreamResult<PART> {
  stream: ReadableStream<PART>;
  request: { url: string; body: unknown };
  response: { headers: Record<string, string> | undefined };
}

/**
 * A language model in the core, whatever protocol it speaks (chat completions, Anthropic Messages): a call
 * in, content, finish and parts out. Each spec's model class wraps one and maps only the edges.
 */
export interface LangdockLanguageModelCore {
  readonly modelId: string;
  /** The AI SDK `provider` name of the models that wrap it (`langdock.chat`, `langdock.messages`). */
  readonly providerName: string;
  /** URLs the route fetches itself; the AI SDK downloads any other. */
  readonly supportedUrls: Record<string, RegExp[]>;
  generate(call: LangdockChatCall): Promise<LangdockGenerateResult>;
  stream<START, FINISH>(
    call: LangdockChatCall,
    spec: LangdockStreamSpec<START, FINISH>,
  ): Promise<LangdockStreamResult<LangdockStreamPart | START | FINISH>>;
}
