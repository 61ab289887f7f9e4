import {
  APICallError,
  type LanguageModelV2CallOptions,
  type LanguageModelV2FunctionTool,
  type LanguageModelV2StreamPart,
} from '@ai-sdk/provider';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import { readFixture } from '../helpers/fixtures';
import { json, sse, serverPerTest, text, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-test-key-0123456789';
const prompt: LanguageModelV2CallOptions['prompt'] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text: 'Weather in Berlin?' }] },
];
const weatherTool: LanguageModelV2FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Current weather',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const servers = serverPerTest();

async function modelOn(replies: Reply[], modelId = 'gpt-4.1') {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL })(modelId);
}

async function collect(stream: ReadableStream<LanguageModelV2StreamPart>) {
  const parts: LanguageModelV2StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

/** The error a call fails with (the spec types calls as PromiseLike, which has no catch). */
const failure = (call: PromiseLike<unknown>) =>
  Promise.resolve(call).then(
    () => undefined,
    (error: unknown) => error,
  );

const completion = {
  id: 'chatcmpl-9',
  object: 'chat.completion',
  created: 1764000000,
  model: 'gpt-4.1-2025-04-14',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Berlin"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
      logprobs: null,
    },
  ],
  usage: {
    prompt_tokens: 30,
    completion_tokens: 12,
    total_tokens: 42,
    prompt_tokens_details: { cached_tokens: 10 },
    completion_tokens_details: { reasoning_tokens: 4 },
  },
};

