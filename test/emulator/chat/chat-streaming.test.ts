import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChunks } from '../../../emulator/chat/chat-response';
import { finishReply } from '../../../emulator/chat/chat-finish-reply';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { buildCatalog } from '../../../emulator/models/model-catalog';
import { respond } from '../../../emulator/chat/chat-responder';
import { validateChatRequest } from '../../../emulator/chat/chat-request-rules';
import { splitText } from '../../../emulator/generation/token-estimate';
import { chat, sseChunks, sseData, userMessage } from '../helpers';

let emulator: LangdockEmulator;
let azure: LangdockEmulator;
let withUsage: LangdockEmulator;
const fixedNow = 1_750_000_000_999;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ now: () => fixedNow });
  azure = await startLangdockEmulator({ now: () => fixedNow, azureFilterChunk: true });
  withUsage = await startLangdockEmulator({ now: () => fixedNow, streamUsage: true });
});

afterAll(async () => {
  await emulator.close();
  await azure.close();
  await withUsage.close();
});

type Chunk = Record<string, unknown>;
type Choice = {
  index: number;
  delta: Record<string, unknown>;
  finish_reason: string | null;
  logprobs: unknown;
};

function choiceOf(chunk: Chunk): Choice {
  const choices = chunk.choices as Choice[];
  const choice = choices[0];
  if (choice === undefined) throw new Error('chunk without choice');
  return choice;
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city', 'days'],
    },
  },
};

describe('streamed text', () => {
  const content =
    'You said: "Stream this". This is a deterministic reply from the Langdock emulator.';

  it('sends role, content deltas, finish and [DONE] in that order, without usage by default', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Stream this')],
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const chunks = sseChunks(result.text);

    for (const chunk of chunks) {
      expect(Object.keys(chunk)).toEqual([
        'id',
        'object',
        'created',
        'model',
        'system_fingerprint',
        'choices',
      ]);
      expect(chunk).toMatchObject({
        object: 'chat.completion.chunk',
        created: Math.floor(fixedNow / 1000),
        model: 'gpt-4o',
      });
      expect(chunk.id).toBe(chunks[0]?.id);
    }
    const [role, ...rest] = chunks;
    expect(choiceOf(role ?? {})).toEqual({
      index: 0,
      delta: { role: 'assistant', content: '', refusal: null },
      finish_reason: null,
      logprobs: null,
    });
    const finish = rest.pop();
    expect(choiceOf(finish ?? {})).toEqual({
      index: 0,
      delta: {},
      finish_reason: 'stop',
      logprobs: null,
    });

    const deltas = rest.map((chunk) => choiceOf(chunk));
    expect(deltas.length).toBeGreaterThan(5);
    for (const delta of deltas) {
      expect(Object.keys(delta.delta)).toEqual(['content']);
      expect(String(delta.delta.content).length).toBeGreaterThan(0);
      expect(String(delta.delta.content).length).toBeLessThanOrEqual(6);
      expect(delta.finish_reason).toBeNull();
    }
    expect(deltas.map((delta) => delta.delta.content).join('')).toBe(content);
  });

  it('ends with a usage chunk after the finish chunk with streamUsage', async () => {
    const result = await chat(withUsage, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Stream this')],
    });
    expect(result.status).toBe(200);
    const chunks = sseChunks(result.text);
    const usageChunk = chunks.at(-1);
    expect(choiceOf(chunks.at(-2) ?? {}).finish_reason).toBe('stop');
    expect(chunks.filter((chunk) => 'usage' in chunk)).toHaveLength(1);
    expect(usageChunk).toEqual({
      id: chunks[0]?.id,
      object: 'chat.completion.chunk',
      created: Math.floor(fixedNow / 1000),
      model: 'gpt-4o',
      system_fingerprint: 'fp_langdock_emulator',
      choices: [],
      usage: {
        prompt_tokens: 3,
        completion_tokens: Math.ceil(content.length / 4),
        total_tokens: 3 + Math.ceil(content.length / 4),
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
    });
    const streamed = chunks
      .slice(1, -2)
      .map((chunk) => choiceOf(chunk).delta.content)
      .join('');
    expect(streamed).toBe(content);
  });

  it('ends with finish_reason length under max_tokens', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Stream')],
      max_tokens: 2,
    });
    const chunks = sseChunks(result.text);
    const text = chunks
      .slice(1, -1)
      .map((chunk) => choiceOf(chunk).delta.content)
      .join('');
    expect(text).toBe('You said');
    expect(choiceOf(chunks.at(-1) ?? {}).finish_reason).toBe('length');
  });

  it('starts with Azure prompt-filter chunk when azureFilterChunk is on', async () => {
    const result = await chat(azure, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Hi')],
    });
    const chunks = sseChunks(result.text);
    const safe = { filtered: false, severity: 'safe' };
    expect(chunks[0]).toEqual({
      id: '',
      object: '',
      created: 0,
      model: '',
      choices: [],
      prompt_filter_results: [
        {
          prompt_index: 0,
          content_filter_results: { hate: safe, self_harm: safe, sexual: safe, violence: safe },
        },
      ],
    });
    expect(chunks[1]).toMatchObject({
      object: 'chat.completion.chunk',
      choices: [{ delta: { role: 'assistant' }, content_filter_results: {} }],
    });
    expect(chunks[2]).toMatchObject({
      choices: [{ delta: { content: 'You ' }, content_filter_results: { hate: safe } }],
    });
  });
});

