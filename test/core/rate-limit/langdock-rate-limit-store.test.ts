import { describe, expect, it } from 'vitest';
import {
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
