import { describe, expect, it } from 'vitest';
import {
  createLangdockMemoryStore,
  langdockUnseenUsage,
  langdockWindowWait,
  type LangdockRateLimits,
} from '../../../src/core/rate-limit/langdock-rate-limit-store';

const limits: LangdockRateLimits = {
  requestsPerMinute: 3,
  tokensPerMinute: 1_000,
  windowMs: 60_000,
};

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
      { waitMs: 60_000 - 30, minWaitMs: 60_000 - 30, binding: 'requests', freeTokens: 997 },
    ],
    [
      'too many tokens: until enough of the oldest leave',
      [
        { at: 0, tokens: 600 },
        { at: 20, tokens: 300 },
      ],
      500,
      { waitMs: 60_000 - 30, minWaitMs: 60_000 - 30, binding: 'tokens', freeTokens: 100 },
    ],
    [
      'too many tokens, two must leave',
      [
        { at: 0, tokens: 300 },
        { at: 20, tokens: 300 },
        { at: 25, tokens: 300 },
      ],
      500,
      { waitMs: 60_000 + 20 - 30, minWaitMs: 60_000 + 20 - 30, binding: 'tokens', freeTokens: 100 },
    ],
    [
      'reservations in flight: their settling could make room at once',
      [
        { at: 0, tokens: 600, pending: true },
        { at: 20, tokens: 300, pending: true },
      ],
      500,
      { waitMs: 60_000 - 30, minWaitMs: 0, binding: 'tokens', freeTokens: 100 },
    ],
    [
      'a settled entry must leave even if the one in flight gives everything back',
      [
        { at: 0, tokens: 700 },
        { at: 20, tokens: 300, pending: true },
      ],
      500,
      { waitMs: 60_000 - 30, minWaitMs: 60_000 - 30, binding: 'tokens', freeTokens: 0 },
    ],
    [
      'requests in flight still count as requests',
      [
        { at: 0, tokens: 1, pending: true },
        { at: 10, tokens: 1, pending: true },
        { at: 20, tokens: 1, pending: true },
      ],
      1,
      { waitMs: 60_000 - 30, minWaitMs: 60_000 - 30, binding: 'requests', freeTokens: 997 },
    ],
  ] as const)('%s', (_, entries, tokens, expected) => {
    expect(langdockWindowWait(entries, tokens, limits, 30)).toEqual(expected);
  });
});

describe('langdockUnseenUsage', () => {
  // The request answered was sent at 100_000; the store's window is 61 s.
  const report = { windowMs: 61_000 };
  const at = 100_000;
  it.each([
    [
      'Langdock counts more than this store: the difference',
      [
        { at: 50_000, tokens: 300 },
        { at, tokens: 100, pending: true },
      ],
      { requests: 5, tokens: 1_000 },
      { requests: 3, tokens: 600 },
    ],
    [
      'Langdock counts less (its estimate, or a settled call): nothing',
      [{ at, tokens: 900 }],
      { requests: 1, tokens: 400 },
      { requests: 0, tokens: 0 },
    ],
    [
      'entries that had left Langdock’s window by then are not compared',
      [
        { at: at - 61_000, tokens: 500 },
        { at, tokens: 100 },
      ],
      { requests: 1, tokens: 100 },
      { requests: 0, tokens: 0 },
    ],
    [
      'requests sent after it count too: Langdock may have counted them before it answered',
      [
        { at, tokens: 100 },
        { at: at + 900, tokens: 200 },
        { at: at + 5_000, tokens: 400 },
      ],
      { requests: 4, tokens: 900 },
      { requests: 1, tokens: 200 },
    ],
    [
      'usage reported before counts whenever it was reported: the same usage is not recorded twice',
      [
        { at, tokens: 100 },
        { at: at + 5_000, tokens: 600, requests: 4, reported: true },
      ],
      { requests: 5, tokens: 700 },
      { requests: 0, tokens: 0 },
    ],
    [
      'only what Langdock reported',
      [{ at, tokens: 100 }],
      { tokens: 400 },
      { requests: 0, tokens: 300 },
    ],
  ] as const)('%s', (_, entries, reported, expected) => {
    expect(langdockUnseenUsage(entries, at, { ...report, ...reported })).toEqual(expected);
  });
});

describe('the memory store', () => {
  const storeLimits = { ...limits, requestsPerMinute: 10, windowMs: 61_000 };
  it('records what Langdock reported beyond its own count at the reported request’s time, so later requests wait for it', async () => {
    let now = 1_000_000;
    const store = createLangdockMemoryStore({ now: () => now });
    const granted = await store.acquire('b', { tokens: 100, limits: storeLimits });
    if (!granted.granted) throw new Error('the request must be granted');
    now += 2_000;
    await store.reconcile!('b', granted.lease, {
      requests: 4,
      tokens: 700,
      windowMs: 61_000,
    });
    // 100 of this store (in flight) and 600 reported: 300 left; the reported usage leaves with the request, 61 s
    // after it, and no settling can free it.
    expect(await store.acquire('b', { tokens: 301, limits: storeLimits })).toEqual({
      granted: false,
      waitMs: 59_000,
      minWaitMs: 0,
      binding: 'tokens',
      freeTokens: 300,
    });
    expect(await store.acquire('b', { tokens: 300, limits: storeLimits })).toMatchObject({
      granted: true,
    });
    // The same report again adds nothing.
    await store.reconcile!('b', granted.lease, {
      requests: 4,
      tokens: 700,
      windowMs: 61_000,
    });
    now += 59_000;
    expect(await store.acquire('b', { tokens: 700, limits: storeLimits })).toMatchObject({
      granted: true,
    });
  });

  it('leaves a bucket alone when the reported request has left its log', async () => {
    const store = createLangdockMemoryStore({ now: () => 1_000_000 });
    await store.reconcile!('b', 'unknown', { tokens: 900, windowMs: 61_000 });
    expect(await store.acquire('b', { tokens: 1_000, limits: storeLimits })).toMatchObject({
      granted: true,
    });
  });
});
