import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockFinish } from './langdock-call';
import { readLangdockRateLimitHeaders } from './rate-limit/langdock-rate-limit-headers';

// The gateway documents a cost in "the final usage object of every response" without naming the field
// [assumed: these names; test:live prints the usage object to settle it].
const COST_FIELDS = ['cost', 'total_cost', 'cost_usd'] as const;

/** The numeric cost a usage object carries, under any of the names tried; undefined without one. */
export function readLangdockCost(usage: Record<string, JSONValue> | undefined): number | undefined {
  if (usage === undefined) return undefined;
  for (const field of COST_FIELDS) {
    const value = usage[field];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

/**
 * A finish with what the response says about itself in `providerMetadata.langdock`: `requestId` (the
 * `x-request-id` header, for Langdock's support), `rateLimit` (the `x-ratelimit-*` headers present:
 * `limitRequests`, `limitTokens`, `remainingRequests`, `remainingTokens`), and on the gateway its whole usage
 * object and `cost`.
 */
export function withLangdockResponseMetadata(
  finish: LangdockFinish,
  { gateway, headers }: { gateway: boolean; headers: Record<string, string> | undefined },
): LangdockFinish {
  const requestId = headers?.['x-request-id'];
  const rateLimit = readLangdockRateLimitHeaders(headers);
  const raw = gateway ? finish.usage?.raw : undefined;
  if (requestId === undefined && rateLimit === undefined && raw === undefined) return finish;
  const cost = readLangdockCost(raw);
  return {
    ...finish,
    providerMetadata: {
      ...finish.providerMetadata,
      ...(requestId !== undefined && { requestId }),
      ...(rateLimit !== undefined && { rateLimit: { ...rateLimit } }),
      ...(raw !== undefined && { usage: raw }),
      ...(cost !== undefined && { cost }),
    },
  };
}
