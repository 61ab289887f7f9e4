import type { LanguageModelV2Usage } from '@ai-sdk/provider';
import type { LangdockUsage } from './langdock-api-types';

/** Missing counts stay `undefined`: a stream without usage must not read as zero tokens. */
export function convertLangdockUsage(usage: LangdockUsage | null | undefined): LanguageModelV2Usage {
  return {
    inputTokens: usage?.prompt_tokens ?? undefined,
    outputTokens: usage?.completion_tokens ?? undefined,
    totalTokens: usage?.total_tokens ?? undefined,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? undefined,
    cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? undefined,
  };
}
