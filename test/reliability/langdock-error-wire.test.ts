import { APICallError } from '@ai-sdk/provider';
import { generateText, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import { json, serverPerTest, type Reply } from '../helpers/test-server';

// Langdock's error answers as the AI SDK meets them: a real local server, generateText with its retries on.

const API_KEY = 'ld-error-wire-key-0123456789';
const servers = serverPerTest();

async function langdockOn(...replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
}

/** What generateText fails with, or undefined when it does not. */
const failure = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => error,
  );

const reply =
  (status: number, body: string, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, headers).end(body);
  };

const CLOUDFLARE_524 =
  '<!DOCTYPE html><html lang="en-US"><head><title>api.langdock.com | 524: A timeout occurred</title></head>' +
  '<body><h1>A timeout occurred</h1><p>The origin web server timed out responding to this request.</p></body></html>';

describe("Langdock's proxy timeout (524)", () => {
  it.each([
    ["Cloudflare's HTML page", CLOUDFLARE_524, { 'content-type': 'text/html; charset=UTF-8' }],
    ['an empty body', '', {}],
  ])(
    'with %s: one request, not retried, and a message that says what happened and what to do',
    async (_, body, headers) => {
      const langdock = await langdockOn(reply(524, body, headers));
      const error = await failure(
        generateText({ model: langdock('gpt-4.1'), prompt: 'Write long.' }),
      );
      expect(servers.current.requests).toHaveLength(1);
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect(apiError.statusCode).toBe(524);
      expect(apiError.isRetryable).toBe(false);
      expect(apiError.message).toMatch(
        /^Langdock API error 524: Langdock's proxy stopped waiting for the answer after about 100 seconds/,
      );
      expect(apiError.message).toContain(
        'The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ' +
          'For long answers, stream the call (streamText), or let generateText stream under the hood with providerOptions.langdock.streamGenerate: true: a stream is not cut off after 100 seconds.',
      );
      expect(apiError.message).not.toContain(API_KEY);
    },
  );
});

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hi.' },
      finish_reason: 'stop',
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
};

describe('429s told apart', () => {
  it('a spend limit: one request, not retried, the bucket not blocked, and a message naming the limit and who lifts it', async () => {
    const server = await servers.start(
      json({ message: 'Your workspace has reached its monthly spending limit' }, 429, {
        'retry-after': '30',
      }),
      json(completion),
    );
    // maxWaitMs 0: a blocked bucket fails the next call at once instead of sending it.
    const langdock = createLangdock({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      rateLimit: { maxWaitMs: 0 },
    });
    const error = await failure(generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' }));
    expect(server.requests).toHaveLength(1);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toContain(
      'This is a spend limit, not a per-minute rate limit: the budget of this key, its user or the workspace is used up for the period.',
    );
    expect(apiError.message).toContain(
      "A workspace admin can raise it in Langdock's workspace settings",
    );

    // Once an admin raised it, the next call goes out at once: the spend limit blocked nothing.
    const { text } = await generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
    expect(text).toBe('Hi.');
    expect(server.requests).toHaveLength(2);
  });

  it('a per-minute limit is retried after its retry-after and blocks the bucket as before', async () => {
    const server = await servers.start(
      json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after-ms': '20' }),
      json(completion),
    );
    const langdock = createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
    const { text } = await generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
    expect(text).toBe('Hi.');
    expect(server.requests).toHaveLength(2);

    const limited = await servers.start(
      json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after': '30' }),
      json(completion),
    );
    const withLimiter = createLangdock({
      apiKey: API_KEY,
      baseURL: limited.baseURL,
      rateLimit: { maxWaitMs: 0 },
    });
    await failure(generateText({ model: withLimiter('gpt-4.1'), prompt: 'Hi', maxRetries: 0 }));
    const blocked = await failure(generateText({ model: withLimiter('gpt-4.1'), prompt: 'Hi' }));
    expect((blocked as Error).name).toBe('AI_LangdockRateLimitError');
    expect(limited.requests).toHaveLength(1);
  });

  it("a per-minute 429's message names the limits the server reported and the rateLimit setting", async () => {
    const langdock = await langdockOn(
      json({ message: 'Rate limit for public API exceeded' }, 429, {
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-limit-tokens': '200000',
        'x-ratelimit-remaining-requests': '431',
        'x-ratelimit-remaining-tokens': '0',
      }),
    );
    const error = (await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', maxRetries: 0 }),
    )) as APICallError;
    expect(error.message).toBe(
      'Langdock API error 429: Rate limit for public API exceeded. ' +
        'Langdock reported a limit of 500 requests and 200,000 tokens per minute for this model, with 431 requests and 0 tokens left; ' +
        "wait and retry, or spread load across models. The provider's rateLimit setting (createLangdock({ rateLimit: true })) makes calls wait for budget instead of meeting 429s.",
    );
    expect(error.isRetryable).toBe(true);
  });
});

