// The Model Gateway mode: one host without regions, every model on every format, cost in usage, its own errors.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAUDE_MODEL_TABLE,
  MODEL_TABLE,
  startLangdockEmulator,
  type LangdockEmulator,
} from '../../../emulator/index';
import { ANTHROPIC_HEADERS, anthropicEvents, call, sseChunks, type CallOptions } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({
    gateway: true,
    apiKeys: ['gw-key'],
    rateLimit: { models: { 'gpt-4o-mini': { rpm: 1 } } },
  });
});

afterAll(async () => {
  await emulator.close();
});

const gw = (path: string, options: CallOptions = {}) =>
  call(`${emulator.gatewayBaseURL}${path}`, { key: 'gw-key', ...options });
const tokens = (text: string): number => Math.ceil(text.length / 4);
/** The emulator's flat rate: $3 per million input tokens, $15 per million output tokens. */
const cost = (input: number, output: number): number =>
  Math.round(((input * 3 + output * 15) / 1_000_000) * 1e8) / 1e8;
const echo = (text: string): string =>
  `You said: "${text}". This is a deterministic reply from the Langdock emulator.`;

describe('GET /v1/models', () => {
  it('lists every model with context_window and operations', async () => {
    const result = await gw('/models');
    expect(result.status).toBe(200);
    expect(result.headers.get('x-request-id')).toMatch(/^req_emulator\d{8}$/);
    const list = result.json as { object: string; data: Array<Record<string, unknown>> };
    expect(list.object).toBe('list');
    expect(list.data.map((model) => model.id)).toEqual([
      ...MODEL_TABLE.map((row) => row.id),
      ...CLAUDE_MODEL_TABLE.map((row) => row.id),
    ]);
    const byId = new Map(list.data.map((model) => [model.id, model]));
    expect(byId.get('claude-opus-4-6-default')).toEqual({
      id: 'claude-opus-4-6-default',
      object: 'model',
      created: Date.parse('2026-02-05T00:00:00Z'),
      owned_by: 'anthropic',
      context_window: 1_000_000,
      operations: ['chat.completions', 'messages', 'responses'],
    });
    expect(byId.get('gpt-4.1')).toMatchObject({
      context_window: 1_047_576,
      operations: ['chat.completions', 'messages', 'responses'],
    });
    expect(byId.get('text-embedding-3-small')).toMatchObject({
      context_window: 8192,
      operations: ['embeddings'],
    });
  });
});

