import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  createLangdockMemoryStore,
  langdockWindowWait,
  LangdockRateLimiter,
  LangdockRateLimitError,
  type LangdockRateLimits,
} from '../../../src/core/rate-limit/langdock-rate-limit';
import {
  langdockRetryAfterMs,
  langdockUsageTokens,
  settleFailedLease,
} from '../../../src/core/rate-limit/langdock-rate-limit-lease';
import { toLangdockChatTokenUsage } from '../../../src/core/chat/convert-langdock-chat-usage';

const limits: LangdockRateLimits = {
  requestsPerMinute: 3,
  tokensPerMinute: 1_000,
  windowMs: 60_000,
};

/** A clock the test moves, and a sleep that moves it instead of waiting (recording each wait). */
function fakeTime(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleeps,
    sleep: async (ms: number, signal: AbortSignal | undefined) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}

function limiterWith(time: ReturnType<typeof fakeTime>, settings: { maxWaitMs?: number } = {}) {
  const store = createLangdockMemoryStore({ now: time.now });
  return { store, limiter: new LangdockRateLimiter({ ...limits, ...settings, store }, time.sleep) };
}

describe('langdockWindowWait', () => {
  it.each([
    ['an empty window', [], 100, undefined],
    ['room for both', [{ at: 0, tokens: 400 }], 500, undefined],
    [
      'too many requests: until the oldest of the last 3 leaves',
      [
        { at: 0, tokens: 1 },
        { at: 10, tokens: 1 },
        { at: 20, tokens: 1 },
      ],
      1,
      { waitMs: 60_000 - 30, binding: 'requests' },
    ],
    [
      'too many tokens: until enough of the oldest leave',
      [
        { at: 0, tokens: 600 },
        { at: 20, tokens: 300 },
      ],
      500,
      { waitMs: 60_000 - 30, binding: 'tokens' },
    ],
    [
      'too many tokens, two must leave',
      [
        { at: 0, tokens: 300 },
        { at: 20, tokens: 300 },
        { at: 25, tokens: 300 },
      ],
      500,
      { waitMs: 60_000 + 20 - 30, binding: 'tokens' },
    ],
  ] as const)('%s', (_, entries, tokens, expected) => {
    expect(langdockWindowWait(entries, tokens, limits, 30)).toEqual(expected);
  });
});

describe('LangdockRateLimiter with the memory store', () => {
  it('grants what fits, then waits for the window to free and grants again', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time);
    for (let i = 0; i < 3; i++) await limiter.acquire('b', 10);
    expect(time.sleeps).toEqual([]);
    time.advance(1_000);
    await limiter.acquire('b', 10);
    // The first request was sent at the start; it leaves the window 60 s (plus the 1 s margin) later, 60 s from now.
    expect(time.sleeps).toEqual([60_000]);
  });

  it('keeps buckets apart', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time);
    for (let i = 0; i < 3; i++) await limiter.acquire('model-a', 10);
    await limiter.acquire('model-b', 10);
    expect(time.sleeps).toEqual([]);
  });

  it('corrects a reservation with the real usage, freeing the budget it did not use', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time);
    const lease = await limiter.acquire('b', 900);
    lease.settle(100);
    await Promise.resolve();
    await limiter.acquire('b', 800);
    expect(time.sleeps).toEqual([]);
  });

  it('blocks a bucket after a 429 for the retry-after, for every user of the store', async () => {
    const time = fakeTime();
    const { store, limiter } = limiterWith(time);
    const other = new LangdockRateLimiter({ ...limits, store }, time.sleep);
    (await limiter.acquire('b', 10)).rejected(7_000);
    await Promise.resolve();
    await other.acquire('b', 10);
    expect(time.sleeps).toEqual([7_000]);
  });

  it('blocks for one window after a 429 without retry-after', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time);
    (await limiter.acquire('b', 10)).rejected(undefined);
    await Promise.resolve();
    await limiter.acquire('b', 10);
    expect(time.sleeps).toEqual([60_000]);
  });

  it('fails at once, sending nothing, when the wait would pass maxWaitMs, saying how long and which limit binds', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time, { maxWaitMs: 10_000 });
    await limiter.acquire('b', 900);
    const failure = await limiter.acquire('b', 200).catch((error: unknown) => error);
    expect(LangdockRateLimitError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ binding: 'tokens', waitMs: 61_000 });
    expect((failure as Error).message).toBe(
      'The limit of 1000 tokens a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs (10000 ms), so it was not sent.',
    );
    expect(time.sleeps).toEqual([]);
  });

  it('refuses a call larger than the whole token budget', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time);
    await expect(limiter.acquire('b', 1_001)).rejects.toThrow(
      'This call needs about 1001 tokens (its prompt plus the output it may use), more than the 1000 tokens a minute',
    );
  });

  it('stops waiting when the call is aborted (with the real sleep)', async () => {
    const limiter = new LangdockRateLimiter({ ...limits, store: createLangdockMemoryStore() });
    for (let i = 0; i < 3; i++) await limiter.acquire('b', 1);
    const controller = new AbortController();
    const waiting = limiter.acquire('b', 1, controller.signal);
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
    await Promise.resolve();
    expect(settled).toEqual([0]);
  });

  it('never starts when the call was aborted before', async () => {
    const time = fakeTime();
    const { limiter } = limiterWith(time);
    await expect(limiter.acquire('b', 1, AbortSignal.abort(new Error('already')))).rejects.toThrow(
      'already',
    );
  });
});

