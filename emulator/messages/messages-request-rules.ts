// The Messages request rules of Langdock's Anthropic route: Anthropic's "Create a message" parameters, the
// thinking rules of its extended- and adaptive-thinking guides, and Langdock's own refusals (no `metadata`,
// no unknown fields, its model list). Refusals answer in Anthropic's `path: problem` words.
import type { ToolDefinition, ToolPick } from '../generation/tool-choice';
import { estimateTokens } from '../generation/token-estimate';
import { CLAUDE_EFFORTS, resolveAtSuffix, type ClaudeEffort } from '../models/claude-model-table';
import type { CatalogModel } from '../models/model-catalog';
import { checkDeprecatedSampling } from '../models/deprecated-sampling';
import { checkRules, fail, RuleViolation, type RuleResult } from '../server/api-error';
import { invalidModelError } from '../server/langdock-refusals';
import {
  isArray,
  isInteger,
  isRecord,
  isStringArray,
  type JsonObject,
} from '../server/json-guards';
import {
  checkCacheBreakpoints,
  parseMessages,
  parseSystem,
  pieceOf,
  refuse,
  type ParsedMessages,
} from './messages-content-rules';
import type { MessagesRequest, PromptPiece, ThinkingSetting } from './messages-request';

/**
 * The fields of Anthropic's "Create a message" that Langdock's schema keeps (`additionalProperties: false`;
 * `metadata` was removed in January 2025), plus `output_config` for adaptive thinking's effort.
 */
export const MESSAGES_PARAMETERS = [
  'model',
  'messages',
  'max_tokens',
  'system',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
] as const;

const KNOWN = new Set<string>(MESSAGES_PARAMETERS);
const MIN_THINKING_BUDGET = 1024;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_CHOICE_TYPES = ['auto', 'any', 'tool', 'none'];
const EXTENDED_THINKING_DOCS =
  'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';
/** The effort adaptive thinking runs at when `output_config.effort` is not sent (Anthropic's default). */
export const DEFAULT_EFFORT: ClaudeEffort = 'high';

export interface MessagesRuleOptions {
  /** The models this route serves. */
  catalog: ReadonlyMap<string, CatalogModel>;
  /** The Model Gateway answers an unknown model with its own 404; the classic route with Langdock's 400. */
  gateway: boolean;
  /** How many ids Langdock's "Invalid model" list shows before it is cut short; all when undefined. */
  invalidModelListLength?: number;
}

export function validateMessagesRequest(
  body: unknown,
  options: MessagesRuleOptions,
): RuleResult<MessagesRequest> {
  return checkRules(() => parseMessagesRequest(body, options));
}

function parseMessagesRequest(body: unknown, options: MessagesRuleOptions): MessagesRequest {
  if (!isRecord(body)) refuse('', 'Request body must be a JSON object.');
  const { model, answerModel } = requireMessagesModel(body.model, options);
  const unknown = Object.keys(body).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) refuse(unknown[0]!, 'Extra inputs are not permitted');
  const maxTokens = parseMaxTokens(body.max_tokens, model);
  const messages = parseMessages(body.messages);
  const system = parseSystem(body.system);
  if (body.stream !== undefined && typeof body.stream !== 'boolean')
    refuse('stream', 'Input should be a valid boolean');
  const stopSequences = parseStopSequences(body.stop_sequences);
  checkSampling(body);
  if (model.messages.samplingDeprecated)
    checkDeprecatedSampling(body, ['temperature', 'top_p', 'top_k']);
  const { tools, pieces: toolPieces } = parseTools(body.tools);
  const toolChoice = parseToolChoice(body.tool_choice, tools);
  const thinking = parseThinking(body, model, maxTokens);
  if (thinking.type !== 'disabled') checkThinkingCompatibility(body, toolChoice, messages);
  const prompt: PromptPiece[] = [...toolPieces, ...system.pieces, ...messages.pieces];
  checkCacheBreakpoints(prompt);
  const promptTokens = prompt.reduce((sum, piece) => sum + piece.tokens, 0);
  if (promptTokens > model.contextWindow)
    refuse('', `prompt is too long: ${promptTokens} tokens > ${model.contextWindow} maximum`);
  return {
    model,
    answerModel,
    system: system.text,
    turns: messages.turns,
    maxTokens,
    stream: body.stream === true,
    stopSequences,
    tools,
    toolChoice,
    thinking,
    prompt,
  };
}

