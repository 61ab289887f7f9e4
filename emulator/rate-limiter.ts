// Per-model sliding-window limits on requests and tokens per minute, like Langdock's workspace limits.

export interface RateLimit {
  /** Requests per minute per model. */
  rpm: number;
  /** Estimated tokens per minute per model. */
  tpm: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { rpm: 500, tpm: 60_000 };

/** A counted request; completion tokens are added once the reply is known. */
export interface UsageEntry {
  at: number;
  tokens: number;
}

export type RateDecision = { allowed: true; entry: UsageEntry } | { allowed: false; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, UsageEntry[]>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the request if it fits in the model's window, else says how many seconds to wait. */
  admit(model: string, tokens: number): RateDecision {
    const now = this.now();
    const entries = (this.windows.get(model) ?? []).filter((entry) => entry.at > now - WINDOW_MS);
    this.windows.set(model, entries);
    const waitMs = Math.max(this.waitForRequests(entries, now), this.waitForTokens(entries, tokens, now));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    const entry = { at: now, tokens };
    entries.push(entry);
    return { allowed: true, entry };
  }

  reset(): void {
    this.windows.clear();
  }

  private waitForRequests(entries: readonly UsageEntry[], now: number): number {
    const excess = entries.length - this.limit.rpm;
    if (excess < 0) return 0;
    const freeing = entries[excess];
    return freeing === undefined ? WINDOW_MS : freeing.at + WINDOW_MS - now;
  }

  private waitForTokens(entries: readonly UsageEntry[], tokens: number, now: number): number {
    if (tokens > this.limit.tpm) return WINDOW_MS;
    let used = entries.reduce((sum, entry) => sum + entry.tokens, 0);
    if (used + tokens <= this.limit.tpm) return 0;
    for (const entry of entries) {
      used -= entry.tokens;
      if (used + tokens <= this.limit.tpm) return entry.at + WINDOW_MS - now;
    }
    return WINDOW_MS;
  }
}
