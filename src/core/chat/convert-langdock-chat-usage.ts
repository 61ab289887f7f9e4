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

/**
 * The predicted-output counts a usage object carries, for `providerMetadata.langdock`: users of `prediction`
 * read them there, as on OpenAI's provider, not in `usage.raw`.
 */
export function langdockChatPredictionMetadata(
  usage: LangdockUsage | undefined,
): Record<string, number> {
  const details = usage?.completion_tokens_details;
  const metadata: Record<string, number> = {};
  if (typeof details?.accepted_prediction_tokens === 'number')
    metadata.acceptedPredictionTokens = details.accepted_prediction_tokens;
  if (typeof details?.rejected_prediction_tokens === 'number')
    metadata.rejectedPredictionTokens = details.rejected_prediction_tokens;
  return metadata;
}