/** The model, by its id or Langdock's `@` spelling; unknown ids get Langdock's list (classic) or a 404 (gateway). */
function requireMessagesModel(
  value: unknown,
  options: MessagesRuleOptions,
): { model: CatalogModel; answerModel: string } {
  if (typeof value !== 'string' || value === '') refuse('model', 'Field required');
  const direct = options.catalog.get(value);
  const spelled = direct === undefined ? resolveAtSuffix(value) : undefined;
  const model = direct ?? (spelled === undefined ? undefined : options.catalog.get(spelled.lookup));
  if (model === undefined) {
    if (options.gateway)
      fail(`The model '${value}' does not exist or is not enabled for this key.`, {
        status: 404,
        type: 'not_found_error',
        code: 'model_not_found',
        param: 'model',
      });
    const available = [...options.catalog.values()]
      .filter((candidate) => candidate.kind === 'chat')
      .map((candidate) => candidate.id);
    throw new RuleViolation(invalidModelError(available, options.invalidModelListLength));
  }
  if (model.kind !== 'chat')
    fail(`The model '${value}' does not support the messages operation.`, {
      status: 403,
      type: 'permission_error',
      code: 'model_gateway_unsupported',
      param: 'model',
    });
  return {
    model,
    answerModel: direct === undefined && spelled !== undefined ? spelled.answer : value,
  };
}

function parseMaxTokens(value: unknown, model: CatalogModel): number {
  if (value === undefined || value === null) refuse('max_tokens', 'Field required');
  if (!isInteger(value)) refuse('max_tokens', 'Input should be a valid integer');
  if (value < 1) refuse('max_tokens', 'Input should be greater than or equal to 1');
  const max = model.messages.maxOutputTokens;
  if (value > max)
    refuse(
      '',
      `max_tokens: ${value} > ${max}, which is the maximum allowed number of output tokens for ${model.id}`,
    );
  return value;
}

function parseStopSequences(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!isStringArray(value)) refuse('stop_sequences', 'Input should be a valid list of strings');
  return value;
}

function checkSampling(body: JsonObject): void {
  const range = (name: string, min: number, max: number): void => {
    const value = body[name];
    if (value === undefined || value === null) return;
    if (typeof value !== 'number') refuse(name, 'Input should be a valid number');
    if (value < min) refuse(name, `Input should be greater than or equal to ${min}`);
    if (value > max) refuse(name, `Input should be less than or equal to ${max}`);
  };
  range('temperature', 0, 1);
  range('top_p', 0, 1);
  const topK = body.top_k;
  if (topK !== undefined && topK !== null) {
    if (!isInteger(topK)) refuse('top_k', 'Input should be a valid integer');
    if (topK < 0) refuse('top_k', 'Input should be greater than or equal to 0');
  }
}

function parseTools(value: unknown): { tools: ToolDefinition[]; pieces: PromptPiece[] } {
  if (value === undefined || value === null) return { tools: [], pieces: [] };
  if (!isArray(value)) refuse('tools', 'Input should be a valid list');
  const names = new Set<string>();
  const pieces: PromptPiece[] = [];
  const tools = value.map((raw: unknown, index) => {
    const path = `tools.${index}`;
    if (!isRecord(raw)) refuse(path, 'Input should be a valid dictionary');
    // Only client tools: Langdock's support for Anthropic's server tools (web search, code execution) is not documented.
    if (raw.type !== undefined && raw.type !== 'custom')
      refuse(
        `${path}.type`,
        `Input tag '${String(raw.type)}' found using 'type' does not match any of the expected tags: 'custom'`,
      );
    if (typeof raw.name !== 'string') refuse(`${path}.name`, 'Field required');
    if (!TOOL_NAME.test(raw.name))
      refuse(`${path}.name`, `String should match pattern '${TOOL_NAME.source}'`);
    if (names.has(raw.name)) refuse('tools', 'Tool names must be unique.');
    names.add(raw.name);
    if (raw.description !== undefined && typeof raw.description !== 'string')
      refuse(`${path}.description`, 'Input should be a valid string');
    const schema = raw.input_schema;
    if (schema === undefined || schema === null) refuse(`${path}.input_schema`, 'Field required');
    if (!isRecord(schema) || schema.type !== 'object')
      refuse(`${path}.input_schema.type`, "Input should be 'object'");
    const description = typeof raw.description === 'string' ? raw.description : '';
    pieces.push(pieceOf(raw, estimateTokens(raw.name, description, JSON.stringify(schema)), path));
    return { name: raw.name, description, parameters: schema };
  });
  return { tools, pieces };
}

function parseToolChoice(value: unknown, tools: readonly ToolDefinition[]): ToolPick {
  if (value === undefined || value === null) return { type: tools.length > 0 ? 'auto' : 'none' };
  if (!isRecord(value)) refuse('tool_choice', 'Input should be a valid dictionary');
  if (typeof value.type !== 'string' || !TOOL_CHOICE_TYPES.includes(value.type))
    refuse(
      'tool_choice.type',
      `Input tag '${String(value.type)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`,
    );
  if (
    value.disable_parallel_tool_use !== undefined &&
    typeof value.disable_parallel_tool_use !== 'boolean'
  )
    refuse('tool_choice.disable_parallel_tool_use', 'Input should be a valid boolean');
  if (value.type === 'none') return { type: 'none' };
  if (tools.length === 0)
    refuse('tool_choice', 'tool_choice may only be specified while providing tools.');
  if (value.type === 'auto') return { type: 'auto' };
  if (value.type === 'any') return { type: 'required' };
  if (typeof value.name !== 'string') refuse('tool_choice.tool.name', 'Field required');
  const name = value.name;
  if (!tools.some((tool) => tool.name === name))
    refuse('tool_choice.tool.name', `Tool '${name}' not found in 'tools'.`);
  return { type: 'tool', name };
}

