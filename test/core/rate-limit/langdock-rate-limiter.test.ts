import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLangdockMemoryStore,
  LangdockRateLimiter,
  LangdockRateLimitError,
  langdockTokenReservation,
  type LangdockRateLimits,
  type LangdockRateLimitStore,
  type LangdockTokenReservation,
} from '../../../src/core/rate-limit/langdock-rate-limit';

// The limiter on fake timers: Date.now and setTimeout move only when the test moves them.

const limits: LangdockRateLimits = {
  requestsPerMinute: 3,
  tokensPerMinute: 1_000,
  windowMs: 60_000,
};

/** The time fake timers have moved since `from`. */
const since = (from: number) => Date.now() - from;

function limiterWith(settings: { maxWaitMs?: number; requestsPerMinute?: number } = {}) {
  const store = createLangdockMemoryStore();
  return { store, limiter: new LangdockRateLimiter({ ...limits, ...settings, store }) };
}

/** Lets the background bookkeeping (settles, blocks, the wakes after them) run. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('LangdockRateLimiter with the memory store', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  it('grants what fits, then waits for the window to free and grants again', async () => {
    const { limiter } = limiterWith();
    for (let i = 0; i < 3; i++) (await limiter.acquire('b', 10)).settle(10);
    await flush();
    vi.advanceTimersByTime(1_000);
    const started = Date.now();
    const fourth = limiter.acquire('b', 10);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(await Promise.race([fourth.then(() => 'granted'), 'waiting'])).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    await fourth;
    // The first request was sent at the start; it leaves the window 60 s (plus the 1 s margin) later, 60 s from now.
    expect(since(started)).toBe(60_000);
  });

  it('keeps buckets apart', async () => {
    const { limiter } = limiterWith();
    const started = Date.now();
    for (let i = 0; i < 3; i++) await limiter.acquire('model-a', 10);
    await limiter.acquire('model-b', 10);
    expect(since(started)).toBe(0);
  });

  it('corrects a reservation with the real usage, freeing the budget it did not use', async () => {
    const { limiter } = limiterWith();
    const lease = await limiter.acquire('b', 900);
    lease.settle(100);
    await flush();
    const started = Date.now();
    await limiter.acquire('b', 800);
    expect(since(started)).toBe(0);
  });

  it('wakes a waiting call the moment a settle gives back enough, not when the window frees', async () => {
    const { limiter } = limiterWith();
    const held = [await limiter.acquire('b', 450), await limiter.acquire('b', 450)];
    const started = Date.now();
    let granted: number | undefined;
    const waiting = limiter.acquire('b', 450).then(() => (granted = since(started)));
    await vi.advanceTimersByTimeAsync(700);
    expect(granted).toBeUndefined();
    held[0]!.settle(40);
    await flush();
    await waiting;
    expect(granted).toBe(700);
  });

  it('lets the calls that waited longest go first, and a new call waits behind them', async () => {
    const { limiter } = limiterWith({ requestsPerMinute: 10 });
    const held = await limiter.acquire('b', 900);
    const order: string[] = [];
    const call = (name: string, tokens: number) =>
      limiter.acquire('b', tokens).then((lease) => (order.push(name), lease));
    const first = call('first, 600 tokens', 600);
    await vi.advanceTimersByTimeAsync(10);
    // 50 tokens would fit beside the 900 now; they still wait behind the 600 that came first.
    const second = call('second, 50 tokens', 50);
    await vi.advanceTimersByTimeAsync(10);
    const third = call('third, 50 tokens', 50);
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual([]);
    held.settle(100);
    await flush();
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first, 600 tokens', 'second, 50 tokens', 'third, 50 tokens']);
  });

  it('waits up to maxWaitMs for calls in flight to settle, and is granted when they do', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 3_000 });
    const held = await limiter.acquire('b', 900);
    const waiting = limiter.acquire('b', 200);
    await vi.advanceTimersByTimeAsync(2_000);
    held.settle(50);
    await flush();
    await expect(waiting).resolves.toMatchObject({ reserved: 200 });
  });

  it('fails once maxWaitMs has passed when the calls in flight do not settle in time', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 3_000 });
    await limiter.acquire('b', 900);
    const started = Date.now();
    const failure = limiter.acquire('b', 200).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3_000);
    const error = await failure;
    expect(since(started)).toBe(3_000);
    expect(LangdockRateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ binding: 'tokens', waitMs: 61_000 });
    expect((error as Error).message).toBe(
      'The limit of 1000 tokens a minute for this model is used up: this call waited 3.0 s and would have waited up to 58 s more, longer than maxWaitMs (3000 ms) allows, so it was not sent.',
    );
  });

  it('fails a call waiting in line behind others once its maxWaitMs has passed, saying so', async () => {
    const { store, limiter } = limiterWith({ maxWaitMs: 10_000 });
    const impatient = new LangdockRateLimiter({ ...limits, store, maxWaitMs: 2_000 });
    await limiter.acquire('b', 900);
    const front = limiter.acquire('b', 200);
    await vi.advanceTimersByTimeAsync(1_000);
    const behind = impatient.acquire('b', 200).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2_000);
    const error = await behind;
    expect(error).toMatchObject({ binding: 'tokens', waitMs: 2_000 });
    expect((error as Error).message).toBe(
      'The limit of 1000 tokens a minute for this model is used up: this call waited 2.0 s in line behind 1 earlier call for this model, as long as maxWaitMs (2000 ms) allows, so it was not sent.',
    );
    void front.catch(() => {});
  });

  it('wakes the waiting calls of every limiter sharing the store', async () => {
    const { store, limiter } = limiterWith();
    const other = new LangdockRateLimiter({ ...limits, store });
    const held = await limiter.acquire('b', 900);
    const waiting = other.acquire('b', 500);
    await vi.advanceTimersByTimeAsync(100);
    held.settle(100);
    await flush();
    await expect(waiting).resolves.toMatchObject({ reserved: 500 });
  });

  it('leaves no timer behind once the calls are granted, failed or aborted', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 5_000 });
    const held = await limiter.acquire('b', 900);
    const granted = limiter.acquire('b', 500);
    const controller = new AbortController();
    const aborted = limiter.acquire('b', 200, controller.signal).catch(() => 'aborted');
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    controller.abort(new Error('gave up'));
    held.settle(100);
    await flush();
    await granted;
    expect(await aborted).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('blocks a bucket after a 429 for the retry-after, for every user of the store', async () => {
    const { store, limiter } = limiterWith();
    const other = new LangdockRateLimiter({ ...limits, store });
    (await limiter.acquire('b', 10)).rejected(7_000);
    await flush();
    const started = Date.now();
    const next = other.acquire('b', 10);
    await vi.advanceTimersByTimeAsync(7_000);
    await next;
    expect(since(started)).toBe(7_000);
  });

  it('blocks for one window after a 429 without retry-after', async () => {
    const { limiter } = limiterWith();
    (await limiter.acquire('b', 10)).rejected(undefined);
    await flush();
    const started = Date.now();
    const next = limiter.acquire('b', 10);
    await vi.advanceTimersByTimeAsync(60_000);
    await next;
    expect(since(started)).toBe(60_000);
  });

  it('fails at once, sending nothing, when the wait would pass maxWaitMs, saying how long and which limit binds', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 10_000 });
    (await limiter.acquire('b', 900)).settle(900);
    await flush();
    const started = Date.now();
    const failure = await limiter.acquire('b', 200).catch((error: unknown) => error);
    expect(LangdockRateLimitError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ binding: 'tokens', waitMs: 61_000 });
    expect((failure as Error).message).toBe(
      'The limit of 1000 tokens a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs (10000 ms), so it was not sent.',
    );
    expect(since(started)).toBe(0);
  });

  it('refuses a call larger than the whole token budget', async () => {
    const { limiter } = limiterWith();
    await expect(limiter.acquire('b', 1_001)).rejects.toThrow(
      'This call needs about 1001 tokens (its prompt plus the output it may use), more than the 1000 tokens a minute',
    );
  });

  it('stops waiting when the call is aborted', async () => {
    const { limiter } = limiterWith();
    for (let i = 0; i < 3; i++) await limiter.acquire('b', 1);
    const controller = new AbortController();
    const waiting = limiter.acquire('b', 1, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
  });

  it('gives the tokens back when the call is aborted while the store grants it', async () => {
    const memory = createLangdockMemoryStore();
    const controller = new AbortController();
    const settled: number[] = [];
    const store = {
      ...memory,
      acquire: async (bucket: string, request: Parameters<typeof memory.acquire>[1]) => {
        const decision = await memory.acquire(bucket, request);
        controller.abort(new Error('gave up during the round trip'));
        return decision;
      },
      settle: async (bucket: string, lease: string, tokens: number) => {
        settled.push(tokens);
        await memory.settle(bucket, lease, tokens);
      },
    };
    const limiter = new LangdockRateLimiter({ ...limits, store });
    await expect(limiter.acquire('b', 900, controller.signal)).rejects.toThrow(
      'gave up during the round trip',
    );
    await flush();
    expect(settled).toEqual([0]);
  });

  it('never starts when the call was aborted before', async () => {
    const { limiter } = limiterWith();
    await expect(limiter.acquire('b', 1, AbortSignal.abort(new Error('already')))).rejects.toThrow(
      'already',
    );
  });
});

describe('LangdockRateLimiter with a store other processes share', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  it("asks again every recheckMs while it waits (only the front call asks), as other processes' settles wake no one here", async () => {
    const memory = createLangdockMemoryStore();
    let asked = 0;
    const store: LangdockRateLimitStore = {
      ...memory,
      recheckMs: 250,
      acquire: (bucket, request) => (asked++, memory.acquire(bucket, request)),
    };
    const limiter = new LangdockRateLimiter({ ...limits, requestsPerMinute: 10, store });
    // Another process's call, straight into the shared store.
    const elsewhere = await memory.acquire('b', {
      tokens: 900,
      limits: { ...limits, windowMs: 61_000 },
    });
    if (!elsewhere.granted) throw new Error('the other process must be granted');
    const timers: Array<{ delay: number | undefined; timer: unknown }> = [];
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const started = Date.now();
    const waiting = [
      limiter.acquire('b', 500).then(() => since(started)),
      limiter.acquire('b', 400).then(() => since(started)),
    ];
    await vi.advanceTimersByTimeAsync(1_000);
    for (const [index, call] of setTimeoutSpy.mock.calls.entries())
      timers.push({ delay: call[1], timer: setTimeoutSpy.mock.results[index]?.value });
    setTimeoutSpy.mockRestore();
    // Both asked once; then only the front one, at 250, 500, 750 and 1,000 ms.
    expect(asked).toBe(6);
    await memory.settle('b', elsewhere.lease, 0);
    await vi.advanceTimersByTimeAsync(250);
    expect(await Promise.all(waiting)).toEqual([1_250, 1_250]);
    // The rechecks never keep a process alive; the wait until the window frees (61 s at first) does, as a pending call.
    const refOf = (timer: unknown) => (timer as { hasRef(): boolean }).hasRef();
    // One per pause: at 0, 250, 500, 750 and 1,000 ms.
    expect(timers.filter(({ delay }) => delay === 250).map(({ timer }) => refOf(timer))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(refOf(timers.find(({ delay }) => delay === 61_000)?.timer)).toBe(true);
  });
});

describe('LangdockRateLimiter: what a refused chat call is told about its reservation', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  /** A limiter of 2,000 tokens a minute whose window holds `used` settled tokens. */
  async function refusalFor(used: number, reservation: number | LangdockTokenReservation) {
    const limiter = new LangdockRateLimiter({
      ...limits,
      tokensPerMinute: 2_000,
      maxWaitMs: 10_000,
      store: createLangdockMemoryStore(),
    });
    if (used > 0) (await limiter.acquire('b', used)).settle(used);
    await flush();
    return limiter.acquire('b', reservation).then(
      () => 'granted',
      (error: unknown) => (error as Error).message,
    );
  }
  const waitedTooLong =
    'The limit of 2000 tokens a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs (10000 ms), so it was not sent.';

  it.each([
    [
      'no maxOutputTokens, and the prompt alone would fit: names maxOutputTokens',
      1_500,
      langdockTokenReservation(30, undefined),
      `${waitedTooLong} Its prompt (about 30 tokens) would fit in the 500 tokens left now, but it also reserves 1000 tokens for its output because it sets no maxOutputTokens: set maxOutputTokens to what the answer needs, and it reserves that instead.`,
    ],
    [
      'a maxOutputTokens too large for what is left',
      1_500,
      langdockTokenReservation(30, 800),
      `${waitedTooLong} Its prompt (about 30 tokens) would fit in the 500 tokens left now, but it also reserves its maxOutputTokens (800) for its output: a lower maxOutputTokens reserves less.`,
    ],
    [
      'no maxOutputTokens, and not even the prompt fits now',
      1_990,
      langdockTokenReservation(30, undefined),
      `${waitedTooLong} It reserves about 1030 tokens: about 30 for its prompt and 1000 for its output, because it sets no maxOutputTokens (set it to what the answer needs to reserve less).`,
    ],
    [
      'a maxOutputTokens, and not even the prompt fits now',
      1_990,
      langdockTokenReservation(30, 100),
      `${waitedTooLong} It reserves about 130 tokens: about 30 for its prompt and its maxOutputTokens (100) for its output.`,
    ],
    ['an embedding (a plain count): nothing about output', 1_990, 30, waitedTooLong],
  ] as const)('%s', async (_, used, reservation, message) => {
    expect(await refusalFor(used, reservation)).toBe(message);
  });

  it('says nothing of tokens when the requests limit binds', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 0 });
    for (let i = 0; i < 3; i++) (await limiter.acquire('b', 1)).settle(1);
    await flush();
    await expect(limiter.acquire('b', langdockTokenReservation(5, 10))).rejects.toThrow(
      /^The limit of 3 requests a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs \(0 ms\), so it was not sent\.$/,
    );
  });

  it.each([
    [
      langdockTokenReservation(30, undefined),
      'This call reserves about 1030 tokens, more than the 1000 tokens a minute the rate limit allows; it was not sent. Its prompt is about 30 tokens; the other 1000 are reserved for its output (it sets no maxOutputTokens, and 1000 are reserved then): set maxOutputTokens to at most 970.',
    ],
    [
      langdockTokenReservation(30, 2_000),
      'This call reserves about 2030 tokens, more than the 1000 tokens a minute the rate limit allows; it was not sent. Its prompt is about 30 tokens; the other 2000 are reserved for its output (its maxOutputTokens): set maxOutputTokens to at most 970.',
    ],
    [
      langdockTokenReservation(1_200, 10),
      "This call's prompt alone is about 1200 tokens, more than the 1000 tokens a minute the rate limit allows; it was not sent. Shorten the prompt.",
    ],
  ])(
    'refuses %j, larger than the whole budget, saying which part to cut',
    async (reservation, message) => {
      const { limiter } = limiterWith();
      const error = await limiter.acquire('b', reservation).catch((failure: unknown) => failure);
      expect(error).toMatchObject({ binding: 'too-large', waitMs: undefined, message });
    },
  );
});

