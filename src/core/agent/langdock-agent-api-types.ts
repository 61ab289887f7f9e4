import type { LangdockAgentConfig, LangdockAgentOutput } from './langdock-agent-options';

// The Agents API's wire shapes (`POST /agent/v1/chat/completions`): AI SDK 5 UIMessages in, the AI SDK's UI
// message stream out. Only what this package writes or reads is named.

export type LangdockUIMessagePart =
  | { type: 'text'; text: string }
  | { type: 'file'; mediaType: string; url: string; filename?: string };

export interface LangdockUIMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: LangdockUIMessagePart[];
  /** `attachments`: ids from `POST /attachment/v1/upload`. */
  metadata?: { attachments: string[] };
}

export interface LangdockAgentRequestBody {
  agentId?: string;
  agent?: LangdockAgentConfig;
  /** The model path builds them (`LangdockUIMessage`); `agentResponse` forwards the browser's, filtered. */
  messages: ReadonlyArray<LangdockUIMessage | Record<string, unknown>>;
  stream: boolean;
  maxSteps?: number;
  imageResponseFormat?: 'url' | 'b64_json';
  output?: LangdockAgentOutput;
}

/** One event of the UI message stream, as parsed: a `type` and whatever fields that type has. */
export type LangdockUIMessageChunk = { type: string } & Record<string, unknown>;

/** The header the AI SDK's UI message stream responses carry, and `useChat` clients look for. */
export const LANGDOCK_UI_MESSAGE_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-vercel-ai-ui-message-stream': 'v1',
  // Keeps nginx and similar proxies from buffering the stream.
  'x-accel-buffering': 'no',
};
