import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  langdockRetryAfterMs,
  langdockUsageTokens,
  settleFailedLease,
} from '../../../src/core/rate-limit/langdock-rate-limit-lease';
import { toLangdockChatTokenUsage } from '../../../src/core/chat/convert-langdock-chat-usage';

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
        responded: () => void calls.push('responded'),
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
