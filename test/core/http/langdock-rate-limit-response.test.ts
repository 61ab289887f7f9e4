import { describe, expect, it } from 'vitest';
import {
  classifyLangdockRateLimit,
  readLangdockRateLimitHeaders,
} from '../../../src/core/http/langdock-rate-limit-response';

describe('classifyLangdockRateLimit', () => {
  it.each([
    // Langdock's own 429 (docs, and seen by several projects).
    [
      "Langdock's public API limit",
      '{"message":"Rate limit for public API exceeded"}',
      'per-minute',
    ],
    // A Streamlit app's per-minute text, seen live.
    [
      'the tokens-per-minute text seen live',
      '{"message":"You have exceeded the maximum number of tokens per minute for this model"}',
      'per-minute',
    ],
    [
      "Azure's rate limit, which links to a quota increase",
      '{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit."}}',
      'per-minute',
    ],
    [
      "OpenAI's TPM limit, which mentions billing",
      '{"error":{"message":"Rate limit reached for gpt-4.1 on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000. Please try again in 2s. You can increase your rate limit by adding a payment method at https://platform.openai.com/account/billing.","type":"tokens","code":"rate_limit_exceeded"}}',
      'per-minute',
    ],
    [
      "Vertex's per-minute quota",
      '{"error":{"code":429,"message":"Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model","status":"RESOURCE_EXHAUSTED"}}',
      'per-minute',
    ],
    [
      "Anthropic's rate_limit_error",
      '{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}',
      'per-minute',
    ],
    ['an empty 429', '', 'per-minute'],
    ['a 429 that says nothing', '{"message":"Too Many Requests"}', 'per-minute'],
    // Spend limits: the Streamlit app's non-transient words, OpenAI's codes, the gateway's formats.
    [
      'a workspace spending limit',
      '{"message":"Your workspace has reached its spending limit"}',
      'spend-limit',
    ],
    ['a monthly limit', '{"message":"Monthly limit reached for this API key"}', 'spend-limit'],
    ['a budget', '{"error":"Budget exceeded"}', 'spend-limit'],
    [
      'a credit balance',
      '{"message":"Your credit balance is too low to access the API"}',
      'spend-limit',
    ],
    [
      "OpenAI's insufficient_quota",
      '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}',
      'spend-limit',
    ],
    [
      "OpenAI's spend-limit code",
      '{"error":{"message":"Limit reached.","type":"requests","code":"organization_spend_limit_exceeded"}}',
      'spend-limit',
    ],
    [
      'a gateway code with budget, under a rate_limit_error type',
      '{"type":"error","error":{"type":"rate_limit_error","message":"Limit reached."},"code":"key_budget_exceeded"}',
      'spend-limit',
    ],
    [
      'a spend limit in the words of a rate-limit envelope',
      '{"type":"error","error":{"type":"rate_limit_error","message":"Rate limit: the spend limit of this key is reached"}}',
      'spend-limit',
    ],
    ['a plain-text quota', 'quota exhausted', 'spend-limit'],
  ])('%s', (_, body, expected) => {
    expect(classifyLangdockRateLimit(429, body)).toBe(expected);
  });

  it('takes an unclear quota with nothing left this minute as per-minute', () => {
    const body = '{"message":"Model quota exceeded"}';
    expect(classifyLangdockRateLimit(429, body)).toBe('spend-limit');
    expect(classifyLangdockRateLimit(429, body, { 'x-ratelimit-remaining-tokens': '0' })).toBe(
      'per-minute',
    );
  });

  it.each([200, 400, 402, 500, undefined])('leaves %s unclassified', (status) => {
    expect(classifyLangdockRateLimit(status, '{"message":"spending limit"}')).toBeUndefined();
  });
});

describe('readLangdockRateLimitHeaders', () => {
  it.each([
    [
      {
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-limit-tokens': '60000',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-remaining-tokens': ' 0 ',
      },
      { limitRequests: 500, limitTokens: 60_000, remainingRequests: 499, remainingTokens: 0 },
    ],
    [{ 'x-ratelimit-limit-tokens': '120000' }, { limitTokens: 120_000 }],
    [{ 'x-ratelimit-limit-tokens': 'lots', 'x-ratelimit-remaining-tokens': '-1' }, undefined],
    [{ 'x-ratelimit-limit-requests': '' }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('reads %j as %j', (headers, expected) => {
    expect(readLangdockRateLimitHeaders(headers)).toEqual(expected);
  });
});