describe('auth and errors', () => {
  it('takes Authorization: Bearer or x-api-key', async () => {
    const bearer = await gw('/models');
    const apiKey = await gw('/models', { key: null, headers: { 'x-api-key': 'gw-key' } });
    expect([bearer.status, apiKey.status]).toEqual([200, 200]);
  });

  it('answers a missing key with 401 missing_api_key, in the called format plus message', async () => {
    const message =
      'Missing API key. Send a Model Gateway key as `Authorization: Bearer <key>` or `x-api-key: <key>`.';
    const chat = await gw('/chat/completions', { key: null, body: { model: 'gpt-4.1' } });
    expect([chat.status, chat.json]).toEqual([
      401,
      {
        error: { message, type: 'authentication_error', param: null, code: 'missing_api_key' },
        message,
      },
    ]);
    const messages = await gw('/messages', {
      key: null,
      headers: ANTHROPIC_HEADERS,
      body: { model: 'gpt-4.1' },
    });
    expect([messages.status, messages.json]).toEqual([
      401,
      { type: 'error', error: { type: 'authentication_error', message }, message },
    ]);
    // Refusals carry a request id too, distinct per response.
    const ids = [chat, messages].map((result) => result.headers.get('x-request-id'));
    expect(ids[0]).toMatch(/^req_emulator\d{8}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('answers a wrong key with 401 invalid_api_key', async () => {
    const result = await gw('/models', { key: 'nope' });
    expect(result.status).toBe(401);
    expect((result.json as { error: { code: string } }).error.code).toBe('invalid_api_key');
  });

  it('refuses an embedding model on chat completions with 403 model_gateway_unsupported', async () => {
    const result = await gw('/chat/completions', {
      body: { model: 'text-embedding-3-small', messages: [{ role: 'user', content: 'Hi' }] },
    });
    const message =
      "The model 'text-embedding-3-small' does not support /v1/chat/completions on the Model Gateway.";
    expect([result.status, result.json]).toEqual([
      403,
      {
        error: {
          message,
          type: 'permission_error',
          param: null,
          code: 'model_gateway_unsupported',
        },
        message,
      },
    ]);
  });

  it('answers an unknown model on messages with 404 in Anthropic’s format plus message', async () => {
    const result = await gw('/messages', {
      headers: ANTHROPIC_HEADERS,
      body: { model: 'claude-9', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] },
    });
    const message = "The model 'claude-9' does not exist or is not enabled for this key.";
    expect([result.status, result.json]).toEqual([
      404,
      { type: 'error', error: { type: 'not_found_error', message }, message },
    ]);
  });

  it('has no classic routes and no region segment', async () => {
    const classic = await call(`${emulator.url}/openai/eu/v1/models`, { key: 'gw-key' });
    const anthropic = await call(`${emulator.url}/anthropic/eu/v1/models`, { key: 'gw-key' });
    expect([classic.status, anthropic.status]).toEqual([404, 404]);
    expect((classic.json as { code?: string; error: { code: string } }).error.code).toBe(
      'not_found',
    );
  });

  it('limits requests per model, answering 429 in the gateway’s shape', async () => {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
    expect((await gw('/chat/completions', { body })).status).toBe(200);
    const limited = await gw('/chat/completions', { body });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.json).toEqual({
      error: {
        message: 'Rate limit for public API exceeded',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
      message: 'Rate limit for public API exceeded',
    });
  });
});

describe('POST /v1/chat/completions', () => {
  it('answers Claude in chat-completions shape with cost in usage', async () => {
    const result = await gw('/chat/completions', {
      body: {
        model: 'claude-sonnet-4-6-default',
        temperature: 0.3,
        messages: [{ role: 'user', content: 'Hello gateway' }],
      },
    });
    expect(result.status).toBe(200);
    const completion = result.json as {
      object: string;
      model: string;
      choices: Array<{ message: { content: string } }>;
      usage: Record<string, number>;
    };
    expect([completion.object, completion.model]).toEqual([
      'chat.completion',
      'claude-sonnet-4-6-default',
    ]);
    expect(completion.choices[0]!.message.content).toBe(echo('Hello gateway'));
    const prompt = tokens('Hello gateway');
    const output = tokens(echo('Hello gateway'));
    expect(completion.usage).toMatchObject({
      prompt_tokens: prompt,
      completion_tokens: output,
      cost: cost(prompt, output),
    });
  });

  it('keeps OpenAI’s sampling refusals for OpenAI reasoning ids only', async () => {
    const result = await gw('/chat/completions', {
      body: { model: 'gpt-5', temperature: 0.3, messages: [{ role: 'user', content: 'Hi' }] },
    });
    const message =
      "Unsupported value: 'temperature' does not support 0.3 with this model. Only the default (1) value is supported.";
    expect([result.status, result.json]).toEqual([
      400,
      {
        error: {
          message,
          type: 'invalid_request_error',
          param: 'temperature',
          code: 'unsupported_value',
        },
        message,
      },
    ]);
  });

  it('ends streams with a usage chunk carrying cost, without stream_options', async () => {
    const result = await gw('/chat/completions', {
      body: {
        model: 'claude-haiku-4-5-20251001',
        stream: true,
        messages: [{ role: 'user', content: 'Stream it' }],
      },
    });
    const chunks = sseChunks(result.text);
    const last = chunks.at(-1) as { choices: unknown[]; usage: Record<string, number> };
    expect(last.choices).toEqual([]);
    const prompt = tokens('Stream it');
    const output = tokens(echo('Stream it'));
    expect(last.usage).toMatchObject({
      prompt_tokens: prompt,
      completion_tokens: output,
      cost: cost(prompt, output),
    });
  });

  it('works with the official openai SDK pointed at /v1', async () => {
    const client = new OpenAI({
      apiKey: 'gw-key',
      baseURL: emulator.gatewayBaseURL,
      maxRetries: 0,
    });
    const completion = await client.chat.completions.create({
      model: 'claude-opus-4-6-default',
      messages: [{ role: 'user', content: 'From the SDK' }],
    });
    expect(completion.choices[0]?.message.content).toBe(echo('From the SDK'));
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1',
      stream: true,
      messages: [{ role: 'user', content: 'Streamed SDK' }],
    });
    let text = '';
    let usage: (OpenAI.CompletionUsage & { cost?: number }) | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(echo('Streamed SDK'));
    expect(usage?.cost).toBe(cost(tokens('Streamed SDK'), tokens(echo('Streamed SDK'))));
    const models = await client.models.list();
    expect(models.data.length).toBe(MODEL_TABLE.length + CLAUDE_MODEL_TABLE.length);
  });
});