describe('hints that say what to do', () => {
  it('a wrong Claude id: one request, and the closest ids from the list Langdock sent', async () => {
    const langdock = await langdockOn(
      json(
        {
          message:
            'Invalid model, available models are: claude-sonnet-4-6-default, claude-opus-4-8-default, claude-sonnet-5-default, claude-haiku-4-5-20251001, claude-ha…',
        },
        400,
        { 'x-request-id': 'req_wire_1' },
      ),
    );
    const error = (await failure(
      generateText({ model: langdock('claude-sonnet-4-6'), prompt: 'Hi' }),
    )) as APICallError;
    expect(servers.current.requests.map((request) => request.path)).toEqual([
      '/anthropic/eu/v1/messages',
    ]);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain(
      'Langdock does not serve "claude-sonnet-4-6" here; the closest ids in its list are claude-sonnet-4-6-default, claude-sonnet-5-default, claude-opus-4-8-default ' +
        '(the list may be cut short: provider.listModels() lists every model this key can use). (request id req_wire_1)',
    );
  });

  it('a refused temperature names the setting to leave out', async () => {
    const langdock = await langdockOn(
      json({ message: '`temperature` is deprecated for this model' }, 400),
    );
    const error = (await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', temperature: 0.2 }),
    )) as APICallError;
    expect(servers.current.requests[0]!.body).toMatchObject({ temperature: 0.2 });
    expect(error.message).toBe(
      'Langdock API error 400: `temperature` is deprecated for this model. This model does not take `temperature`: leave temperature out of the call (generateText, streamText), or choose a model that takes it.',
    );
  });
});

describe("Anthropic's and the gateway's error envelopes", () => {
  it('a 529 overloaded_error reads well and is retried', async () => {
    const overloaded = json(
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      529,
      { 'retry-after-ms': '10' },
    );
    const langdock = await langdockOn(overloaded, overloaded);
    const error = await failure(
      generateText({ model: langdock('claude-sonnet-4-6-default'), prompt: 'Hi', maxRetries: 1 }),
    );
    expect(servers.current.requests).toHaveLength(2);
    expect(RetryError.isInstance(error)).toBe(true);
    const last = (error as RetryError).lastError as APICallError;
    expect(last.isRetryable).toBe(true);
    expect(last.message).toBe(
      "Langdock API error 529: Overloaded (overloaded_error). The model's provider is overloaded; it is retried. If that keeps failing, retry later or use another model.",
    );
  });

  it("the gateway's error says its message once, with its code and hint", async () => {
    const text =
      "You didn't provide an API key. Send your key in Authorization: Bearer <key> or x-api-key: <key>.";
    const langdock = await langdockOn(
      json(
        {
          error: {
            message: text,
            type: 'authentication_error',
            param: null,
            code: 'missing_api_key',
          },
          message: text,
        },
        401,
        { 'x-request-id': 'req_gw_2' },
      ),
    );
    const error = (await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' }),
    )) as APICallError;
    expect(servers.current.requests).toHaveLength(1);
    expect(error.message).toBe(
      "Langdock API error 401: You didn't provide an API key. Send your key in Authorization: Bearer <key> or x-api-key: <key> (missing_api_key). " +
        'No API key reached Langdock: set apiKey or LANGDOCK_API_KEY, and check that no proxy in between drops the Authorization header. (request id req_gw_2)',
    );
    expect(error.message).not.toContain(API_KEY);
  });
});
