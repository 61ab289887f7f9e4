/// <reference types="vite/client" />
import {
  APICallError,
  LoadAPIKeyError,
  type LanguageModelV2CallOptions,
  type LanguageModelV2StreamPart,
} from '@ai-sdk/provider';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import textFixture from '../fixtures/text.jsonl?raw';
import toolCallsFixture from '../fixtures/tool-calls-interleaved.jsonl?raw';

// The model through a stubbed fetch and web streams only: no node:http, no node: imports, so this
// runs under vitest's edge-runtime environment (vitest.edge.config.ts) as well as under Node.

const API_KEY = 'ld-edge-key-0123456789';
const prompt: LanguageModelV2CallOptions['prompt'] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text: 'Weather in Berlin?' }] },
];

interface Call {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records each request and answers with the scripted responses, in order. */
function stubFetch(...replies: Array<() => Response>) {
  const calls: Call[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: JSON.parse(String(init?.body)),
    });
    const reply = replies[calls.length - 1];
    if (reply === undefined) throw new Error(`no reply scripted for request ${calls.length}`);
    return reply();
  };
  return { fetch, calls };
}

const jsonResponse =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

const fixtureEvents = (fixture: string) => fixture.split('\n').filter((line) => line.trim() !== '');
const sseBytes = (events: string[]) =>
  new TextEncoder().encode(events.map((data) => `data: ${data}\n\n`).join(''));

/** An event stream whose body arrives in the given byte slices (cut points may split a character). */
const sseResponse =
  (bytes: Uint8Array, cuts: number[] = []) =>
  () => {
    const bounds = [
      0,
      ...[...new Set(cuts)].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b),
      bytes.length,
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bounds.length - 1; i++)
          controller.enqueue(bytes.slice(bounds[i], bounds[i + 1]));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };

async function collect(stream: ReadableStream<LanguageModelV2StreamPart>) {
  const parts: LanguageModelV2StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

const modelWith = (fetch: ReturnType<typeof stubFetch>['fetch'], modelId = 'gpt-4.1') =>
  createLangdock({ apiKey: API_KEY, baseURL: 'https://langdock.test/openai/eu/v1/', fetch })(
    modelId,
  );

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the model on a stubbed fetch', () => {
  it('runs in the environment the config asks for (the EdgeRuntime global exists only on the edge run)', () => {
    const edgeRun = import.meta.env.LANGDOCK_TEST_RUNTIME === 'edge-runtime';
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe(
      edgeRun ? 'string' : 'undefined',
    );
  });

  it('doGenerate posts the exact body with the bearer key and maps the response', async () => {
    const completion = {
      id: 'chatcmpl-9',
      object: 'chat.completion',
      created: 1764000000,
      model: 'gpt-4.1-2025-04-14',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Sunny, 21°C.' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 30, completion_tokens: 6, total_tokens: 36 },
    };
    const { fetch, calls } = stubFetch(jsonResponse(completion, 200, { 'x-request-id': 'req-1' }));
    const result = await modelWith(fetch).doGenerate({
      prompt,
      temperature: 0.2,
      maxOutputTokens: 50,
      topK: 3,
    });

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://langdock.test/openai/eu/v1/chat/completions');
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(calls[0]!.body).toEqual({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Berlin?' },
      ],
      max_tokens: 50,
      temperature: 0.2,
    });
    expect(result.content).toEqual([{ type: 'text', text: 'Sunny, 21°C.' }]);
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ inputTokens: 30, outputTokens: 6, totalTokens: 36 });
    expect(result.response?.headers?.['x-request-id']).toBe('req-1');
    expect(result.warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'topK',
        details: 'Langdock chat completions have no top_k.',
      },
    ]);
  });

  it('doStream sends stream: true and emits the full part lifecycle of a recorded stream', async () => {
    const { fetch, calls } = stubFetch(sseResponse(sseBytes(fixtureEvents(textFixture))));
    const { stream } = await modelWith(fetch).doStream({ prompt });
    const parts = await collect(stream);

    expect(calls[0]!.body).toEqual({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Berlin?' },
      ],
      stream: true,
    });
    expect(parts).toEqual([
      { type: 'stream-start', warnings: [] },
      {
        type: 'response-metadata',
        id: 'chatcmpl-1',
        modelId: 'gpt-4.1',
        timestamp: new Date(1764000000 * 1000),
      },
      { type: 'text-start', id: expect.any(String) },
      { type: 'text-delta', id: expect.any(String), delta: 'Hello' },
      { type: 'text-delta', id: expect.any(String), delta: ', wörld 🌍' },
      { type: 'text-delta', id: expect.any(String), delta: '!' },
      { type: 'text-end', id: expect.any(String) },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: {
          inputTokens: 12,
          outputTokens: 5,
          totalTokens: 17,
          reasoningTokens: 0,
          cachedInputTokens: 2,
        },
      },
    ]);
  });

  it('doStream yields the same text and tool calls however the body bytes are split (property)', async () => {
    const bytes = sseBytes(fixtureEvents(toolCallsFixture));
    const textBytes = sseBytes(fixtureEvents(textFixture));
    // Text part ids are random per stream; compare the deltas, tool calls and finish.
    const summary = (
      parts: LanguageModelV2StreamPart[],
    ): Array<string | LanguageModelV2StreamPart> =>
      parts.flatMap((part): Array<string | LanguageModelV2StreamPart> =>
        part.type === 'text-delta'
          ? [part.delta]
          : part.type === 'tool-call' || part.type === 'finish'
            ? [part]
            : [],
      );
    const reference = summary(
      await collect(
        (await modelWith(stubFetch(sseResponse(bytes)).fetch).doStream({ prompt })).stream,
      ),
    );
    expect(
      reference.filter((part) => typeof part !== 'string' && part.type === 'tool-call'),
    ).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"München"}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'time', input: '{"zone":"UTC"}' },
    ]);
    const textReference = summary(
      await collect(
        (await modelWith(stubFetch(sseResponse(textBytes)).fetch).doStream({ prompt })).stream,
      ),
    );

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: bytes.length }), { maxLength: 40 }),
        fc.array(fc.nat({ max: textBytes.length }), { maxLength: 40 }),
        async (cuts, textCuts) => {
          const parts = await collect(
            (await modelWith(stubFetch(sseResponse(bytes, cuts)).fetch).doStream({ prompt }))
              .stream,
          );
          expect(summary(parts)).toEqual(reference);
          const textParts = await collect(
            (
              await modelWith(stubFetch(sseResponse(textBytes, textCuts)).fetch).doStream({
                prompt,
              })
            ).stream,
          );
          expect(summary(textParts)).toEqual(textReference);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a 401 becomes an APICallError with Langdock words and a hint, without the key', async () => {
    const { fetch, calls } = stubFetch(
      jsonResponse({ message: 'The provided API key is invalid.' }, 401),
    );
    const error = await modelWith(fetch)
      .doGenerate({ prompt })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(401);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toContain(
      'Langdock API error 401: The provided API key is invalid. Check the API key',
    );
    expect(JSON.stringify({ ...apiError, message: apiError.message })).not.toContain(API_KEY);
    expect(calls).toHaveLength(1);
  });

  it('a 429 on a stream request is a retryable APICallError carrying retry-after', async () => {
    const { fetch } = stubFetch(
      jsonResponse({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after': '2' }),
    );
    const error = (await modelWith(fetch)
      .doStream({ prompt })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders?.['retry-after']).toBe('2');
  });

  it('a missing key fails before any request with LoadAPIKeyError', async () => {
    vi.stubEnv('LANGDOCK_API_KEY', '');
    const { fetch, calls } = stubFetch();
    const model = createLangdock({ baseURL: 'https://langdock.test/openai/eu/v1', fetch })(
      'gpt-4.1',
    );
    await expect(model.doGenerate({ prompt })).rejects.toSatisfy((error: unknown) =>
      LoadAPIKeyError.isInstance(error),
    );
    expect(calls).toHaveLength(0);
  });
});