describe('doGenerate', () => {
  it('posts the exact body with the bearer key and maps the whole response', async () => {
    const model = await modelOn([json(completion, 200, { 'x-request-id': 'req-1' })]);
    const result = await model.doGenerate({
      prompt,
      tools: [weatherTool],
      toolChoice: { type: 'auto' },
      temperature: 0.2,
      maxOutputTokens: 50,
      topK: 3,
      providerOptions: { langdock: { user: 'u-1', parallelToolCalls: false } },
    });

    const request = servers.current.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/openai/eu/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Berlin?' },
      ],
      max_tokens: 50,
      temperature: 0.2,
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'Current weather',
            parameters: weatherTool.inputSchema,
          },
        },
      ],
      tool_choice: 'auto',
      user: 'u-1',
    });

    expect(result.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Berlin"}' },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.usage).toEqual({
      inputTokens: 30,
      outputTokens: 12,
      totalTokens: 42,
      cachedInputTokens: 10,
      reasoningTokens: 4,
    });
    expect(result.response).toMatchObject({
      id: 'chatcmpl-9',
      modelId: 'gpt-4.1-2025-04-14',
      timestamp: new Date(1764000000 * 1000),
      body: completion,
    });
    expect(result.response?.headers?.['x-request-id']).toBe('req-1');
    expect(result.request?.body).toEqual(request.body);
    expect(result.warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'topK',
        details: 'Langdock chat completions have no top_k.',
      },
      {
        type: 'other',
        message:
          'providerOptions.langdock.parallelToolCalls: Langdock refuses requests with parallel_tool_calls; it was not sent.',
      },
    ]);
  });

  it('returns logprobs in provider metadata', async () => {
    const logprobs = [
      { token: 'Hi', logprob: -0.01, top_logprobs: [{ token: 'Hi', logprob: -0.01 }] },
    ];
    const model = await modelOn([
      json({
        ...completion,
        choices: [
          {
            index: 0,
            message: { content: 'Hi' },
            finish_reason: 'stop',
            logprobs: { content: logprobs },
          },
        ],
      }),
    ]);
    const result = await model.doGenerate({
      prompt,
      providerOptions: { langdock: { logprobs: 1 } },
    });
    expect(servers.current.requests[0]!.body).toMatchObject({ logprobs: true, top_logprobs: 1 });
    expect(result.providerMetadata).toEqual({ langdock: { logprobs } });
  });

  it('leaves usage undefined when the response has none', async () => {
    const model = await modelOn([json({ ...completion, usage: undefined })]);
    expect((await model.doGenerate({ prompt })).usage).toEqual({
      inputTokens: undefined,
      outputTokens: undefined,
      totalTokens: undefined,
      reasoningTokens: undefined,
      cachedInputTokens: undefined,
    });
  });

  it.each([
    [
      'a 200 with an HTML page',
      text('<html><title>Sign in</title></html>', 200, { 'content-type': 'text/html' }),
      'Langdock answered 200 with a body that is not JSON: the server answered with an HTML page: "Sign in". Check baseURL.',
    ],
    [
      'a body without choices',
      json({ id: 'x', choices: [] }),
      'Langdock answered with an unexpected chat completion: response.choices must be a non-empty array.',
    ],
    [
      'a tool call without a name',
      json({
        choices: [{ message: { tool_calls: [{ id: 'c', function: { arguments: '{}' } }] } }],
      }),
      'response.choices[0].message.tool_calls[0].function.name must be a string',
    ],
  ])('fails clearly on %s', async (_name, reply, message) => {
    const model = await modelOn([reply]);
    const error = await failure(model.doGenerate({ prompt }));
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).message).toContain(message);
  });

  it.each([
    [
      401,
      { message: 'The provided API key is invalid.' },
      'Langdock API error 401: The provided API key is invalid. Check the API key',
      false,
    ],
    [
      404,
      { error: { message: 'The model `gpt-9` does not exist', code: 'DeploymentNotFound' } },
      'Langdock API error 404: The model `gpt-9` does not exist (DeploymentNotFound). Check the model id and region',
      false,
    ],
    [
      429,
      { message: 'Rate limit for public API exceeded' },
      '500 requests and 60,000 tokens per minute per model',
      true,
    ],
    [
      400,
      { message: ['temperature must not be greater than 2'] },
      'Langdock API error 400: temperature must not be greater than 2. Langdock refused the request as invalid.',
      false,
    ],
    [
      500,
      { error: 'Internal error' },
      'Langdock API error 500: Internal error. Langdock had a server error; retry shortly.',
      true,
    ],
  ])(
    'turns a %i into an APICallError with Langdock words and a hint',
    async (status, body, message, retryable) => {
      const model = await modelOn([json(body, status)]);
      const error = (await failure(model.doGenerate({ prompt }))) as APICallError;
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.message).toContain(message);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
    },
  );

  it('redacts the key when a server echoes it, in every field of the error', async () => {
    const model = await modelOn([
      json({ message: `Key ${API_KEY} is not valid for this workspace` }, 401),
    ]);
    const error = (await failure(model.doGenerate({ prompt }))) as APICallError;
    expect(error.message).toContain('Key [redacted] is not valid');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });

  it('redacts the key from a 200 body that is not a completion', async () => {
    const model = await modelOn([
      text(`<html><title>Proxy: bad token ${API_KEY}</title></html>`, 200, {
        'content-type': 'text/html',
      }),
    ]);
    const error = (await failure(model.doGenerate({ prompt }))) as APICallError;
    expect(error.message).toContain('Proxy: bad token [redacted]');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });

  it('stops on abort', async () => {
    const model = await modelOn([() => new Promise(() => {})]);
    const controller = new AbortController();
    const call = model.doGenerate({ prompt, abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('doStream', () => {
  it('sends stream: true and none of the options Langdock refuses', async () => {
    const model = await modelOn([sse(readFixture('text').slice(0, -1))]);
    const { stream, request } = await model.doStream({
      prompt,
      providerOptions: {
        langdock: { streamOptions: { include_usage: true }, n: 2, serviceTier: 'auto' },
      },
    });
    await collect(stream);
    const body = servers.current.requests[0]!.body as Record<string, unknown>;
    expect(body).toEqual({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Berlin?' },
      ],
      stream: true,
    });
    expect(request?.body).toEqual(body);
  });

  it('emits the full part lifecycle for a text stream', async () => {
    const model = await modelOn([sse(readFixture('text').slice(0, -1))]);
    const { stream, response } = await model.doStream({
      prompt,
      providerOptions: { langdock: { n: 2 } },
    });
    const parts = await collect(stream);
    expect(response?.headers?.['content-type']).toBe('text/event-stream');
    expect(parts).toEqual([
      {
        type: 'stream-start',
        warnings: [
          {
            type: 'other',
            message:
              'providerOptions.langdock.n: Langdock refuses requests with n; it was not sent.',
          },
        ],
      },
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
    const ids = new Set(
      parts.flatMap((part) => ('id' in part && part.type.startsWith('text') ? [part.id] : [])),
    );
    expect(ids.size).toBe(1);
  });

  it('streams interleaved tool calls to complete tool-call parts', async () => {
    const model = await modelOn([sse(readFixture('tool-calls-interleaved').slice(0, -1))]);
    const { stream } = await model.doStream({ prompt, tools: [weatherTool] });
    const parts = await collect(stream);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"München"}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'time', input: '{"zone":"UTC"}' },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('emits raw chunks when includeRawChunks is set', async () => {
    const model = await modelOn([sse(readFixture('text').slice(0, -1))]);
    const { stream } = await model.doStream({ prompt, includeRawChunks: true });
    const raw = (await collect(stream)).filter((part) => part.type === 'raw');
    expect(raw.map((part) => part.type === 'raw' && part.rawValue)).toEqual(
      readFixture('text')
        .slice(0, -1)
        .map((line) => JSON.parse(line)),
    );
  });

  it('throws an APICallError with the hint when the stream request fails', async () => {
    const model = await modelOn([
      json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after': '2' }),
    ]);
    const error = (await failure(model.doStream({ prompt }))) as APICallError;
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders?.['retry-after']).toBe('2');
    expect(error.message).toContain('Rate limit for public API exceeded');
  });

  it('fails clearly when a streaming request gets an HTML page', async () => {
    const model = await modelOn([
      text('<html><title>Login</title></html>', 200, {
        'content-type': 'text/html; charset=utf-8',
      }),
    ]);
    await expect(model.doStream({ prompt })).rejects.toThrow(
      'Langdock answered 200 to a streaming request with text/html; charset=utf-8 instead of an event stream: the server answered with an HTML page: "Login". Check baseURL.',
    );
  });
});

describe('predicted output (#20)', () => {
  const usage = {
    prompt_tokens: 10,
    completion_tokens: 5,
    total_tokens: 15,
    completion_tokens_details: { accepted_prediction_tokens: 3, rejected_prediction_tokens: 0 },
  };
  const langdock = { acceptedPredictionTokens: 3, rejectedPredictionTokens: 0 };

  it('puts the accepted and rejected prediction tokens in provider metadata, in doGenerate', async () => {
    const model = await modelOn([json({ ...completion, usage })]);
    expect((await model.doGenerate({ prompt })).providerMetadata).toEqual({ langdock });
  });

  it('and in the finish part of doStream', async () => {
    const model = await modelOn([
      sse([
        {
          id: 'c',
          created: 1764000000,
          model: 'gpt-4.1',
          choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }],
        },
        { id: 'c', created: 1764000000, model: 'gpt-4.1', choices: [], usage },
      ]),
    ]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', providerMetadata: { langdock } });
  });
});
