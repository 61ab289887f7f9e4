// Langdock's chat completion rules: what the API refuses, and the request the emulator keeps if it accepts.
import type { ChatRequest, ResponseFormat, ToolChoice, ToolDefinition } from './chat-request';
import { isArray, isRecord, isStringArray, type JsonObject } from '../server/json-guards';
import { parseMessages } from './chat-message-rules';
import type { CatalogModel } from '../models/model-catalog';
import {
  checkLangdockUnsupported,
  checkModelParameters,
  checkParameterTypes,
  checkUnknownParameters,
  isSet,
} from './chat-parameter-rules';
import {
  checkRules,
  fail,
  requireModel,
  RuleViolation,
  type RuleResult,
} from '../server/api-error';
import { invalidModelError } from '../server/langdock-refusals';

export interface ChatRuleOptions {
  catalog: ReadonlyMap<string, CatalogModel>;
  /** Accept `response_format: {type: 'json_schema'}`, which Langdock does not document. */
  allowJsonSchema: boolean;
  /** Take `json_schema` as `json_object` (its rule that the messages mention JSON included), as a backend may. */
  jsonSchemaAsJsonObject?: boolean;
  /** An unknown model is Langdock's 400 "Invalid model, …" (cut after `listLength` ids), not the backend's 404. */
  invalidModel?: { listLength: number | undefined };
}

const MAX_STOP_SEQUENCES = 4;
const MAX_TOOLS = 128;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function validateChatRequest(
  body: unknown,
  options: ChatRuleOptions,
): RuleResult<ChatRequest> {
  return checkRules(() => parseChatRequest(body, options));
}

// Gateway refusals come first: Langdock refuses its four parameters before any model sees the request.
function parseChatRequest(body: unknown, options: ChatRuleOptions): ChatRequest {
  if (!isRecord(body)) fail('Request body must be a JSON object.');
  checkLangdockUnsupported(body);
  if (options.invalidModel !== undefined && typeof body.model === 'string' && body.model !== '') {
    const available = [...options.catalog.values()].filter((model) => model.kind === 'chat');
    if (!options.catalog.has(body.model))
      throw new RuleViolation(
        invalidModelError(
          available.map((model) => model.id),
          options.invalidModel.listLength,
        ),
      );
  }
  const model = requireModel(body.model, options.catalog, 'chat');
  checkUnknownParameters(body);
  checkParameterTypes(body);
  const messages = parseMessages(body.messages);
  const tools = parseTools(body.tools, 'tools');
  const functions = parseFunctions(body.functions);
  const legacyFunctions = tools.length === 0 && functions.length > 0;
  const toolChoice = legacyFunctions
    ? parseFunctionCall(body.function_call, functions)
    : parseToolChoice(body.tool_choice, tools);
  if (!legacyFunctions && isSet(body.function_call))
    parseFunctionCall(body.function_call, functions);
  const responseFormat = parseResponseFormat(body.response_format, options);
  if (responseFormat.type === 'json_object' && !messages.some((m) => /json/i.test(m.text))) {
    fail(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      { param: 'messages' },
    );
  }
  const stop = parseStop(body.stop);
  checkModelParameters(body, model.profile, model.id);
  return {
    model,
    messages,
    stream: body.stream === true,
    tools: legacyFunctions ? functions : tools,
    toolChoice,
    legacyFunctions,
    responseFormat,
    maxTokens: numberOrUndefined(body.max_completion_tokens) ?? numberOrUndefined(body.max_tokens),
    stop,
    logprobs: body.logprobs === true,
    topLogprobs: numberOrUndefined(body.top_logprobs) ?? 0,
    prediction: predictionText(body.prediction),
  };
}

// checkParameterTypes vetted its shape: a string, or text parts.
function predictionText(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const { content } = value;
  if (typeof content === 'string') return content;
  return isArray(content)
    ? content
        .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
        .join('')
    : undefined;
}

// checkParameterTypes vetted the values already; this only narrows them.
function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function parseTools(value: unknown, param: string): ToolDefinition[] {
  if (!isSet(value)) return [];
  if (!isArray(value)) fail(`'${param}' must be an array.`, { param });
  if (value.length > MAX_TOOLS)
    fail(`'${param}' has ${value.length} entries; at most ${MAX_TOOLS} are allowed.`, { param });
  const names = new Set<string>();
  return value.map((raw: unknown, index) => {
    const path = `${param}[${index}]`;
    if (!isRecord(raw) || raw.type !== 'function')
      fail(`'${path}.type' must be 'function'.`, { param: `${path}.type` });
    const fn = raw.function;
    if (!isRecord(fn)) fail(`'${path}.function' must be an object.`, { param: `${path}.function` });
    return parseFunctionDefinition(fn, `${path}.function`, names);
  });
}

/** The legacy `functions`: the same definitions as `tools`, without the `{type, function}` wrapper. */
function parseFunctions(value: unknown): ToolDefinition[] {
  if (!isSet(value)) return [];
  if (!isArray(value) || value.length === 0)
    fail("'functions' must be a non-empty array.", { param: 'functions' });
  if (value.length > MAX_TOOLS)
    fail(`'functions' has ${value.length} entries; at most ${MAX_TOOLS} are allowed.`, {
      param: 'functions',
    });
  const names = new Set<string>();
  return value.map((raw: unknown, index) => {
    const path = `functions[${index}]`;
    if (!isRecord(raw)) fail(`'${path}' must be an object.`, { param: path });
    return parseFunctionDefinition(raw, path, names);
  });
}

