// Issue #20, the x-ratelimit-* headers against the emulator: they reach providerMetadata.langdock.rateLimit on
// chat, streams, Messages; a 429's message quotes them; the limiter follows the limits they report.
import type { APICallError } from '@ai-sdk/provider';
import { embed, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { LangdockRateLimitError } from '../../src/index';
import { emulatorPerTest, failure, langdockOn, requestsTo } from './wire-emulator';

const emulators = emulatorPerTest();
const LIMITS = { rpm: 5, tpm: 10_000, windowMs: 60_000 };

describe('x-ratelimit-* headers in providerMetadata.langdock.rateLimit', () => {
  it('a chat completion: the limits and what is left once its request and reply counted', async () => {
    const emulator = await emulators.start({ rateLimitHeaders: true, rateLimit: LIMITS });
    const result = await generateText({ model: langdockOn(emulator)('gpt-4.1'), prompt: 'Hi' });
    const used = (result.response.body as { usage: { total_tokens: number } }).usage.total_tokens;
    expect(result.providerMetadata?.langdock?.rateLimit).toEqual({
      limitRequests: 5,
      limitTokens: 10_000,
      remainingRequests: 4,
      remainingTokens: 10_000 - used,
    });
  });

  it('a stream’s finish, and a Claude answer on Messages', async () => {
    const emulator = await emulators.start({ rateLimitHeaders: true, rateLimit: LIMITS });
    const langdock = langdockOn(emulator);
    const stream = streamText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
    await stream.consumeStream();
    expect((await stream.providerMetadata)?.langdock?.rateLimit).toMatchObject({
      limitRequests: 5,
      limitTokens: 10_000,
      remainingRequests: 4,
    });
    const claude = await generateText({
      model: langdock('claude-sonnet-4-6-default'),
      prompt: 'Hi',
    });
    expect(claude.providerMetadata?.langdock?.rateLimit).toMatchObject({
      limitRequests: 5,
      remainingRequests: 4,
    });
  });

  it('an embedding’s provider metadata', async () => {
    const emulator = await emulators.start({ rateLimitHeaders: true, rateLimit: LIMITS });
    const result = await embed({
      model: langdockOn(emulator).embedding('text-embedding-3-small'),
      value: 'hello',
    });
    expect(result.providerMetadata?.langdock?.rateLimit).toMatchObject({
      limitRequests: 5,
      remainingRequests: 4,
    });
  });
});

describe('a 429 that came with x-ratelimit-* headers', () => {
  it('names the limits Langdock reported, not the documented defaults', async () => {
    const emulator = await emulators.start({
      rateLimitHeaders: true,
      rateLimit: { rpm: 1, tpm: 5_000, windowMs: 60_000 },
    });
    const langdock = langdockOn(emulator);
    const first = await generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', maxRetries: 0 });
    const used = (first.response.body as { usage: { total_tokens: number } }).usage.total_tokens;
    const error = await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Again', maxRetries: 0 }),
    );
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.message).toContain(
      `Langdock reported a limit of 1 requests and 5,000 tokens per minute for this model, with 0 requests and ${(5_000 - used).toLocaleString('en-US')} tokens left`,
    );
    expect(apiError.message).toContain('rateLimit');
    expect(apiError.message).not.toContain('60,000');
  });
});

describe('the limiter learns the limits Langdock reports', () => {
  it('holds back a call the reported limit does not allow, without sending it', async () => {
    const emulator = await emulators.start({
      rateLimitHeaders: true,
      rateLimit: { rpm: 2, tpm: 60_000, windowMs: 60_000 },
    });
    // Left at Langdock's documented 500 a minute: only the headers can tell the limiter it is 2.
    const langdock = langdockOn(emulator, { rateLimit: { maxWaitMs: 0 } });
    for (const prompt of ['One', 'Two'])
      await generateText({ model: langdock('gpt-4.1'), prompt, maxRetries: 0 });
    const held = await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Three', maxRetries: 0 }),
    );
    expect(LangdockRateLimitError.isInstance(held)).toBe(true);
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(2);
  });
});
