// The wire shapes of what Langdock's Anthropic Messages route sends back: a Message body, and the events of
// a streamed one. Only the fields this package reads are typed; a block, delta, citation or event of a type
// not listed here still arrives (Anthropic adds them) and falls to the `default` of every switch over them.

/**
 * Usage as sent. `input_tokens` counts only the uncached input; cache writes and reads come on top. A stream
 * sends it twice: in `message_start` and, updated, in `message_delta`. Gateway fields (a cost) ride along.
 */
export interface LangdockMessagesUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  /** Newer models (Claude Opus 5) say how many of the output tokens were thinking. */
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  [field: string]: unknown;
}

/** A web page the answer cites (web search results). */
export interface LangdockMessagesUrlCitation {
  type: 'web_search_result_location';
  url: string;
  title?: string | null;
  cited_text?: string | null;
}

/** A passage of a document of the prompt, by its position among the prompt's documents. */
export interface LangdockMessagesDocumentCitation {
  type: 'char_location' | 'page_location' | 'content_block_location';
  document_index: number;
  document_title?: string | null;
  cited_text?: string | null;
}

export type LangdockMessagesCitation =
  LangdockMessagesUrlCitation | LangdockMessagesDocumentCitation;

export interface LangdockMessagesResponseTextBlock {
  type: 'text';
  text: string;
  citations?: LangdockMessagesCitation[] | null;
}

export interface LangdockMessagesResponseThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature?: string | null;
}

export interface LangdockMessagesResponseRedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

export interface LangdockMessagesResponseToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  /** An object in a Message body; `{}` in a stream's `content_block_start`, the input following as deltas. */
  input?: unknown;
}

/** Server tool blocks (`server_tool_use`, `web_search_tool_result`) and newer kinds are not among these. */
export type LangdockMessagesResponseBlock =
  | LangdockMessagesResponseTextBlock
  | LangdockMessagesResponseThinkingBlock
  | LangdockMessagesResponseRedactedThinkingBlock
  | LangdockMessagesResponseToolUseBlock;

/** A block as a stream's `content_block_start` opens it: empty as a rule, its content following as deltas. */
export type LangdockMessagesStreamBlock =
  | (Omit<LangdockMessagesResponseTextBlock, 'text'> & { text?: string | null })
  | (Omit<LangdockMessagesResponseThinkingBlock, 'thinking'> & { thinking?: string | null })
  | LangdockMessagesResponseRedactedThinkingBlock
  | LangdockMessagesResponseToolUseBlock;

/** What the message's end brings besides the stop reason; kept in provider metadata as sent. */
export interface LangdockMessagesStopFields {
  stop_reason?: string | null;
  stop_sequence?: string | null;
  /** Why a `refusal` happened (category, explanation), when the model says. */
  stop_details?: Record<string, unknown> | null;
  /** The code execution container a server tool used. */
  container?: Record<string, unknown> | null;
}

export interface LangdockMessagesResponse extends LangdockMessagesStopFields {
  id?: string | null;
  model?: string | null;
  content: LangdockMessagesResponseBlock[];
  usage?: LangdockMessagesUsage | null;
  context_management?: Record<string, unknown> | null;
}

export type LangdockMessagesDelta =
  | { type: 'text_delta'; text: string }
  | { type: 'thinking_delta'; thinking: string }
  | { type: 'signature_delta'; signature: string }
  | { type: 'input_json_delta'; partial_json: string }
  | { type: 'citations_delta'; citation: LangdockMessagesCitation };

/** `error` is also sent mid-stream (an overloaded model): `{type:'error', error:{type, message}}`. */
export type LangdockMessagesStreamEvent =
  | {
      type: 'message_start';
      message: {
        id?: string | null;
        model?: string | null;
        stop_reason?: string | null;
        usage?: LangdockMessagesUsage | null;
      };
    }
  | { type: 'content_block_start'; index: number; content_block: LangdockMessagesStreamBlock }
  | { type: 'content_block_delta'; index: number; delta: LangdockMessagesDelta }
  | { type: 'content_block_stop'; index: number }
  | {
      type: 'message_delta';
      delta: LangdockMessagesStopFields;
      usage?: LangdockMessagesUsage | null;
      context_management?: Record<string, unknown> | null;
    }
  | { type: 'message_stop' | 'ping' }
  | { type: 'error'; error?: { type?: string | null; message?: string | null } | null };
