// Spend limits (429s that waiting does not cure) and the x-ratelimit-* headers, over HTTP on every model route.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type LangdockEmulatorOptions,
} from '../../../emulator/index';
import { ANTHROPIC_HEADERS, call, chat, embeddings, messages, userMessage } from '../helpers';

let emulator: LangdockEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});
async function start(options: LangdockEmulatorOptions): Promise<LangdockEmulator> {
  emulator = await startLangdockEmulator(options);
  return emulator;
}

const hello = (model = 'gpt-4.1') => ({ model, messages: [userMessage('Hello')] });
const claude = {
  model: 'claude-sonnet-4-6-default',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'Hello' }],
};
const WORKSPACE =
  'Your workspace has reached its monthly spending limit. Contact your workspace admin.';

describe('spend limits', () => {
  it.each([
    { scope: 'workspace' as const, message: WORKSPACE },
    {
      scope: 'user' as const,
      message:
        'You have reached your monthly spending limit. Contact your workspace admin to raise it.',
    },
    {
      scope: 'key' as const,
      message:
        'This API key has reached its spending limit. Contact your workspace admin to raise it.',
    },
  ])(
    '$scope: 429 in Langdock’s {message} shape, without retry-after, on chat, Messages and embeddings',
    async ({ scope, message }) => {
      const server = await start({ spendLimit: scope });
      for (const result of [
        await chat(server, hello()),
        await messages(server, claude),
        await embeddings(server, { model: 'text-embedding-3-small', input: 'hi' }),
      ]) {
        expect({ status: result.status, json: result.json }).toEqual({
          status: 429,
          json: { message },
        });
        expect(result.headers.get('retry-after')).toBeNull();
      }
    },
  );

  it('on the gateway: the called format with type rate_limit_error, code spend_limit_exceeded and message', async () => {
    const server = await start({ gateway: true, spendLimit: 'key' });
    const words =
      'This Model Gateway key has reached its spending limit. Contact your workspace admin to raise it.';
    const openai = await call(`${server.gatewayBaseURL}/chat/completions`, { body: hello() });
    expect({ status: openai.status, json: openai.json }).toEqual({
      status: 429,
      json: {
        error: {
          message: words,
          type: 'rate_limit_error',
          param: null,
          code: 'spend_limit_exceeded',
        },
        message: words,
      },
    });
    const anthropic = await call(`${server.url}/v1/messages`, {
      headers: ANTHROPIC_HEADERS,
      body: claude,
    });
    expect(anthropic.json).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: words },
      message: words,
    });
  });

  it('refuses only the listed models, before the rate limit and without counting against it', async () => {
    const server = await start({
      spendLimit: { scope: 'workspace', models: ['gpt-4o'] },
      rateLimit: { rpm: 1 },
    });
    expect((await chat(server, hello('gpt-4o'))).status).toBe(429);
    expect((await chat(server, hello('gpt-4.1'))).status).toBe(200);
    server.setSpendLimit();
    // Refused twice above, but none of it counted: the one request a minute is still free.
    expect((await chat(server, hello('gpt-4o'))).status).toBe(200);
  });

  it('is lifted and set while running, and reset restores the option', async () => {
    const server = await start({ spendLimit: 'user' });
    expect(server.spendLimit).toBe('user');
    server.setSpendLimit();
    expect((await chat(server, hello())).status).toBe(200);
    server.setSpendLimit('workspace');
    expect((await chat(server, hello())).json).toEqual({ message: WORKSPACE });
    server.reset();
    expect(server.spendLimit).toBe('user');
    expect(() => server.setSpendLimit('team' as 'user')).toThrow(
      'spendLimit must be one of workspace, user, key',
    );
  });

  it('refuses an agent call against its model', async () => {
    const server = await start({ spendLimit: 'workspace', agents: ['helper'] });
    const result = await call(`${server.agentBaseURLFor()}/agent/v1/chat/completions`, {
      body: {
        agentId: 'helper',
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
      },
    });
    expect({ status: result.status, json: result.json }).toEqual({
      status: 429,
      json: { message: WORKSPACE },
    });
  });
});

describe('x-ratelimit-* headers', () => {
  const headersOf = (result: { headers: Headers }) =>
    Object.fromEntries(
      [...result.headers.entries()].filter(([name]) => name.startsWith('x-ratelimit-')),
    );

  it('are absent unless rateLimitHeaders is on', async () => {
    const server = await start({});
    expect(headersOf(await chat(server, hello()))).toEqual({});
  });

  it('report the model’s limits and what its window has left, with the reply counted', async () => {
    const server = await start({ rateLimitHeaders: true, rateLimit: { rpm: 3, tpm: 1_000 } });
    const first = await chat(server, hello());
    const usage = (first.json as { usage: { total_tokens: number } }).usage;
    expect(headersOf(first)).toEqual({
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-requests': '2',
      'x-ratelimit-remaining-tokens': String(1_000 - usage.total_tokens),
    });
    const streamed = await chat(server, { ...hello(), stream: true });
    expect(headersOf(streamed)['x-ratelimit-remaining-requests']).toBe('1');
    const other = await chat(server, hello('gpt-4o'));
    expect(headersOf(other)['x-ratelimit-remaining-requests']).toBe('2');
  });

  it('come on Messages and embeddings, and on the 429 that ends the window', async () => {
    const server = await start({ rateLimitHeaders: true, rateLimit: { rpm: 1, tpm: 5_000 } });
    const answer = await messages(server, claude);
    const usage = (answer.json as { usage: { input_tokens: number; output_tokens: number } }).usage;
    expect(headersOf(answer)).toEqual({
      'x-ratelimit-limit-requests': '1',
      'x-ratelimit-limit-tokens': '5000',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-remaining-tokens': String(5_000 - usage.input_tokens - usage.output_tokens),
    });
    const refused = await messages(server, claude);
    expect(refused.status).toBe(429);
    expect(headersOf(refused)['x-ratelimit-remaining-requests']).toBe('0');
    const vectors = await embeddings(server, { model: 'text-embedding-3-small', input: 'hi' });
    expect(headersOf(vectors)).toMatchObject({
      'x-ratelimit-limit-requests': '1',
      'x-ratelimit-remaining-requests': '0',
    });
  });

  it('are not sent without a rate limit to read them from', async () => {
    const server = await start({ rateLimitHeaders: true, rateLimit: false });
    expect(headersOf(await chat(server, hello()))).toEqual({});
  });
});
