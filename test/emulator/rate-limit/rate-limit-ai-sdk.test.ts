// How the library, driven by the AI SDK's retry loop, copes with the emulator's 429s with and without retry-after.
// Assertions count requests and outcomes; the windows are sized so the SDK's own 2 s first backoff falls
// inside a 3 s window while a retry-after of 3 s reaches past it.
import { generateText, RetryError } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { createLangdock } from '../../../src/index';

const WINDOW_MS = 3_000;
let emulator: LangdockEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(retryAfter: boolean): Promise<LangdockEmulator> {
  emulator = await startLangdockEmulator({
    apiKeys: ['retry-key'],
    rateLimit: { rpm: 1, windowMs: WINDOW_MS },
    retryAfter,
  });
  return emulator;
}

function chatRequests(server: LangdockEmulator): number {
  return server.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
}

describe('the AI SDK against the emulator’s rate limit', () => {
  it('waits as long as retry-after says, and the one retry succeeds', async () => {
    const server = await start(true);
    const langdock = createLangdock({ baseURL: server.baseURL, apiKey: 'retry-key' });
    const first = await generateText({
      model: langdock('gpt-4.1'),
      prompt: 'first',
      maxRetries: 0,
    });
    expect(first.text).toBe(
      'You said: "first". This is a deterministic reply from the Langdock emulator.',
    );

    const second = await generateText({
      model: langdock('gpt-4.1'),
      prompt: 'second',
      maxRetries: 1,
    });
    expect(second.text).toBe(
      'You said: "second". This is a deterministic reply from the Langdock emulator.',
    );
    // The first request, the refused one, and the retry after retry-after: 3 (the whole window).
    expect(chatRequests(server)).toBe(3);
  }, 15_000);

  it('without retry-after backs off on its own schedule, too soon for the window, and gives up', async () => {
    const server = await start(false);
    const langdock = createLangdock({ baseURL: server.baseURL, apiKey: 'retry-key' });
    await generateText({ model: langdock('gpt-4.1'), prompt: 'first', maxRetries: 0 });

    const error = await generateText({
      model: langdock('gpt-4.1'),
      prompt: 'second',
      maxRetries: 1,
    }).catch((caught: unknown) => caught);
    expect(RetryError.isInstance(error)).toBe(true);
    if (!RetryError.isInstance(error)) return;
    expect(error.reason).toBe('maxRetriesExceeded');
    expect(error.errors).toHaveLength(2);
    expect(error.errors.map((attempt) => (attempt as { statusCode?: number }).statusCode)).toEqual([
      429, 429,
    ]);
    expect(
      error.errors.map(
        (attempt) =>
          (attempt as { responseHeaders?: Record<string, string> }).responseHeaders?.[
            'retry-after'
          ],
      ),
    ).toEqual([undefined, undefined]);
    expect(chatRequests(server)).toBe(3);
  }, 15_000);
});
