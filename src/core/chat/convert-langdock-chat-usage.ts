import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockTokenUsage } from '../langdock-call';
import type { LangdockUsage } from './langdock-chat-api-types';

/** Chat completions' usage in the core's shape: `prompt_tokens` already counts the cached tokens. */
export function toLangdockChatTokenUsage(usage: LangdockUsage): LangdockTokenUsage {
  return {
    inputTokens: usage.prompt_tokens ?? undefined,
    cacheReadTokens: usage.prompt_tokens_details?.cached_tokens ?? undefined,
    cacheWriteTokens: undefined,
    outputTokens: usage.completion_tokens ?? undefined,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? undefined,
    totalTokens: usage.total_tokens ?? undefined,
    raw: usage as Record<string, JSONValue>,
  };
}
