import type { LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import { afterEach, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../emulator/index';
import {
  createLangdockMemoryStore,
  type LangdockRateLimitStore,
} from '../../src/core/rate-limit/langdock-rate-limit';
import * as root from '../../src/index';
import * as v3 from '../../src/v3/index';
import { createLangdock, LangdockRateLimitError } from '../../src/v4/index';
import { json, serverPerTest, text, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-rate-limit-key-0123456789';
const prompt = [
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Hello there' }] },
];

/** A fetch that counts the statuses it saw. */
function countingFetch() {
  const statuses: number[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await globalThis.fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  return { statuses, fetch };
}

async function drain(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

describe('rateLimit against the emulator with a short window', () => {
  let emulator: LangdockEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('sends a burst of chat calls, streams and embeddings without a single 429', async () => {
    const windowMs = 3_000;
    emulator = await startLangdockEmulator({
      apiKeys: [API_KEY],
      rateLimit: { rpm: 3, tpm: 200_000, windowMs },
    });
    const { statuses, fetch } = countingFetch();
    const langdock = createLangdock({
      apiKey: API_KEY,
      baseURL: emulator.baseURL,
      fetch,
      rateLimit: { requestsPerMinute: 3, windowMs },
    });
    const chat = langdock('gpt-4.1');
    const embedding = langdock.embeddingModel('text-embedding-3-small');
    const calls = [
      ...Array.from({ length: 3 }, () =>
        chat.doGenerate({ prompt }).then((result) => result.finishReason.unified),
      ),
      ...Array.from({ length: 3 }, () =>
        chat.doStream({ prompt }).then(async ({ stream }) => (await drain(stream)).at(-1)?.type),
      ),
      ...Array.from({ length: 2 }, () =>
        embedding.doEmbed({ values: ['a'] }).then((result) => result.embeddings.length),
      ),
    ];
    expect(await Promise.all(calls)).toEqual([
      'stop',
      'stop',
      'stop',
      'finish',
      'finish',
      'finish',
      1,
      1,
    ]);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses).toHaveLength(8);
  });

  // The defect a new user met: with the default 1,000-token output reservation, 20 short calls reserve about 20,600
  // tokens of a 12,000 budget; the first 11 answer in milliseconds and give most of it back, which must wake the rest.
  it('wakes waiting calls as soon as settled calls free the budget: 20 short calls at 12,000 tokens, maxWaitMs 3 s', async () => {
    emulator = await startLangdockEmulator({
      apiKeys: [API_KEY],
      rateLimit: { rpm: 500, tpm: 12_000, windowMs: 60_000 },
    });
    const { statuses, fetch } = countingFetch();
    const chat = createLangdock({
      apiKey: API_KEY,
      baseURL: emulator.baseURL,
      fetch,
      rateLimit: { tokensPerMinute: 12_000, maxWaitMs: 3_000 },
    })('gpt-4.1');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? chat.doGenerate({ prompt }).then((result) => result.finishReason.unified)
          : chat
              .doStream({ prompt })
              .then(async ({ stream }) => (await drain(stream)).at(-1)?.type),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(20).fill('fulfilled'));
    expect(statuses).toEqual(Array(20).fill(200));
  });

  it('meets 429s without it, as the reason it exists', async () => {
    emulator = await startLangdockEmulator({
      apiKeys: [API_KEY],
      rateLimit: { rpm: 3, tpm: 200_000, windowMs: 60_000 },
    });
    const { statuses, fetch } = countingFetch();
    const chat = createLangdock({ apiKey: API_KEY, baseURL: emulator.baseURL, fetch })('gpt-4.1');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => chat.doGenerate({ prompt })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });
});

describe('rateLimit on the wire', () => {
  const servers = serverPerTest();

  it('blocks the bucket after a 429 for its retry-after, so the next call waits instead of meeting another', async () => {
    const server = await servers.start(
      text('{"message":"Rate limit for public API exceeded"}', 429, { 'retry-after': '1' }),
      json({
        id: 'r',
        created: 1,
        model: 'gpt-4.1',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
        ],
      }),
    );
    const chat = createLangdock({ apiKey: API_KEY, baseURL: server.baseURL, rateLimit: true })(
      'gpt-4.1',
    );
    await expect(chat.doGenerate({ prompt })).rejects.toThrow('Langdock API error 429');
    const started = Date.now();
    const result = await chat.doGenerate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
    // Held back by the retry-after of one second (a lower bound, not a timing target).
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('names buckets by a hash of the key, never the key itself', async () => {
    const server = await servers.start(
      json({
        data: [{ index: 0, embedding: [0.1] }],
        usage: { prompt_tokens: 1, total_tokens: 1 },
      }),
    );
    const buckets: string[] = [];
    const memory = createLangdockMemoryStore();
    const store: LangdockRateLimitStore = {
      acquire: (bucket, request) => (buckets.push(bucket), memory.acquire(bucket, request)),
      settle: (bucket, lease, tokens) => (
        buckets.push(bucket),
        memory.settle(bucket, lease, tokens)
      ),
      block: (bucket, ms) => (buckets.push(bucket), memory.block(bucket, ms)),
    };
    await createLangdock({ apiKey: API_KEY, baseURL: server.baseURL, rateLimit: { store } })
      .embeddingModel('text-embedding-3-small')
      .doEmbed({ values: ['a'] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    expect(buckets[0]).toMatch(
      new RegExp(`^[0-9a-f]{32}:${server.baseURL.replace(/[.]/g, '\\.')}:text-embedding-3-small$`),
    );
    expect(buckets.join('\n')).not.toContain(API_KEY);
    expect(buckets.join('\n')).not.toContain(API_KEY.slice(3, 20));
  });

  it('fails without sending when the wait would pass maxWaitMs', async () => {
    const server = await servers.start(
      json({
        id: 'r',
        created: 1,
        model: 'gpt-4.1',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
        ],
      }),
    );
    const chat = createLangdock({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      rateLimit: { requestsPerMinute: 1, maxWaitMs: 1_000 },
    })('gpt-4.1');
    await chat.doGenerate({ prompt });
    const failure = await Promise.resolve(chat.doGenerate({ prompt })).catch(
      (error: unknown) => error,
    );
    // Every entry exports the error class; its isInstance works across copies of the package.
    for (const entry of [root, v3])
      expect(entry.LangdockRateLimitError.isInstance(failure)).toBe(true);
    expect(LangdockRateLimitError.isInstance(failure)).toBe(true);
    await expect(Promise.reject(failure)).rejects.toThrow(
      'The limit of 1 requests a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs (1000 ms), so it was not sent.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('applies tokensPerMinute from the settings: a call larger than the budget fails unsent, saying why', async () => {
    const server = await servers.start(
      json({
        id: 'r',
        created: 1,
        model: 'gpt-4.1',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
        ],
      }),
    );
    const chat = createLangdock({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      rateLimit: { tokensPerMinute: 500 },
    })('gpt-4.1');
    await chat.doGenerate({ prompt, maxOutputTokens: 100 });
    await expect(chat.doGenerate({ prompt, maxOutputTokens: 600 })).rejects.toThrow(
      'more than the 500 tokens a minute the rate limit allows; it was not sent.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('names maxOutputTokens when the 1,000 tokens reserved without it are what does not fit, and the call fits with it', async () => {
    const server = await servers.start(
      json({
        id: 'r',
        created: 1,
        model: 'gpt-4.1',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
        ],
      }),
    );
    const chat = createLangdock({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      rateLimit: { tokensPerMinute: 1_500, maxWaitMs: 0 },
    })('gpt-4.1');
    // 'Hello there' is 3 tokens and its message 4 more: the call reserves 7 + 1,000, and the answer carries no usage.
    await chat.doGenerate({ prompt });
    await expect(chat.doGenerate({ prompt })).rejects.toThrow(
      'The limit of 1500 tokens a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs (0 ms), so it was not sent. Its prompt (about 7 tokens) would fit in the 493 tokens left now, but it also reserves 1000 tokens for its output because it sets no maxOutputTokens: set maxOutputTokens to what the answer needs, and it reserves that instead.',
    );
    await chat.doGenerate({ prompt, maxOutputTokens: 100 });
    await expect(chat.doStream({ prompt }).then(() => 'sent')).rejects.toThrow(
      'because it sets no maxOutputTokens',
    );
    await expect(
      createLangdock({
        apiKey: API_KEY,
        baseURL: server.baseURL,
        rateLimit: { tokensPerMinute: 500 },
      })('gpt-4.1').doGenerate({ prompt }),
    ).rejects.toThrow(
      'This call reserves about 1007 tokens, more than the 500 tokens a minute the rate limit allows; it was not sent. Its prompt is about 7 tokens; the other 1000 are reserved for its output (it sets no maxOutputTokens, and 1000 are reserved then): set maxOutputTokens to at most 493.',
    );
    expect(server.requests).toHaveLength(2);
  });

  it('reads x-ratelimit-* headers: providerMetadata.langdock.rateLimit, and what Langdock counts beyond this process makes the next call wait', async () => {
    // Langdock's window holds 20 requests and 1,400 of its 2,000 tokens: another app on the workspace sent 19 of
    // them and 1,343 tokens, which this process never saw.
    const rateLimitHeaders = {
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-limit-tokens': '2000',
      'x-ratelimit-remaining-requests': '480',
      'x-ratelimit-remaining-tokens': '600',
    };
    const completion = {
      id: 'r',
      created: 1,
      model: 'gpt-4.1',
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 1, total_tokens: 8 },
    };
    const streamed: Reply = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', ...rateLimitHeaders });
      for (const chunk of [
        {
          id: 's',
          created: 1,
          model: 'gpt-4.1',
          choices: [{ index: 0, delta: { content: 'ok' } }],
        },
        {
          id: 's',
          created: 1,
          model: 'gpt-4.1',
          choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        },
      ])
        response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      response.end('data: [DONE]\n\n');
    };
    const server = await servers.start(
      json(completion, 200, rateLimitHeaders),
      streamed,
      json(completion, 200, { 'x-ratelimit-remaining-tokens': '1500' }),
    );
    const chat = createLangdock({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      rateLimit: { maxWaitMs: 0 },
    })('gpt-4.1');
    const first = await chat.doGenerate({ prompt, maxOutputTokens: 50 });
    expect(first.providerMetadata?.langdock?.rateLimit).toEqual({
      limitRequests: 500,
      limitTokens: 2_000,
      remainingRequests: 480,
      remainingTokens: 600,
    });
    // 8 tokens of this process's call and 1,343 of the other app's: 649 left of Langdock's 2,000 (the limit it
    // reported, as the settings left the default). 7 + 700 do not fit; 7 + 100 do.
    await expect(chat.doGenerate({ prompt, maxOutputTokens: 700 })).rejects.toThrow(
      'The limit of 2000 tokens a minute for this model is used up: this call would have waited 61 s, longer than maxWaitMs (0 ms), so it was not sent. Its prompt (about 7 tokens) would fit in the 649 tokens left now',
    );
    const { stream } = await chat.doStream({ prompt, maxOutputTokens: 100 });
    const finish = (await drain(stream)).at(-1);
    expect(finish?.type === 'finish' && finish.providerMetadata?.langdock?.rateLimit).toEqual({
      limitRequests: 500,
      limitTokens: 2_000,
      remainingRequests: 480,
      remainingTokens: 600,
    });
    const third = await chat.doGenerate({ prompt, maxOutputTokens: 10 });
    expect(third.providerMetadata?.langdock?.rateLimit).toEqual({ remainingTokens: 1_500 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [
      { rateLimit: 'yes' },
      'rateLimit must be true, false or { requestsPerMinute, tokensPerMinute, maxWaitMs, store }; got "yes".',
    ],
    [{ rateLimit: { rpm: 5 } }, "Unknown rateLimit setting 'rpm'"],
    [
      { rateLimit: { tokensPerMinute: 0 } },
      'rateLimit.tokensPerMinute must be a positive number; got number.',
    ],
    [{ rateLimit: { store: {} } }, 'rateLimit.store must have acquire, settle and block methods'],
  ])('refuses the setting %j at creation', (settings, message) => {
    expect(() => createLangdock({ apiKey: API_KEY, ...(settings as object) })).toThrow(message);
  });
});
