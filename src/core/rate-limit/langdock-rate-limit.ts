import { AISDKError } from '@ai-sdk/provider';

// Langdock limits each model to 500 requests and 60,000 tokens a minute, per workspace. The limiter keeps a
// log of what was sent in the last window (per workspace, region and model) and holds a request back until
// both fit, so a fleet of processes sharing one store stays under the limit instead of retrying into 429s.

export const LANGDOCK_REQUESTS_PER_MINUTE = 500;
export const LANGDOCK_TOKENS_PER_MINUTE = 60_000;
/** The output reserved for a chat call that sets no limit; corrected to the real usage when it ends. */
export const LANGDOCK_DEFAULT_OUTPUT_TOKENS = 1_000;

export interface LangdockRateLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  /** The window the limits count over: a minute on Langdock; tests shorten it. */
  windowMs: number;
}

/** Why a request cannot go yet: the window's requests or tokens are used up, or Langdock answered 429. */
export type LangdockRateLimitBinding = 'requests' | 'tokens' | 'blocked';

export type LangdockRateLimitDecision =
  | { granted: true; lease: string }
  | { granted: false; waitMs: number; binding: LangdockRateLimitBinding };

/**
 * Where the windows live: in this process (the default) or shared (`langdock-ai-provider/redis`). Each
 * method is one atomic step; times are the store's own clock, so processes on several machines agree.
 */
export interface LangdockRateLimitStore {
  /** Records the request and grants it when it fits the window now; otherwise says how long until it would. */
  acquire(
    bucket: string,
    request: { tokens: number; limits: LangdockRateLimits },
  ): Promise<LangdockRateLimitDecision>;
  /** The request's real token count, once known. */
  settle(bucket: string, lease: string, tokens: number): Promise<void>;
  /** Langdock answered 429: nothing goes to this bucket for `ms`. */
  block(bucket: string, ms: number): Promise<void>;
}

export interface LangdockRateLimitSettings {
  /** Default 500, Langdock's per-model limit. */
  requestsPerMinute?: number;
  /** Default 60,000, Langdock's per-model limit. */
  tokensPerMinute?: number;
  /**
   * The longest a call may wait for budget before it fails without being sent. Default: one window and its
   * margin (61 s), the longest any call that fits the budget can need, so by default only a 429's longer
   * block or a call larger than the budget fails.
   */
  maxWaitMs?: number;
  /** Where the windows are kept. Default: this process's memory. */
  store?: LangdockRateLimitStore;
  /** The window length; only tests change Langdock's minute. */
  windowMs?: number;
}

const rateLimitErrorMarker: unique symbol = Symbol.for('langdock.error.RateLimitError');

/** A call would have waited longer than `maxWaitMs` for budget (or can never fit): nothing was sent. */
export class LangdockRateLimitError extends AISDKError {
  private readonly [rateLimitErrorMarker] = true;
  readonly waitMs: number | undefined;
  readonly binding: LangdockRateLimitBinding | 'too-large';

  constructor({
    message,
    waitMs,
    binding,
  }: {
    message: string;
    waitMs: number | undefined;
    binding: LangdockRateLimitBinding | 'too-large';
  }) {
    super({ name: 'AI_LangdockRateLimitError', message });
    this.waitMs = waitMs;
    this.binding = binding;
  }

  static override isInstance(error: unknown): error is LangdockRateLimitError {
    return typeof error === 'object' && error !== null && rateLimitErrorMarker in error;
  }
}

/** What a granted request holds until its real usage is known. */
export interface LangdockRateLimitLease {
  /** The tokens reserved for the call: its estimate. */
  readonly reserved: number;
  settle(tokens: number | undefined): void;
  /** Langdock answered 429 after all: the bucket is blocked for `retryAfterMs`, or one window. */
  rejected(retryAfterMs: number | undefined): void;
}

export class LangdockRateLimiter {
  readonly limits: LangdockRateLimits;
  /** The limits as the store keeps them: the window with its margin. */
  private readonly storeLimits: LangdockRateLimits;
  private readonly maxWaitMs: number;
  private readonly store: LangdockRateLimitStore;

  constructor(
    settings: LangdockRateLimitSettings,
    private readonly sleep: (
      ms: number,
      signal: AbortSignal | undefined,
    ) => Promise<void> = abortableSleep,
  ) {
    this.limits = {
      requestsPerMinute: settings.requestsPerMinute ?? LANGDOCK_REQUESTS_PER_MINUTE,
      tokensPerMinute: settings.tokensPerMinute ?? LANGDOCK_TOKENS_PER_MINUTE,
      windowMs: settings.windowMs ?? 60_000,
    };
    // Langdock counts a request when it arrives, up to a second after it is recorded here on a cold
    // connection: each entry is kept a sixtieth of the window (at least 1 s) longer, so the window here
    // never frees before Langdock's.
    const margin = Math.max(1_000, Math.ceil(this.limits.windowMs / 60));
    this.storeLimits = { ...this.limits, windowMs: this.limits.windowMs + margin };
    this.maxWaitMs = settings.maxWaitMs ?? this.storeLimits.windowMs;
    this.store = settings.store ?? createLangdockMemoryStore();
  }

