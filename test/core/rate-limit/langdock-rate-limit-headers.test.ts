import { describe, expect, it } from 'vitest';
import { readLangdockRateLimitHeaders } from '../../../src/core/rate-limit/langdock-rate-limit-headers';

describe('readLangdockRateLimitHeaders', () => {
  it.each([
    [
      'all four',
      {
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-limit-tokens': '60000',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-remaining-tokens': '59870',
        'x-request-id': 'req_1',
      },
      { limitRequests: 500, limitTokens: 60_000, remainingRequests: 499, remainingTokens: 59_870 },
    ],
    [
      'only the ones present',
      { 'x-ratelimit-remaining-tokens': ' 1200 ' },
      { remainingTokens: 1_200 },
    ],
    [
      'a fraction, rounded down',
      { 'x-ratelimit-remaining-tokens': '12.9' },
      { remainingTokens: 12 },
    ],
    [
      'unreadable values left out',
      {
        'x-ratelimit-limit-tokens': '60k',
        'x-ratelimit-remaining-tokens': '-5',
        'x-ratelimit-remaining-requests': '',
        'x-ratelimit-limit-requests': '0',
      },
      { limitRequests: 0 },
    ],
    ['none', { 'content-type': 'application/json' }, undefined],
    ['no headers at all', undefined, undefined],
  ] as const)('%s', (_, headers, expected) => {
    expect(readLangdockRateLimitHeaders(headers)).toEqual(expected);
  });
});
