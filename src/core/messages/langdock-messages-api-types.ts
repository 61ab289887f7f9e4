// The wire shapes of Langdock's Anthropic Messages route (`/anthropic/{region}/v1/messages`), independent
// of any AI SDK spec version. Request types first; the response and stream types follow below them.

// ---------------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------------

/** A prompt-cache breakpoint: everything up to and including the block that carries it is cached. */
/** The Messages API version every request names; Langdock forwards it to Anthropic, Bedrock or Vertex. */
export const LANGDOCK_ANTHROPIC_VERSION = '2023-06-01';

export interface LangdockMessagesCacheControl {
  type: 'ephemeral';
  /** How long the cache entry lives; Anthropic's default is 5 minutes. */
  ttl?: '5m' | '1h';
}

export interface LangdockMessagesTextBlock {
  type: 'text';
  text: string;
  cache_control?: LangdockMessagesCacheControl;
}

/** Where an image or document comes from: inline bytes, a URL the backend fetches, or inline plain text. */
export type LangdockMessagesBase64Source = { type: 'base64'; media_type: string; data: string };
export type LangdockMessagesUrlSource = { type: 'url'; url: string };
export type LangdockMessagesPlainTextSource = {
  type: 'text';
  media_type: 'text/plain';
  data: string;
};

export interface LangdockMessagesImageBlock {
  type: 'image';
  source: LangdockMessagesBase64Source | LangdockMessagesUrlSource;
  cache_control?: LangdockMessagesCacheControl;
}

/** A PDF (base64 or URL) or a plain-text document. */
export interface LangdockMessagesDocumentBlock {
  type: 'document';
  source:
    LangdockMessagesBase64Source | LangdockMessagesUrlSource | LangdockMessagesPlainTextSource;
  title?: string;
  context?: string;
  citations?: { enabled: boolean };
  cache_control?: LangdockMessagesCacheControl;
}

export interface LangdockMessagesToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  /** Always a JSON object: Anthropic refuses any other input. */
  input: Record<string, unknown>;
  cache_control?: LangdockMessagesCacheControl;
}

/** What a tool result may hold besides a plain string (blocks inside it take no cache_control). */
export type LangdockMessagesToolResultContentBlock =
  | Omit<LangdockMessagesTextBlock, 'cache_control'>
  | Omit<LangdockMessagesImageBlock, 'cache_control'>
  | Omit<LangdockMessagesDocumentBlock, 'cache_control'>;

export interface LangdockMessagesToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: string | LangdockMessagesToolResultContentBlock[];
  is_error?: boolean;
  cache_control?: LangdockMessagesCacheControl;
}

/** Extended thinking of an earlier turn, replayed with the signature that proves it unaltered. */
export interface LangdockMessagesThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature: string;
}

/** Thinking the safety system encrypted; replayed as the opaque `data` it came with. */
export interface LangdockMessagesRedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

export type LangdockMessagesUserBlock =
  | LangdockMessagesTextBlock
  | LangdockMessagesImageBlock
  | LangdockMessagesDocumentBlock
  | LangdockMessagesToolResultBlock;

export type LangdockMessagesAssistantBlock =
  | LangdockMessagesTextBlock
  | LangdockMessagesThinkingBlock
  | LangdockMessagesRedactedThinkingBlock
  | LangdockMessagesToolUseBlock;

/** Roles alternate; the system prompt is no message but the body's top-level `system`. */
export type LangdockMessagesMessage =
  | { role: 'user'; content: LangdockMessagesUserBlock[] }
  | { role: 'assistant'; content: LangdockMessagesAssistantBlock[] };

export type LangdockMessagesSystemBlock = LangdockMessagesTextBlock;

/** A client tool: the model calls it, the caller runs it. */
export interface LangdockMessagesTool {
  name: string;
  description?: string;
  input_schema: unknown;
  cache_control?: LangdockMessagesCacheControl;
}

export type LangdockMessagesToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

/** Whether thinking text comes back summarised or empty (only the signature); Opus 4.7 and later default to omitted. */
export type LangdockMessagesThinkingDisplay = 'summarized' | 'omitted';

/** `enabled` with a token budget (Claude 4.5 and earlier), `adaptive` (Claude 4.6 and later) or `disabled`. */
export type LangdockMessagesThinking =
  | { type: 'enabled'; budget_tokens: number; display?: LangdockMessagesThinkingDisplay }
  | { type: 'adaptive'; display?: LangdockMessagesThinkingDisplay }
  | { type: 'disabled' };

/** How much effort a model spends (thinking, text and tool calls), lowest first. */
export const langdockMessagesEfforts = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type LangdockMessagesEffort = (typeof langdockMessagesEfforts)[number];

/** `effort` is set by this package; other fields (`format`, `task_budget`) may come through extraBody. */
export interface LangdockMessagesOutputConfig {
  effort?: LangdockMessagesEffort;
  [field: string]: unknown;
}

export interface LangdockMessagesRequestBody {
  model: string;
  messages: LangdockMessagesMessage[];
  /** Required by the format: the most tokens the answer (thinking included) may take. */
  max_tokens: number;
  system?: LangdockMessagesSystemBlock[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  tools?: LangdockMessagesTool[];
  tool_choice?: LangdockMessagesToolChoice;
  thinking?: LangdockMessagesThinking;
  output_config?: LangdockMessagesOutputConfig;
  stream?: boolean;
  /** `providerOptions.langdock.extraBody`: any other parameter, by its wire name. */
  [parameter: string]: unknown;
}
