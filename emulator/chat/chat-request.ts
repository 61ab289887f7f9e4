// The validated, normalized chat request that the responder works from.
import type { JsonObject } from '../server/json-guards';
import type { CatalogModel } from '../models/model-catalog';

export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A legacy `function_call`: one call, without an id. */
export interface FunctionCall {
  name: string;
  arguments: string;
}

export type ChatMessage =
  | { role: 'system' | 'developer'; text: string }
  | { role: 'user'; text: string; attachments: number }
  | {
      role: 'assistant';
      text: string;
      toolCalls: ToolCall[];
      functionCall: FunctionCall | undefined;
    }
  | { role: 'tool'; toolCallId: string; text: string }
  | { role: 'function'; name: string; text: string };

import type { ToolDefinition } from '../generation/tool-choice';

export type { ToolDefinition };

export type ToolChoice =
  { type: 'auto' } | { type: 'none' } | { type: 'required' } | { type: 'function'; name: string };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  /** `strict`: the backend enforces the schema; without it the model only sees it (answers as in JSON mode). */
  | { type: 'json_schema'; name: string; schema: JsonObject; strict: boolean };

export interface ChatRequest {
  model: CatalogModel;
  messages: ChatMessage[];
  stream: boolean;
  /** `tools`, or the legacy `functions` when no tools are given. */
  tools: ToolDefinition[];
  toolChoice: ToolChoice;
  /** The request offered legacy `functions`: a call is answered as `function_call`, not `tool_calls`. */
  legacyFunctions: boolean;
  responseFormat: ResponseFormat;
  /** `max_completion_tokens`, else `max_tokens`. */
  maxTokens: number | undefined;
  stop: string[];
  logprobs: boolean;
  topLogprobs: number;
  /** The text of `prediction` (Predicted Outputs), counted as accepted or rejected prediction tokens. */
  prediction: string | undefined;
}
