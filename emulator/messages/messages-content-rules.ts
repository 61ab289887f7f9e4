// The `messages` and `system` of a Messages request: roles, content blocks, tool_use/tool_result pairing and
// cache_control, as Anthropic's Messages reference documents them. Messages use Anthropic's `path: problem` style.
import { estimateTokens } from '../generation/token-estimate';
import { fail } from '../server/api-error';
import { isArray, isRecord, type JsonObject } from '../server/json-guards';
import type {
  CacheTtl,
  MessagesToolResult,
  MessagesToolUse,
  MessagesTurn,
  PromptPiece,
} from './messages-request';
import { isValidThinkingSignature } from './thinking-signature';

const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const USER_BLOCKS = ['text', 'image', 'document', 'tool_result'];
const ASSISTANT_BLOCKS = ['text', 'tool_use', 'thinking', 'redacted_thinking'];
const TOOL_RESULT_BLOCKS = ['text', 'image', 'document'];
/** The emulator's token count for one image or document (Anthropic's images cost up to about 1,600). */
export const ATTACHMENT_TOKENS = 1600;
/** Anthropic: "A maximum of 4 blocks with cache_control may be provided". */
export const MAX_CACHE_BREAKPOINTS = 4;

/** A refusal in Anthropic's words: the body path, then what is wrong. */
export function refuse(path: string, problem: string): never {
  fail(path === '' ? problem : `${path}: ${problem}`);
}

function expectedTags(path: string, found: unknown, tags: readonly string[]): never {
  refuse(
    `${path}.type`,
    `Input tag '${String(found)}' found using 'type' does not match any of the expected tags: ${tags.map((tag) => `'${tag}'`).join(', ')}`,
  );
}

/** `cache_control` of a block: undefined, or the TTL of the breakpoint it sets. */
export function parseCacheControl(value: unknown, path: string): CacheTtl | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || value.type !== 'ephemeral')
    refuse(`${path}.cache_control.type`, "Input should be 'ephemeral'");
  const ttl = value.ttl ?? '5m';
  if (ttl !== '5m' && ttl !== '1h')
    refuse(`${path}.cache_control.ttl`, "Input should be '5m' or '1h'");
  return ttl;
}

/** A block as the cache sees it: its JSON without `cache_control`. */
export function pieceOf(block: JsonObject, tokens: number, path: string): PromptPiece {
  const { cache_control: cacheControl, ...rest } = block;
  return { key: JSON.stringify(rest), tokens, breakpoint: parseCacheControl(cacheControl, path) };
}

/** `system`: a string, or an array of text blocks (each may set a cache breakpoint). */
export function parseSystem(value: unknown): { text: string; pieces: PromptPiece[] } {
  if (value === undefined || value === null) return { text: '', pieces: [] };
  if (typeof value === 'string')
    return {
      text: value,
      pieces: value === '' ? [] : [pieceOf({ text: value }, estimateTokens(value), 'system')],
    };
  if (!isArray(value)) refuse('system', 'Input should be a valid string or a list of text blocks');
  const texts: string[] = [];
  const pieces = value.map((block: unknown, index) => {
    const path = `system.${index}`;
    if (!isRecord(block)) refuse(path, 'Input should be a valid dictionary');
    if (block.type !== 'text') expectedTags(path, block.type, ['text']);
    if (typeof block.text !== 'string') refuse(`${path}.text`, 'Input should be a valid string');
    texts.push(block.text);
    return pieceOf(block, estimateTokens(block.text), path);
  });
  return { text: texts.join('\n'), pieces };
}

interface ParsedMessage {
  role: 'user' | 'assistant';
  index: number;
  text: string[];
  attachments: number;
  toolUses: MessagesToolUse[];
  toolResults: Array<MessagesToolResult & { path: string }>;
  /** The type of the first block, for the thinking rule on the final assistant message. */
  firstBlockType: string;
  pieces: PromptPiece[];
}

export interface ParsedMessages {
  turns: MessagesTurn[];
  pieces: PromptPiece[];
  /** The last assistant message, for the rules that need it when thinking is on. */
  lastAssistant: { index: number; firstBlockType: string; hasToolUse: boolean } | undefined;
}

export function parseMessages(value: unknown): ParsedMessages {
  if (!isArray(value)) refuse('messages', 'Input should be a valid list');
  if (value.length === 0) refuse('messages', 'at least one message is required');
  const messages = value.map((raw: unknown, index) =>
    parseMessage(raw, index, index === value.length - 1),
  );
  // Earlier versions of Anthropic's reference required it; the current one is silent (assumed still enforced).
  if (messages[0]?.role !== 'user') refuse('messages', 'first message must use the "user" role');
  const merged = mergeTurns(messages);
  checkToolPairing(merged);
  const lastAssistant = [...messages].reverse().find((message) => message.role === 'assistant');
  return {
    turns: merged.map((turn) => ({
      role: turn.role,
      text: turn.text.join('\n'),
      attachments: turn.attachments,
      toolUses: turn.toolUses,
      toolResults: turn.toolResults.map(({ toolUseId, text, isError }) => ({
        toolUseId,
        text,
        isError,
      })),
    })),
    pieces: messages.flatMap((message) => message.pieces),
    lastAssistant:
      lastAssistant === undefined
        ? undefined
        : {
            index: lastAssistant.index,
            firstBlockType: lastAssistant.firstBlockType,
            hasToolUse: lastAssistant.toolUses.length > 0,
          },
  };
}

