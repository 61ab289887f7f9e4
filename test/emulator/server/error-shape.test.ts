import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../../emulator/server/error-shape';
import {
  startLangdockEmulator,
  type ErrorShape,
  type LangdockEmulator,
} from '../../../emulator/index';
import { apiError } from '../../../emulator/server/api-error';
import { backendError, call, chat, userMessage } from '../helpers';

describe('errorBody', () => {
  const gateway = apiError('The provided API key is invalid.', {
    status: 401,
    layer: 'gateway',
    code: 'invalid_api_key',
  });
  const backend = apiError("'store' must be a boolean.", { param: 'store', code: 'invalid_type' });
  it.each([
    { shape: 'layered', error: gateway, body: { message: 'The provided API key is invalid.' } },
    {
      shape: 'layered',
      error: backend,
      body: backendError("'store' must be a boolean.", 'store', 'invalid_type'),
    },
    { shape: 'langdock', error: backend, body: { message: "'store' must be a boolean." } },
    {
      shape: 'openai',
      error: gateway,
      body: backendError('The provided API key is invalid.', null, 'invalid_api_key'),
    },
  ] as const)('$shape renders a $error.layer refusal', ({ shape, error, body }) => {
    expect(errorBody(error, shape)).toEqual(body);
  });

  it.each([
    {
      name: 'layered, a gateway refusal',
      shape: 'layered',
      error: gateway,
      body: { message: 'The provided API key is invalid.' },
    },
    {
      name: 'layered, a backend refusal',
      shape: 'layered',
      error: backend,
      body: {
        type: 'error',
        error: { type: 'invalid_request_error', message: "'store' must be a boolean." },
      },
    },
    {
      name: 'openai (the called format), a gateway refusal',
      shape: 'openai',
      error: gateway,
      body: {
        type: 'error',
        error: { type: 'authentication_error', message: 'The provided API key is invalid.' },
      },
    },
    {
      name: 'langdock, a backend refusal',
      shape: 'langdock',
      error: backend,
      body: { message: "'store' must be a boolean." },
    },
  ] as const)('renders on the Anthropic route: $name', ({ shape, error, body }) => {
    expect(errorBody(error, shape, 'anthropic')).toEqual(body);
  });

  it('renders the Model Gateway’s called format plus a top-level message, whatever the shape', () => {
    const overloaded = apiError('Overloaded', { status: 529, type: 'overloaded_error' });
    expect(errorBody(overloaded, 'langdock', 'anthropic', true)).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      message: 'Overloaded',
    });
    expect(errorBody(backend, 'langdock', 'openai', true)).toEqual({
      ...backendError("'store' must be a boolean.", 'store', 'invalid_type'),
      message: "'store' must be a boolean.",
    });
  });

  it('types 5xx refusals as server errors', () => {
    expect(errorBody(apiError('boom', { status: 500, layer: 'gateway' }), 'openai')).toEqual({
      error: { message: 'boom', type: 'server_error', param: null, code: null },
    });
  });
});

