import {
  LANGDOCK_REQUESTS_PER_MINUTE,
  LANGDOCK_TOKENS_PER_MINUTE,
} from '../rate-limit/langdock-rate-limit';
import type {
  LangdockRateLimitKind,
  LangdockReportedRateLimits,
} from './langdock-rate-limit-response';

// What an error's message tells a user to do, for the errors whose cause the status alone does not say.

/** What a user should do about Langdock's 100-second cap on non-streaming calls. */
export const LANGDOCK_TIMEOUT_ADVICE = 'stream the call (streamText)';

/**
 * A 524 is Cloudflare's "the origin took the request but sent nothing for about 100 s": Langdock's proxy ends
 * non-streaming calls that way while the model may still run (and bill) them.
 */
export function describeLangdockTimeout({
  pageTitle,
  streamed,
}: {
  /** The title of the proxy's HTML page, when it sent one. */
  pageTitle: string | undefined;
  /** Whether the request asked for a stream. */
  streamed: boolean;
}): { detail: string; hint: string } {
  return {
    detail: `Langdock's proxy stopped waiting for the answer after about 100 seconds${pageTitle ? ` (its page: "${pageTitle}")` : ''}`,
    hint: `The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ${
      streamed
        ? 'Even this streamed call sent nothing for that long: retry later, or with a shorter request.'
        : `For long answers, ${LANGDOCK_TIMEOUT_ADVICE}: a stream is not cut off after 100 seconds.`
    }`,
  };
}

/** A 429's hint: for a per-minute limit, the limits the response reported (else Langdock's documented ones). */
export function describeLangdockRateLimit(
  kind: LangdockRateLimitKind,
  reported: LangdockReportedRateLimits | undefined,
): string {
  if (kind === 'spend-limit') {
    return (
      'This is a spend limit, not a per-minute rate limit: the budget of this key, its user or the workspace is used up for the period. ' +
      'It is not retried: retries fail until the limit is raised or the period resets. ' +
      "A workspace admin can raise it in Langdock's workspace settings: Usage and spend limits (users and the workspace), " +
      'the API page (workspace keys), or Model Gateway > Limits (the spend limit of a Model Gateway key).'
    );
  }
  const limits = amounts(reported?.limitRequests, reported?.limitTokens);
  const left = amounts(reported?.remainingRequests, reported?.remainingTokens);
  const stated =
    limits !== undefined
      ? `Langdock reported a limit of ${limits} per minute for this model${left ? `, with ${left} left` : ''}`
      : `The workspace limit is ${amounts(LANGDOCK_REQUESTS_PER_MINUTE, LANGDOCK_TOKENS_PER_MINUTE)} per minute per model by Langdock's documented defaults${left ? ` (this answer reported ${left} left)` : ''}`;
  return (
    `${stated}; wait and retry, or spread load across models. ` +
    "The provider's rateLimit setting (createLangdock({ rateLimit: true })) makes calls wait for budget instead of meeting 429s."
  );
}

/** "500 requests and 60,000 tokens", either alone, or undefined. */
function amounts(requests: number | undefined, tokens: number | undefined): string | undefined {
  const parts = [
    requests === undefined ? undefined : `${requests.toLocaleString('en-US')} requests`,
    tokens === undefined ? undefined : `${tokens.toLocaleString('en-US')} tokens`,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}
