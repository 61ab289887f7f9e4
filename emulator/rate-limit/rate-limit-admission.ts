// Admission of a request: a used-up spend limit (429, not counted), then the model's limits (429 with
// `retry-after` if wanted when over), with the `x-ratelimit-*` headers when asked for.
import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from '../server/emulator-context';
import type { ErrorRendering } from '../server/error-shape';
import { sendError } from '../server/http';
import { gatewayError, MESSAGES } from '../server/langdock-refusals';
import { setRateLimitHeaders } from './rate-limit-headers';
import type { UsageEntry } from './rate-limiter';
import {
  SPEND_LIMIT_CODE,
  SPEND_LIMIT_TYPE,
  spendLimitFor,
  spendLimitMessage,
} from './spend-limit';

/** Counts the request against its model's limits; answers 429 and returns undefined when refused. */
export function admit(
  context: EmulatorContext,
  res: ServerResponse,
  model: string,
  tokens: number,
  rendering: ErrorRendering = { shape: context.errorShape, format: 'openai', gateway: false },
): UsageEntry | undefined {
  const limiter = context.state.rateLimiter;
  const report = (): void => reportUsage(context, res, model);
  const spent = spendLimitFor(context.state.spendLimit, model);
  if (spent !== undefined) {
    report();
    // Waiting frees no budget, so no retry-after.
    sendError(
      res,
      gatewayError(
        429,
        spendLimitMessage(spent, rendering.gateway),
        SPEND_LIMIT_CODE,
        SPEND_LIMIT_TYPE,
      ),
      rendering,
    );
    return undefined;
  }
  if (limiter === undefined) return { at: context.now(), tokens };
  const decision = limiter.admit(model, tokens);
  report();
  if (decision.allowed) return decision.entry;
  const retryAfter =
    context.options.retryAfter !== false && decision.retryAfterSeconds !== undefined;
  const headers: Record<string, string> = retryAfter
    ? { 'retry-after': String(decision.retryAfterSeconds) }
    : {};
  sendError(
    res,
    gatewayError(429, MESSAGES.rateLimited, 'rate_limit_exceeded', 'requests'),
    rendering,
    headers,
  );
  return undefined;
}

/** After the reply's tokens joined the window: the headers again, with what the answer used. */
export function reportUsage(context: EmulatorContext, res: ServerResponse, model: string): void {
  const limiter = context.state.rateLimiter;
  if (limiter !== undefined && context.options.rateLimitHeaders === true)
    setRateLimitHeaders(res, limiter, model);
}
