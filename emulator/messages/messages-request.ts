// The validated, normalized Messages request that the Messages responder works from.
import type { ToolDefinition, ToolPick } from '../generation/tool-choice';
import type { ClaudeEffort } from '../models/claude-model-table';
import type { CatalogModel } from '../models/model-catalog';

export interface MessagesToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface MessagesToolResult {
  toolUseId: string;
  text: string;
  isError: boolean;
}

/** One turn after Anthropic's merge of consecutive same-role messages. */
export interface MessagesTurn {
  role: 'user' | 'assistant';
  text: string;
  /** Images and documents. */
  attachments: number;
  toolUses: MessagesToolUse[];
  toolResults: MessagesToolResult[];
}

export type ThinkingSetting =
  | { type: 'disabled' }
  | { type: 'enabled'; budgetTokens: number }
  | { type: 'adaptive'; effort: ClaudeEffort };

export type CacheTtl = '5m' | '1h';

/** The prompt in Anthropic's cache order (tools, system, messages), one piece per block. */
export interface PromptPiece {
  /** What identifies the block for the cache: its JSON without `cache_control`. */
  key: string;
  tokens: number;
  /** Set on blocks with `cache_control`: a cache breakpoint ends here. */
  breakpoint: CacheTtl | undefined;
}

export interface MessagesRequest {
  model: CatalogModel;
  /** The `model` the answer carries: the requested id, or its `@default` spelling without the suffix. */
  answerModel: string;
  system: string;
  turns: MessagesTurn[];
  maxTokens: number;
  stream: boolean;
  stopSequences: string[];
  tools: ToolDefinition[];
  toolChoice: ToolPick;
  thinking: ThinkingSetting;
  prompt: PromptPiece[];
}
