import { inspect } from 'node:util';
import { InvalidArgumentError, LoadAPIKeyError, NoSuchModelError } from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLangdock, langdock } from '../../src/v2/index';
import { LangdockChatLanguageModel } from '../../src/v2/langdock-chat-language-model';
import { LangdockEmbeddingModel } from '../../src/v2/langdock-embedding-model';

const okBody = {
  id: 'x',
  created: 1,
  model: 'gpt-4.1',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
};

/** A fetch that records where it was sent and with which headers. */
function recordingFetch() {
  const calls: Array<{ url: string; headers: Headers }> = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify(okBody), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { calls, fetch };
}

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];

describe('createLangdock', () => {
  beforeEach(() => {
    vi.stubEnv('LANGDOCK_API_KEY', '');
    vi.stubEnv('LANGDOCK_REGION', '');
    vi.stubEnv('LANGDOCK_BASE_URL', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('creates chat models through every entry point', () => {
    const provider = createLangdock({ apiKey: 'k' });
    for (const model of [
      provider('gpt-5-mini'),
      provider.chat('gpt-5-mini'),
      provider.languageModel('gpt-5-mini'),
    ]) {
      expect(model).toBeInstanceOf(LangdockChatLanguageModel);
      expect(model).toMatchObject({
        specificationVersion: 'v2',
        provider: 'langdock.chat',
        modelId: 'gpt-5-mini',
      });
    }
  });

  it('creates embedding models through textEmbeddingModel and its aliases', () => {
    const provider = createLangdock({ apiKey: 'k' });
    for (const model of [
      provider.textEmbeddingModel('text-embedding-3-small'),
      provider.embedding('text-embedding-3-small'),
      provider.textEmbedding('text-embedding-3-small'),
    ]) {
      expect(model).toBeInstanceOf(LangdockEmbeddingModel);
      expect(model).toMatchObject({
        specificationVersion: 'v2',
        provider: 'langdock.embedding',
        modelId: 'text-embedding-3-small',
      });
    }
    expect(() => provider.textEmbeddingModel(' ')).toThrow(
      "A Langdock model id must be a non-empty string such as 'text-embedding-3-small'",
    );
  });

  it('offers https image URLs as supported, so the SDK does not download them', () => {
    const model = createLangdock({ apiKey: 'k' })('gpt-4.1');
    const patterns = model.supportedUrls as Record<string, RegExp[]>;
    expect(patterns['image/*']!.some((pattern) => pattern.test('https://example.com/a.png'))).toBe(
      true,
    );
    expect(patterns['image/*']!.some((pattern) => pattern.test('http://example.com/a.png'))).toBe(
      false,
    );
  });

  it('throws NoSuchModelError for model kinds it does not offer', () => {
    expect(() => langdock.imageModel('dall-e-3')).toThrow(NoSuchModelError);
  });

  it.each([
    [undefined, 'https://api.langdock.com/openai/eu/v1/chat/completions'],
    ['eu' as const, 'https://api.langdock.com/openai/eu/v1/chat/completions'],
    ['us' as const, 'https://api.langdock.com/openai/us/v1/chat/completions'],
  ])('region %s posts to %s', async (region, url) => {
    const { calls, fetch } = recordingFetch();
    await createLangdock({ region, apiKey: 'k', fetch })('gpt-4.1').doGenerate({ prompt });
    expect(calls[0]!.url).toBe(url);
  });

  it('takes the region as the only argument', async () => {
    const { calls, fetch } = recordingFetch();
    vi.stubEnv('LANGDOCK_API_KEY', 'k');
    vi.stubGlobal('fetch', fetch);
    try {
      await createLangdock('us')('gpt-4.1').doGenerate({ prompt });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls[0]!.url).toBe('https://api.langdock.com/openai/us/v1/chat/completions');
  });

  it('takes the region in any case, and trims the key', async () => {
    const { calls, fetch } = recordingFetch();
    await createLangdock({ region: ' US ' as never, apiKey: '  ld-key-from-a-file-123\n', fetch })(
      'gpt-4.1',
    ).doGenerate({ prompt });
    expect(calls[0]!.url).toBe('https://api.langdock.com/openai/us/v1/chat/completions');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer ld-key-from-a-file-123');
  });

  it('checks LANGDOCK_BASE_URL and LANGDOCK_API_KEY when a request is made', async () => {
    const { fetch } = recordingFetch();
    vi.stubEnv('LANGDOCK_BASE_URL', 'not a url');
    await expect(
      Promise.resolve(createLangdock({ apiKey: 'k', fetch })('gpt-4.1').doGenerate({ prompt })),
    ).rejects.toThrow('LANGDOCK_BASE_URL must be an http:// or https:// URL');
    vi.stubEnv('LANGDOCK_BASE_URL', '');
    vi.stubEnv('LANGDOCK_API_KEY', 'ld-secret part-2');
    const failure = await Promise.resolve(
      createLangdock({ fetch })('gpt-4.1').doGenerate({ prompt }),
    ).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      'LANGDOCK_API_KEY contains spaces or control characters inside it; set it to the key alone.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('takes the key from an Authorization header instead, and redacts that key too', async () => {
    const token = 'ld-header-token-987654321';
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ message: `Token ${token} revoked` }), { status: 401 }),
    );
    const model = createLangdock({ headers: { Authorization: `Bearer ${token}` }, fetch })(
      'gpt-4.1',
    );
    const failure = (await Promise.resolve(model.doGenerate({ prompt })).catch(
      (error: unknown) => error,
    )) as Error;
    expect(failure.message).toContain('Token [redacted] revoked');
    expect(inspect(failure, { depth: 10, showHidden: true })).not.toContain(token);
    expect(
      new Headers((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).get(
        'authorization',
      ),
    ).toBe(`Bearer ${token}`);
  });

  it.each([
    [
      'per call',
      (token: string) => ({ settings: {}, callHeaders: { authorization: `Bearer ${token}` } }),
    ],
    [
      'on the provider',
      (token: string) => ({
        settings: { headers: { authorization: `Bearer ${token}` } },
        callHeaders: undefined,
      }),
    ],
  ])(
    'sends one lower-case authorization header set %s in place of the key, and redacts what was sent',
    async (_, setup) => {
      const token = 'ld-lowercase-token-5555555';
      const { settings, callHeaders } = setup(token);
      const fetch = vi.fn(
        async () =>
          new Response(
            JSON.stringify({ message: `Token ${token} revoked; header was Bearer ${token}` }),
            { status: 401 },
          ),
      );
      const model = createLangdock({ apiKey: 'ld-configured-key-1111111', fetch, ...settings })(
        'gpt-4.1',
      );
      const failure = (await Promise.resolve(
        model.doGenerate({ prompt, headers: callHeaders }),
      ).catch((error: unknown) => error)) as Error;
      const sent = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<
        string,
        string
      >;
      expect(Object.keys(sent).filter((name) => name.toLowerCase() === 'authorization')).toEqual([
        'authorization',
      ]);
      expect(new Headers(sent).get('authorization')).toBe(`Bearer ${token}`);
      expect(failure.message).toContain('Token [redacted] revoked; header was [redacted]');
      expect(inspect(failure, { depth: 10, showHidden: true })).not.toContain(token);
    },
  );

  it.each([
    [
      'per call',
      {
        settings: {},
        callHeaders: { Authorization: 'Bearer ld-newline-key-7777777\nX-Injected: 1' },
      },
    ],
    [
      'on the provider',
      {
        settings: { headers: { Authorization: 'Bearer ld-newline-key-7777777\r\n' } },
        callHeaders: undefined,
      },
    ],
  ])(
    'refuses an Authorization header %s that is no valid header value, without echoing it',
    async (_, { settings, callHeaders }) => {
      const fetch = vi.fn(async () => new Response(JSON.stringify(okBody)));
      const failure = await Promise.resolve()
        .then(() =>
          createLangdock({ apiKey: 'ld-configured-key-1111111', fetch, ...settings })(
            'gpt-4.1',
          ).doGenerate({ prompt, headers: callHeaders }),
        )
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidArgumentError);
      expect((failure as Error).message).toContain(
        'headers.Authorization is not a valid header value',
      );
      expect(inspect(failure, { depth: 10, showHidden: true })).not.toContain('ld-newline-key');
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('needs no key when the call brings its own Authorization header, and still asks for one without it', async () => {
    const { calls, fetch } = recordingFetch();
    const model = createLangdock({ fetch })('gpt-4.1');
    await model.doGenerate({ prompt, headers: { authorization: 'Bearer ld-call-token-123456' } });
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer ld-call-token-123456');
    await expect(Promise.resolve(model.doGenerate({ prompt }))).rejects.toThrow(
      'Langdock API key is missing',
    );
    expect(calls).toHaveLength(1);
  });

  it('lets LANGDOCK_BASE_URL win over a region in code (a deployment or the emulator), and refuses region with baseURL', async () => {
    vi.stubEnv('LANGDOCK_BASE_URL', 'https://elsewhere.example/openai/eu/v1');
    const { calls, fetch } = recordingFetch();
    await createLangdock({ region: 'us', apiKey: 'k', fetch })('gpt-4.1').doGenerate({ prompt });
    expect(calls[0]!.url).toBe('https://elsewhere.example/openai/eu/v1/chat/completions');
    vi.stubEnv('LANGDOCK_BASE_URL', '');
    await createLangdock({ region: 'us', apiKey: 'k', fetch })('gpt-4.1').doGenerate({ prompt });
    expect(calls[1]!.url).toBe('https://api.langdock.com/openai/us/v1/chat/completions');
    expect(() => createLangdock({ region: 'us', baseURL: 'https://x.example/v1' })).toThrow(
      'Pass region or baseURL, not both',
    );
  });

  it('sends the reasoningModel setting both ways, and refuses a setting of the wrong type', async () => {
    const { fetch } = recordingFetch();
    const bodies: unknown[] = [];
    const recording = (async (url: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return fetch(url, init);
    }) as typeof globalThis.fetch;
    const provider = createLangdock({ apiKey: 'k', fetch: recording });
    await provider('o3', { reasoningModel: false }).doGenerate({ prompt, maxOutputTokens: 5 });
    await provider('my-deployment', { reasoningModel: true }).doGenerate({
      prompt,
      maxOutputTokens: 5,
    });
    expect(bodies).toEqual([
      { model: 'o3', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 5 },
      {
        model: 'my-deployment',
        messages: [{ role: 'user', content: 'Hi' }],
        max_completion_tokens: 5,
      },
    ]);
    expect(() => provider('o3', { reasoningModel: 'no' as unknown as boolean })).toThrow(
      'settings.reasoningModel',
    );
    expect(() => provider('o3', { reasonModel: true } as never)).toThrow('Unrecognized key');
  });

  it('never echoes a key passed where a region, base URL or model id belongs', () => {
    const key = 'ld-4f9a8b7c6d5e4f3a2b1c';
    for (const create of [
      () => createLangdock(key as never),
      () => createLangdock({ baseURL: key }),
      () => createLangdock({ apiKey: 'k' })({ apiKey: key } as never),
    ]) {
      expect(create).toThrow(/a string of \d+ characters|got object/);
      try {
        create();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain(key);
      }
    }
  });

  it('reads the region, base URL and key from the environment at request time', async () => {
    const { calls, fetch } = recordingFetch();
    const provider = createLangdock({ fetch });
    vi.stubEnv('LANGDOCK_REGION', 'US');
    vi.stubEnv('LANGDOCK_API_KEY', 'env-key');
    await provider('gpt-4.1').doGenerate({ prompt });
    expect(calls[0]!.url).toBe('https://api.langdock.com/openai/us/v1/chat/completions');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer env-key');

    vi.stubEnv('LANGDOCK_BASE_URL', 'https://acme.example/api/public/openai/eu/v1/');
    await provider('gpt-4.1').doGenerate({ prompt });
    expect(calls[1]!.url).toBe('https://acme.example/api/public/openai/eu/v1/chat/completions');
  });

  it('prefers explicit settings over the environment, and tolerates trailing slashes', async () => {
    vi.stubEnv('LANGDOCK_API_KEY', 'env-key');
    vi.stubEnv('LANGDOCK_BASE_URL', 'https://wrong.example/v1');
    const { calls, fetch } = recordingFetch();
    await createLangdock({
      apiKey: 'explicit',
      baseURL: 'https://dedicated.example/api/public/openai/eu/v1//',
      fetch,
    })('gpt-4.1').doGenerate({ prompt });
    expect(calls[0]!.url).toBe(
      'https://dedicated.example/api/public/openai/eu/v1/chat/completions',
    );
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer explicit');
  });

  it('sends provider headers and per-call headers, the call winning', async () => {
    const { calls, fetch } = recordingFetch();
    const model = createLangdock({
      apiKey: 'k',
      fetch,
      headers: { 'x-team': 'search', 'x-both': 'provider' },
    })('gpt-4.1');
    await model.doGenerate({ prompt, headers: { 'x-call': '1', 'x-both': 'call' } });
    expect(calls[0]!.headers.get('x-team')).toBe('search');
    expect(calls[0]!.headers.get('x-call')).toBe('1');
    expect(calls[0]!.headers.get('x-both')).toBe('call');
  });

  it('fails before any request when no key is set, naming LANGDOCK_API_KEY', async () => {
    const { fetch } = recordingFetch();
    const call = createLangdock({ fetch })('gpt-4.1').doGenerate({ prompt });
    await expect(call).rejects.toThrow(LoadAPIKeyError);
    await expect(createLangdock({ fetch })('gpt-4.1').doGenerate({ prompt })).rejects.toThrow(
      'LANGDOCK_API_KEY',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports an unknown region in LANGDOCK_REGION at request time', async () => {
    vi.stubEnv('LANGDOCK_REGION', 'asia');
    const { fetch } = recordingFetch();
    await expect(
      createLangdock({ apiKey: 'k', fetch })('gpt-4.1').doGenerate({ prompt }),
    ).rejects.toThrow(`LANGDOCK_REGION is "asia"; Langdock's regions are 'eu' and 'us'.`);
  });

  it.each<[string, unknown, string]>([
    ['an unknown region', 'asia', `Unknown Langdock region "asia": use 'eu' or 'us'.`],
    ['a region of the wrong type', { region: 7 }, `Unknown Langdock region number`],
    ['an unknown region in settings', { region: 'Europe' }, `Unknown Langdock region "Europe"`],
    [
      'dangerouslyAllowBrowser as a string',
      { dangerouslyAllowBrowser: 'false' },
      `dangerouslyAllowBrowser must be true or false; got "false"`,
    ],
    [
      'a header value that is no string',
      { headers: { 'x-count': 1 } },
      'headers.x-count is not a valid header value: it is not a string',
    ],
    [
      'a key with a line break inside',
      { apiKey: 'ld-abc\ndef-123' },
      'apiKey must be a non-empty string without spaces or control characters',
    ],
    ['an unknown setting', { regoin: 'eu' }, `Unknown Langdock setting 'regoin'`],
    ['an empty key', { apiKey: ' ' }, 'apiKey must be a non-empty string'],
    ['a key of the wrong type', { apiKey: 42 }, 'apiKey must be a non-empty string'],
    [
      'a baseURL without a scheme',
      { baseURL: 'api.langdock.com/openai/eu/v1' },
      `baseURL must be an http:// or https:// URL such as 'https://api.langdock.com/openai/eu/v1'; got "api.langdock.com/openai/eu/v1".`,
    ],
    [
      'a baseURL of another scheme',
      { baseURL: 'ftp://x.example/v1' },
      'baseURL must be an http:// or https:// URL',
    ],
    ['headers that are no object', { headers: 'x' }, 'headers must be an object'],
    ['fetch that is no function', { fetch: 'x' }, 'fetch must be a function'],
    ['null', null, `createLangdock takes 'eu', 'us' or a settings object`],
  ])('refuses %s at creation', (_name, settings, message) => {
    const create = () => createLangdock(settings as Parameters<typeof createLangdock>[0]);
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(message);
  });

  it.each([[''], ['  '], [undefined], [42]])('refuses the model id %j', (modelId) => {
    expect(() => createLangdock({ apiKey: 'k' })(modelId as string)).toThrow(
      'A Langdock model id must be a non-empty string',
    );
  });

  it('cannot be called with new', () => {
    const provider = createLangdock({ apiKey: 'k' }) as unknown as new (id: string) => unknown;
    expect(() => new provider('gpt-4.1')).toThrow('call langdock(modelId) without `new`');
  });

  describe('in a browser', () => {
    beforeEach(() => vi.stubGlobal('window', { document: {} }));
    afterEach(() => vi.unstubAllGlobals());

    it('refuses to be created, explaining that the key stays on the server', () => {
      expect(() => createLangdock({ apiKey: 'k' })).toThrow(
        'Langdock blocks browser-origin requests',
      );
      expect(() => createLangdock({ apiKey: 'k' })).toThrow('dangerouslyAllowBrowser');
    });

    it('can be imported, and the default instance refuses when a model is made', async () => {
      vi.resetModules();
      const fresh = await import('../../src/v2/index');
      expect(() => fresh.langdock('gpt-4.1')).toThrow('Langdock blocks browser-origin requests');
      expect(() => fresh.langdock.textEmbeddingModel('text-embedding-3-small')).toThrow(
        'Langdock blocks browser-origin requests',
      );
      await expect(fresh.langdock.listModels()).rejects.toThrow(
        'Langdock blocks browser-origin requests',
      );
    });

    it('treats a web worker as a browser', () => {
      vi.unstubAllGlobals();
      vi.stubGlobal('importScripts', () => {});
      expect(() => createLangdock({ apiKey: 'k' })).toThrow(
        'Langdock blocks browser-origin requests',
      );
    });

    it('works behind a proxy that adds the key itself: no key needed, no Authorization sent', async () => {
      const { calls, fetch } = recordingFetch();
      const model = createLangdock({
        baseURL: 'https://proxy.example/v1',
        dangerouslyAllowBrowser: true,
        fetch,
      })('gpt-4.1');
      expect(model).toBeInstanceOf(LangdockChatLanguageModel);
      await model.doGenerate({ prompt });
      expect(calls[0]!.url).toBe('https://proxy.example/v1/chat/completions');
      expect(calls[0]!.headers.has('authorization')).toBe(false);
    });

    it('sends no LANGDOCK_API_KEY from the environment to a browser proxy, only an explicit apiKey', async () => {
      vi.stubEnv('LANGDOCK_API_KEY', 'ld-env-key-must-stay-home');
      const { calls, fetch } = recordingFetch();
      await createLangdock({
        baseURL: 'https://proxy.example/v1',
        dangerouslyAllowBrowser: true,
        fetch,
      })('gpt-4.1').doGenerate({ prompt });
      expect(calls[0]!.headers.has('authorization')).toBe(false);
      await createLangdock({
        baseURL: 'https://proxy.example/v1',
        dangerouslyAllowBrowser: true,
        apiKey: 'ld-explicit-key-1',
        fetch,
      })('gpt-4.1').doGenerate({ prompt });
      expect(calls[1]!.headers.get('authorization')).toBe('Bearer ld-explicit-key-1');
    });
  });
});
