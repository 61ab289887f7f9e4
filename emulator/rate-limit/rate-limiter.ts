// Per-model sliding-window limits on requests and tokens, like Langdock's workspace limits (per minute by default).

export interface RateLimit {
  /** Requests per window per model. */
  rpm: number;
  /** Estimated tokens per window per model. */
  tpm: number;
  /** Window length; Langdock's is a minute, tests may shorten it. */
  windowMs: number;
}

/** Limits as options take them: any field, plus different requests/tokens limits for some models. */
export interface RateLimitOptions extends Partial<RateLimit> {
  /** Per model id, overriding `rpm`/`tpm` for that model only. */
  models?: Readonly<Record<string, Partial<Pick<RateLimit, 'rpm' | 'tpm'>>>>;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { rpm: 500, tpm: 60_000, windowMs: 60_000 };

/** A counted request; completion tokens are added once the reply is known. */
export interface UsageEntry {
  at: number;
  tokens: number;
}

/** `retryAfterSeconds` is undefined when waiting cannot help: the request alone exceeds the limit. */
export type RateDecision =
  { allowed: true; entry: UsageEntry } | { allowed: false; retryAfterSeconds: number | undefined };

export class RateLimiter {
  private readonly windows = new Map<string, UsageEntry[]>();
  private readonly limit: RateLimit;
  private readonly perModel: NonNullable<RateLimitOptions['models']>;

  constructor(
    options: RateLimitOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    const { models, ...limit } = options;
    this.limit = { ...DEFAULT_RATE_LIMIT, ...limit };
    this.perModel = models ?? {};
  }

  /** The limits that apply to one model. */
  limitFor(model: string): RateLimit {
    return { ...this.limit, ...this.perModel[model] };
  }

  /** Counts the request if it fits in the model's window, else says how many whole seconds until it would. */
  admit(model: string, tokens: number): RateDecision {
    const limit = this.limitFor(model);
    const now = this.now();
    const entries = (this.windows.get(model) ?? []).filter(
      (entry) => entry.at > now - limit.windowMs,
    );
    this.windows.set(model, entries);
    if (limit.rpm < 1 || tokens > limit.tpm)
      return { allowed: false, retryAfterSeconds: undefined };
    const waitMs = Math.max(
      this.waitForRequests(entries, limit, now),
      this.waitForTokens(entries, tokens, limit, now),
    );
    if (waitMs > 0)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    const entry = { at: now, tokens };
    entries.push(entry);
    return { allowed: true, entry };
  }

  /** Requests and tokens the model's current window holds. */
  usage(model: string): { requests: number; tokens: number } {
    const { windowMs } = this.limitFor(model);
    const now = this.now();
    const entries = (this.windows.get(model) ?? []).filter((entry) => entry.at > now - windowMs);
    return {
      requests: entries.length,
      tokens: entries.reduce((sum, entry) => sum + entry.tokens, 0),
    };
  }

  reset(): void {
    this.windows.clear();
  }

  /** Until the oldest entry whose expiry brings the count below the limit leaves the window. */
  private waitForRequests(entries: readonly UsageEntry[], limit: RateLimit, now: number): number {
    const freeing = entries[entries.length - limit.rpm];
    return freeing === undefined ? 0 : freeing.at + limit.windowMs - now;
  }

  /** Until enough of the oldest entries leave the window for these tokens to fit; they fit once all have left. */
  private waitForTokens(
    entries: readonly UsageEntry[],
    tokens: number,
    limit: RateLimit,
    now: number,
  ): number {
    let used = entries.reduce((sum, entry) => sum + entry.tokens, 0);
    if (used + tokens <= limit.tpm) return 0;
    for (const entry of entries) {
      used -= entry.tokens;
      if (used + tokens <= limit.tpm) return entry.at + limit.windowMs - now;
    }
    return 0;
  }
}
