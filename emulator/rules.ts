// Langdock's chat completion rules: what the API refuses, and the request the emulator keeps if it accepts.
import type { ChatMessage, ChatRequest, ResponseFormat, ToolCall, ToolChoice, ToolDefinition } from './chat-request';
import { isArray, isInteger, isRecord, isStringArray, type JsonObject } from './guards';
import type { CatalogModel } from './models';
import { checkRules, fail, rejectUnknownParameters, requireModel, type RuleResult } from './violation';

export interface ChatRuleOptions {
  catalog: ReadonlyMap<string, CatalogModel>;
  /** Accept `response_format: {type: 'json_schema'}`, which Langdock does not document. */
  allowJsonSchema: boolean;
}

const UNSUPPORTED_PARAMETERS = ['n', 'service_tier', 'parallel_tool_calls', 'stream_options'] as const;
// Everything else Azure's chat deployments take; any other top-level key is refused as Azure does.
const CHAT_PARAMETERS = new Set([
  'model', 'messages', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'frequency_penalty',
  'presence_penalty', 'stop', 'seed', 'response_format', 'tools', 'tool_choice', 'reasoning_effort', 'user',
  'logit_bias', 'logprobs', 'top_logprobs', 'stream',
]);
// Langdock documents images as the only attachments of user messages.
const USER_PART_TYPES = ['text', 'image_url'] as const;
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
const MAX_STOP_SEQUENCES = 4;
const MAX_TOOLS = 128;
const MAX_TOP_LOGPROBS = 20;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];
// Azure's reasoning deployments only take these sampling settings at their defaults.
const REASONING_DEFAULTS = { temperature: 1, top_p: 1, frequency_penalty: 0, presence_penalty: 0 } as const;

export function validateChatRequest(body: unknown, options: ChatRuleOptions): RuleResult<ChatRequest> {
  return checkRules(() => parseChatRequest(body, options));
}

function parseChatRequest(body: unknown, options: ChatRuleOptions): ChatRequest {
  if (!isRecord(body)) fail('Request body must be a JSON object.');
  const model = requireModel(body.model, options.catalog, 'chat');
  for (const key of UNSUPPORTED_PARAMETERS) {
    if (key in body) fail(`'${key}' is not supported by the Langdock API. Remove it from the request.`);
  }
  rejectUnknownParameters(body, CHAT_PARAMETERS);
  parseReasoningEffort(body.reasoning_effort, model);
  const messages = parseMessages(body.messages);
  const tools = parseTools(body.tools);
  const toolChoice = parseToolChoice(body.tool_choice, tools);
  const responseFormat = parseResponseFormat(body.response_format, options.allowJsonSchema);
  if (responseFormat.type === 'json_object' && !messages.some((m) => /json/i.test(m.text))) {
    fail("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.");
  }
  const stop = parseStop(body.stop);
  checkRange(body, 'temperature', 0, 2);
  checkRange(body, 'top_p', 0, 1);
  checkRange(body, 'frequency_penalty', -2, 2);
  checkRange(body, 'presence_penalty', -2, 2);
  if (body.stream !== undefined && typeof body.stream !== 'boolean') fail("'stream' must be a boolean.");
  if (body.logprobs !== undefined && typeof body.logprobs !== 'boolean') fail("'logprobs' must be a boolean.");
  if (body.seed !== undefined && !isInteger(body.seed)) fail("'seed' must be an integer.");
  if (body.user !== undefined && typeof body.user !== 'string') fail("'user' must be a string.");
  if (body.logit_bias !== undefined && !isRecord(body.logit_bias)) fail("'logit_bias' must be an object.");
  const topLogprobs = parseTopLogprobs(body);
  const maxTokens = positiveInteger(body, 'max_tokens');
  const maxCompletionTokens = positiveInteger(body, 'max_completion_tokens');
  if (model.reasoning) checkReasoningRules(body);
  return {
    model,
    messages,
    stream: body.stream === true,
    tools,
    toolChoice,
    responseFormat,
    maxTokens: maxCompletionTokens ?? maxTokens,
    stop,
    logprobs: body.logprobs === true,
    topLogprobs,
  };
}

function parseMessages(value: unknown): ChatMessage[] {
  if (!isArray(value) || value.length === 0) fail("'messages' must be a non-empty array.");
  const messages = value.map((raw: unknown, index) => parseMessage(raw, `messages[${index}]`));
  checkToolCallHistory(messages);
  return messages;
}

/** The assistant message whose tool calls the following run of tool messages answers. */
interface OpenToolCalls {
  index: number;
  ids: ReadonlySet<string>;
  answered: Set<string>;
}

