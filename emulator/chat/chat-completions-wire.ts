// Shapes of the OpenAI-style Chat Completions wire format that Langdock speaks.

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'function_call' | 'content_filter';

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface PromptTokensDetails {
  cached_tokens: number;
  audio_tokens: number;
}

export interface CompletionTokensDetails {
  reasoning_tokens: number;
  audio_tokens: number;
  accepted_prediction_tokens: number;
  rejected_prediction_tokens: number;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: PromptTokensDetails;
  completion_tokens_details: CompletionTokensDetails;
  /** The Model Gateway's charge for the call (assumed name; see the emulator's README). */
  cost?: number;
}

export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

export interface TokenLogprob extends TopLogprob {
  top_logprobs: TopLogprob[];
}

export interface ChoiceLogprobs {
  content: TokenLogprob[];
  refusal: null;
}

export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal: null;
  annotations: [];
  tool_calls?: WireToolCall[];
  /** The legacy answer to `functions`. */
  function_call?: { name: string; arguments: string };
  /** The chain of thought of models that show it (DeepSeek-R1 on Azure). */
  reasoning_content?: string;
}

export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  logprobs: ChoiceLogprobs | null;
  finish_reason: FinishReason;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage: ChatUsage;
  system_fingerprint: string;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments: string };
}

export interface ChunkDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: null;
  tool_calls?: ToolCallDelta[];
  function_call?: { name?: string; arguments: string };
  reasoning_content?: string;
}

export interface ContentFilterResult {
  filtered: boolean;
  severity: 'safe';
}

export type ContentFilterResults = Record<string, ContentFilterResult>;

export interface ChatCompletionChunkChoice {
  index: number;
  delta: ChunkDelta;
  finish_reason: FinishReason | null;
  logprobs: ChoiceLogprobs | null;
  content_filter_results?: ContentFilterResults;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  system_fingerprint: string;
  choices: ChatCompletionChunkChoice[];
  usage?: ChatUsage;
}

/** Azure's first stream chunk: prompt filter verdicts, no choices, blank identity fields. */
export interface AzurePromptFilterChunk {
  id: '';
  object: '';
  created: 0;
  model: '';
  choices: [];
  prompt_filter_results: Array<{
    prompt_index: number;
    content_filter_results: ContentFilterResults;
  }>;
}
