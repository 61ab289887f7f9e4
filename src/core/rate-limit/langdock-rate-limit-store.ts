// What a rate limit store keeps and decides, and the store that keeps it in this process's memory. The Redis store
// (src/redis) runs the same arithmetic as Lua; the two are checked step by step against each other.

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
  | {
      granted: false;
      /** How long until the request fits, if the calls in flight use all they reserved. */
      waitMs: number;
      binding: LangdockRateLimitBinding;
      /**
       * How long at least: the wait if the calls in flight used none of their reservations. Their real usage can
       * end the wait sooner than `waitMs`, never sooner than this. Absent: `waitMs` (nothing in flight can help).
       */
      minWaitMs?: number;
      /** Tokens the window has room for now: its limit less what it holds, reservations included. */
      freeTokens?: number;
    };

/**
 * What Langdock's `x-ratelimit-*` headers, answering a request, said its window held, as requests and tokens used;
 * either may be absent. `windowMs` is the store's window: entries older than the request by that much were not in
 * Langdock's.
 */
export interface LangdockRateLimitReport {
  requests?: number;
  tokens?: number;
  windowMs: number;
}

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
  /**
   * Optional. Langdock reported, answering the request of `lease`, what its window held: the store records what it
   * did not count (usage from elsewhere on the workspace) at that request's time, so later calls wait for it.
   */
  reconcile?(bucket: string, lease: string, report: LangdockRateLimitReport): Promise<void>;
  /**
   * Optional, for a store other processes settle in: how often (ms) a waiting call asks again, since their
   * settles wake no one here. A store only this process uses leaves it out: its settles wake the waiting calls.
   */
  readonly recheckMs?: number;
}

/** One entry of a window, oldest first. */
export interface LangdockWindowEntry {
  /** When it was sent (for reported usage: when the request whose answer reported it was sent). */
  at: number;
  tokens: number;
  /** Requests it stands for: 1 for a request sent from here (the default), any count for reported usage. */
  requests?: number;
  /** Still the estimate: the call has not settled, so its real usage may give part of it back. */
  pending?: boolean;
  /** Usage Langdock reported that no request of this store accounts for. */
  reported?: boolean;
}

/**
 * How long until a request of `tokens` fits a window holding `entries` (oldest first), and which limit binds;
 * undefined when it fits now. Entries leave the window `windowMs` after they were sent.
 */
export function langdockWindowWait(
  entries: ReadonlyArray<LangdockWindowEntry>,
  tokens: number,
  limits: LangdockRateLimits,
  now: number,
):
  | { waitMs: number; minWaitMs: number; binding: 'requests' | 'tokens'; freeTokens: number }
  | undefined {
  const leaving = (entry: LangdockWindowEntry) => Math.max(1, entry.at + limits.windowMs - now);
  let requests = 0;
  let used = 0;
  let settled = 0;
  for (const entry of entries) {
    requests += entry.requests ?? 1;
    used += entry.tokens;
    if (!entry.pending) settled += entry.tokens;
  }
  const free = Math.max(0, limits.tokensPerMinute - used);
  let requestWait = 0;
  for (let i = 0; requests + 1 > limits.requestsPerMinute && i < entries.length; i++) {
    requests -= entries[i]!.requests ?? 1;
    requestWait = leaving(entries[i]!);
  }
  let tokenWait = 0;
  for (let i = 0; used + tokens > limits.tokensPerMinute && i < entries.length; i++) {
    used -= entries[i]!.tokens;
    tokenWait = leaving(entries[i]!);
  }
  // The same walk with every reservation in flight counted as nothing: the soonest their settling can free enough.
  let settledWait = 0;
  for (let i = 0; settled + tokens > limits.tokensPerMinute && i < entries.length; i++) {
    if (entries[i]!.pending) continue;
    settled -= entries[i]!.tokens;
    settledWait = leaving(entries[i]!);
  }
  if (requestWait === 0 && tokenWait === 0) return undefined;
  return {
    waitMs: Math.max(requestWait, tokenWait),
    minWaitMs: Math.max(requestWait, settledWait),
    binding: requestWait >= tokenWait ? 'requests' : 'tokens',
    freeTokens: free,
  };
}

/**
 * What Langdock reported its window held, answering the request sent at `at`, less what `entries` account for:
 * usage from elsewhere. Whether Langdock counts at admission or when it answers is not known, so every entry since a
 * window before `at` counts (all were sent before the answer came): erring toward recording too little, never
 * toward holding this store's own requests twice.
 */
export function langdockUnseenUsage(
  entries: ReadonlyArray<LangdockWindowEntry>,
  at: number,
  report: LangdockRateLimitReport,
): { requests: number; tokens: number } {
  let requests = 0;
  let tokens = 0;
  for (const entry of entries) {
    if (entry.at <= at - report.windowMs) continue;
    requests += entry.requests ?? 1;
    tokens += entry.tokens;
  }
  return {
    requests: report.requests === undefined ? 0 : Math.max(0, report.requests - requests),
    tokens: report.tokens === undefined ? 0 : Math.max(0, report.tokens - tokens),
  };
}

interface MemoryEntry extends LangdockWindowEntry {
  lease: string;
}

/** The windows of one process. `now` is injectable for tests. */
export function createLangdockMemoryStore({
  now = Date.now,
}: { now?: () => number } = {}): LangdockRateLimitStore {
  const logs = new Map<string, MemoryEntry[]>();
  const blocked = new Map<string, number>();
  let next = 0;
  // Entries stay two windows: a report can arrive a window after its request, and looks a window before that.
  const log = (bucket: string, windowMs: number) => {
    const since = now() - 2 * windowMs;
    const entries = (logs.get(bucket) ?? []).filter((entry) => entry.at > since);
    if (entries.length === 0) logs.delete(bucket);
    else logs.set(bucket, entries);
    return entries;
  };
  const find = (bucket: string, lease: string) =>
    logs.get(bucket)?.find((candidate) => candidate.lease === lease);
  return {
    async acquire(bucket, { tokens, limits }) {
      const time = now();
      const until = blocked.get(bucket) ?? 0;
      if (until > time) return { granted: false, waitMs: until - time, binding: 'blocked' };
      blocked.delete(bucket);
      const entries = log(bucket, limits.windowMs);
      const inWindow = entries.filter((entry) => entry.at > time - limits.windowMs);
      const wait = langdockWindowWait(inWindow, tokens, limits, time);
      if (wait !== undefined) return { granted: false, ...wait };
      const lease = String(next++);
      entries.push({ at: time, tokens, lease, pending: true });
      logs.set(bucket, entries);
      return { granted: true, lease };
    },
    async settle(bucket, lease, tokens) {
      const entry = find(bucket, lease);
      if (entry) {
        entry.tokens = tokens;
        entry.pending = false;
      }
    },
    async block(bucket, ms) {
      blocked.set(bucket, Math.max(blocked.get(bucket) ?? 0, now() + ms));
    },
    async reconcile(bucket, lease, report) {
      const entry = find(bucket, lease);
      if (entry === undefined) return;
      const entries = log(bucket, report.windowMs);
      const unseen = langdockUnseenUsage(entries, entry.at, report);
      if (unseen.requests === 0 && unseen.tokens === 0) return;
      const position = entries.findIndex((candidate) => candidate.at > entry.at);
      entries.splice(position === -1 ? entries.length : position, 0, {
        at: entry.at,
        tokens: unseen.tokens,
        requests: unseen.requests,
        reported: true,
        lease: `reported-${next++}`,
      });
    },
  };
}
