// Langdock's own "Invalid model" 400 for a model it does not serve, on the chat route (a switch) and on Messages.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type LangdockEmulatorOptions,
} from '../../../emulator/index';
import { backendError, call, chat, messages, userMessage } from '../helpers';

let emulator: LangdockEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});
async function start(options: LangdockEmulatorOptions): Promise<LangdockEmulator> {
  emulator = await startLangdockEmulator({ rateLimit: false, ...options });
  return emulator;
}
const hello = [userMessage('Hello')];

describe('an unknown model on the chat completions route', () => {
  it('is the backend’s 404 by default', async () => {
    const server = await start({});
    const result = await chat(server, { model: 'gpt-4.2', messages: hello });
    expect({ status: result.status, json: result.json }).toEqual({
      status: 404,
      json: backendError("Model 'gpt-4.2' not found.", 'model', 'model_not_found'),
    });
  });

  it('with unknownModel invalid-model: Langdock’s 400 listing the chat models, cut after invalidModelListLength', async () => {
    const server = await start({
      unknownModel: 'invalid-model',
      invalidModelListLength: 3,
      models: ['gpt-4.1', 'gpt-4.1-mini', 'text-embedding-3-small', 'gpt-4o', 'gpt-5'],
    });
    const result = await chat(server, { model: 'gpt-4.2', messages: hello });
    expect({ status: result.status, json: result.json }).toEqual({
      status: 400,
      json: { message: 'Invalid model, available models are: gpt-4.1, gpt-4.1-mini, gpt-4o, …' },
    });
  });

  it('lists every chat model without a list length, and leaves known models and the gateway alone', async () => {
    const server = await start({ unknownModel: 'invalid-model', models: ['gpt-4.1', 'o3'] });
    const result = await chat(server, { model: 'gpt-4.2', messages: hello });
    expect(result.json).toEqual({ message: 'Invalid model, available models are: gpt-4.1, o3' });
    expect((await chat(server, { model: 'o3', messages: hello })).status).toBe(200);
    await server.close();
    const gateway = await start({ gateway: true, unknownModel: 'invalid-model' });
    const viaGateway = await call(`${gateway.gatewayBaseURL}/chat/completions`, {
      body: { model: 'gpt-4.2', messages: hello },
    });
    expect(viaGateway.status).toBe(404);
  });
});

describe('an unknown model on the Anthropic route', () => {
  it('is cut after invalidModelListLength ids too', async () => {
    const server = await start({ invalidModelListLength: 2 });
    const result = await messages(server, {
      model: 'claude-sonnet-4-7',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect({ status: result.status, json: result.json }).toEqual({
      status: 400,
      json: {
        message:
          'Invalid model, available models are: claude-sonnet-4-6-default, claude-opus-4-6-default, …',
      },
    });
  });
});

describe('options', () => {
  it.each([
    [{ unknownModel: '404' as 'not-found' }, "unknownModel must be 'not-found' or 'invalid-model'"],
    [{ invalidModelListLength: 0 }, 'invalidModelListLength must be a whole number of 1 or more'],
  ])('refuses %o', async (options, message) => {
    await expect(startLangdockEmulator(options)).rejects.toThrow(message);
  });
});
