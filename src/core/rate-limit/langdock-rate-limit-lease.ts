import { APICallError } from '@ai-sdk/provider';
import { classifyLangdockRateLimit } from '../http/langdock-rate-limit-response';
import type { LangdockTokenUsage } from '../langdock-call';
import type { LangdockRateLimitLease } from './langdock-rate-limit';

/** The tokens a response says it used, when it says. */
export function langdockUsageTokens(usage: LangdockTokenUsage | undefined): number | undefined {
  if (usage?.totalTokens !== undefined) return usage.totalTokens;
  const { inputTokens: input, outputTokens: output } = usage ?? {};
  if (input === undefined && output === undefined) return undefined;
  return (input ?? 0) + (output ?? 0);
}

/**
 * For a request that failed: a per-minute 429 blocks the bucket for its `retry-after` (or one window); any
 * other answer from Langdock (a spend-limit 429 too: waiting frees no budget) used no tokens. A failure without
 * an answer (a lost connection) keeps the estimate.
 */
export function settleFailedLease(
  lease: LangdockRateLimitLease | undefined,
): (error: unknown) => never {
  return (error) => {
    // Only a refusal (4xx, 5xx) used no tokens; a 200 whose body failed validation was served and stays counted.
    if (
      lease !== undefined &&
      APICallError.isInstance(error) &&
      error.statusCode !== undefined &&
      error.statusCode >= 400
    ) {
      const rateLimit = classifyLangdockRateLimit(
        error.statusCode,
        error.responseBody,
        error.responseHeaders,
      );
      if (rateLimit === 'per-minute') lease.rejected(langdockRetryAfterMs(error.responseHeaders));
      else lease.settle(0);
    }
    throw error;
  };
}

/** `retry-after-ms`, or `retry-after` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function langdockRetryAfterMs(
  headers: Record<string, string> | undefined,
  now = Date.now(),
): number | undefined {
  const ms = Number(headers?.['retry-after-ms']);
  if (headers?.['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
