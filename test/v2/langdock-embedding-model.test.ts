import {
  APICallError,
  InvalidArgumentError,
  LoadAPIKeyError,
  TooManyEmbeddingValuesForCallError,
  type EmbeddingModelV2,
} from '@ai-sdk/provider';
import { embed, embedMany } from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import { LangdockEmbeddingModel } from '../../src/v2/langdock-embedding-model';
import {
  json,
  serverPerTest,
  text,
  type RecordedRequest,
  type Reply,
} from '../helpers/test-server';

const API_KEY = 'ld-test-key-0123456789';

const servers = serverPerTest();
afterEach(() => {
  vi.unstubAllEnvs();
});

async function langdockOn(...replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
}

/** The vector for a text: its length and char code sum, so each input's vector is recognisable. */
const vectorFor = (input: string) => [
  input.length,
  [...input].reduce((sum, char) => sum + char.charCodeAt(0), 0),
];

/** An OpenAI-shaped answer built from the request, listed in reverse order to prove results are ordered by index. */
const embeddingsReply =
  (headers: Record<string, string> = {}): Reply =>
  (request, response) => {
    const { input, model } = request.body as { input: string[]; model: string };
    const data = input
      .map((value, index) => ({ object: 'embedding', index, embedding: vectorFor(value) }))
      .reverse();
    const tokens = input.length * 2;
    void json(
      { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
      200,
      headers,
    )(request, response);
  };

const bodyOf = (request: RecordedRequest | undefined) => request?.body as Record<string, unknown>;

/** The rejection of a call that returns a PromiseLike. */
const failureOf = (call: PromiseLike<unknown>) =>
  Promise.resolve(call).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );

