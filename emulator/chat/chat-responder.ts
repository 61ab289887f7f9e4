// The built-in responder: deterministic, useful replies computed from the request alone.
import { createHash } from 'node:crypto';
import type { ChatMessage, ChatRequest, ToolCall, ToolDefinition } from './chat-request';
import type { JsonObject } from '../server/json-guards';
import { findJsonSchemaInText, sampleFromSchema } from '../generation/json-schema-sampler';
import {
  echoReply,
  GREETING,
  reasoningText,
  toolResultsReply,
} from '../generation/reply-templates';
import { pickTool, sampleToolInput } from '../generation/tool-choice';

export { toolScore } from '../generation/tool-choice';

/** `reasoning` is the chain of thought that models with `reasoning_content` show before the answer. */
export type Reply =
  | { type: 'text'; text: string; reasoning?: string }
  | { type: 'tool-calls'; toolCalls: ToolCall[]; reasoning?: string };

export function respond(request: ChatRequest): Reply {
  const reply = answer(request);
  if (!request.model.profile.reasoningContent) return reply;
  const calls = reply.type === 'tool-calls' ? reply.toolCalls.map((call) => call.name) : [];
  return { ...reply, reasoning: reasoningText(lastUserText(request.messages), calls) };
}

function answer(request: ChatRequest): Reply {
  const last = request.messages.at(-1);
  const userText = lastUserText(request.messages);
  const call = chooseToolCall(request, last?.role === 'user' ? userText : undefined);
  if (call !== undefined) return { type: 'tool-calls', toolCalls: [call] };
  const answersResults = last?.role === 'tool' || last?.role === 'function';
  const text = answersResults
    ? answerFromToolResults(request.messages)
    : textReply(request.messages);
  return { type: 'text', text: formatForResponse(request, text, userText) };
}

type UserMessage = Extract<ChatMessage, { role: 'user' }>;

function lastUserMessage(messages: readonly ChatMessage[]): UserMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message?.role === 'user') return message;
  }
  return undefined;
}

export function lastUserText(messages: readonly ChatMessage[]): string {
  return lastUserMessage(messages)?.text ?? '';
}

function textReply(messages: readonly ChatMessage[]): string {
  const user = lastUserMessage(messages);
  return user === undefined ? GREETING : echoReply(user.text, user.attachments);
}

/** Answers with the trailing tool (or legacy function) results, naming the tool each came from. */
function answerFromToolResults(messages: readonly ChatMessage[]): string {
  const results: string[] = [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message?.role === 'function') results.unshift(`${message.name} returned ${message.text}`);
    else if (message?.role === 'tool')
      results.unshift(`${toolNameFor(messages, message.toolCallId)} returned ${message.text}`);
    else break;
  }
  return toolResultsReply(results);
}

function toolNameFor(messages: readonly ChatMessage[], toolCallId: string): string {
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    const call = message.toolCalls.find((candidate) => candidate.id === toolCallId);
    if (call !== undefined) return call.name;
  }
  return 'the tool';
}

/** Picks the tool to call, if any: forced by tool_choice, or plainly asked for in the user's last message. */
function chooseToolCall(request: ChatRequest, userText: string | undefined): ToolCall | undefined {
  const { toolChoice } = request;
  const pick =
    toolChoice.type === 'function' ? { type: 'tool' as const, name: toolChoice.name } : toolChoice;
  const tool = pickTool(request.tools, pick, userText);
  if (tool === undefined) return undefined;
  return buildToolCall(tool, userText ?? lastUserText(request.messages), request.messages.length);
}

function buildToolCall(tool: ToolDefinition, hintText: string, salt: number): ToolCall {
  const args = JSON.stringify(sampleToolInput(tool, hintText));
  const digest = createHash('sha256').update(`${tool.name}\n${args}\n${salt}`).digest('hex');
  return { id: `call_${digest.slice(0, 24)}`, name: tool.name, arguments: args };
}

/** JSON mode wraps the answer in an object matching the schema the prompt or response_format gives. */
function formatForResponse(request: ChatRequest, text: string, userText: string): string {
  const format = request.responseFormat;
  if (format.type === 'text') return text;
  // Only a strict schema binds the answer; otherwise the model follows what the messages say, as in JSON mode.
  const schema =
    format.type === 'json_schema' && format.strict
      ? format.schema
      : findSchemaInMessages(request.messages);
  if (schema === undefined || Object.keys(schema).length === 0)
    return JSON.stringify({ answer: text });
  return JSON.stringify(sampleFromSchema(schema, { hintText: userText, includeOptional: true }));
}

function findSchemaInMessages(messages: readonly ChatMessage[]): JsonObject | undefined {
  for (const message of messages) {
    if (message.role !== 'system' && message.role !== 'developer' && message.role !== 'user')
      continue;
    const schema = findJsonSchemaInText(message.text);
    if (schema !== undefined) return schema;
  }
  return undefined;
}
