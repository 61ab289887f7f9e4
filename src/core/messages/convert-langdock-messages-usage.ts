import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockTokenUsage } from '../langdock-call';
import type { LangdockMessagesUsage } from './langdock-messages-response-types';

/**
 * Messages' usage in the core's shape. `input_tokens` leaves out the cached input, so cache writes and reads
 * are added back; thinking tokens are known only where the model reports them (`output_tokens_details`).
 */
export function toLangdockMessagesTokenUsage(usage: LangdockMessagesUsage): LangdockTokenUsage {
  const cacheWrite = usage.cache_creation_input_tokens ?? undefined;
  const cacheRead = usage.cache_read_input_tokens ?? undefined;
  const uncached = usage.input_tokens ?? undefined;
  const inputTokens =
    uncached === undefined ? undefined : uncached + (cacheWrite ?? 0) + (cacheRead ?? 0);
  const outputTokens = usage.output_tokens ?? undefined;
  return {
    inputTokens,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    outputTokens,
    reasoningTokens: usage.output_tokens_details?.thinking_tokens ?? undefined,
    totalTokens:
      inputTokens === undefined || outputTokens === undefined
        ? undefined
        : inputTokens + outputTokens,
    raw: usage as Record<string, JSONValue>,
  };
}
