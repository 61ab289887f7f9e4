// The `x-ratelimit-*` headers others saw on Langdock's answers, from the emulator's own per-model windows.
import type { ServerResponse } from 'node:http';
import type { RateLimiter } from './rate-limiter';

/** What pi-langdock reads from Langdock's answers (which routes send them is not stated: assumed all). */
export function rateLimitHeaders(limiter: RateLimiter, model: string): Record<string, string> {
  const limit = limiter.limitFor(model);
  const used = limiter.usage(model);
  return {
    'x-ratelimit-limit-requests': String(limit.rpm),
    'x-ratelimit-limit-tokens': String(limit.tpm),
    'x-ratelimit-remaining-requests': String(Math.max(0, limit.rpm - used.requests)),
    'x-ratelimit-remaining-tokens': String(Math.max(0, limit.tpm - used.tokens)),
  };
}

/** Sets them on a response not yet sent, overriding earlier values (usage grows once a reply is known). */
export function setRateLimitHeaders(
  res: ServerResponse,
  limiter: RateLimiter,
  model: string,
): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(rateLimitHeaders(limiter, model)))
    res.setHeader(name, value);
}
