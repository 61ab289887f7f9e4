// Admission of a request against its model's limits, answering 429 (with `retry-after` if wanted) when over.
import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from '../server/emulator-context';
import type { ErrorRendering } from '../server/error-shape';
import { sendError } from '../server/http';
import { gatewayError, MESSAGES } from '../server/langdock-refusals';
import type { UsageEntry } from './rate-limiter';

/** Counts the request against its model's limits; answers 429 and returns undefined when over. */
export function admit(
  context: EmulatorContext,
  res: ServerResponse,
  model: string,
  tokens: number,
  rendering: ErrorRendering = { shape: context.errorShape, format: 'openai', gateway: false },
): UsageEntry | undefined {
  const limiter = context.state.rateLimiter;
  if (limiter === undefined) return { at: context.now(), tokens };
  const decision = limiter.admit(model, tokens);
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