describe('the lease helpers', () => {
  it.each([
    [{ 'retry-after-ms': '1500' }, 1_500],
    [{ 'retry-after': '7' }, 7_000],
    [{ 'retry-after': new Date(1_000_000 + 3_000).toUTCString() }, 3_000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(langdockRetryAfterMs(headers, 1_000_000)).toBe(expected);
  });

  it.each([
    [{ total_tokens: 42, prompt_tokens: 1 }, 42],
    [{ prompt_tokens: 30, completion_tokens: 12 }, 42],
    [{ completion_tokens: 5 }, 5],
    [{}, undefined],
  ])('counts %j as %s tokens', (usage, expected) => {
    expect(langdockUsageTokens(toLangdockChatTokenUsage(usage))).toBe(expected);
  });

  it('counts no usage as no tokens', () => {
    expect(langdockUsageTokens(undefined)).toBeUndefined();
  });
});

describe('settleFailedLease', () => {
  const lease = () => {
    const calls: string[] = [];
    return {
      calls,
      lease: {
        reserved: 10,
        settle: (tokens: number | undefined) => void calls.push(`settle ${tokens}`),
        rejected: (ms: number | undefined) => void calls.push(`rejected ${ms}`),
      },
    };
  };
  const failure = (
    statusCode: number,
    responseHeaders: Record<string, string> = {},
    responseBody?: string,
  ) =>
    new APICallError({
      message: 'x',
      url: 'u',
      requestBodyValues: {},
      statusCode,
      responseHeaders,
      responseBody,
    });

  it.each([
    ['a 429 blocks for its retry-after', failure(429, { 'retry-after': '3' }), ['rejected 3000']],
    [
      'a per-minute 429 blocks for a window without retry-after',
      failure(429, {}, '{"message":"Rate limit for public API exceeded"}'),
      ['rejected undefined'],
    ],
    [
      'a spend-limit 429 gives the lease back and blocks nothing: waiting frees no budget',
      failure(429, { 'retry-after': '3' }, '{"message":"Monthly spending limit reached"}'),
      ['settle 0'],
    ],
    ['a 400 used no tokens', failure(400), ['settle 0']],
    ['a 200 whose body failed validation was served: its reservation stays', failure(200), []],
    ['a lost connection keeps the estimate', new Error('socket hang up'), []],
  ])('%s', (_, error, expected) => {
    const { calls, lease: held } = lease();
    expect(() => settleFailedLease(held)(error)).toThrow(error);
    expect(calls).toEqual(expected);
  });
});
