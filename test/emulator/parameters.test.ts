import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../emulator/index';
import { isReasoningModelId } from '../../emulator/models';
import { chat, embeddings, userMessage } from './helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ rateLimit: false });
});

afterAll(async () => {
  await emulator.close();
});

const hello = [userMessage('Hello')];
const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };

describe('top-level chat parameters', () => {
  it.each([
    { name: 'top_k', body: { top_k: 40 }, message: 'Unrecognized request argument supplied: top_k' },
    { name: 'legacy functions', body: { functions: [] }, message: 'Unrecognized request argument supplied: functions' },
    { name: 'metadata', body: { metadata: { a: 'b' } }, message: 'Unrecognized request argument supplied: metadata' },
    { name: 'a null value', body: { store: null }, message: 'Unrecognized request argument supplied: store' },
    { name: 'two unknown keys', body: { top_k: 40, min_p: 0.1 }, message: 'Unrecognized request arguments supplied: top_k, min_p' },
  ])('refuses $name with 400', async ({ body, message }) => {
    const result = await chat(emulator, { model: 'gpt-4o', messages: hello, ...body });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message });
  });

  it('keeps the explicit message for parameters Langdock names as unsupported', async () => {
    const result = await chat(emulator, { model: 'gpt-4o', messages: hello, top_k: 40, stream_options: { include_usage: true } });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message: "'stream_options' is not supported by the Langdock API. Remove it from the request." });
  });

  it('accepts every allowed parameter at once on a chat model', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [userMessage('Reply in json')],
      max_tokens: 50,
      max_completion_tokens: 40,
      temperature: 0.5,
      top_p: 0.9,
      frequency_penalty: 0.1,
      presence_penalty: 0.1,
      stop: ['\n\n'],
      seed: 7,
      response_format: { type: 'json_object' },
      tools: [weatherTool],
      tool_choice: 'none',
      user: 'user-1',
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 1,
      stream: false,
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ object: 'chat.completion', model: 'gpt-4o' });
  });
});

describe('reasoning_effort', () => {
  it.each(['gpt-4o', 'gpt-4.1', 'gpt-5-chat'])('is an unknown argument for the non-reasoning model %s', async (model) => {
    const result = await chat(emulator, { model, messages: hello, reasoning_effort: 'low' });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message: 'Unrecognized request argument supplied: reasoning_effort' });
  });

  it.each([{ value: 'max' }, { value: 'HIGH' }, { value: 3 }, { value: '' }])('refuses $value on a reasoning model', async ({ value }) => {
    const result = await chat(emulator, { model: 'o3', messages: hello, reasoning_effort: value });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message: "'reasoning_effort' must be one of none, minimal, low, medium, high, xhigh." });
  });

  it.each(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])('accepts %s on a reasoning model', async (value) => {
    const result = await chat(emulator, { model: 'gpt-5', messages: hello, reasoning_effort: value });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ object: 'chat.completion', model: 'gpt-5' });
  });
});

describe('reasoning models with wrapped ids', () => {
  const reasoning = ['azure/o3-mini', 'gpt-5-mini-2025-08-07', 'eu.o4-mini', 'my-gpt-5', 'GPT-5.1'];
  const plain = ['gpt-5-chat-latest', 'gpt-4o-2024-08-06', 'azure/gpt-4.1', 'gpt-50-preview', 'solo1'];
  let custom: LangdockEmulator;

  beforeAll(async () => {
    custom = await startLangdockEmulator({
      rateLimit: false,
      models: [...reasoning, ...plain, { id: 'o3', reasoning: false }, { id: 'house-model', reasoning: true }],
    });
  });

  afterAll(async () => {
    await custom.close();
  });

  it('detects them with the library rule', () => {
    expect(reasoning.map(isReasoningModelId)).toEqual(reasoning.map(() => true));
    expect(plain.map(isReasoningModelId)).toEqual(plain.map(() => false));
  });

  it.each([...reasoning, 'house-model'])('%s rejects max_tokens and takes reasoning_effort', async (model) => {
    const refused = await chat(custom, { model, messages: hello, max_tokens: 10 });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    });
    const accepted = await chat(custom, { model, messages: hello, max_completion_tokens: 10, reasoning_effort: 'low' });
    expect(accepted.status).toBe(200);
  });

  it.each([...plain, 'o3'])('%s takes max_tokens and temperature but not reasoning_effort', async (model) => {
    const accepted = await chat(custom, { model, messages: hello, max_tokens: 10, temperature: 0.3 });
    expect(accepted.status).toBe(200);
    const refused = await chat(custom, { model, messages: hello, reasoning_effort: 'low' });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ message: 'Unrecognized request argument supplied: reasoning_effort' });
  });
});

describe('user content parts', () => {
  const withPart = (part: Record<string, unknown>): unknown => ({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Look' }, part] }],
  });

  it.each([
    { type: 'file', part: { type: 'file', file: { file_data: 'data:application/pdf;base64,AA==', filename: 'a.pdf' } } },
    { type: 'input_audio', part: { type: 'input_audio', input_audio: { data: 'AA==', format: 'wav' } } },
    { type: 'refusal', part: { type: 'refusal', refusal: 'no' } },
    { type: 'video_url', part: { type: 'video_url', video_url: { url: 'https://x.example/v.mp4' } } },
  ])('refuses $type parts with 400', async ({ part }) => {
    const result = await chat(emulator, withPart(part));
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message: "'messages[0].content[1].type' must be one of text, image_url." });
  });

  it.each([{ image_url: 'https://x.example/a.png' }, { image_url: {} }, { image_url: { url: 5 } }])('refuses image_url without a url: %j', async (part) => {
    const result = await chat(emulator, withPart({ type: 'image_url', ...part }));
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message: "'messages[0].content[1].image_url' must be an object with a string 'url'." });
  });

  it('accepts text and images', async () => {
    const result = await chat(emulator, withPart({ type: 'image_url', image_url: { url: 'data:image/png;base64,AA==', detail: 'low' } }));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ choices: [{ message: { content: 'You said: "Look" (with 1 attachment). This is a deterministic reply from the Langdock emulator.' } }] });
  });
});

describe('top-level embedding parameters', () => {
  it.each([
    { body: { input_type: 'query' }, message: 'Unrecognized request argument supplied: input_type' },
    { body: { truncate: 'END', normalize: true }, message: 'Unrecognized request arguments supplied: truncate, normalize' },
  ])('refuses $body with 400', async ({ body, message }) => {
    const result = await embeddings(emulator, { model: 'text-embedding-3-small', input: 'x', ...body });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message });
  });

  it('accepts every allowed parameter at once', async () => {
    const result = await embeddings(emulator, { model: 'text-embedding-3-small', input: ['x'], encoding_format: 'float', dimensions: 8, user: 'u' });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ object: 'list', data: [{ index: 0, embedding: expect.any(Array) }] });
  });
});