describe('streamed tool calls', () => {
  it('sends the call header with empty arguments, then argument pieces, then tool_calls', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Weather in Paris for 4 days?')],
      tools: [weatherTool],
    });
    const chunks = sseChunks(result.text);
    expect(choiceOf(chunks[0] ?? {}).delta).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
    });
    const header = choiceOf(chunks[1] ?? {}).delta;
    expect(header).toEqual({
      tool_calls: [
        {
          index: 0,
          id: expect.stringMatching(/^call_[0-9a-f]{24}$/),
          type: 'function',
          function: { name: 'get_weather', arguments: '' },
        },
      ],
    });
    const argumentDeltas = chunks.slice(2, -1).map((chunk) => choiceOf(chunk).delta);
    expect(argumentDeltas.length).toBeGreaterThan(2);
    for (const delta of argumentDeltas) {
      expect(delta).toEqual({
        tool_calls: [{ index: 0, function: { arguments: expect.any(String) } }],
      });
    }
    const args = argumentDeltas
      .map(
        (delta) =>
          (delta.tool_calls as Array<{ function: { arguments: string } }>)[0]?.function.arguments,
      )
      .join('');
    expect(JSON.parse(args)).toEqual({ city: 'Paris', days: 4 });
    expect(choiceOf(chunks.at(-1) ?? {})).toEqual({
      index: 0,
      delta: {},
      finish_reason: 'tool_calls',
      logprobs: null,
    });
  });

  it('reports the completion tokens of the arguments with streamUsage', async () => {
    const result = await chat(withUsage, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Weather in Paris for 4 days?')],
      tools: [weatherTool],
    });
    const chunks = sseChunks(result.text);
    const args = '{"city":"Paris","days":4}';
    expect(choiceOf(chunks.at(-2) ?? {}).finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { completion_tokens: Math.ceil(('get_weather' + args).length / 4) },
    });
  });
});

describe('pacing', () => {
  it('sleeps chunkDelayMs between streamed chunks, never before the first', async () => {
    const sleeps: number[] = [];
    const slow = await startLangdockEmulator({
      chunkDelayMs: 20,
      sleep: async (ms) => void sleeps.push(ms),
    });
    try {
      const result = await chat(slow, {
        model: 'gpt-4o',
        stream: true,
        messages: [userMessage('ab')],
      });
      const events = sseData(result.text).length;
      expect(events).toBeGreaterThan(3);
      expect(sleeps).toEqual(Array.from({ length: events - 1 }, () => 20));
    } finally {
      await slow.close();
    }
  });

  it('holds the next chunk until the sleep ends', async () => {
    let wake: () => void = () => undefined;
    const asleep: number[] = [];
    const gated = await startLangdockEmulator({
      chunkDelayMs: 1_000,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          asleep.push(ms);
          wake = resolve;
        }),
    });
    try {
      const response = await fetch(`${gated.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer k' },
        body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [userMessage('ab')] }),
      });
      const reader = response.body?.getReader();
      if (reader === undefined) throw new Error('no body');
      await expect.poll(() => asleep).toEqual([1_000]);
      let text = '';
      while (!text.endsWith('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
      // The emulator is parked in the first sleep, so only the role chunk can have been written.
      expect(sseData(text).map((data) => choiceOf(JSON.parse(data) as Chunk).delta)).toEqual([
        { role: 'assistant', content: '', refusal: null },
      ]);
      wake();
      await expect.poll(() => asleep.length).toBe(2);
      // A sleep that never resolves must still let the response go once the client leaves.
      await reader.cancel();
    } finally {
      await gated.close();
    }
  });
});

describe('chunk building properties', () => {
  const catalog = buildCatalog();

  it('splitText never loses, adds or breaks characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const pieces = splitText(text);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(piece.length).toBeGreaterThan(0);
        for (const piece of pieces) expect(piece).toBe(Buffer.from(piece, 'utf8').toString('utf8'));
      }),
    );
  });

  it('stream deltas always rebuild the non-streamed content', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 120 }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        (text, maxTokens) => {
          const parsed = validateChatRequest(
            { model: 'gpt-4o', messages: [{ role: 'user', content: text }], max_tokens: maxTokens },
            { catalog, allowJsonSchema: false },
          );
          if (!parsed.ok) throw new Error(parsed.error.message);
          const outcome = finishReply(respond(parsed.value), parsed.value);
          const chunks = buildChunks(
            outcome,
            { id: 'x', created: 1, model: 'gpt-4o' },
            { azureFilterChunk: false, usage: true },
          );
          const streamed = chunks
            .flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? ''))
            .join('');
          expect(streamed).toBe(outcome.content);
        },
      ),
    );
  });
});
