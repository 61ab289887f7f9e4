import { describe, expect, it } from 'vitest';
import { toLangdockMessagesTokenUsage } from '../../../src/core/messages/convert-langdock-messages-usage';

describe('toLangdockMessagesTokenUsage', () => {
  it.each([
    [
      'no cache fields',
      { input_tokens: 43, output_tokens: 2 },
      {
        inputTokens: 43,
        cacheReadTokens: undefined,
        cacheWriteTokens: undefined,
        outputTokens: 2,
        reasoningTokens: undefined,
        totalTokens: 45,
      },
    ],
    [
      'cache writes and reads on top of the uncached input',
      {
        input_tokens: 10,
        cache_creation_input_tokens: 200,
        cache_read_input_tokens: 3000,
        output_tokens: 7,
      },
      {
        inputTokens: 3210,
        cacheReadTokens: 3000,
        cacheWriteTokens: 200,
        outputTokens: 7,
        reasoningTokens: undefined,
        totalTokens: 3217,
      },
    ],
    [
      'zeros and null details',
      {
        input_tokens: 12,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: null,
        output_tokens: 30,
        output_tokens_details: null,
      },
      {
        inputTokens: 12,
        cacheReadTokens: undefined,
        cacheWriteTokens: 0,
        outputTokens: 30,
        reasoningTokens: undefined,
        totalTokens: 42,
      },
    ],
    [
      "thinking tokens where the model reports them (Claude Opus 5's output_tokens_details)",
      {
        input_tokens: 51,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 1699,
        output_tokens_details: { thinking_tokens: 139 },
      },
      {
        inputTokens: 51,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        outputTokens: 1699,
        reasoningTokens: 139,
        totalTokens: 1750,
      },
    ],
    [
      'no output count yet (message_start only)',
      { input_tokens: 5 },
      {
        inputTokens: 5,
        cacheReadTokens: undefined,
        cacheWriteTokens: undefined,
        outputTokens: undefined,
        reasoningTokens: undefined,
        totalTokens: undefined,
      },
    ],
    [
      'no input count',
      { output_tokens: 5, cache_read_input_tokens: 4 },
      {
        inputTokens: undefined,
        cacheReadTokens: 4,
        cacheWriteTokens: undefined,
        outputTokens: 5,
        reasoningTokens: undefined,
        totalTokens: undefined,
      },
    ],
  ])('%s', (_case, usage, expected) => {
    expect(toLangdockMessagesTokenUsage(usage)).toEqual({ ...expected, raw: usage });
  });

  it('keeps the usage object as sent, gateway fields included', () => {
    const usage = {
      input_tokens: 1,
      output_tokens: 1,
      cost: { amount: 0.0001, currency: 'EUR' },
      service_tier: 'standard',
    };
    expect(toLangdockMessagesTokenUsage(usage).raw).toBe(usage);
  });
});
