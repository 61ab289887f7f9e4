// Langdock's responses carry OpenAI's `x-ratelimit-*` headers [seen: pi-langdock reads them; route not stated]: the
// workspace's per-minute limits for the model and what is left of them once this request is counted.

/** What a response's `x-ratelimit-*` headers say; only the ones present (and readable as counts). */
export interface LangdockRateLimitHeaders {
  /** `x-ratelimit-limit-requests`: requests a minute allowed. */
  limitRequests?: number;
  /** `x-ratelimit-limit-tokens`: tokens a minute allowed. */
  limitTokens?: number;
  /** `x-ratelimit-remaining-requests`: requests left in the window. */
  remainingRequests?: number;
  /** `x-ratelimit-remaining-tokens`: tokens left in the window. */
  remainingTokens?: number;
}

const HEADER_NAMES = [
  ['limitRequests', 'x-ratelimit-limit-requests'],
  ['limitTokens', 'x-ratelimit-limit-tokens'],
  ['remainingRequests', 'x-ratelimit-remaining-requests'],
  ['remainingTokens', 'x-ratelimit-remaining-tokens'],
] as const;

/** The `x-ratelimit-*` counts of response headers (lower-case names, as fetch gives them); undefined without any. */
export function readLangdockRateLimitHeaders(
  headers: Record<string, string | undefined> | undefined,
): LangdockRateLimitHeaders | undefined {
  if (headers === undefined) return undefined;
  const read: LangdockRateLimitHeaders = {};
  for (const [field, name] of HEADER_NAMES) {
    const value = headers[name]?.trim();
    if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) continue;
    read[field] = Math.floor(Number(value));
  }
  return Object.keys(read).length === 0 ? undefined : read;
}
