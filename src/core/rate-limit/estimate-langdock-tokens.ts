import type { LangdockChatRequestBody } from '../chat/langdock-chat-api-types';
import type { LangdockMessagesRequestBody } from '../messages/langdock-messages-api-types';
import {
  LANGDOCK_DEFAULT_OUTPUT_TOKENS,
  langdockTokenReservation,
  type LangdockTokenReservation,
} from './langdock-rate-limit';

// No tokenizer ships with this package: the rate limiter reserves an estimate and corrects it with the real
// usage when the answer ends. English averages about 4 characters a token; other scripts (CJK) come
// closer to a token a character, so characters outside ASCII count as one each, erring on the safe side.

/** Tokens a text is likely to take. */
export function estimateLangdockTextTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

// Per message, the role and separators take a few tokens; an image is counted as a high-detail tile set.
const MESSAGE_OVERHEAD_TOKENS = 4;
const IMAGE_TOKENS = 800;

/**
 * What a chat request may use of the tokens-per-minute budget: its prompt and tools, plus `outputTokens`
 * (by default the output it allows, else a default reservation).
 */
export function estimateLangdockChatTokens(
  body: LangdockChatRequestBody,
  outputTokens: number = body.max_completion_tokens ??
    body.max_tokens ??
    LANGDOCK_DEFAULT_OUTPUT_TOKENS,
): number {
  let tokens = 0;
  for (const message of body.messages) {
    tokens += MESSAGE_OVERHEAD_TOKENS;
    const { content } = message;
    if (typeof content === 'string') tokens += estimateLangdockTextTokens(content);
    else if (Array.isArray(content))
      for (const part of content)
        tokens += part.type === 'text' ? estimateLangdockTextTokens(part.text) : IMAGE_TOKENS;
    if (message.role === 'assistant' && message.tool_calls)
      tokens += estimateLangdockTextTokens(JSON.stringify(message.tool_calls));
  }
  if (body.tools) tokens += estimateLangdockTextTokens(JSON.stringify(body.tools));
  return tokens + outputTokens;
}

/** A chat request's reservation: its prompt's estimate, and the output it allows (or the default). */
export function estimateLangdockChatReservation(
  body: LangdockChatRequestBody,
): LangdockTokenReservation {
  return langdockTokenReservation(
    estimateLangdockChatTokens(body, 0),
    body.max_completion_tokens ?? body.max_tokens,
  );
}

/**
 * What a Messages request may use: its system prompt, messages and tools, plus `outputTokens`. Messages always
 * carries `max_tokens` (the format requires it), so the caller passes what the user asked for, not that default.
 */
export function estimateLangdockMessagesTokens(
  body: LangdockMessagesRequestBody,
  outputTokens: number,
): number {
  let tokens = 0;
  for (const block of body.system ?? []) tokens += estimateLangdockTextTokens(block.text);
  for (const message of body.messages) {
    tokens += MESSAGE_OVERHEAD_TOKENS;
    for (const block of message.content) tokens += estimateBlockTokens(block);
  }
  if (body.tools) tokens += estimateLangdockTextTokens(JSON.stringify(body.tools));
  return tokens + outputTokens;
}

function estimateBlockTokens(
  block:
    | LangdockMessagesRequestBody['messages'][number]['content'][number]
    | { type: 'image' | 'document' },
): number {
  switch (block.type) {
    case 'text':
      return estimateLangdockTextTokens(block.text);
    case 'thinking':
      return estimateLangdockTextTokens(block.thinking);
    case 'redacted_thinking':
      return estimateLangdockTextTokens(block.data);
    case 'tool_use':
      return estimateLangdockTextTokens(JSON.stringify(block.input));
    case 'tool_result':
      return typeof block.content === 'string'
        ? estimateLangdockTextTokens(block.content)
        : block.content.reduce((sum, item) => sum + estimateBlockTokens(item), 0);
    default:
      // Images and documents: a page or an image is far more than its share of base64 characters suggests.
      return IMAGE_TOKENS;
  }
}

/** What an embeddings request uses: its inputs. */
export function estimateLangdockEmbeddingTokens(inputs: readonly string[]): number {
  let tokens = 0;
  for (const input of inputs) tokens += estimateLangdockTextTokens(input);
  return tokens;
}
