// The yardstick for throughput: how soon the limits let a set of calls through at best. Each call, in the order
// the run finished them, is sent the moment Langdock's sliding window (no margin) admits it, with no latency;
// per model, as the limits are. Admission follows the emulator: the window's requests, and its tokens plus the
// new prompt, must fit; the reply's tokens count from then on. A run's share of the limit is this time over its own.
import { langdockWindowWait } from '../../../src/core/rate-limit/langdock-rate-limit';

export interface CountedCall {
  model: string;
  /** Prompt and reply, as counted. */
  tokens: number;
  promptTokens: number;
}

export function idealMs(
  calls: readonly CountedCall[],
  limits: { requestsPerWindow: number; tokensPerWindow: number; windowMs: number },
): number {
  const window = {
    requestsPerMinute: limits.requestsPerWindow,
    tokensPerMinute: limits.tokensPerWindow,
    windowMs: limits.windowMs,
  };
  const logs = new Map<string, { at: number; tokens: number }[]>();
  let latest = 0;
  for (const call of calls) {
    let log = logs.get(call.model) ?? [];
    let now = log.at(-1)?.at ?? 0;
    for (;;) {
      log = log.filter((entry) => entry.at + limits.windowMs > now);
      const wait = langdockWindowWait(log, call.promptTokens, window, now);
      if (wait === undefined) break;
      now += wait.waitMs;
    }
    log.push({ at: now, tokens: call.tokens });
    logs.set(call.model, log);
    latest = Math.max(latest, now);
  }
  return latest;
}
