import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import {
  langdockCreatedAtToDate,
  langdockCreatedToDate,
  mapLangdockAnthropicModel,
  mapLangdockModel,
  validateLangdockAnthropicModelPage,
  validateLangdockModelList,
} from '../../src/core/langdock-list-models';
import { json, serverPerTest, text, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-test-key-0123456789';

const servers = serverPerTest();
afterEach(() => {
  vi.unstubAllEnvs();
});

async function langdockOn(...replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({
    apiKey: API_KEY,
    baseURL: server.baseURL,
    headers: { 'x-team': 'search', 'x-both': 'provider' },
  });
}

/** Answers by exact path (query included): the two routes' requests arrive in either order. */
const byPath =
  (replies: Record<string, Reply>): Reply =>
  (request, response) => {
    const reply = replies[request.path];
    if (reply === undefined)
      return void response.writeHead(500).end(`no reply for ${request.path}`);
    return reply(request, response);
  };

const CHAT_MODELS = '/openai/eu/v1/models';
const MESSAGES_MODELS = '/anthropic/eu/v1/models';
const notFound = (path: string) => json({ message: `Cannot GET ${path}` }, 404);

const requestTo = (path: string) => {
  const request = servers.current.requests.find((candidate) => candidate.path === path);
  if (request === undefined) throw new Error(`no request to ${path}`);
  return request;
};
const requestLines = () =>
  servers.current.requests.map(({ method, path }) => `${method} ${path}`).sort();

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );

const modelList = {
  object: 'list',
  data: [
    {
      id: 'gpt-5-mini',
      object: 'model',
      created: 1_715_000_000_000,
      owned_by: 'system',
      region: 'eu',
    },
    { id: 'text-embedding-3-small', object: 'model', created: 1_715_000_000, owned_by: 'openai' },
    { id: 'byok-llama', object: 'model' },
  ],
};