/** OpenAI's rule: tool calls are answered by the tool messages right after them, all of them, before anything else. */
function checkToolCallHistory(messages: readonly ChatMessage[]): void {
  let open: OpenToolCalls | undefined;
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (open === undefined) {
        fail(`Invalid parameter: 'messages[${index}]' with role 'tool' must be a response to a preceding message with 'tool_calls'.`);
      }
      if (!open.ids.has(message.toolCallId)) {
        fail(
          `Invalid parameter: 'messages[${index}].tool_call_id' ${message.toolCallId} does not answer any of the 'tool_calls' of 'messages[${open.index}]'.`,
        );
      }
      open.answered.add(message.toolCallId);
      continue;
    }
    if (open !== undefined) failUnanswered(open);
    open =
      message.role === 'assistant' && message.toolCalls.length > 0
        ? { index, ids: new Set(message.toolCalls.map((call) => call.id)), answered: new Set() }
        : undefined;
  }
  if (open !== undefined) failUnanswered(open);
}

function failUnanswered(open: OpenToolCalls): void {
  const missing = [...open.ids].filter((id) => !open.answered.has(id));
  if (missing.length === 0) return;
  fail(
    "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
      `The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
  );
}

function parseMessage(raw: unknown, path: string): ChatMessage {
  if (!isRecord(raw)) fail(`'${path}' must be an object.`);
  const role = raw.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    fail(`'${path}.role' must be one of ${ROLES.join(', ')}.`);
  }
  if (raw.name !== undefined && typeof raw.name !== 'string') fail(`'${path}.name' must be a string.`);
  switch (role) {
    case 'system':
    case 'developer':
      return { role, text: parseContent(raw.content, `${path}.content`, ['text']).text };
    case 'user': {
      const content = parseContent(raw.content, `${path}.content`, USER_PART_TYPES);
      return { role, text: content.text, attachments: content.attachments };
    }
    case 'assistant':
      return parseAssistantMessage(raw, path);
    default:
      return parseToolMessage(raw, path);
  }
}

function parseAssistantMessage(raw: JsonObject, path: string): ChatMessage {
  const hasContent = raw.content !== undefined && raw.content !== null;
  const text = hasContent ? parseContent(raw.content, `${path}.content`, ['text', 'refusal']).text : '';
  const toolCalls = parseToolCalls(raw.tool_calls, `${path}.tool_calls`);
  if (!hasContent && toolCalls.length === 0) fail(`'${path}' is an assistant message without content or tool_calls.`);
  return { role: 'assistant', text, toolCalls };
}

function parseToolMessage(raw: JsonObject, path: string): ChatMessage {
  const id = raw.tool_call_id;
  if (typeof id !== 'string' || id === '') fail(`'${path}.tool_call_id' is required for tool messages.`);
  return { role: 'tool', toolCallId: id, text: parseContent(raw.content, `${path}.content`, ['text']).text };
}

function parseToolCalls(value: unknown, path: string): ToolCall[] {
  if (value === undefined || value === null) return [];
  if (!isArray(value)) fail(`'${path}' must be an array.`);
  return value.map((raw: unknown, index) => {
    const fn = isRecord(raw) ? raw.function : undefined;
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.type !== 'function' || !isRecord(fn)) {
      fail(`'${path}[${index}]' must be {id, type: 'function', function: {name, arguments}}.`);
    }
    if (typeof fn.name !== 'string' || typeof fn.arguments !== 'string') {
      fail(`'${path}[${index}].function' needs a string 'name' and string 'arguments'.`);
    }
    return { id: raw.id, name: fn.name, arguments: fn.arguments };
  });
}

interface ParsedContent {
  text: string;
  attachments: number;
}

function parseContent(value: unknown, path: string, partTypes: readonly string[]): ParsedContent {
  if (typeof value === 'string') return { text: value, attachments: 0 };
  if (!isArray(value)) fail(`'${path}' must be a string or an array of content parts.`);
  const texts: string[] = [];
  let attachments = 0;
  value.forEach((part: unknown, index) => {
    const partPath = `${path}[${index}]`;
    if (!isRecord(part) || typeof part.type !== 'string' || !partTypes.includes(part.type)) {
      fail(`'${partPath}.type' must be one of ${partTypes.join(', ')}.`);
    }
    if (part.type === 'text') {
      if (typeof part.text !== 'string') fail(`'${partPath}.text' must be a string.`);
      texts.push(part.text);
    } else if (part.type === 'refusal') {
      if (typeof part.refusal !== 'string') fail(`'${partPath}.refusal' must be a string.`);
    } else if (part.type === 'image_url') {
      const image = part.image_url;
      if (!isRecord(image) || typeof image.url !== 'string') fail(`'${partPath}.image_url' must be an object with a string 'url'.`);
      attachments += 1;
    }
  });
  return { text: texts.join('\n'), attachments };
}

function parseTools(value: unknown): ToolDefinition[] {
  if (value === undefined || value === null) return [];
  if (!isArray(value)) fail("'tools' must be an array.");
  if (value.length > MAX_TOOLS) fail(`'tools' has ${value.length} entries; at most ${MAX_TOOLS} are allowed.`);
  const names = new Set<string>();
  return value.map((raw: unknown, index) => {
    const path = `tools[${index}]`;
    if (!isRecord(raw) || raw.type !== 'function') fail(`'${path}.type' must be 'function'.`);
    const fn = raw.function;
    if (!isRecord(fn)) fail(`'${path}.function' must be an object.`);
    if (typeof fn.name !== 'string' || !TOOL_NAME.test(fn.name)) {
      fail(`'${path}.function.name' must match ${TOOL_NAME.source}.`);
    }
    if (names.has(fn.name)) fail(`'${path}.function.name' ${fn.name} is used by more than one tool.`);
    names.add(fn.name);
    if (fn.description !== undefined && typeof fn.description !== 'string') {
      fail(`'${path}.function.description' must be a string.`);
    }
    if (fn.parameters !== undefined && !isRecord(fn.parameters)) {
      fail(`'${path}.function.parameters' must be a JSON Schema object.`);
    }
    return { name: fn.name, description: fn.description ?? '', parameters: fn.parameters ?? {} };
  });
}

function parseToolChoice(value: unknown, tools: readonly ToolDefinition[]): ToolChoice {
  if (value === undefined || value === null) return { type: tools.length > 0 ? 'auto' : 'none' };
  if (tools.length === 0) fail("'tool_choice' is only allowed when 'tools' are specified.");
  if (value === 'auto' || value === 'none' || value === 'required') return { type: value };
  const fn = isRecord(value) && value.type === 'function' ? value.function : undefined;
  if (!isRecord(fn) || typeof fn.name !== 'string') {
    fail("'tool_choice' must be 'none', 'auto', 'required' or {type: 'function', function: {name}}.");
  }
  const name = fn.name;
  if (!tools.some((tool) => tool.name === name)) fail(`'tool_choice' names function ${name}, which is not in 'tools'.`);
  return { type: 'function', name };
}

function parseResponseFormat(value: unknown, allowJsonSchema: boolean): ResponseFormat {
  if (value === undefined || value === null) return { type: 'text' };
  const type = isRecord(value) ? value.type : undefined;
  if (type === 'text' || type === 'json_object') return { type };
  if (type === 'json_schema' && allowJsonSchema && isRecord(value)) {
    const spec = value.json_schema;
    if (!isRecord(spec) || typeof spec.name !== 'string') fail("'response_format.json_schema.name' is required.");
    if (spec.schema !== undefined && !isRecord(spec.schema)) {
      fail("'response_format.json_schema.schema' must be a JSON Schema object.");
    }
    return { type: 'json_schema', name: spec.name, schema: spec.schema ?? {} };
  }
  const allowed = allowJsonSchema ? "'text', 'json_object' or 'json_schema'" : "'text' or 'json_object'";
  fail(`'response_format.type' must be ${allowed}.`);
}

function parseStop(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!isStringArray(value)) fail("'stop' must be a string or an array of strings.");
  if (value.length > MAX_STOP_SEQUENCES) {
    fail(`'stop' has ${value.length} sequences; at most ${MAX_STOP_SEQUENCES} are allowed.`);
  }
  return value;
}

function checkRange(body: JsonObject, key: string, min: number, max: number): void {
  const value = body[key];
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || value < min || value > max) fail(`'${key}' must be a number between ${min} and ${max}.`);
}

function positiveInteger(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!isInteger(value) || value < 1) fail(`'${key}' must be a positive integer.`);
  return value;
}

function parseTopLogprobs(body: JsonObject): number {
  const value = body.top_logprobs;
  if (value === undefined || value === null) return 0;
  if (!isInteger(value) || value < 0 || value > MAX_TOP_LOGPROBS) {
    fail(`'top_logprobs' must be an integer between 0 and ${MAX_TOP_LOGPROBS}.`);
  }
  if (body.logprobs !== true) fail("'top_logprobs' requires 'logprobs' to be true.");
  return value;
}

function parseReasoningEffort(value: unknown, model: CatalogModel): void {
  if (value === undefined || value === null) return;
  // Azure's non-reasoning deployments do not know the argument at all.
  if (!model.reasoning) fail('Unrecognized request argument supplied: reasoning_effort');
  if (typeof value !== 'string' || !REASONING_EFFORTS.includes(value)) {
    fail(`'reasoning_effort' must be one of ${REASONING_EFFORTS.join(', ')}.`);
  }
}

function checkReasoningRules(body: JsonObject): void {
  if (body.max_tokens !== undefined && body.max_tokens !== null) {
    fail("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.");
  }
  for (const [key, fallback] of Object.entries(REASONING_DEFAULTS)) {
    const value = body[key];
    if (value !== undefined && value !== null && value !== fallback) {
      fail(`Unsupported value: '${key}' does not support ${String(value)} with this model. Only the default (${fallback}) value is supported.`);
    }
  }
  if (body.logprobs === true) fail("Unsupported parameter: 'logprobs' is not supported with this model.");
  if (isRecord(body.logit_bias) && Object.keys(body.logit_bias).length > 0) {
    fail("Unsupported parameter: 'logit_bias' is not supported with this model.");
  }
}
