import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { chat, sseChunks, userMessage } from '../helpers';

let emulator: LangdockEmulator;
const fixedNow = 1_750_000_000_123;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ now: () => fixedNow });
});

afterAll(async () => {
  await emulator.close();
});

const usage = (prompt: number, completion: number): Record<string, unknown> => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
});

describe('non-streaming chat completions', () => {
  it('answers in the exact chat.completion shape', async () => {
    const result = await chat(emulator, { model: 'gpt-4.1', messages: [userMessage('Hi there')] });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const content =
      'You said: "Hi there". This is a deterministic reply from the Langdock emulator.';
    expect(result.json).toEqual({
      id: expect.stringMatching(/^chatcmpl-emulator\d{8}$/),
      object: 'chat.completion',
      created: Math.floor(fixedNow / 1000),
      model: 'gpt-4.1',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: usage(2, Math.ceil(content.length / 4)),
      system_fingerprint: 'fp_langdock_emulator',
    });
  });

  it('honours max_tokens with a truncated text and finish_reason length', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [userMessage('Hello')],
      max_tokens: 3,
    });
    expect(result.json).toMatchObject({
      choices: [{ message: { content: 'You said: "H' }, finish_reason: 'length' }],
      usage: { completion_tokens: 3 },
    });
  });

  it('counts CJK text as a token per character in usage and under max_tokens', async () => {
    const full = await chat(emulator, { model: 'gpt-4o', messages: [userMessage('世界世界世界')] });
    const content =
      'You said: "世界世界世界". This is a deterministic reply from the Langdock emulator.';
    expect(full.status).toBe(200);
    expect(full.json).toMatchObject({
      choices: [{ message: { content } }],
      usage: usage(6, Math.ceil(content.length / 4)),
    });
    const cut = await chat(emulator, {
      model: 'gpt-4o',
      messages: [userMessage('世界世界世界')],
      max_tokens: 5,
    });
    expect(cut.status).toBe(200);
    expect(cut.json).toMatchObject({
      choices: [{ message: { content: 'You said: "世界世界世' }, finish_reason: 'length' }],
      usage: usage(6, 5),
    });
  });

  it('honours max_completion_tokens on reasoning models', async () => {
    const result = await chat(emulator, {
      model: 'o4-mini',
      messages: [userMessage('Hello')],
      max_completion_tokens: 2,
    });
    expect(result.json).toMatchObject({
      choices: [{ message: { content: 'You said' }, finish_reason: 'length' }],
    });
  });

  it('cuts at the earliest stop sequence', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [userMessage('alpha beta')],
      stop: ['beta', ': '],
    });
    expect(result.json).toMatchObject({
      choices: [{ message: { content: 'You said' }, finish_reason: 'stop' }],
    });
  });

  it('answers a tool call in OpenAI shape', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [userMessage('What is the weather in Hamburg?')],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
            },
          },
        },
      ],
    });
    expect(result.json).toMatchObject({
      choices: [
        {
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: expect.stringMatching(/^call_/),
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Hamburg"}' },
              },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    });
  });

  it('returns logprobs for each content token when asked', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [userMessage('Hi')],
      logprobs: true,
      top_logprobs: 2,
      max_tokens: 2,
    });
    expect(result.json).toMatchObject({
      choices: [
        {
          message: { content: 'You said' },
          logprobs: {
            content: [
              {
                token: 'You ',
                logprob: -0.01,
                bytes: [89, 111, 117, 32],
                top_logprobs: [
                  { token: 'You ', logprob: -0.01 },
                  { token: 'You ~1', logprob: -1.51 },
                ],
              },
              { token: 'sai', logprob: -0.03 },
              { token: 'd', logprob: -0.05 },
            ],
            refusal: null,
          },
        },
      ],
    });
  });

  it('serves the dedicated-deployment prefix and the us region', async () => {
    for (const base of [
      emulator.baseURLFor('us'),
      emulator.baseURLFor('eu', { dedicated: true }),
    ]) {
      const result = await chat(
        { ...emulator, baseURL: base },
        { model: 'gpt-4o', messages: [userMessage('x')] },
      );
      expect(result.status).toBe(200);
    }
    expect(emulator.baseURLFor('eu', { dedicated: true })).toBe(
      `${emulator.url}/api/public/openai/eu/v1`,
    );
    expect(emulator.requests.at(-1)?.path).toBe('/api/public/openai/eu/v1/chat/completions');
  });
});

describe('request recording', () => {
  it('records method, path, headers and the parsed body, and reset clears them', async () => {
    emulator.reset();
    const body = { model: 'gpt-4o', messages: [userMessage('Record me')], temperature: 0.3 };
    await chat(emulator, body, { headers: { 'x-trace': 'abc' } });
    expect(emulator.requests).toHaveLength(1);
    const recorded = emulator.requests[0];
    expect(recorded?.method).toBe('POST');
    expect(recorded?.path).toBe('/openai/eu/v1/chat/completions');
    expect(recorded?.headers['x-trace']).toBe('abc');
    expect(recorded?.headers.authorization).toBe('Bearer test-key');
    expect(recorded?.body).toEqual(body);
    expect(recorded?.rawBody).toBe(JSON.stringify(body));
    emulator.reset();
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('models that show their reasoning (DeepSeek-R1)', () => {
  const reasoning =
    'The user wrote "Think first". I am the Langdock emulator, so I am answering with my fixed template.';
  const answer =
    'You said: "Think first". This is a deterministic reply from the Langdock emulator.';

  it('answers with reasoning_content and counts it as reasoning tokens', async () => {
    const result = await chat(emulator, {
      model: 'DeepSeek-R1',
      messages: [userMessage('Think first')],
      max_tokens: 200,
    });
    expect(result.status).toBe(200);
    const reasoningTokens = Math.ceil(reasoning.length / 4);
    const answerTokens = Math.ceil(answer.length / 4);
    expect(result.json).toMatchObject({
      choices: [
        {
          message: { role: 'assistant', content: answer, reasoning_content: reasoning },
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 3,
        completion_tokens: answerTokens + reasoningTokens,
        total_tokens: 3 + answerTokens + reasoningTokens,
        completion_tokens_details: { reasoning_tokens: reasoningTokens },
      },
    });
  });

  it('streams reasoning_content before the content', async () => {
    const result = await chat(emulator, {
      model: 'DeepSeek-R1',
      stream: true,
      messages: [userMessage('Think first')],
    });
    const deltas = sseChunks(result.text).flatMap((chunk) =>
      (
        chunk.choices as Array<{ delta: { content?: string | null; reasoning_content?: string } }>
      ).map((choice) => choice.delta),
    );
    const firstContent = deltas.findIndex(
      (delta) => typeof delta.content === 'string' && delta.content !== '',
    );
    const lastReasoning = deltas
      .map((delta) => delta.reasoning_content !== undefined)
      .lastIndexOf(true);
    expect(lastReasoning).toBeGreaterThan(0);
    expect(lastReasoning).toBeLessThan(firstContent);
    expect(deltas.map((delta) => delta.reasoning_content ?? '').join('')).toBe(reasoning);
    expect(deltas.map((delta) => delta.content ?? '').join('')).toBe(answer);
  });

  it('sends no reasoning_content for models that keep their reasoning hidden', async () => {
    const result = await chat(emulator, { model: 'o3', messages: [userMessage('Think first')] });
    expect(JSON.stringify(result.json)).not.toContain('reasoning_content');
  });
});
