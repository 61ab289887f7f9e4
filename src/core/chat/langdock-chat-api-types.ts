// The wire shapes of Langdock's chat completions endpoint, independent of any AI SDK spec version.

export type LangdockContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'low' | 'high' | 'auto' } };

export interface LangdockToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type LangdockMessage =
  | { role: 'system' | 'developer'; content: string; name?: string }
  | { role: 'user'; content: string | LangdockContentPart[]; name?: string }
  | { role: 'assistant'; content: string | null; tool_calls?: LangdockToolCall[]; name?: string }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface LangdockTool {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
}

export type LangdockToolChoice =
  'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export type LangdockResponseFormat =
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema: unknown; strict?: boolean };
    };

export interface LangdockChatRequestBody {
  model: string;
  messages: LangdockMessage[];
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  stop?: string[];
  seed?: number;
  response_format?: LangdockResponseFormat;
  tools?: LangdockTool[];
  tool_choice?: LangdockToolChoice;
  reasoning_effort?: string;
  user?: string;
  logit_bias?: Record<string, number>;
  logprobs?: boolean;
  top_logprobs?: number;
  verbosity?: 'low' | 'medium' | 'high';
  prompt_cache_key?: string;
  metadata?: Record<string, string>;
  store?: boolean;
  prediction?: { type: 'content'; content: string | Array<{ type: 'text'; text: string }> };
  safety_identifier?: string;
  stream?: boolean;
  /** `providerOptions.langdock.extraBody`: any other parameter, by its wire name. */
  [parameter: string]: unknown;
}

export interface LangdockUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number | null;
    /** Predicted output (`prediction`) tokens that appeared in the answer, and those that did not. */
    accepted_prediction_tokens?: number | null;
    rejected_prediction_tokens?: number | null;
  } | null;
}

// A type alias, not an interface, so it passes as JSON in provider metadata.
export type LangdockLogprob = {
  token: string;
  logprob: number;
  top_logprobs?: Array<{ token: string; logprob: number }>;
};

/** What a completion and each of its stream chunks share. */
interface LangdockCompletionEnvelope {
  id?: string | null;
  created?: number | null;
  model?: string | null;
  usage?: LangdockUsage | null;
  prompt_filter_results?: unknown;
}

interface LangdockChoiceBase {
  index?: number;
  finish_reason?: string | null;
  logprobs?: { content?: LangdockLogprob[] | null } | null;
  content_filter_results?: unknown;
  /** Azure's asynchronous filter: which part of the answer a verdict is about. */
  content_filter_offsets?: unknown;
}

export interface LangdockChatResponse extends LangdockCompletionEnvelope {
  choices: Array<
    LangdockChoiceBase & {
      /** `reasoning_content`: the reasoning text some Azure-hosted models (DeepSeek R1) return. */
      message: {
        role?: string;
        content?: string | null;
        reasoning_content?: string | null;
        refusal?: string | null;
        tool_calls?: LangdockToolCall[] | null;
      };
    }
  >;
}

export interface LangdockToolCallDelta {
  index?: number | null;
  id?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

export interface LangdockChatChunk extends LangdockCompletionEnvelope {
  choices?: Array<
    LangdockChoiceBase & {
      delta?: {
        role?: string | null;
        content?: string | null;
        reasoning_content?: string | null;
        refusal?: string | null;
        tool_calls?: LangdockToolCallDelta[] | null;
      } | null;
    }
  >;
}