describe('which layer refuses what, over HTTP', () => {
  const emulators = new Map<ErrorShape, LangdockEmulator>();

  beforeAll(async () => {
    for (const shape of ['layered', 'langdock', 'openai'] as const) {
      // A clock that stands still makes retry-after exactly the window length.
      const rateLimit = { rpm: 1, models: { 'gpt-4.1': { rpm: 1000 } } };
      emulators.set(
        shape,
        await startLangdockEmulator({
          errorShape: shape,
          apiKeys: ['test-key'],
          rateLimit,
          now: () => 1_000_000,
        }),
      );
    }
  });

  afterAll(async () => {
    for (const emulator of emulators.values()) await emulator.close();
  });

  const get = (shape: ErrorShape): LangdockEmulator => {
    const emulator = emulators.get(shape);
    if (emulator === undefined) throw new Error(`no ${shape} emulator`);
    return emulator;
  };

  type Refusal = {
    name: string;
    send: (emulator: LangdockEmulator) => ReturnType<typeof call>;
    status: number;
    message: string;
    layer: 'gateway' | 'backend';
    param: string | null;
    code: string | null;
    type?: string;
  };
  const refusals: Refusal[] = [
    {
      name: 'browser origin',
      send: (e) => call(`${e.baseURL}/models`, { headers: { origin: 'https://x.example' } }),
      status: 403,
      layer: 'gateway',
      param: null,
      code: null,
      message:
        'Requests from browsers are not allowed. Call the Langdock API from your server; never expose the API key.',
    },
    {
      name: 'unknown route',
      send: (e) => call(`${e.url}/openai/eu/v1/completions`, { body: {} }),
      status: 404,
      layer: 'gateway',
      param: null,
      code: null,
      message: 'No route for POST /openai/eu/v1/completions.',
    },
    {
      name: 'wrong key',
      send: (e) => call(`${e.baseURL}/models`, { key: 'nope' }),
      status: 401,
      layer: 'gateway',
      param: null,
      code: 'invalid_api_key',
      message: 'The provided API key is invalid.',
    },
    {
      name: 'unknown region',
      send: (e) => call(`${e.baseURLFor('asia')}/models`),
      status: 404,
      layer: 'gateway',
      param: null,
      code: null,
      message: "Region 'asia' does not exist. Use 'eu' or 'us'.",
    },
    {
      name: 'wrong method',
      send: (e) => call(`${e.baseURL}/chat/completions`),
      status: 405,
      layer: 'gateway',
      param: null,
      code: null,
      message: 'Use POST for /chat/completions.',
    },
    {
      name: 'invalid JSON',
      send: (e) => chat(e, '{"model": '),
      status: 400,
      layer: 'gateway',
      param: null,
      code: null,
      message: 'Request body is not valid JSON.',
    },
    {
      name: 'Langdock’s unsupported n',
      send: (e) => chat(e, { model: 'gpt-4.1', messages: [userMessage('x')], n: 2 }),
      status: 400,
      layer: 'gateway',
      param: 'n',
      code: 'unsupported_parameter',
      message: "'n' is not supported by the Langdock API. Remove it from the request.",
    },
    {
      name: 'an unknown parameter',
      send: (e) => chat(e, { model: 'gpt-4.1', messages: [userMessage('x')], top_k: 3 }),
      status: 400,
      layer: 'backend',
      param: 'top_k',
      code: null,
      message: 'Unrecognized request argument supplied: top_k',
    },
    {
      name: 'an unknown model',
      send: (e) => chat(e, { model: 'gpt-9', messages: [userMessage('x')] }),
      status: 404,
      layer: 'backend',
      param: 'model',
      code: 'model_not_found',
      message: "Model 'gpt-9' not found.",
    },
    {
      name: 'a bad message',
      send: (e) => chat(e, { model: 'gpt-4.1', messages: [{ role: 'user' }] }),
      status: 400,
      layer: 'backend',
      param: 'messages[0].content',
      code: null,
      message: "'messages[0].content' must be a string or an array of content parts.",
    },
    {
      name: 'an embeddings rule',
      send: (e) =>
        call(`${e.baseURL}/embeddings`, {
          body: { model: 'text-embedding-ada-002', input: 'x', dimensions: 8 },
        }),
      status: 400,
      layer: 'backend',
      param: 'dimensions',
      code: 'unsupported_parameter',
      message:
        "'dimensions' is not supported by model 'text-embedding-ada-002'; only text-embedding-3 models take it.",
    },
  ];

  it.each(refusals)(
    '$name: the $layer answers $status',
    async ({ send, status, message, layer, param, code }) => {
      const results = {
        layered: await send(get('layered')),
        langdock: await send(get('langdock')),
        openai: await send(get('openai')),
      };
      const openaiBody = { error: { message, type: 'invalid_request_error', param, code } };
      expect(results.layered.status).toBe(status);
      expect(results.layered.json).toEqual(layer === 'gateway' ? { message } : openaiBody);
      expect([results.langdock.status, results.langdock.json]).toEqual([status, { message }]);
      expect([results.openai.status, results.openai.json]).toEqual([status, openaiBody]);
    },
  );

  it('answers the rate limit from the gateway', async () => {
    const body = { model: 'gpt-4o', messages: [userMessage('x')] };
    const results: Record<string, unknown> = {};
    for (const shape of ['layered', 'langdock', 'openai'] as const) {
      expect((await chat(get(shape), body)).status).toBe(200);
      const limited = await chat(get(shape), body);
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '60']);
      results[shape] = limited.json;
    }
    expect(results).toEqual({
      layered: { message: 'Rate limit for public API exceeded' },
      langdock: { message: 'Rate limit for public API exceeded' },
      openai: {
        error: {
          message: 'Rate limit for public API exceeded',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
    });
  });

  it('refuses an unknown errorShape when starting', async () => {
    await expect(startLangdockEmulator({ errorShape: 'xml' as ErrorShape })).rejects.toThrow(
      "errorShape must be one of layered, langdock, openai, got 'xml'.",
    );
  });
});
