import OpenAI from 'openai';
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';

let emulator: LangdockEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ apiKeys: ['sdk-key'] });
  client = new OpenAI({ apiKey: 'sdk-key', baseURL: emulator.baseURL, maxRetries: 0 });
});

afterAll(async () => {
  await emulator.close();
});

const weatherTool: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};

describe('the official openai SDK against the emulator', () => {
  it('creates a chat completion', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello SDK' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe(
      'You said: "Hello SDK". This is a deterministic reply from the Langdock emulator.',
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBe(3);
    expect(emulator.requests.at(-1)?.headers.authorization).toBe('Bearer sdk-key');
  });

  it('streams chunks, and the SDK stream helper assembles them', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      stream: true,
      messages: [{ role: 'user', content: 'Stream SDK' }],
    });
    const deltas: string[] = [];
    const finishReasons: Array<string | null> = [];
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      for (const choice of chunk.choices) {
        if (choice.delta.content) deltas.push(choice.delta.content);
        finishReasons.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas.join('')).toBe(
      'You said: "Stream SDK". This is a deterministic reply from the Langdock emulator.',
    );
    expect(finishReasons.at(-1)).toBe('stop');
    // Langdock refuses stream_options, so by default a stream reports no usage.
    expect(usage).toBeUndefined();

    const helper = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Stream SDK' }],
    });
    const final = await helper.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe(deltas.join(''));
  });

  it('reads the usage chunk of streamUsage', async () => {
    const counting = await startLangdockEmulator({ streamUsage: true });
    try {
      const sdk = new OpenAI({ apiKey: 'any', baseURL: counting.baseURL, maxRetries: 0 });
      const stream = await sdk.chat.completions.create({
        model: 'gpt-4o',
        stream: true,
        messages: [{ role: 'user', content: 'Stream SDK' }],
      });
      let text = '';
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        if (chunk.usage) usage = chunk.usage;
      }
      expect(usage).toMatchObject({
        prompt_tokens: 3,
        completion_tokens: Math.ceil(text.length / 4),
        total_tokens: 3 + Math.ceil(text.length / 4),
      });
    } finally {
      await counting.close();
    }
  });

  it('round-trips a tool call and its result', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'user', content: 'What is the weather in Lisbon?' },
    ];
    const first = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages,
      tools: [weatherTool],
    });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    if (call?.type !== 'function') throw new Error('expected a function tool call');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Lisbon' });

    const message = first.choices[0]?.message;
    if (message === undefined) throw new Error('no message');
    messages.push(message, {
      role: 'tool',
      tool_call_id: call.id,
      content: '{"forecast":"sunny, 24°C"}',
    });
    const second = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages,
      tools: [weatherTool],
    });
    expect(second.choices[0]?.finish_reason).toBe('stop');
    expect(second.choices[0]?.message.content).toBe(
      'Based on the tool results: get_weather returned {"forecast":"sunny, 24°C"}.',
    );
  });

  it('streams a tool call that the SDK stream helper parses', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Weather in Madrid please' }],
      tools: [weatherTool],
    });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'Madrid',
    });
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('creates embeddings, with the SDK’s default base64 encoding and with floats', async () => {
    const decoded = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one', 'two'],
    });
    expect(emulator.requests.at(-1)?.body).toMatchObject({ encoding_format: 'base64' });
    expect(decoded.data).toHaveLength(2);
    expect(decoded.data[0]?.embedding).toHaveLength(1536);
    const floats = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one', 'two'],
      encoding_format: 'float',
    });
    expect(Array.from(decoded.data[1]?.embedding ?? [])).toEqual(floats.data[1]?.embedding);
    expect(floats.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-5');
    expect(ids).toContain('text-embedding-3-large');
    // One per row of the emulator's model table (21 before gpt-5.4, gpt-5.5 and gpt-5.6).
    expect(ids).toHaveLength(24);
  });

  it('reads backend refusals, which come in OpenAI’s shape; gateway refusals stay Langdock’s `{message}`', async () => {
    const wrongKey = new OpenAI({ apiKey: 'other', baseURL: emulator.baseURL, maxRetries: 0 });
    // Langdock's gateway answers `{message}`, which the SDK does not read: that is what a real 401 looks like too.
    await expect(wrongKey.models.list()).rejects.toMatchObject({
      status: 401,
      error: undefined,
      message: '401 status code (no body)',
    });
    const error = await client.chat.completions
      .create({ model: 'o3', messages: [{ role: 'user', content: 'x' }], max_tokens: 10 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      message:
        "400 Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      param: 'max_tokens',
      code: 'unsupported_parameter',
      type: 'invalid_request_error',
    });
  });
});