describe('doEmbed', () => {
  it('posts the exact body with the bearer key and returns vectors in input order, usage, headers and body', async () => {
    const langdock = await langdockOn(embeddingsReply({ 'x-request-id': 'req-7' }));
    const model = langdock.textEmbeddingModel('text-embedding-3-small');
    const result = await model.doEmbed({ values: ['sunny day', 'rain', 'snow in Berlin'] });

    const request = servers.current.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/openai/eu/v1/embeddings');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['sunny day', 'rain', 'snow in Berlin'],
      encoding_format: 'float',
    });

    expect(result.embeddings).toEqual([
      vectorFor('sunny day'),
      vectorFor('rain'),
      vectorFor('snow in Berlin'),
    ]);
    expect(result.usage).toEqual({ tokens: 6 });
    expect(result.response?.headers?.['x-request-id']).toBe('req-7');
    expect(result.response?.body).toMatchObject({
      object: 'list',
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 6 },
    });
  });

  it.each([
    ['dimensions', { dimensions: 256 }],
    ['user', { user: 'end-user-9' }],
  ])('sends providerOptions.langdock.%s', async (_name, langdockOptions) => {
    const langdock = await langdockOn(embeddingsReply());
    await langdock
      .textEmbeddingModel('text-embedding-3-large')
      .doEmbed({ values: ['x'], providerOptions: { langdock: langdockOptions } });
    expect(bodyOf(servers.current.requests[0])).toEqual({
      model: 'text-embedding-3-large',
      input: ['x'],
      encoding_format: 'float',
      ...langdockOptions,
    });
  });

  it('leaves usage out when the response has none', async () => {
    const langdock = await langdockOn(json({ data: [{ index: 0, embedding: [0.1] }] }));
    const result = await langdock
      .textEmbeddingModel('text-embedding-3-small')
      .doEmbed({ values: ['x'] });
    expect(result.embeddings).toEqual([[0.1]]);
    expect(result.usage).toBeUndefined();
  });

  it('sends provider headers and per-call headers, the call winning', async () => {
    const server = await servers.start(embeddingsReply());
    const langdock = createLangdock({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      headers: { 'x-team': 'search', 'x-both': 'provider' },
    });
    await langdock
      .textEmbeddingModel('text-embedding-3-small')
      .doEmbed({ values: ['x'], headers: { 'x-both': 'call' } });
    expect(server.requests[0]!.headers).toMatchObject({ 'x-team': 'search', 'x-both': 'call' });
  });

  it('reads the key when a request is made', async () => {
    const server = await servers.start(embeddingsReply());
    vi.stubEnv('LANGDOCK_API_KEY', '');
    const model = createLangdock({ baseURL: server.baseURL }).textEmbeddingModel(
      'text-embedding-3-small',
    );
    await expect(failureOf(model.doEmbed({ values: ['x'] }))).resolves.toBeInstanceOf(
      LoadAPIKeyError,
    );
    expect(server.requests).toHaveLength(0);
    vi.stubEnv('LANGDOCK_API_KEY', 'late-key-0123456789');
    await model.doEmbed({ values: ['x'] });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer late-key-0123456789');
  });

  const invalidArgument = (error: Error) => InvalidArgumentError.isInstance(error);
  it.each<
    [
      string,
      string,
      Parameters<EmbeddingModelV2<string>['doEmbed']>[0],
      string,
      (error: Error) => boolean,
    ]
  >([
    [
      'an empty string',
      'text-embedding-3-small',
      { values: ['a', ''] },
      'values[1] is an empty string',
      invalidArgument,
    ],
    [
      'an input certainly over 8192 tokens',
      'text-embedding-3-small',
      { values: ['x'.repeat(70_000)] },
      'values[0] is too long to embed',
      invalidArgument,
    ],
    [
      'an unknown option',
      'text-embedding-3-small',
      { values: ['a'], providerOptions: { langdock: { encodingFormat: 'base64' } } },
      'Unrecognized key: "encodingFormat"',
      invalidArgument,
    ],
    [
      'a dimensions of 0',
      'text-embedding-3-small',
      { values: ['a'], providerOptions: { langdock: { dimensions: 0 } } },
      'providerOptions.langdock.dimensions',
      invalidArgument,
    ],
    [
      'dimensions on ada-002',
      'text-embedding-ada-002',
      { values: ['a'], providerOptions: { langdock: { dimensions: 8 } } },
      'does not take dimensions',
      invalidArgument,
    ],
    [
      'more than 2048 values',
      'text-embedding-3-small',
      { values: Array.from({ length: 2049 }, () => 'a') },
      'Too many values for a single embedding call',
      (error) => TooManyEmbeddingValuesForCallError.isInstance(error),
    ],
  ])('refuses %s before any request', async (_name, modelId, options, message, isExpectedClass) => {
    const langdock = await langdockOn(embeddingsReply());
    const error = await failureOf(langdock.textEmbeddingModel(modelId).doEmbed(options));
    expect(isExpectedClass(error)).toBe(true);
    expect(error.message).toContain(message);
    expect(servers.current.requests).toHaveLength(0);
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
      {
        error: {
          message: 'The model `text-embedding-9` does not exist',
          code: 'DeploymentNotFound',
        },
      },
      'Check the model id and region',
      false,
    ],
    [
      429,
      { message: 'Rate limit for public API exceeded' },
      '500 requests and 60,000 tokens per minute per model',
      true,
    ],
  ])('maps a %i like chat does', async (status, body, message, retryable) => {
    const langdock = await langdockOn(json(body, status));
    const error = (await failureOf(
      langdock.textEmbeddingModel('text-embedding-3-small').doEmbed({ values: ['x'] }),
    )) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toContain(message);
    expect(error.statusCode).toBe(status);
    expect(error.isRetryable).toBe(retryable);
    expect(error.requestBodyValues).toEqual({
      model: 'text-embedding-3-small',
      input: ['x'],
      encoding_format: 'float',
    });
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    const langdock = await langdockOn(json({ message: `Key ${API_KEY} is revoked` }, 401));
    const error = await failureOf(
      langdock.textEmbeddingModel('text-embedding-3-small').doEmbed({ values: ['x'] }),
    );
    expect(error.message).toContain('Key [redacted] is revoked');
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it.each([
    [
      'an HTML page',
      text('<html><title>Sign in</title></html>', 200, { 'content-type': 'text/html' }),
      'Langdock answered 200 with a body that is not JSON: the server answered with an HTML page: "Sign in". Check baseURL.',
    ],
    [
      'a chat completion',
      json({ choices: [{ message: { content: 'hi' } }] }),
      'Langdock answered with an unexpected embedding list: response.data must be an array.',
    ],
    [
      'a vector too few',
      json({ data: [{ index: 0, embedding: [1] }] }),
      'Langdock answered with an unexpected embedding list: response.data has 1 embeddings for 2 inputs.',
    ],
    [
      'base64 vectors',
      json({
        data: [
          { index: 0, embedding: 'AAAA' },
          { index: 1, embedding: 'AAAA' },
        ],
      }),
      'Langdock answered with an unexpected embedding list: response.data[0].embedding must be a non-empty array of numbers.',
    ],
  ])('fails clearly on %s', async (_name, reply, message) => {
    const langdock = await langdockOn(reply);
    const error = await failureOf(
      langdock.textEmbeddingModel('text-embedding-3-small').doEmbed({ values: ['a', 'b'] }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(message);
  });

  it('stops on abort', async () => {
    const langdock = await langdockOn(() => new Promise(() => {}));
    const controller = new AbortController();
    const call = Promise.resolve(
      langdock
        .textEmbeddingModel('text-embedding-3-small')
        .doEmbed({ values: ['x'], abortSignal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('model settings', () => {
  it('reports its identity and limits', async () => {
    const model = createLangdock({ apiKey: 'k' }).textEmbeddingModel('text-embedding-3-small');
    expect(model).toBeInstanceOf(LangdockEmbeddingModel);
    expect(model).toMatchObject({
      specificationVersion: 'v2',
      provider: 'langdock.embedding',
      modelId: 'text-embedding-3-small',
      maxEmbeddingsPerCall: 2048,
      supportsParallelCalls: false,
    });
  });

  it('takes a lower maxEmbeddingsPerCall, enforced in doEmbed', async () => {
    const langdock = await langdockOn(embeddingsReply());
    const model = langdock.textEmbeddingModel('text-embedding-3-small', {
      maxEmbeddingsPerCall: 2,
    });
    expect(model.maxEmbeddingsPerCall).toBe(2);
    const error = await failureOf(model.doEmbed({ values: ['a', 'b', 'c'] }));
    expect(TooManyEmbeddingValuesForCallError.isInstance(error)).toBe(true);
    expect(servers.current.requests).toHaveLength(0);
  });

  it('sends dimensions to a renamed text-embedding-3 deployment when told it supports them', async () => {
    const langdock = await langdockOn(embeddingsReply());
    await langdock
      .textEmbeddingModel('acme-embeddings', { supportsDimensions: true })
      .doEmbed({ values: ['x'], providerOptions: { langdock: { dimensions: 64 } } });
    expect(bodyOf(servers.current.requests[0])).toMatchObject({
      model: 'acme-embeddings',
      dimensions: 64,
    });
  });

  it('detects text-embedding-3 in prefixed ids', async () => {
    const langdock = await langdockOn(embeddingsReply());
    await langdock
      .textEmbeddingModel('azure/text-embedding-3-large')
      .doEmbed({ values: ['x'], providerOptions: { langdock: { dimensions: 64 } } });
    expect(bodyOf(servers.current.requests[0])).toMatchObject({ dimensions: 64 });
  });

  it('refuses dimensions when told the model does not support them', async () => {
    const langdock = await langdockOn(embeddingsReply());
    const model = langdock.textEmbeddingModel('text-embedding-3-small', {
      supportsDimensions: false,
    });
    const error = await failureOf(
      model.doEmbed({ values: ['x'], providerOptions: { langdock: { dimensions: 64 } } }),
    );
    expect(error.message).toContain('text-embedding-3-small does not take dimensions');
  });

  it.each<[string, unknown, string]>([
    ['a limit above 2048', { maxEmbeddingsPerCall: 4096 }, 'settings.maxEmbeddingsPerCall'],
    ['a limit of 0', { maxEmbeddingsPerCall: 0 }, 'settings.maxEmbeddingsPerCall'],
    ['an unknown setting', { dimensions: 256 }, 'Unrecognized key: "dimensions"'],
  ])('refuses %s at creation', (_name, settings, message) => {
    const create = () =>
      createLangdock({ apiKey: 'k' }).textEmbeddingModel(
        'text-embedding-3-small',
        settings as never,
      );
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(message);
  });
});

describe('AI SDK 5', () => {
  it('embed returns the vector, usage and response', async () => {
    const langdock = await langdockOn(embeddingsReply({ 'x-request-id': 'req-1' }));
    const result = await embed({
      model: langdock.textEmbeddingModel('text-embedding-3-small'),
      value: 'sunny day',
      providerOptions: { langdock: { user: 'u-1' } },
    });
    expect(result.embedding).toEqual(vectorFor('sunny day'));
    expect(result.usage).toEqual({ tokens: 2 });
    expect(result.response?.headers?.['x-request-id']).toBe('req-1');
    expect(bodyOf(servers.current.requests[0])).toEqual({
      model: 'text-embedding-3-small',
      input: ['sunny day'],
      encoding_format: 'float',
      user: 'u-1',
    });
  });

  it('embedMany splits by maxEmbeddingsPerCall, one request after another, keeping the input order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const reply: Reply = async (request, response) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      void embeddingsReply()(request, response);
    };
    const langdock = await langdockOn(reply);
    const values = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const result = await embedMany({
      model: langdock.embedding('text-embedding-3-small', { maxEmbeddingsPerCall: 2 }),
      values,
      providerOptions: { langdock: { dimensions: 2 } },
    });
    expect(result.embeddings).toEqual(values.map(vectorFor));
    expect(result.usage).toEqual({ tokens: 10 });
    expect(servers.current.requests.map((request) => bodyOf(request).input)).toEqual([
      ['a', 'bb'],
      ['ccc', 'dddd'],
      ['eeeee'],
    ]);
    expect(servers.current.requests.every((request) => bodyOf(request).dimensions === 2)).toBe(
      true,
    );
    expect(maxInFlight).toBe(1);
  });

  it('embedMany surfaces a mapped error after the SDK retries a 429', async () => {
    const langdock = await langdockOn(
      json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after-ms': '1' }),
    );
    const error = await failureOf(
      embedMany({
        model: langdock.textEmbedding('text-embedding-3-small'),
        values: ['a'],
        maxRetries: 1,
      }),
    );
    expect(error.message).toContain('Langdock API error 429: Rate limit for public API exceeded.');
    expect(servers.current.requests).toHaveLength(2);
  });
});