describe('listModels', () => {
  it('GETs /models with the bearer key and headers, and maps every entry', async () => {
    const langdock = await langdockOn(
      byPath({ [CHAT_MODELS]: json(modelList), [MESSAGES_MODELS]: notFound(MESSAGES_MODELS) }),
    );
    const models = await langdock.listModels({ headers: { 'x-call': '1', 'x-both': 'call' } });

    const request = requestTo(CHAT_MODELS);
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/openai/eu/v1/models');
    expect(request.body).toBeUndefined();
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'x-team': 'search',
      'x-call': '1',
      'x-both': 'call',
    });

    expect(models).toEqual([
      {
        id: 'gpt-5-mini',
        route: 'chat',
        created: new Date(1_715_000_000_000),
        ownedBy: 'system',
        raw: modelList.data[0],
      },
      {
        id: 'text-embedding-3-small',
        route: 'chat',
        created: new Date(1_715_000_000_000),
        ownedBy: 'openai',
        raw: modelList.data[1],
      },
      {
        id: 'byok-llama',
        route: 'chat',
        created: undefined,
        ownedBy: undefined,
        raw: modelList.data[2],
      },
    ]);
    expect(models[0]!.raw.region).toBe('eu');
  });

  it('accepts a bare array, since Langdock publishes no schema for this endpoint', async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json([{ id: 'gpt-4.1', created: 1_700_000_000_000 }]),
        [MESSAGES_MODELS]: notFound(MESSAGES_MODELS),
      }),
    );
    expect(await langdock.listModels()).toEqual([
      {
        id: 'gpt-4.1',
        route: 'chat',
        created: new Date(1_700_000_000_000),
        ownedBy: undefined,
        raw: { id: 'gpt-4.1', created: 1_700_000_000_000 },
      },
    ]);
  });

  it('explains a 404 on both routes: the deployment may not offer model listing', async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: notFound(CHAT_MODELS),
        [MESSAGES_MODELS]: notFound(MESSAGES_MODELS),
      }),
    );
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(requestLines()).toEqual([`GET ${MESSAGES_MODELS}`, `GET ${CHAT_MODELS}`]);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(404);
    expect(error.message).toBe(
      'Langdock API error 404: Cannot GET /openai/eu/v1/models. This deployment does not serve GET /models: older and dedicated deployments may not offer model listing. ' +
        'Check baseURL, or look the model ids up in the Langdock workspace settings.',
    );
  });

  it.each([
    [
      401,
      { message: 'The provided API key is invalid.' },
      'Langdock API error 401: The provided API key is invalid. Check the API key',
    ],
    [
      429,
      { message: 'Rate limit for public API exceeded' },
      '500 requests and 60,000 tokens per minute per model',
    ],
  ])('maps a %i like chat does', async (status, body, message) => {
    const langdock = await langdockOn(json(body, status));
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toContain(message);
    expect(error.statusCode).toBe(status);
  });

  it('never puts the key in an error', async () => {
    const langdock = await langdockOn(json({ message: `Key ${API_KEY} is revoked` }, 401));
    const error = await failureOf(langdock.listModels());
    expect(error.message).toContain('Key [redacted] is revoked');
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it.each([
    [
      'an HTML page',
      text('<html><title>Login</title></html>', 200, { 'content-type': 'text/html' }),
      'Langdock answered 200 with a body that is not JSON: the server answered with an HTML page: "Login". Check baseURL.',
    ],
    [
      'a list without data',
      json({ object: 'list' }),
      'Langdock answered with an unexpected model list: response.data must be an array.',
    ],
    [
      'an entry without id',
      json({ data: [{ id: 'gpt-4.1' }, { object: 'model' }] }),
      'Langdock answered with an unexpected model list: response.data[1].id must be a non-empty string.',
    ],
  ])('fails clearly on %s', async (_name, reply, message) => {
    const langdock = await langdockOn(reply);
    const error = await failureOf(langdock.listModels());
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(message);
  });

  it('stops on abort', async () => {
    const langdock = await langdockOn(() => new Promise(() => {}));
    const controller = new AbortController();
    const call = langdock.listModels({ abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads the key and region when called', async () => {
    const calls: string[] = [];
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${String(url)} ${new Headers(init?.headers).get('authorization')}`);
      const anthropic = String(url).includes('/anthropic/');
      return new Response(JSON.stringify(anthropic ? { data: [], has_more: false } : modelList), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubEnv('LANGDOCK_API_KEY', '');
    vi.stubEnv('LANGDOCK_BASE_URL', '');
    vi.stubEnv('LANGDOCK_GATEWAY', '');
    const langdock = createLangdock({ fetch });
    await expect(failureOf(langdock.listModels())).resolves.toBeInstanceOf(LoadAPIKeyError);
    expect(fetch).not.toHaveBeenCalled();
    vi.stubEnv('LANGDOCK_API_KEY', 'env-key');
    vi.stubEnv('LANGDOCK_REGION', 'us');
    await langdock.listModels();
    expect(calls.sort()).toEqual([
      'https://api.langdock.com/anthropic/us/v1/models Bearer env-key',
      'https://api.langdock.com/openai/us/v1/models Bearer env-key',
    ]);
  });
});

const claudeList = {
  data: [
    {
      type: 'model',
      id: 'claude-sonnet-4-6-default',
      display_name: 'Claude Sonnet 4.6',
      created_at: '2026-02-17T00:00:00Z',
    },
    {
      type: 'model',
      id: 'claude-haiku-4-5-20251001',
      display_name: 'Claude Haiku 4.5',
      created_at: '2025-10-01T12:30:00+02:00',
    },
  ],
  has_more: false,
  first_id: 'claude-sonnet-4-6-default',
  last_id: 'claude-haiku-4-5-20251001',
};

// What the chat route's modelList maps to.
const chatModels = [
  {
    id: 'gpt-5-mini',
    route: 'chat',
    created: new Date(1_715_000_000_000),
    ownedBy: 'system',
    raw: modelList.data[0],
  },
  {
    id: 'text-embedding-3-small',
    route: 'chat',
    created: new Date(1_715_000_000_000),
    ownedBy: 'openai',
    raw: modelList.data[1],
  },
  {
    id: 'byok-llama',
    route: 'chat',
    created: undefined,
    ownedBy: undefined,
    raw: modelList.data[2],
  },
];

describe('listModels on the classic API: the chat route and the Anthropic route', () => {
  it('lists both routes, the chat route first, and names the Messages API version on the Anthropic one', async () => {
    const langdock = await langdockOn(
      byPath({ [CHAT_MODELS]: json(modelList), [MESSAGES_MODELS]: json(claudeList) }),
    );
    const models = await langdock.listModels({ headers: { 'x-call': '1' } });

    expect(models).toStrictEqual([
      ...chatModels,
      {
        id: 'claude-sonnet-4-6-default',
        route: 'messages',
        created: new Date('2026-02-17T00:00:00.000Z'),
        ownedBy: undefined,
        displayName: 'Claude Sonnet 4.6',
        raw: claudeList.data[0],
      },
      {
        id: 'claude-haiku-4-5-20251001',
        route: 'messages',
        created: new Date('2025-10-01T10:30:00.000Z'),
        ownedBy: undefined,
        displayName: 'Claude Haiku 4.5',
        raw: claudeList.data[1],
      },
    ]);
    expect(requestLines()).toEqual([`GET ${MESSAGES_MODELS}`, `GET ${CHAT_MODELS}`]);
    const messages = requestTo(MESSAGES_MODELS);
    expect(messages.body).toBeUndefined();
    expect(messages.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'anthropic-version': '2023-06-01',
      'x-team': 'search',
      'x-call': '1',
    });
    expect(requestTo(CHAT_MODELS).headers['anthropic-version']).toBeUndefined();
  });

  it('follows has_more with after_id=<last_id>, sending the version on every page', async () => {
    const [sonnet, haiku] = claudeList.data;
    const opus = {
      type: 'model',
      id: 'claude-opus-4-8-default',
      display_name: 'Claude Opus 4.8',
      created_at: '2026-05-01T00:00:00Z',
    };
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json({ object: 'list', data: [] }),
        [MESSAGES_MODELS]: json({
          data: [sonnet],
          has_more: true,
          first_id: sonnet!.id,
          last_id: sonnet!.id,
        }),
        [`${MESSAGES_MODELS}?after_id=claude-sonnet-4-6-default`]: json({
          data: [haiku],
          has_more: true,
          first_id: haiku!.id,
          last_id: haiku!.id,
        }),
        [`${MESSAGES_MODELS}?after_id=claude-haiku-4-5-20251001`]: json({
          data: [opus],
          has_more: false,
          first_id: opus.id,
          last_id: opus.id,
        }),
      }),
    );
    const models = await langdock.listModels();
    expect(models.map(({ id, route }) => `${route} ${id}`)).toEqual([
      'messages claude-sonnet-4-6-default',
      'messages claude-haiku-4-5-20251001',
      'messages claude-opus-4-8-default',
    ]);
    const pages = servers.current.requests.filter(({ path }) => path.startsWith(MESSAGES_MODELS));
    expect(pages.map(({ path }) => path)).toEqual([
      MESSAGES_MODELS,
      `${MESSAGES_MODELS}?after_id=claude-sonnet-4-6-default`,
      `${MESSAGES_MODELS}?after_id=claude-haiku-4-5-20251001`,
    ]);
    expect(pages.map(({ headers }) => headers['anthropic-version'])).toEqual([
      '2023-06-01',
      '2023-06-01',
      '2023-06-01',
    ]);
  });

  it('stops following a server that ignores after_id, without listing a model twice', async () => {
    const page = json({ ...claudeList, has_more: true });
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json({ object: 'list', data: [] }),
        [MESSAGES_MODELS]: page,
        [`${MESSAGES_MODELS}?after_id=claude-haiku-4-5-20251001`]: page,
      }),
    );
    const models = await langdock.listModels();
    expect(models.map(({ id }) => id)).toEqual([
      'claude-sonnet-4-6-default',
      'claude-haiku-4-5-20251001',
    ]);
    expect(servers.current.requests).toHaveLength(3);
  });

  it("pages on from the last entry's id when has_more comes without last_id", async () => {
    const [sonnet, haiku] = claudeList.data;
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json({ object: 'list', data: [] }),
        [MESSAGES_MODELS]: json({ data: [sonnet], has_more: true }),
        [`${MESSAGES_MODELS}?after_id=claude-sonnet-4-6-default`]: json({
          data: [haiku],
          has_more: false,
        }),
      }),
    );
    expect((await langdock.listModels()).map(({ id }) => id)).toEqual([
      'claude-sonnet-4-6-default',
      'claude-haiku-4-5-20251001',
    ]);
  });

  it('lists the chat route only when the Anthropic route answers 404', async () => {
    const langdock = await langdockOn(
      byPath({ [CHAT_MODELS]: json(modelList), [MESSAGES_MODELS]: notFound(MESSAGES_MODELS) }),
    );
    expect(await langdock.listModels()).toStrictEqual(chatModels);
  });

  it('lists the Anthropic route only when the chat route answers 404', async () => {
    const langdock = await langdockOn(
      byPath({ [CHAT_MODELS]: notFound(CHAT_MODELS), [MESSAGES_MODELS]: json(claudeList) }),
    );
    expect((await langdock.listModels()).map(({ id, route }) => `${route} ${id}`)).toEqual([
      'messages claude-sonnet-4-6-default',
      'messages claude-haiku-4-5-20251001',
    ]);
  });

  it("throws the chat route's 404 when both routes answer 404", async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json({ message: 'no chat models here' }, 404),
        [MESSAGES_MODELS]: json({ message: 'no claude here' }, 404),
      }),
    );
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.url).toBe(`${servers.current.url}${CHAT_MODELS}`);
    expect(error.message).toMatch(/^Langdock API error 404: no chat models here\. /);
  });

  it('throws any other error of the Anthropic route, with the key redacted', async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json(modelList),
        [MESSAGES_MODELS]: json(
          { type: 'error', error: { type: 'api_error', message: `Key ${API_KEY} broke us` } },
          500,
        ),
      }),
    );
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(500);
    expect(error.url).toBe(`${servers.current.url}${MESSAGES_MODELS}`);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(error.message).not.toContain(API_KEY);
  });

  it("throws the Anthropic route's error when the chat route answered 404", async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: notFound(CHAT_MODELS),
        [MESSAGES_MODELS]: json({ message: 'The provided API key is invalid.' }, 401),
      }),
    );
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(error.statusCode).toBe(401);
    expect(error.url).toBe(`${servers.current.url}${MESSAGES_MODELS}`);
  });

  it("throws the chat route's error when it fails with anything but 404", async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json({ message: 'Rate limit for public API exceeded' }, 429),
        [MESSAGES_MODELS]: json(claudeList),
      }),
    );
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(error.statusCode).toBe(429);
    expect(error.url).toBe(`${servers.current.url}${CHAT_MODELS}`);
  });

  it('fails clearly on an unexpected page of the Anthropic route', async () => {
    const langdock = await langdockOn(
      byPath({
        [CHAT_MODELS]: json(modelList),
        [MESSAGES_MODELS]: json({ data: [{ type: 'model', display_name: 'Claude' }] }),
      }),
    );
    const error = await failureOf(langdock.listModels());
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'Langdock answered with an unexpected model list of the Anthropic route: response.data[0].id must be a non-empty string.',
    );
  });

  it('takes empty lists as a normal answer (region us may list nothing)', async () => {
    const server = await servers.start(
      byPath({
        '/openai/us/v1/models': json({ object: 'list', data: [] }),
        '/anthropic/us/v1/models': json({
          data: [],
          has_more: false,
          first_id: null,
          last_id: null,
        }),
      }),
    );
    const langdock = createLangdock({ apiKey: API_KEY, baseURL: `${server.url}/openai/us/v1` });
    expect(await langdock.listModels()).toEqual([]);
    expect(requestLines()).toEqual(['GET /anthropic/us/v1/models', 'GET /openai/us/v1/models']);
  });

  it('lists the chat route only when the Anthropic route cannot be derived from baseURL', async () => {
    const server = await servers.start(json(modelList));
    const langdock = createLangdock({ apiKey: API_KEY, baseURL: `${server.url}/proxy/v1` });
    expect(await langdock.listModels()).toStrictEqual(chatModels);
    expect(requestLines()).toEqual(['GET /proxy/v1/models']);
  });

  it('lists anthropicBaseURL beside a custom baseURL', async () => {
    const server = await servers.start(
      byPath({ '/proxy/v1/models': json(modelList), '/claude/v1/models': json(claudeList) }),
    );
    const langdock = createLangdock({
      apiKey: API_KEY,
      baseURL: `${server.url}/proxy/v1`,
      anthropicBaseURL: `${server.url}/claude/v1/`,
    });
    expect((await langdock.listModels()).map(({ id, route }) => `${route} ${id}`)).toEqual([
      ...modelList.data.map(({ id }) => `chat ${id}`),
      'messages claude-sonnet-4-6-default',
      'messages claude-haiku-4-5-20251001',
    ]);
    expect(requestLines()).toEqual(['GET /claude/v1/models', 'GET /proxy/v1/models']);
    expect(requestTo('/claude/v1/models').headers['anthropic-version']).toBe('2023-06-01');
  });
});

describe('listModels on the Model Gateway', () => {
  const gatewayList = {
    object: 'list',
    data: [
      {
        id: 'claude-sonnet-4-6-default',
        object: 'model',
        created: 1_771_286_400,
        owned_by: 'anthropic',
        context_window: 200_000,
        operations: ['chat.completions', 'responses', 'messages'],
      },
      {
        id: 'gpt-5-mini',
        object: 'model',
        owned_by: 'openai',
        contextWindow: 400_000,
        supported_operations: ['chat.completions', 'responses'],
      },
      {
        id: 'text-embedding-3-small',
        object: 'model',
        context_length: 8191,
        capabilities: ['embeddings'],
      },
      {
        id: 'gemini-2.5-pro',
        object: 'model',
        max_context_tokens: 1_048_576,
        capabilities: { vision: true },
      },
    ],
  };

  it('GETs one list at the gateway and types its context windows and operations', async () => {
    const server = await servers.start(json(gatewayList));
    const langdock = createLangdock({
      apiKey: API_KEY,
      gateway: true,
      baseURL: `${server.url}/v1`,
    });
    const models = await langdock.listModels({ headers: { 'x-call': '1' } });

    expect(models).toStrictEqual([
      {
        id: 'claude-sonnet-4-6-default',
        route: 'gateway',
        created: new Date(1_771_286_400_000),
        ownedBy: 'anthropic',
        contextWindow: 200_000,
        operations: ['chat.completions', 'responses', 'messages'],
        raw: gatewayList.data[0],
      },
      {
        id: 'gpt-5-mini',
        route: 'gateway',
        created: undefined,
        ownedBy: 'openai',
        contextWindow: 400_000,
        operations: ['chat.completions', 'responses'],
        raw: gatewayList.data[1],
      },
      {
        id: 'text-embedding-3-small',
        route: 'gateway',
        created: undefined,
        ownedBy: undefined,
        contextWindow: 8191,
        operations: ['embeddings'],
        raw: gatewayList.data[2],
      },
      {
        id: 'gemini-2.5-pro',
        route: 'gateway',
        created: undefined,
        ownedBy: undefined,
        contextWindow: 1_048_576,
        raw: gatewayList.data[3],
      },
    ]);
    expect(requestLines()).toEqual(['GET /v1/models']);
    const request = requestTo('/v1/models');
    expect(request.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, 'x-call': '1' });
    expect(request.headers['anthropic-version']).toBeUndefined();
  });

  it('says what to check on a 404', async () => {
    const server = await servers.start(json({ message: 'Not found' }, 404));
    const langdock = createLangdock({
      apiKey: API_KEY,
      gateway: true,
      baseURL: `${server.url}/v1`,
    });
    const error = (await failureOf(langdock.listModels())) as APICallError;
    expect(error.statusCode).toBe(404);
    expect(error.message).toBe(
      "Langdock API error 404: Not found. The Model Gateway did not serve GET /models. Check baseURL: on the gateway it is the prefix up to /v1, such as 'https://gateway.langdock.com/v1'.",
    );
  });
});

describe('langdockCreatedToDate', () => {
  it.each<[string, unknown, Date | undefined]>([
    ['milliseconds, as Langdock sends them', 1_715_000_000_000, new Date(1_715_000_000_000)],
    ['seconds, as OpenAI sends them', 1_715_000_000, new Date(1_715_000_000_000)],
    ['a seconds value just under the threshold', 99_999_999_999, new Date(99_999_999_999_000)],
    ['a milliseconds value at the threshold', 100_000_000_000, new Date(100_000_000_000)],
    ['0, which Azure uses for unknown', 0, undefined],
    ['a negative number', -5, undefined],
    ['a string', '1715000000', undefined],
    ['null', null, undefined],
    ['NaN', Number.NaN, undefined],
  ])('%s', (_name, created, expected) => {
    expect(langdockCreatedToDate(created)).toEqual(expected);
  });
});

describe('validateLangdockModelList and mapLangdockModel', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'response.data must be an array'],
    ['data that is no array', { data: {} }, 'response.data must be an array'],
    ['an entry that is no object', { data: ['gpt-4.1'] }, 'response.data[0] must be an object'],
    ['an empty id', { data: [{ id: '' }] }, 'response.data[0].id must be a non-empty string'],
  ])('refuses %s', (_name, body, problem) => {
    expect(validateLangdockModelList(body)).toEqual({ success: false, problem });
  });

  it('accepts an empty list', () => {
    expect(validateLangdockModelList({ object: 'list', data: [] })).toEqual({
      success: true,
      value: [],
    });
  });

  it('ignores an owned_by that is no string', () => {
    expect(mapLangdockModel({ id: 'x', owned_by: 3 }, 'chat').ownedBy).toBeUndefined();
  });
});

describe('langdockCreatedAtToDate', () => {
  it.each<[string, unknown, Date | undefined]>([
    ['RFC 3339 in UTC', '2025-02-19T00:00:00Z', new Date(Date.UTC(2025, 1, 19))],
    ['RFC 3339 with an offset', '2025-02-19T02:00:00+02:00', new Date(Date.UTC(2025, 1, 19))],
    ['junk', 'yesterday', undefined],
    ['a number', 1_715_000_000, undefined],
    ['undefined', undefined, undefined],
  ])('%s', (_name, createdAt, expected) => {
    expect(langdockCreatedAtToDate(createdAt)).toEqual(expected);
  });
});

describe('validateLangdockAnthropicModelPage', () => {
  const entry = { type: 'model', id: 'claude-haiku-4-5-20251001' };
  it.each<[string, unknown, string | undefined]>([
    ['the last page', { data: [entry], has_more: false, last_id: entry.id }, undefined],
    ['a page without has_more', { data: [entry] }, undefined],
    ['a page with more, by last_id', { data: [entry], has_more: true, last_id: 'x' }, 'x'],
    ['a page with more and no last_id', { data: [entry], has_more: true }, entry.id],
    [
      'a page with more and an empty last_id',
      { data: [entry], has_more: true, last_id: '' },
      entry.id,
    ],
    ['an empty page with more', { data: [], has_more: true, last_id: null }, undefined],
  ])('reads %s', (_name, body, nextAfterId) => {
    expect(validateLangdockAnthropicModelPage(body)).toEqual({
      success: true,
      value: { data: (body as { data: unknown[] }).data, nextAfterId },
    });
  });

  it('refuses what the model list refuses', () => {
    expect(validateLangdockAnthropicModelPage({ data: [{ type: 'model' }] })).toEqual({
      success: false,
      problem: 'response.data[0].id must be a non-empty string',
    });
  });
});

describe('the typed fields of a gateway entry', () => {
  it.each<[string, Record<string, unknown>, number | undefined, string[] | undefined]>([
    ['context_window and operations', { context_window: 1, operations: ['a'] }, 1, ['a']],
    [
      'contextWindow and supported_operations',
      { contextWindow: 2, supported_operations: [] },
      2,
      [],
    ],
    ['context_length and capabilities', { context_length: 3, capabilities: ['b'] }, 3, ['b']],
    ['max_context_tokens', { max_context_tokens: 4 }, 4, undefined],
    [
      'the first field that holds a number',
      { context_window: '5', context_length: 6 },
      6,
      undefined,
    ],
    [
      'a zero or negative window as unknown',
      { context_window: 0, contextWindow: -1 },
      undefined,
      undefined,
    ],
    [
      'capabilities that are no list of strings',
      { capabilities: { vision: true } },
      undefined,
      undefined,
    ],
    ['a list with a non-string', { operations: ['a', 1], capabilities: ['c'] }, undefined, ['c']],
  ])('reads %s', (_name, fields, contextWindow, operations) => {
    const model = mapLangdockModel({ id: 'm', ...fields }, 'gateway');
    expect(model.contextWindow).toEqual(contextWindow);
    expect(model.operations).toEqual(operations);
    expect(model.raw).toEqual({ id: 'm', ...fields });
  });
});

describe('mapLangdockAnthropicModel', () => {
  it('maps display_name and created_at, and falls back to a numeric created', () => {
    expect(
      mapLangdockAnthropicModel({
        type: 'model',
        id: 'claude-opus-4-8-default',
        display_name: 'Claude Opus 4.8',
        created_at: '2026-05-01T00:00:00Z',
      }),
    ).toStrictEqual({
      id: 'claude-opus-4-8-default',
      route: 'messages',
      created: new Date(Date.UTC(2026, 4, 1)),
      ownedBy: undefined,
      displayName: 'Claude Opus 4.8',
      raw: {
        type: 'model',
        id: 'claude-opus-4-8-default',
        display_name: 'Claude Opus 4.8',
        created_at: '2026-05-01T00:00:00Z',
      },
    });
    expect(mapLangdockAnthropicModel({ id: 'c', created: 1_715_000_000 }).created).toEqual(
      new Date(1_715_000_000_000),
    );
    expect(mapLangdockAnthropicModel({ id: 'c', display_name: 7 }).displayName).toBeUndefined();
  });
});
