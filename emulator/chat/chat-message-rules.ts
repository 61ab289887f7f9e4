// The `messages` array: roles and content parts as Langdock's request schema has them, and OpenAI's tool-call history rule.
import type { ChatMessage, FunctionCall, ToolCall } from './chat-request';
import { isArray, isRecord, type JsonObject } from '../server/json-guards';
import { fail } from '../server/api-error';

// Langdock documents images as the only attachments of user messages.
const USER_PART_TYPES = ['text', 'image_url'] as const;
// `function` is the legacy function-calling role, which Langdock's request schema still lists.
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;
const IMAGE_DETAILS = ['auto', 'low', 'high'];

export function parseMessages(value: unknown): ChatMessage[] {
  if (!isArray(value) || value.length === 0)
    fail("'messages' must be a non-empty array.", { param: 'messages' });
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
        fail(
          `Invalid parameter: 'messages[${index}]' with role 'tool' must be a response to a preceding message with 'tool_calls'.`,
          {
            param: `messages[${index}].role`,
          },
        );
      }
      if (!open.ids.has(message.toolCallId)) {
        fail(
          `Invalid parameter: 'messages[${index}].tool_call_id' ${message.toolCallId} does not answer any of the 'tool_calls' of 'messages[${open.index}]'.`,
          { param: `messages[${index}].tool_call_id` },
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
    { param: 'messages' },
  );
}

function parseMessage(raw: unknown, path: string): ChatMessage {
  if (!isRecord(raw)) fail(`'${path}' must be an object.`, { param: path });
  const role = raw.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    fail(`'${path}.role' must be one of ${ROLES.join(', ')}.`, { param: `${path}.role` });
  }
  if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string')
    fail(`'${path}.name' must be a string.`, { param: `${path}.name` });
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
    case 'function':
      return parseFunctionMessage(raw, path);
    default:
      return parseToolMessage(raw, path);
  }
}

function parseAssistantMessage(raw: JsonObject, path: string): ChatMessage {
  const hasContent = raw.content !== undefined && raw.content !== null;
  const text = hasContent
    ? parseContent(raw.content, `${path}.content`, ['text', 'refusal']).text
    : '';
  const toolCalls = parseToolCalls(raw.tool_calls, `${path}.tool_calls`);
  const functionCall = parseFunctionCall(raw.function_call, `${path}.function_call`);
  const audio = raw.audio;
  if (audio !== undefined && audio !== null && !(isRecord(audio) && typeof audio.id === 'string')) {
    fail(`'${path}.audio' must be an object with a string 'id'.`, { param: `${path}.audio` });
  }
  const hasAudio = audio !== undefined && audio !== null;
  if (!hasContent && toolCalls.length === 0 && functionCall === undefined && !hasAudio) {
    fail(`'${path}' is an assistant message without content or tool_calls.`, { param: path });
  }
  return { role: 'assistant', text, toolCalls, functionCall };
}

function parseFunctionCall(value: unknown, path: string): FunctionCall | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.arguments !== 'string') {
    fail(`'${path}' must be {name, arguments} with string values.`, { param: path });
  }
  return { name: value.name, arguments: value.arguments };
}

function parseFunctionMessage(raw: JsonObject, path: string): ChatMessage {
  if (typeof raw.name !== 'string' || raw.name === '')
    fail(`'${path}.name' is required for function messages.`, { param: `${path}.name` });
  if (raw.content !== null && typeof raw.content !== 'string')
    fail(`'${path}.content' must be a string or null.`, { param: `${path}.content` });
  return { role: 'function', name: raw.name, text: raw.content ?? '' };
}

function parseToolMessage(raw: JsonObject, path: string): ChatMessage {
  const id = raw.tool_call_id;
  if (typeof id !== 'string' || id === '')
    fail(`'${path}.tool_call_id' is required for tool messages.`, {
      param: `${path}.tool_call_id`,
    });
  return {
    role: 'tool',
    toolCallId: id,
    text: parseContent(raw.content, `${path}.content`, ['text']).text,
  };
}

function parseToolCalls(value: unknown, path: string): ToolCall[] {
  if (value === undefined || value === null) return [];
  if (!isArray(value)) fail(`'${path}' must be an array.`, { param: path });
  return value.map((raw: unknown, index) => {
    const fn = isRecord(raw) ? raw.function : undefined;
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.type !== 'function' || !isRecord(fn)) {
      fail(`'${path}[${index}]' must be {id, type: 'function', function: {name, arguments}}.`, {
        param: `${path}[${index}]`,
      });
    }
    if (typeof fn.name !== 'string' || typeof fn.arguments !== 'string') {
      fail(`'${path}[${index}].function' needs a string 'name' and string 'arguments'.`, {
        param: `${path}[${index}].function`,
      });
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
  if (!isArray(value))
    fail(`'${path}' must be a string or an array of content parts.`, { param: path });
  const texts: string[] = [];
  let attachments = 0;
  value.forEach((part: unknown, index) => {
    const partPath = `${path}[${index}]`;
    if (!isRecord(part) || typeof part.type !== 'string' || !partTypes.includes(part.type)) {
      fail(`'${partPath}.type' must be one of ${partTypes.join(', ')}.`, {
        param: `${partPath}.type`,
      });
    }
    if (part.type === 'text') {
      if (typeof part.text !== 'string')
        fail(`'${partPath}.text' must be a string.`, { param: `${partPath}.text` });
      texts.push(part.text);
    } else if (part.type === 'refusal') {
      if (typeof part.refusal !== 'string')
        fail(`'${partPath}.refusal' must be a string.`, { param: `${partPath}.refusal` });
    } else if (part.type === 'image_url') {
      checkImage(part.image_url, `${partPath}.image_url`);
      attachments += 1;
    }
  });
  return { text: texts.join('\n'), attachments };
}

function checkImage(image: unknown, path: string): void {
  if (!isRecord(image) || typeof image.url !== 'string')
    fail(`'${path}' must be an object with a string 'url'.`, { param: path });
  const detail = image.detail;
  if (
    detail !== undefined &&
    detail !== null &&
    (typeof detail !== 'string' || !IMAGE_DETAILS.includes(detail))
  ) {
    fail(`'${path}.detail' must be one of ${IMAGE_DETAILS.join(', ')}.`, {
      param: `${path}.detail`,
      code: 'invalid_value',
    });
  }
}
