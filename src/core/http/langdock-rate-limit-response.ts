// What a 429 from Langdock says: which limit refused the call, and what the response reported about the limits.

/**
 * `per-minute`: requests or tokens a minute (transient: retry, and the limiter blocks the bucket).
 * `spend-limit`: a spend, budget or monthly limit of the key, user or workspace (retrying fails until it is raised).
 */
export type LangdockRateLimitKind = 'per-minute' | 'spend-limit';

// Codes such as OpenAI's `insufficient_quota`, `organization_spend_limit_exceeded`, `project_spend_limit_exceeded`.
const SPEND_CODE = /spend|budget|billing|credit|insufficient/i;
// Words only a spend limit uses: a Streamlit app's non-transient list, less its words that per-minute limits share.
const SPEND_TEXT =
  /spend|budget|monthly[\s_-]*(?:usage[\s_-]*)?limit|usage[\s_-]*limit|credit[\s_-]*balance|insufficient[\s_-]*(?:quota|funds|credits?|balance)|extra[\s_-]*usage/i;
// Langdock's "Rate limit for public API exceeded", "exceeded the maximum number of tokens per minute", Azure's
// "exceeded token rate limit … retry after 6 seconds", OpenAI's "tokens per min (TPM)", Vertex's "…_per_minute_…".
const PER_MINUTE_TEXT =
  /per[\s_-]*min(?:ute)?(?![a-z])|\b[rt]pm\b|rate[\s_-]*limit|too many requests|retry[\s_-]*after|try again in/i;
// Words a spend limit uses that a per-minute one can too (Azure links its rate limits to "quotaincrease").
const WEAK_SPEND_TEXT = /quota|billing|insufficient|credit/i;

/**
 * Which limit a refusal names: undefined for anything but a 429. Read from the response body (its codes first,
 * then its words) and, when the words are unclear, the `x-ratelimit-remaining-*` headers; a 429 that says
 * nothing either way is taken as per-minute, Langdock's documented meaning of 429.
 */
export function classifyLangdockRateLimit(
  statusCode: number | undefined,
  responseBody: string | undefined,
  responseHeaders?: Record<string, string>,
): LangdockRateLimitKind | undefined {
  if (statusCode !== 429) return undefined;
  const { codes, texts } = errorWords(responseBody ?? '');
  const code = codes.join(' ');
  const text = texts.join(' ');
  if (SPEND_CODE.test(code) || SPEND_TEXT.test(text)) return 'spend-limit';
  if (PER_MINUTE_TEXT.test(text) || PER_MINUTE_TEXT.test(code)) return 'per-minute';
  const reported = readLangdockRateLimitHeaders(responseHeaders);
  if (reported?.remainingRequests === 0 || reported?.remainingTokens === 0) return 'per-minute';
  if (WEAK_SPEND_TEXT.test(text) || WEAK_SPEND_TEXT.test(code)) return 'spend-limit';
  return 'per-minute';
}

/** The codes (`code`, `type`) and the other strings of an error body; a body that is not JSON is all text. */
function errorWords(body: string): { codes: string[]; texts: string[] } {
  const codes: string[] = [];
  const texts: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { codes, texts: [body] };
  }
  const walk = (value: unknown, key: string | undefined, depth: number): void => {
    if (typeof value === 'string') (key === 'code' || key === 'type' ? codes : texts).push(value);
    else if (typeof value === 'number' && key === 'code') codes.push(String(value));
    else if (typeof value === 'object' && value !== null && depth < 4)
      for (const [childKey, child] of Object.entries(value))
        walk(child, Array.isArray(value) ? key : childKey, depth + 1);
  };
  walk(data, undefined, 0);
  return { codes, texts };
}

/** What the `x-ratelimit-*` response headers reported, when any came. */
export interface LangdockReportedRateLimits {
  limitRequests?: number;
  limitTokens?: number;
  remainingRequests?: number;
  remainingTokens?: number;
}

const RATE_LIMIT_HEADERS = {
  limitRequests: 'x-ratelimit-limit-requests',
  limitTokens: 'x-ratelimit-limit-tokens',
  remainingRequests: 'x-ratelimit-remaining-requests',
  remainingTokens: 'x-ratelimit-remaining-tokens',
} as const;

/** The `x-ratelimit-limit-*` and `x-ratelimit-remaining-*` headers as numbers; undefined when none is readable. */
export function readLangdockRateLimitHeaders(
  headers: Record<string, string> | undefined,
): LangdockReportedRateLimits | undefined {
  let reported: LangdockReportedRateLimits | undefined;
  for (const [field, name] of Object.entries(RATE_LIMIT_HEADERS) as Array<
    [keyof LangdockReportedRateLimits, string]
  >) {
    const text = headers?.[name]?.trim();
    const value = Number(text);
    if (text !== undefined && text !== '' && Number.isSafeInteger(value) && value >= 0)
      (reported ??= {})[field] = value;
  }
  return reported;
}