describe('POST /v1/messages', () => {
  it('answers a GPT model in Messages shape with usage.cost', async () => {
    const result = await gw('/messages', {
      headers: ANTHROPIC_HEADERS,
      body: { model: 'gpt-4.1', max_tokens: 200, messages: [{ role: 'user', content: 'Hi GPT' }] },
    });
    expect(result.status).toBe(200);
    const input = tokens('Hi GPT');
    const output = tokens(echo('Hi GPT'));
    expect(result.json).toEqual({
      model: 'gpt-4.1',
      id: expect.stringMatching(/^msg_emulator/),
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: echo('Hi GPT') }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: input,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: output,
        service_tier: 'standard',
        inference_geo: 'not_available',
        cost: cost(input, output),
      },
    });
  });

  it('carries cost in message_delta usage when streaming Claude', async () => {
    const result = await gw('/messages', {
      headers: ANTHROPIC_HEADERS,
      body: {
        model: 'claude-sonnet-4-5-20250929',
        max_tokens: 200,
        stream: true,
        messages: [{ role: 'user', content: 'Stream Claude' }],
      },
    });
    const events = anthropicEvents(result.text);
    const start = events[0]!.data as { message: { usage: Record<string, unknown> } };
    expect(start.message.usage.cost).toBeUndefined();
    const delta = events.find((event) => event.event === 'message_delta')!.data;
    const input = tokens('Stream Claude');
    const output = tokens(echo('Stream Claude'));
    expect(delta.usage).toEqual({
      input_tokens: input,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: output,
      cost: cost(input, output),
    });
  });

  it('refuses thinking for models outside the Claude table (assumed)', async () => {
    const result = await gw('/messages', {
      headers: ANTHROPIC_HEADERS,
      body: {
        model: 'gpt-5',
        max_tokens: 4000,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [{ role: 'user', content: 'Hi' }],
      },
    });
    const message = "thinking: thinking is not supported by model 'gpt-5'.";
    expect([result.status, result.json]).toEqual([
      400,
      { type: 'error', error: { type: 'invalid_request_error', message }, message },
    ]);
  });
});

describe('POST /v1/embeddings', () => {
  it('embeds through the gateway', async () => {
    const result = await gw('/embeddings', {
      body: { model: 'text-embedding-3-small', input: 'hello', dimensions: 8 },
    });
    expect(result.status).toBe(200);
    const list = result.json as { data: Array<{ embedding: number[] }>; model: string };
    expect([list.model, list.data[0]!.embedding.length]).toEqual(['text-embedding-3-small', 8]);
  });
});

describe('Claude through the gateway’s chat completions', () => {
  it('refuses temperature on the models whose sampling is deprecated, in the gateway’s shape', async () => {
    const body = (model: string) => ({
      model,
      temperature: 0.3,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const refused = await gw('/chat/completions', { body: body('claude-opus-4-8-default') });
    const message = '`temperature` is deprecated for this model.';
    expect({ status: refused.status, json: refused.json }).toEqual({
      status: 400,
      json: {
        error: { message, type: 'invalid_request_error', param: 'temperature', code: null },
        message,
      },
    });
    expect(
      (await gw('/chat/completions', { body: body('claude-sonnet-4-6-default') })).status,
    ).toBe(200);
  });
});