  /** Waits until the request fits (honouring `abortSignal`), or fails at once when it would wait too long. */
  async acquire(
    bucket: string,
    tokens: number,
    abortSignal?: AbortSignal,
  ): Promise<LangdockRateLimitLease> {
    if (tokens > this.limits.tokensPerMinute) {
      throw new LangdockRateLimitError({
        binding: 'too-large',
        waitMs: undefined,
        message: `This call needs about ${tokens} tokens (its prompt plus the output it may use), more than the ${this.limits.tokensPerMinute} tokens a minute the rate limit allows; it was not sent. Shorten the prompt or lower maxOutputTokens.`,
      });
    }
    const limits = this.storeLimits;
    let waited = 0;
    for (;;) {
      abortSignal?.throwIfAborted();
      const decision = await this.store.acquire(bucket, { tokens, limits });
      if (decision.granted) {
        const lease = this.lease(bucket, decision.lease, tokens);
        // Aborted while the store answered: nothing will be sent, so the grant holds no tokens.
        if (abortSignal?.aborted) {
          lease.settle(0);
          abortSignal.throwIfAborted();
        }
        return lease;
      }
      if (waited + decision.waitMs > this.maxWaitMs) {
        throw new LangdockRateLimitError({
          binding: decision.binding,
          waitMs: waited + decision.waitMs,
          message: `${describeBinding(decision.binding, this.limits)}: this call would have waited ${Math.ceil((waited + decision.waitMs) / 1000)} s, longer than maxWaitMs (${this.maxWaitMs} ms), so it was not sent.`,
        });
      }
      await this.sleep(decision.waitMs, abortSignal);
      waited += decision.waitMs;
    }
  }

  private lease(bucket: string, lease: string, reserved: number): LangdockRateLimitLease {
    // The store is told in the background: a call's result never waits on (or fails with) bookkeeping.
    const quietly = (step: Promise<void>) => void step.catch(() => {});
    return {
      reserved,
      settle: (tokens) => {
        if (tokens !== undefined) quietly(this.store.settle(bucket, lease, tokens));
      },
      rejected: (retryAfterMs) =>
        quietly(this.store.block(bucket, retryAfterMs ?? this.limits.windowMs)),
    };
  }
}

function describeBinding(binding: LangdockRateLimitBinding, limits: LangdockRateLimits): string {
  switch (binding) {
    case 'requests':
      return `The limit of ${limits.requestsPerMinute} requests a minute for this model is used up`;
    case 'tokens':
      return `The limit of ${limits.tokensPerMinute} tokens a minute for this model is used up`;
    case 'blocked':
      return 'Langdock answered 429 (rate limit) for this model and asked to wait';
  }
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface LogEntry {
  at: number;
  tokens: number;
  lease: string;
}

/** The windows of one process. `now` is injectable for tests. */
export function createLangdockMemoryStore({
  now = Date.now,
}: { now?: () => number } = {}): LangdockRateLimitStore {
  const logs = new Map<string, LogEntry[]>();
  const blocked = new Map<string, number>();
  let next = 0;
  const log = (bucket: string, windowMs: number) => {
    const since = now() - windowMs;
    const entries = (logs.get(bucket) ?? []).filter((entry) => entry.at > since);
    logs.set(bucket, entries);
    return entries;
  };
  return {
    async acquire(bucket, { tokens, limits }) {
      const time = now();
      const until = blocked.get(bucket) ?? 0;
      if (until > time) return { granted: false, waitMs: until - time, binding: 'blocked' };
      const entries = log(bucket, limits.windowMs);
      const wait = langdockWindowWait(entries, tokens, limits, time);
      if (wait !== undefined) return { granted: false, ...wait };
      const lease = String(next++);
      entries.push({ at: time, tokens, lease });
      return { granted: true, lease };
    },
    async settle(bucket, lease, tokens) {
      const entry = logs.get(bucket)?.find((candidate) => candidate.lease === lease);
      if (entry) entry.tokens = tokens;
    },
    async block(bucket, ms) {
      blocked.set(bucket, Math.max(blocked.get(bucket) ?? 0, now() + ms));
    },
  };
}

/**
 * How long until a request of `tokens` fits a window holding `entries` (oldest first), and which limit
 * binds; undefined when it fits now. Entries leave the window `windowMs` after they were sent.
 */
export function langdockWindowWait(
  entries: ReadonlyArray<{ at: number; tokens: number }>,
  tokens: number,
  limits: LangdockRateLimits,
  now: number,
): { waitMs: number; binding: 'requests' | 'tokens' } | undefined {
  const leaving = (entry: { at: number } | undefined) =>
    entry === undefined ? 0 : Math.max(1, entry.at + limits.windowMs - now);
  const requestWait =
    entries.length < limits.requestsPerMinute
      ? 0
      : leaving(entries[entries.length - limits.requestsPerMinute]);
  let used = 0;
  for (const entry of entries) used += entry.tokens;
  let tokenWait = 0;
  for (let i = 0; used + tokens > limits.tokensPerMinute && i < entries.length; i++) {
    used -= entries[i]!.tokens;
    tokenWait = leaving(entries[i]);
  }
  if (requestWait === 0 && tokenWait === 0) return undefined;
  return requestWait >= tokenWait
    ? { waitMs: requestWait, binding: 'requests' }
    : { waitMs: tokenWait, binding: 'tokens' };
}