function parseFunctionDefinition(fn: JsonObject, path: string, names: Set<string>): ToolDefinition {
  if (typeof fn.name !== 'string' || !TOOL_NAME.test(fn.name))
    fail(`'${path}.name' must match ${TOOL_NAME.source}.`, { param: `${path}.name` });
  if (names.has(fn.name))
    fail(`'${path}.name' ${fn.name} is used by more than one tool.`, { param: `${path}.name` });
  names.add(fn.name);
  if (isSet(fn.description) && typeof fn.description !== 'string')
    fail(`'${path}.description' must be a string.`, { param: `${path}.description` });
  if (isSet(fn.parameters) && !isRecord(fn.parameters))
    fail(`'${path}.parameters' must be a JSON Schema object.`, { param: `${path}.parameters` });
  const description = typeof fn.description === 'string' ? fn.description : '';
  return { name: fn.name, description, parameters: isRecord(fn.parameters) ? fn.parameters : {} };
}

function parseToolChoice(value: unknown, tools: readonly ToolDefinition[]): ToolChoice {
  if (!isSet(value)) return { type: tools.length > 0 ? 'auto' : 'none' };
  if (tools.length === 0)
    fail("'tool_choice' is only allowed when 'tools' are specified.", { param: 'tool_choice' });
  if (value === 'auto' || value === 'none' || value === 'required') return { type: value };
  const fn = isRecord(value) && value.type === 'function' ? value.function : undefined;
  if (!isRecord(fn) || typeof fn.name !== 'string') {
    fail(
      "'tool_choice' must be 'none', 'auto', 'required' or {type: 'function', function: {name}}.",
      { param: 'tool_choice' },
    );
  }
  const name = fn.name;
  if (!tools.some((tool) => tool.name === name))
    fail(`'tool_choice' names function ${name}, which is not in 'tools'.`, {
      param: 'tool_choice',
    });
  return { type: 'function', name };
}

/** The legacy `function_call`: `none`, `auto` or `{name}` of one of the `functions`. */
function parseFunctionCall(value: unknown, functions: readonly ToolDefinition[]): ToolChoice {
  if (!isSet(value)) return { type: functions.length > 0 ? 'auto' : 'none' };
  if (functions.length === 0)
    fail("'function_call' is only allowed when 'functions' are specified.", {
      param: 'function_call',
    });
  if (value === 'auto' || value === 'none') return { type: value };
  if (!isRecord(value) || typeof value.name !== 'string')
    fail("'function_call' must be 'none', 'auto' or {name}.", { param: 'function_call' });
  const name = value.name;
  if (!functions.some((fn) => fn.name === name))
    fail(`'function_call' names function ${name}, which is not in 'functions'.`, {
      param: 'function_call',
    });
  return { type: 'function', name };
}

function parseResponseFormat(value: unknown, options: ChatRuleOptions): ResponseFormat {
  if (!isSet(value)) return { type: 'text' };
  const type = isRecord(value) ? value.type : undefined;
  if (type === 'text' || type === 'json_object') return { type };
  if (type === 'json_schema' && options.jsonSchemaAsJsonObject === true)
    return { type: 'json_object' };
  const allowJsonSchema = options.allowJsonSchema;
  if (type === 'json_schema' && allowJsonSchema && isRecord(value)) {
    const spec = value.json_schema;
    if (!isRecord(spec) || typeof spec.name !== 'string')
      fail("'response_format.json_schema.name' is required.", {
        param: 'response_format.json_schema.name',
      });
    if (isSet(spec.schema) && !isRecord(spec.schema)) {
      fail("'response_format.json_schema.schema' must be a JSON Schema object.", {
        param: 'response_format.json_schema.schema',
      });
    }
    if (isSet(spec.strict) && typeof spec.strict !== 'boolean')
      fail("'response_format.json_schema.strict' must be a boolean.", {
        param: 'response_format.json_schema.strict',
        code: 'invalid_type',
      });
    return {
      type: 'json_schema',
      name: spec.name,
      schema: isRecord(spec.schema) ? spec.schema : {},
      strict: spec.strict === true,
    };
  }
  const allowed = allowJsonSchema
    ? "'text', 'json_object' or 'json_schema'"
    : "'text' or 'json_object'";
  fail(`'response_format.type' must be ${allowed}.`, { param: 'response_format.type' });
}

function parseStop(value: unknown): string[] {
  if (!isSet(value)) return [];
  if (typeof value === 'string') return [value];
  if (!isStringArray(value))
    fail("'stop' must be a string or an array of strings.", { param: 'stop' });
  if (value.length > MAX_STOP_SEQUENCES)
    fail(`'stop' has ${value.length} sequences; at most ${MAX_STOP_SEQUENCES} are allowed.`, {
      param: 'stop',
    });
  return value;
}
