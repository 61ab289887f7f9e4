import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import {
  langdockCreatedToDate,
  mapLangdockModel,
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
    const langdock = await langdockOn(json(modelList));
    const models = await langdock.listModels({ headers: { 'x-call': '1', 'x-both': 'call' } });

    const request = servers.current.requests[0]!;
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
        created: new Date(1_715_000_000_000),
        ownedBy: 'system',
        raw: modelList.data[0],
      },
      {
        id: 'text-embedding-3-small',
        created: new Date(1_715_000_000_000),
        ownedBy: 'openai',
        raw: modelList.data[1],
      },
      { id: 'byok-llama', created: undefined, ownedBy: undefined, raw: modelList.data[2] },
    ]);
    expect(models[0]!.raw.region).toBe('eu');
  });

  it('accepts a bare array, since Langdock publishes no schema for this endpoint', async () => {
    const langdock = await langdockOn(json([{ id: 'gpt-4.1', created: 1_700_000_000_000 }]));
    expect(await langdock.listModels()).toEqual([
      {
        id: 'gpt-4.1',
        created: new Date(1_700_000_000_000),
        ownedBy: undefined,
        raw: { id: 'gpt-4.1', created: 1_700_000_000_000 },
      },
    ]);
  });

  it('explains a 404: the deployment may not offer model listing', async () => {
    const langdock = await langdockOn(json({ message: 'Cannot GET /openai/eu/v1/models' }, 404));
    const error = (await failureOf(langdock.listModels())) as APICallError;
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
      return new Response(JSON.stringify(modelList), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubEnv('LANGDOCK_API_KEY', '');
    vi.stubEnv('LANGDOCK_BASE_URL', '');
    const langdock = createLangdock({ fetch });
    await expect(failureOf(langdock.listModels())).resolves.toBeInstanceOf(LoadAPIKeyError);
    expect(fetch).not.toHaveBeenCalled();
    vi.stubEnv('LANGDOCK_API_KEY', 'env-key');
    vi.stubEnv('LANGDOCK_REGION', 'us');
    await langdock.listModels();
    expect(calls).toEqual(['https://api.langdock.com/openai/us/v1/models Bearer env-key']);
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
    expect(mapLangdockModel({ id: 'x', owned_by: 3 }).ownedBy).toBeUndefined();
  });
});
