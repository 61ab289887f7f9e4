// The built-in responder: deterministic, useful replies computed from the request alone.
import { createHash } from 'node:crypto';
import type { ChatMessage, ChatRequest, ToolCall, ToolDefinition } from './chat-request';
import { isRecord, type JsonObject } from '../server/json-guards';
import { findJsonSchemaInText, sampleFromSchema } from '../generation/json-schema-sampler';
import { identifierWords, mentionsWord } from '../generation/prompt-hints';

/** `reasoning` is the chain of thought that models with `reasoning_content` show before the answer. */
export type Reply =
  | { type: 'text'; text: string; reasoning?: string }
  | { type: 'tool-calls'; toolCalls: ToolCall[]; reasoning?: string };

// Verbs and fillers in tool names say nothing about the topic a user asks for.
const GENERIC_WORDS = new Set([
  'get',
  'set',
  'list',
  'create',
  'update',
  'delete',
  'fetch',
  'find',
  'do',
  'run',
  'make',
  'call',
  'tool',
  'function',
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'and',
  'or',
  'by',
  'with',
  'from',
  'current',
  'given',
  'this',
  'that',
  'will',
  'returns',
  'return',
  'about',
  'into',
  'using',
  'some',
  'user',
  'value',
  'values',
]);
const NAME_WORD_SCORE = 3;
const CALL_THRESHOLD = 2;

export function respond(request: ChatRequest): Reply {
  const reply = answer(request);
  if (!request.model.profile.reasoningContent) return reply;
  const about =
    reply.type === 'tool-calls'
      ? `calling ${reply.toolCalls.map((call) => call.name).join(', ')}`
      : 'answering with my fixed template';
  const asked = lastUserText(request.messages).trim();
  return {
    ...reply,
    reasoning: `The user wrote "${asked}". I am the Langdock emulator, so I am ${about}.`,
  };
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

function lastUserText(messages: readonly ChatMessage[]): string {
  return lastUserMessage(messages)?.text ?? '';
}

function textReply(messages: readonly ChatMessage[]): string {
  const user = lastUserMessage(messages);
  if (user === undefined) return 'Hello! This is the Langdock emulator. How can I help you?';
  const attachments =
    user.attachments === 0
      ? ''
      : ` (with ${user.attachments} attachment${user.attachments === 1 ? '' : 's'})`;
  if (user.text.trim() === '') return `You sent a message without text${attachments}.`;
  return `You said: "${user.text.trim()}"${attachments}. This is a deterministic reply from the Langdock emulator.`;
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
  return `Based on the tool results: ${results.join('; ')}.`;
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
  const { tools, toolChoice } = request;
  if (tools.length === 0 || toolChoice.type === 'none') return undefined;
  const hintText = userText ?? lastUserText(request.messages);
  if (toolChoice.type === 'function') {
    const named = tools.find((tool) => tool.name === toolChoice.name);
    return named === undefined
      ? undefined
      : buildToolCall(named, hintText, request.messages.length);
  }
  const ranked = tools
    .map((tool, index) => ({
      tool,
      index,
      score: userText === undefined ? 0 : toolScore(tool, userText),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const best = ranked[0];
  if (best === undefined) return undefined;
  if (toolChoice.type === 'required' || best.score >= CALL_THRESHOLD) {
    return buildToolCall(best.tool, hintText, request.messages.length);
  }
  return undefined;
}

/** How plainly the text asks for this tool: its name, its name's topic words, and its description's words. */
export function toolScore(tool: ToolDefinition, text: string): number {
  if (mentionsWord(text, tool.name)) return 10;
  const nameWords = identifierWords(tool.name).filter(
    (word) => word.length > 2 && !GENERIC_WORDS.has(word),
  );
  const descriptionWords = new Set(
    (tool.description.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
      (word) => word.length > 3 && !GENERIC_WORDS.has(word) && !nameWords.includes(word),
    ),
  );
  const nameScore = nameWords.filter((word) => mentionsWord(text, word)).length * NAME_WORD_SCORE;
  const descriptionScore = [...descriptionWords].filter((word) => mentionsWord(text, word)).length;
  return nameScore + descriptionScore;
}

function buildToolCall(tool: ToolDefinition, hintText: string, salt: number): ToolCall {
  const sampled = sampleFromSchema(tool.parameters, { hintText });
  const args = JSON.stringify(isRecord(sampled) ? sampled : {});
  const digest = createHash('sha256').update(`${tool.name}\n${args}\n${salt}`).digest('hex');
  return { id: `call_${digest.slice(0, 24)}`, name: tool.name, arguments: args };
}

/** JSON mode wraps the answer in an object matching the schema the prompt or response_format gives. */
function formatForResponse(request: ChatRequest, text: string, userText: string): string {
  const format = request.responseFormat;
  if (format.type === 'text') return text;
  const schema =
    format.type === 'json_schema' ? format.schema : findSchemaInMessages(request.messages);
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
