// The validated, normalized chat request that the responder works from.
import type { JsonObject } from './guards';
import type { CatalogModel } from './models';

export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ChatMessage =
  | { role: 'system' | 'developer'; text: string }
  | { role: 'user'; text: string; attachments: number }
  | { role: 'assistant'; text: string; toolCalls: ToolCall[] }
  | { role: 'tool'; toolCallId: string; text: string };

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonObject;
}

export type ToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'function'; name: string };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: JsonObject };

export interface ChatRequest {
  model: CatalogModel;
  messages: ChatMessage[];
  stream: boolean;
  tools: ToolDefinition[];
  toolChoice: ToolChoice;
  responseFormat: ResponseFormat;
  /** `max_completion_tokens`, else `max_tokens`. */
  maxTokens: number | undefined;
  stop: string[];
  logprobs: boolean;
  topLogprobs: number;
}