/** `thinking` against the model's mode, and `output_config.effort` (adaptive models only). */
function parseThinking(body: JsonObject, model: CatalogModel, maxTokens: number): ThinkingSetting {
  const mode = model.messages.thinking;
  const effort = parseOutputConfig(body.output_config, model);
  const value = body.thinking;
  if (value === undefined || value === null) return { type: 'disabled' };
  if (!isRecord(value)) refuse('thinking', 'Input should be a valid dictionary');
  switch (value.type) {
    case 'disabled':
      return { type: 'disabled' };
    case 'enabled': {
      if (mode === 'adaptive')
        refuse(
          '',
          '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
        );
      if (mode === 'none') refuse('thinking', `thinking is not supported by model '${model.id}'.`);
      const budget = value.budget_tokens;
      if (budget === undefined || budget === null)
        refuse('thinking.enabled.budget_tokens', 'Field required');
      if (!isInteger(budget))
        refuse('thinking.enabled.budget_tokens', 'Input should be a valid integer');
      if (budget < MIN_THINKING_BUDGET)
        refuse(
          'thinking.enabled.budget_tokens',
          `Input should be greater than or equal to ${MIN_THINKING_BUDGET}`,
        );
      if (budget >= maxTokens)
        refuse(
          '',
          `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${EXTENDED_THINKING_DOCS}#max-tokens-and-context-window-size`,
        );
      return { type: 'enabled', budgetTokens: budget };
    }
    case 'adaptive':
      if (mode !== 'adaptive')
        refuse(
          'thinking.type',
          `adaptive thinking is not supported on model '${model.id}'; use thinking.type 'enabled' with budget_tokens.`,
        );
      return { type: 'adaptive', effort: effort ?? DEFAULT_EFFORT };
    default:
      refuse(
        'thinking.type',
        `Input tag '${String(value.type)}' found using 'type' does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'`,
      );
  }
}

function parseOutputConfig(value: unknown, model: CatalogModel): ClaudeEffort | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) refuse('output_config', 'Input should be a valid dictionary');
  const unknown = Object.keys(value).find((key) => key !== 'effort');
  if (unknown !== undefined) refuse(`output_config.${unknown}`, 'Extra inputs are not permitted');
  if (model.messages.thinking !== 'adaptive')
    refuse('output_config.effort', `effort is not supported on model '${model.id}'.`);
  const effort = value.effort;
  if (effort === undefined || effort === null) return undefined;
  const efforts = model.messages.efforts;
  if (typeof effort !== 'string' || !(efforts as readonly string[]).includes(effort))
    refuse(
      'output_config.effort',
      `Input should be ${efforts.map((name) => `'${name}'`).join(', ')}`,
    );
  return CLAUDE_EFFORTS.find((name) => name === effort);
}

/** Anthropic's extended-thinking guide: what thinking cannot be combined with. */
function checkThinkingCompatibility(
  body: JsonObject,
  toolChoice: ToolPick,
  messages: ParsedMessages,
): void {
  const temperature = body.temperature;
  if (temperature !== undefined && temperature !== null && temperature !== 1)
    refuse(
      '',
      `\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at ${EXTENDED_THINKING_DOCS}#feature-compatibility`,
    );
  if (body.top_k !== undefined && body.top_k !== null)
    refuse(
      '',
      `\`top_k\` is not compatible with thinking. Please consult our documentation at ${EXTENDED_THINKING_DOCS}#feature-compatibility`,
    );
  const topP = body.top_p;
  if (typeof topP === 'number' && topP < 0.95)
    refuse(
      '',
      `\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. Please consult our documentation at ${EXTENDED_THINKING_DOCS}#feature-compatibility`,
    );
  if (toolChoice.type === 'required' || toolChoice.type === 'tool')
    refuse('', 'Thinking may not be enabled when tool_choice forces tool use.');
  const last = messages.lastAssistant;
  if (
    last !== undefined &&
    last.hasToolUse &&
    last.firstBlockType !== 'thinking' &&
    last.firstBlockType !== 'redacted_thinking'
  )
    refuse(
      `messages.${last.index}.content.0.type`,
      `Expected \`thinking\` or \`redacted_thinking\`, but found \`${last.firstBlockType}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceding the lastmost set of \`tool_use\` and \`tool_result\` blocks). To avoid this requirement, disable \`thinking\`.`,
    );
}