/** Anthropic: "Consecutive user or assistant turns in your request will be combined into a single turn." */
function mergeTurns(messages: readonly ParsedMessage[]): ParsedMessage[] {
  const turns: ParsedMessage[] = [];
  for (const message of messages) {
    const last = turns.at(-1);
    if (last === undefined || last.role !== message.role) {
      turns.push({
        ...message,
        text: [...message.text],
        toolUses: [...message.toolUses],
        toolResults: [...message.toolResults],
      });
      continue;
    }
    last.text.push(...message.text);
    last.attachments += message.attachments;
    last.toolUses.push(...message.toolUses);
    last.toolResults.push(...message.toolResults);
  }
  return turns;
}

/** Anthropic's tool-use rules: every tool_use is answered in the next turn, and every tool_result answers the previous one. */
function checkToolPairing(turns: readonly ParsedMessage[]): void {
  turns.forEach((turn, position) => {
    if (turn.role === 'user') {
      const previous = turns[position - 1];
      const offered = new Set(previous?.toolUses.map((use) => use.id) ?? []);
      for (const result of turn.toolResults) {
        if (!offered.has(result.toolUseId)) {
          refuse(
            result.path,
            `unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${result.toolUseId}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
          );
        }
      }
      return;
    }
    if (turn.toolUses.length === 0) return;
    const answered = new Set(
      turns[position + 1]?.toolResults.map((result) => result.toolUseId) ?? [],
    );
    const missing = turn.toolUses.filter((use) => !answered.has(use.id)).map((use) => use.id);
    if (missing.length > 0) {
      refuse(
        `messages.${turn.index}`,
        `\`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
      );
    }
  });
}

function parseMessage(raw: unknown, index: number, isLast: boolean): ParsedMessage {
  const path = `messages.${index}`;
  if (!isRecord(raw)) refuse(path, 'Input should be a valid dictionary');
  const role = raw.role;
  if (role !== 'user' && role !== 'assistant')
    refuse(`${path}.role`, "Input should be 'user' or 'assistant'");
  const message: ParsedMessage = {
    role,
    index,
    text: [],
    attachments: 0,
    toolUses: [],
    toolResults: [],
    firstBlockType: 'text',
    pieces: [],
  };
  const content = raw.content;
  // Anthropic: all messages need non-empty content, except an optional final assistant message.
  const mayBeEmpty = isLast && role === 'assistant';
  if (typeof content === 'string') {
    if (content === '' && !mayBeEmpty)
      refuse(`${path}.content`, 'messages must have non-empty content');
    message.text.push(content);
    message.pieces.push(pieceOf({ type: 'text', text: content }, estimateTokens(content), path));
    return message;
  }
  if (!isArray(content))
    refuse(`${path}.content`, 'Input should be a valid string or a list of content blocks');
  if (content.length === 0 && !mayBeEmpty)
    refuse(`${path}.content`, 'messages must have non-empty content');
  let seenOther = false;
  content.forEach((block: unknown, position) => {
    const blockPath = `${path}.content.${position}`;
    if (!isRecord(block)) refuse(blockPath, 'Input should be a valid dictionary');
    const allowed = role === 'user' ? USER_BLOCKS : ASSISTANT_BLOCKS;
    if (typeof block.type !== 'string' || !allowed.includes(block.type))
      expectedTags(blockPath, block.type, allowed);
    if (position === 0) message.firstBlockType = block.type;
    if (block.type === 'tool_result' && seenOther) {
      refuse(
        blockPath,
        '`tool_result` blocks must come first in the content of a user message, before any other block.',
      );
    }
    if (block.type !== 'tool_result') seenOther = true;
    message.pieces.push(pieceOf(block, parseBlock(block, blockPath, message), blockPath));
  });
  return message;
}

/** Checks one block, records what the responder needs, and returns its token estimate. */
function parseBlock(block: JsonObject, path: string, message: ParsedMessage): number {
  switch (block.type) {
    case 'text':
      if (typeof block.text !== 'string') refuse(`${path}.text`, 'Input should be a valid string');
      message.text.push(block.text);
      return estimateTokens(block.text);
    case 'image':
      checkImageSource(block.source, `${path}.source`);
      message.attachments += 1;
      return ATTACHMENT_TOKENS;
    case 'document':
      checkDocumentSource(block.source, `${path}.source`);
      message.attachments += 1;
      return ATTACHMENT_TOKENS;
    case 'tool_result':
      return parseToolResult(block, path, message);
    case 'tool_use': {
      if (typeof block.id !== 'string' || block.id === '') refuse(`${path}.id`, 'Field required');
      if (typeof block.name !== 'string' || block.name === '')
        refuse(`${path}.name`, 'Field required');
      if (!isRecord(block.input)) refuse(`${path}.input`, 'Input should be a valid dictionary');
      message.toolUses.push({ id: block.id, name: block.name, input: block.input });
      return estimateTokens(block.name, JSON.stringify(block.input));
    }
    case 'thinking':
      if (typeof block.thinking !== 'string')
        refuse(`${path}.thinking`, 'Input should be a valid string');
      if (typeof block.signature !== 'string') refuse(`${path}.signature`, 'Field required');
      if (!isValidThinkingSignature(block.thinking, block.signature))
        refuse(path, 'Invalid `signature` in `thinking` block');
      if (block.cache_control !== undefined)
        refuse(`${path}.cache_control`, 'Extra inputs are not permitted');
      return estimateTokens(block.thinking);
    default:
      // redacted_thinking: opaque data the emulator cannot check.
      if (typeof block.data !== 'string') refuse(`${path}.data`, 'Input should be a valid string');
      if (block.cache_control !== undefined)
        refuse(`${path}.cache_control`, 'Extra inputs are not permitted');
      return estimateTokens(block.data);
  }
}

function parseToolResult(block: JsonObject, path: string, message: ParsedMessage): number {
  if (typeof block.tool_use_id !== 'string' || block.tool_use_id === '')
    refuse(`${path}.tool_use_id`, 'Field required');
  if (block.is_error !== undefined && typeof block.is_error !== 'boolean')
    refuse(`${path}.is_error`, 'Input should be a valid boolean');
  const content = block.content ?? '';
  let text: string;
  let tokens: number;
  if (typeof content === 'string') {
    text = content;
    tokens = estimateTokens(content);
  } else {
    if (!isArray(content))
      refuse(`${path}.content`, 'Input should be a valid string or a list of content blocks');
    const texts: string[] = [];
    tokens = 0;
    content.forEach((part: unknown, position) => {
      const partPath = `${path}.content.${position}`;
      if (!isRecord(part)) refuse(partPath, 'Input should be a valid dictionary');
      if (typeof part.type !== 'string' || !TOOL_RESULT_BLOCKS.includes(part.type))
        expectedTags(partPath, part.type, TOOL_RESULT_BLOCKS);
      if (part.type === 'text') {
        if (typeof part.text !== 'string')
          refuse(`${partPath}.text`, 'Input should be a valid string');
        texts.push(part.text);
        tokens += estimateTokens(part.text);
      } else {
        if (part.type === 'image') checkImageSource(part.source, `${partPath}.source`);
        else checkDocumentSource(part.source, `${partPath}.source`);
        texts.push(`[${part.type}]`);
        tokens += ATTACHMENT_TOKENS;
      }
    });
    text = texts.join(' ');
  }
  message.toolResults.push({
    toolUseId: block.tool_use_id,
    text,
    isError: block.is_error === true,
    path,
  });
  return tokens;
}

function checkImageSource(source: unknown, path: string): void {
  if (!isRecord(source)) refuse(path, 'Field required');
  if (source.type === 'base64') {
    if (typeof source.media_type !== 'string' || !IMAGE_MEDIA_TYPES.includes(source.media_type))
      refuse(
        `${path}.media_type`,
        `Input should be ${IMAGE_MEDIA_TYPES.map((type) => `'${type}'`).join(', ')}`,
      );
    checkBase64(source.data, `${path}.data`);
    return;
  }
  if (source.type === 'url') return checkUrl(source.url, `${path}.url`);
  expectedTags(path, source.type, ['base64', 'url']);
}

function checkDocumentSource(source: unknown, path: string): void {
  if (!isRecord(source)) refuse(path, 'Field required');
  switch (source.type) {
    case 'base64':
      if (source.media_type !== 'application/pdf')
        refuse(`${path}.media_type`, "Input should be 'application/pdf'");
      return checkBase64(source.data, `${path}.data`);
    case 'url':
      return checkUrl(source.url, `${path}.url`);
    case 'text':
      if (source.media_type !== 'text/plain')
        refuse(`${path}.media_type`, "Input should be 'text/plain'");
      if (typeof source.data !== 'string') refuse(`${path}.data`, 'Input should be a valid string');
      return;
    default:
      expectedTags(path, source.type, ['base64', 'url', 'text']);
  }
}

function checkBase64(value: unknown, path: string): void {
  if (typeof value !== 'string' || value === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
    refuse(path, 'Input should be valid base64 data');
}

function checkUrl(value: unknown, path: string): void {
  if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value))
    refuse(path, 'Input should be a valid URL with an http or https scheme');
}

/** Anthropic's limit on breakpoints and its TTL order (1-hour entries before 5-minute ones), over the whole prompt. */
export function checkCacheBreakpoints(pieces: readonly PromptPiece[]): void {
  const ttls = pieces.flatMap((piece) =>
    piece.breakpoint === undefined ? [] : [piece.breakpoint],
  );
  if (ttls.length > MAX_CACHE_BREAKPOINTS)
    refuse(
      '',
      `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${ttls.length}.`,
    );
  const firstShort = ttls.indexOf('5m');
  if (firstShort !== -1 && ttls.slice(firstShort).includes('1h'))
    refuse('', "cache_control entries with ttl '1h' must come before entries with ttl '5m'.");
}
