// Issue #20, 429s told apart against the emulator: a spend limit is not retried, names who lifts it and leaves
// the limiter's bucket open; a per-minute limit blocks the bucket and is retried after retry-after.
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { LangdockRateLimitError } from '../../src/index';
import { echo, emulatorPerTest, failure, langdockOn, requestsTo, WIRE_KEY } from './wire-emulator';

const emulators = emulatorPerTest();
const LIFTS_IT = "A workspace admin can raise it in Langdock's workspace settings";

describe('a spend limit (429 that waiting does not cure)', () => {
  it.each([
    {
      scope: 'workspace' as const,
      words: 'Your workspace has reached its monthly spending limit. Contact your workspace admin',
    },
    {
      scope: 'user' as const,
      words:
        'You have reached your monthly spending limit. Contact your workspace admin to raise it',
    },
    {
      scope: 'key' as const,
      words:
        'This API key has reached its spending limit. Contact your workspace admin to raise it',
    },
  ])(
    '$scope: one request, not retried, and a message that names the limit and who lifts it',
    async ({ scope, words }) => {
      const emulator = await emulators.start({ spendLimit: scope });
      const error = await failure(
        generateText({ model: langdockOn(emulator)('gpt-4.1'), prompt: 'Hi', maxRetries: 2 }),
      );
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect({ status: apiError.statusCode, retryable: apiError.isRetryable }).toEqual({
        status: 429,
        retryable: false,
      });
      expect(apiError.message.startsWith(`Langdock API error 429: ${words}.`)).toBe(true);
      expect(apiError.message).toContain('This is a spend limit, not a per-minute rate limit');
      expect(apiError.message).toContain(LIFTS_IT);
      expect(apiError.message).not.toContain(WIRE_KEY);
      expect(requestsTo(emulator, '/chat/completions')).toHaveLength(1);
    },
  );

  it('on Messages and through the gateway (code spend_limit_exceeded) alike', async () => {
    const classic = await emulators.start({ spendLimit: 'workspace' });
    const claude = await failure(
      generateText({ model: langdockOn(classic)('claude-sonnet-4-6-default'), prompt: 'Hi' }),
    );
    expect((claude as APICallError).isRetryable).toBe(false);
    expect((claude as APICallError).message).toContain(LIFTS_IT);
    expect(requestsTo(classic, '/messages')).toHaveLength(1);

    const gateway = await emulators.start({ gateway: true, spendLimit: 'key' });
    const viaGateway = await failure(
      generateText({ model: langdockOn(gateway, { gateway: true })('gpt-4.1'), prompt: 'Hi' }),
    );
    const apiError = viaGateway as APICallError;
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toContain(
      'This Model Gateway key has reached its spending limit. Contact your workspace admin to raise it (spend_limit_exceeded)',
    );
    expect(apiError.message).toContain(LIFTS_IT);
    expect(requestsTo(gateway, '/v1/chat/completions')).toHaveLength(1);
  });

  it('with rateLimit on, does not block the bucket: once lifted, the next call goes out at once', async () => {
    const emulator = await emulators.start({ spendLimit: 'workspace' });
    // maxWaitMs 0: a blocked bucket would fail the next call at once, without sending it.
    const langdock = langdockOn(emulator, { rateLimit: { maxWaitMs: 0 } });
    const refused = await failure(generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' }));
    expect((refused as APICallError).statusCode).toBe(429);
    emulator.setSpendLimit();
    const result = await generateText({ model: langdock('gpt-4.1'), prompt: 'Again' });
    expect(result.text).toBe(echo('Again'));
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(2);
  });
});

describe('a per-minute limit (Rate limit for public API exceeded)', () => {
  it('with rateLimit on, blocks the bucket: the next call fails without being sent', async () => {
    const emulator = await emulators.start({ rateLimit: { rpm: 1, windowMs: 60_000 } });
    const langdock = langdockOn(emulator, { rateLimit: { maxWaitMs: 0 } });
    await generateText({ model: langdock('gpt-4.1'), prompt: 'First', maxRetries: 0 });
    const refused = await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Second', maxRetries: 0 }),
    );
    const apiError = refused as APICallError;
    expect({ status: apiError.statusCode, retryable: apiError.isRetryable }).toEqual({
      status: 429,
      retryable: true,
    });
    expect(apiError.responseHeaders?.['retry-after']).toBe('60');
    expect(apiError.message).toContain('wait and retry');
    const blocked = await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Third', maxRetries: 0 }),
    );
    expect(LangdockRateLimitError.isInstance(blocked)).toBe(true);
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(2);
  });

  it('is retried after retry-after, and the retry succeeds', async () => {
    const emulator = await emulators.start({ rateLimit: { rpm: 1, windowMs: 1_000 } });
    const langdock = langdockOn(emulator, { rateLimit: true });
    await generateText({ model: langdock('gpt-4.1'), prompt: 'First', maxRetries: 0 });
    const started = Date.now();
    const result = await generateText({
      model: langdock('gpt-4.1'),
      prompt: 'Second',
      maxRetries: 1,
    });
    expect(result.text).toBe(echo('Second'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // First, the refused Second, and its retry.
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(3);
  }, 15_000);
});