describe("LangdockRateLimiter: what Langdock's x-ratelimit-* headers teach it", () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  const headers = (values: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [`x-ratelimit-${name}`, String(value)]),
    );

  it('counts what Langdock counts beyond this process: remaining tokens lower than believed make the next call wait', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 0, requestsPerMinute: 100 });
    const lease = await limiter.acquire('b', 100);
    // Another app on the workspace used 600 of its 1,000 tokens: 300 are left after this call's 100.
    lease.responded(headers({ 'remaining-tokens': 300, 'remaining-requests': 95 }));
    lease.settle(100);
    await flush();
    await expect(limiter.acquire('b', 301)).rejects.toMatchObject({ binding: 'tokens' });
    await expect(limiter.acquire('b', 300)).resolves.toMatchObject({ reserved: 300 });
  });

  it('gives nothing back when Langdock counts less than this process does', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 0 });
    const lease = await limiter.acquire('b', 900);
    lease.responded(headers({ 'remaining-tokens': 990 }));
    await flush();
    await expect(limiter.acquire('b', 101)).rejects.toMatchObject({ binding: 'tokens' });
  });

  it.each([
    ['defaults follow a lower limit', {}, 5_000, 5_000],
    ['defaults follow a higher limit', {}, 200_000, 200_000],
    ['a limit set is a ceiling a lower one lowers', { tokensPerMinute: 10_000 }, 5_000, 5_000],
    ['a limit set stays below a higher one', { tokensPerMinute: 3_000 }, 5_000, 3_000],
  ] as ReadonlyArray<readonly [string, { tokensPerMinute?: number }, number, number]>)(
    '%s: settings %j, Langdock %s tokens a minute: %s',
    async (_, settings, reported, expected) => {
      const limiter = new LangdockRateLimiter({ ...settings, store: createLangdockMemoryStore() });
      expect(limiter.limitsOf('b').tokensPerMinute).toBe(settings.tokensPerMinute ?? 60_000);
      (await limiter.acquire('b', 10)).responded(headers({ 'limit-tokens': reported }));
      expect(limiter.limitsOf('b')).toEqual({
        requestsPerMinute: 500,
        tokensPerMinute: expected,
        windowMs: 60_000,
      });
      expect(limiter.limitsOf('other model').tokensPerMinute).toBe(
        settings.tokensPerMinute ?? 60_000,
      );
    },
  );

  it('refuses a call larger than the limit Langdock reported, saying that limit', async () => {
    const limiter = new LangdockRateLimiter({ store: createLangdockMemoryStore() });
    (await limiter.acquire('b', 10)).responded(
      headers({ 'limit-tokens': 2_000, 'limit-requests': 50 }),
    );
    await expect(
      limiter.acquire('b', langdockTokenReservation(30, undefined)),
    ).resolves.toBeDefined();
    await expect(limiter.acquire('b', langdockTokenReservation(30, 3_000))).rejects.toThrow(
      'This call reserves about 3030 tokens, more than the 2000 tokens a minute the rate limit allows',
    );
    expect(limiter.limitsOf('b').requestsPerMinute).toBe(50);
  });

  it('wakes a waiting call when Langdock reports a higher limit than the default', async () => {
    const limiter = new LangdockRateLimiter({
      requestsPerMinute: 100,
      store: createLangdockMemoryStore(),
    });
    const lease = await limiter.acquire('b', 59_000);
    const waiting = limiter.acquire('b', 5_000);
    await vi.advanceTimersByTimeAsync(100);
    lease.responded(headers({ 'limit-tokens': 100_000 }));
    await flush();
    await expect(waiting).resolves.toMatchObject({ reserved: 5_000 });
  });

  it('ignores a response without x-ratelimit-* headers', async () => {
    const { limiter } = limiterWith({ maxWaitMs: 0 });
    const lease = await limiter.acquire('b', 100);
    lease.responded({ 'content-type': 'application/json' });
    lease.responded(undefined);
    await flush();
    await expect(limiter.acquire('b', 900)).resolves.toMatchObject({ reserved: 900 });
  });
});
