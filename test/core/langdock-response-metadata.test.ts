import { describe, expect, it } from 'vitest';
import type { LangdockFinish } from '../../src/core/langdock-call';
import {
  readLangdockCost,
  withLangdockResponseMetadata,
} from '../../src/core/langdock-response-metadata';

const finish = (raw: Record<string, number> | undefined): LangdockFinish => ({
  outcome: 'finished',
  finishReason: 'stop',
  reason: 'stop',
  usage:
    raw === undefined
      ? undefined
      : {
          inputTokens: raw.prompt_tokens,
          cacheReadTokens: undefined,
          cacheWriteTokens: undefined,
          outputTokens: raw.completion_tokens,
          reasoningTokens: undefined,
          totalTokens: undefined,
          raw,
        },
  providerMetadata: { refusal: 'no' },
});

describe('withLangdockResponseMetadata', () => {
  it('adds the request id on any route, and the gateway usage object and cost', () => {
    const usage = { prompt_tokens: 3, completion_tokens: 2, cost: 0.00042 };
    expect(
      withLangdockResponseMetadata(finish(usage), {
        gateway: true,
        headers: { 'x-request-id': 'req_1' },
      }).providerMetadata,
    ).toEqual({ refusal: 'no', requestId: 'req_1', usage, cost: 0.00042 });
    expect(
      withLangdockResponseMetadata(finish(usage), {
        gateway: false,
        headers: { 'x-request-id': 'req_2' },
      }).providerMetadata,
    ).toEqual({ refusal: 'no', requestId: 'req_2' });
  });

  it('leaves a finish without a request id off the gateway as it is', () => {
    const original = finish({ prompt_tokens: 1 });
    expect(withLangdockResponseMetadata(original, { gateway: false, headers: {} })).toBe(original);
  });

  it.each([
    [{ cost: 1.5 }, 1.5],
    [{ total_cost: 2 }, 2],
    [{ cost_usd: 0.1 }, 0.1],
    [{ cost: 'free' }, undefined],
    [{ prompt_tokens: 4 }, undefined],
  ])('reads the cost of %j as %s', (usage, expected) => {
    expect(readLangdockCost(usage)).toBe(expected);
  });
});
