// Langdock's Anthropic route: answers in Anthropic's Messages format, as JSON and as named SSE events.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { signThinking } from '../../../emulator/messages/thinking-signature';
import { anthropicEvents, messages, type NamedEvent } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator();
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => emulator.reset());

const echo = (text: string): string =>
  `You said: "${text}". This is a deterministic reply from the Langdock emulator.`;
const tokens = (text: string): number => Math.ceil(text.length / 4);

const usage = (input: number, output: number, cache = { read: 0, write5m: 0, write1h: 0 }) => ({
  input_tokens: input,
  cache_creation_input_tokens: cache.write5m + cache.write1h,
  cache_read_input_tokens: cache.read,
  cache_creation: {
    ephemeral_5m_input_tokens: cache.write5m,
    ephemeral_1h_input_tokens: cache.write1h,
  },
  output_tokens: output,
  service_tier: 'standard',
  inference_geo: 'not_available',
});

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city', 'unit'],
  },
};

/** Concatenates the deltas of one block, by delta type. */
function joined(events: NamedEvent[], index: number, deltaType: string, field: string): string {
  return events
    .filter((event) => event.event === 'content_block_delta' && event.data.index === index)
    .map((event) => event.data.delta as Record<string, string>)
    .filter((delta) => delta.type === deltaType)
    .map((delta) => delta[field])
    .join('');
}

describe('a plain message', () => {
  it('answers with the exact Messages body', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Hi there' }],
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('x-request-id')).toMatch(/^req_emulator\d{8}$/);
    expect(result.json).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      id: expect.stringMatching(/^msg_emulator\d{8}$/),
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: echo('Hi there') }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: usage(tokens('Hi there'), tokens(echo('Hi there'))),
    });
  });

  it('takes the @default spelling and drops the suffix in the answer', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-6@default',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(result.status).toBe(200);
    expect((result.json as { model: string }).model).toBe('claude-sonnet-4-6');
  });

  it('takes system as a string or as text blocks, counting them as input', async () => {
    const body = (system: unknown) => ({
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 100,
      system,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const asString = await messages(emulator, body('Be brief and kind.'));
    const asBlocks = await messages(
      emulator,
      body([
        { type: 'text', text: 'Be brief' },
        { type: 'text', text: ' and kind.' },
      ]),
    );
    const input = (result: { json: unknown }) =>
      (result.json as { usage: { input_tokens: number } }).usage.input_tokens;
    expect(input(asString)).toBe(tokens('Be brief and kind.') + tokens('Hi'));
    expect(input(asBlocks)).toBe(tokens('Be brief') + tokens(' and kind.') + tokens('Hi'));
  });

  it('counts images (base64 and url) and documents (PDF base64 and url) as attachments', async () => {
    const result = await messages(emulator, {
      model: 'claude-opus-4-6-default',
      max_tokens: 200,
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
            },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            {
              type: 'document',
              source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQ=' },
            },
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
            { type: 'text', text: 'Describe these' },
          ],
        },
      ],
    });
    expect(result.status).toBe(200);
    const body = result.json as { content: unknown; usage: { input_tokens: number } };
    expect(body.content).toEqual([
      {
        type: 'text',
        text: 'You said: "Describe these" (with 4 attachments). This is a deterministic reply from the Langdock emulator.',
      },
    ]);
    expect(body.usage.input_tokens).toBe(4 * 1600 + tokens('Describe these'));
  });
});

describe('tool use', () => {
  it('calls the tool the user names, with text first and stop_reason tool_use', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-6-default',
      max_tokens: 500,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'What is the weather in Berlin? unit: celsius' }],
    });
    const body = result.json as { content: Array<Record<string, unknown>>; stop_reason: string };
    expect(body.stop_reason).toBe('tool_use');
    expect(body.content).toEqual([
      { type: 'text', text: 'I will call get_weather.' },
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_01[0-9A-Za-z]{22}$/),
        name: 'get_weather',
        input: { city: 'Berlin', unit: 'celsius' },
      },
    ]);
  });

  it('streams the call in the recorded event order, its input split mid-token and reassembling', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-6-default',
      max_tokens: 500,
      stream: true,
      tools: [weatherTool],
      tool_choice: { type: 'tool', name: 'get_weather' },
      messages: [{ role: 'user', content: 'Weather in Paris please' }],
    });
    expect(result.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = anthropicEvents(result.text);
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const start = events[1]!.data as { content_block: { id: string } };
    expect(start).toEqual({
      type: 'content_block_start',
      index: 0,
      content_block: {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_01/),
        name: 'get_weather',
        input: {},
      },
    });
    const pieces = events
      .filter((event) => event.event === 'content_block_delta')
      .map((event) => (event.data.delta as { partial_json: string }).partial_json);
    expect(pieces[0]).toBe('');
    const json = pieces.join('');
    expect(JSON.parse(json)).toEqual({ city: 'Paris', unit: 'celsius' });
    // At least one piece ends inside a JSON token, as live streams split them.
    expect(pieces.slice(1, -1).some((piece) => !/[,{}:]$/.test(piece))).toBe(true);
    expect(events[0]!.data).toEqual({
      type: 'message_start',
      message: {
        model: 'claude-sonnet-4-6-default',
        id: expect.stringMatching(/^msg_emulator/),
        type: 'message',
        role: 'assistant',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: usage(expect.any(Number) as unknown as number, 1),
      },
    });
    const output = tokens(`get_weather${json}`);
    expect(events.at(-2)!.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: {
        input_tokens: (events[0]!.data.message as { usage: { input_tokens: number } }).usage
          .input_tokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: output,
      },
    });
    expect(events.at(-1)!.data).toEqual({ type: 'message_stop' });
  });

  it('answers tool results (also errors, and content arrays with images) by naming each tool', async () => {
    const result = await messages(emulator, {
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 300,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Rome and Oslo?' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'toolu_a', name: 'get_weather', input: { city: 'Rome' } },
            { type: 'tool_use', id: 'toolu_b', name: 'get_weather', input: { city: 'Oslo' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_a',
              content: [
                { type: 'text', text: '21 degrees' },
                { type: 'image', source: { type: 'url', url: 'https://example.com/map.png' } },
              ],
            },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_b',
              content: 'station offline',
              is_error: true,
            },
          ],
        },
      ],
    });
    expect(result.status).toBe(200);
    expect((result.json as { content: unknown }).content).toEqual([
      {
        type: 'text',
        text: 'Based on the tool results: get_weather returned 21 degrees [image]; get_weather failed with station offline.',
      },
    ]);
  });
});

describe('thinking', () => {
  const thought = (asked: string, about: string): string =>
    `The user wrote "${asked}". I am the Langdock emulator, so I am ${about}.`;

  it('streams a budget-thinking block with its deltas and signature before the text', async () => {
    const result = await messages(emulator, {
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 4000,
      stream: true,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'Add 2 and 3' }],
    });
    const events = anthropicEvents(result.text);
    const thinking = thought('Add 2 and 3', 'answering with my fixed template');
    expect(events[1]!.data).toEqual({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'thinking', thinking: '', signature: '' },
    });
    expect(joined(events, 0, 'thinking_delta', 'thinking')).toBe(thinking);
    const block0 = events.filter(
      (event) => event.event === 'content_block_delta' && event.data.index === 0,
    );
    expect(block0.at(-1)!.data.delta).toEqual({
      type: 'signature_delta',
      signature: signThinking(thinking),
    });
    expect(joined(events, 1, 'text_delta', 'text')).toBe(echo('Add 2 and 3'));
    expect(
      events.filter((event) => event.event === 'content_block_stop').map((e) => e.data.index),
    ).toEqual([0, 1]);
  });

  it('thinks adaptively on adaptive models, and not at effort low', async () => {
    const body = (effort?: string) => ({
      model: 'claude-opus-4-8-default',
      max_tokens: 1000,
      thinking: { type: 'adaptive' },
      ...(effort === undefined ? {} : { output_config: { effort } }),
      messages: [{ role: 'user', content: 'Hello' }],
    });
    const high = (await messages(emulator, body())).json as { content: Array<{ type: string }> };
    const low = (await messages(emulator, body('low'))).json as {
      content: Array<{ type: string }>;
    };
    expect(high.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(low.content.map((block) => block.type)).toEqual(['text']);
  });

  it('takes its own thinking block back with a tool loop, and refuses a tampered one', async () => {
    const thinking = thought('Weather in Rome?', 'calling get_weather');
    const history = (signature: string) => ({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 3000,
      thinking: { type: 'enabled', budget_tokens: 2000 },
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Rome?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking, signature },
            { type: 'tool_use', id: 'toolu_x', name: 'get_weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'sunny' }],
        },
      ],
    });
    const accepted = await messages(emulator, history(signThinking(thinking)));
    expect(accepted.status).toBe(200);
    const refused = await messages(emulator, history(signThinking('something else')));
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'messages.1.content.0: Invalid `signature` in `thinking` block',
      },
    });
  });

  it('answers with redacted_thinking on the hint', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-6-default',
      max_tokens: 1000,
      stream: true,
      thinking: { type: 'adaptive' },
      messages: [{ role: 'user', content: 'Think [emulate:redacted-thinking]' }],
    });
    const events = anthropicEvents(result.text);
    const start = events[1]!.data as { content_block: { type: string; data: string } };
    expect(start.content_block.type).toBe('redacted_thinking');
    expect(start.content_block.data).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // A redacted block comes whole in its start event: no deltas before its stop.
    expect(events.slice(1, 4).map((event) => event.event)).toEqual([
      'content_block_start',
      'ping',
      'content_block_stop',
    ]);
  });
});

describe('stops', () => {
  it('stops at max_tokens when it is tiny', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 3,
      messages: [{ role: 'user', content: 'Tell me everything' }],
    });
    const body = result.json as {
      content: Array<{ text: string }>;
      stop_reason: string;
      usage: { output_tokens: number };
    };
    expect(body.stop_reason).toBe('max_tokens');
    // Three tokens of four characters each, by the emulator's estimate.
    expect(body.content).toEqual([{ type: 'text', text: echo('Tell me everything').slice(0, 12) }]);
    expect(body.usage.output_tokens).toBe(3);
  });

  it('stops at the earliest stop sequence and names it', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 300,
      stop_sequences: ['deterministic', 'said'],
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(result.json).toMatchObject({
      content: [{ type: 'text', text: 'You ' }],
      stop_reason: 'stop_sequence',
      stop_sequence: 'said',
    });
  });

  it('refuses with stop_reason refusal and no content on the hint, also streamed', async () => {
    const body = {
      model: 'claude-opus-4-6-default',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Do something bad [emulate:refusal]' }],
    };
    const json = await messages(emulator, body);
    expect(json.json).toMatchObject({ content: [], stop_reason: 'refusal', stop_sequence: null });
    const stream = await messages(emulator, { ...body, stream: true });
    const events = anthropicEvents(stream.text);
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'ping',
      'message_delta',
      'message_stop',
    ]);
    expect(events[2]!.data.delta).toEqual({ stop_reason: 'refusal', stop_sequence: null });
  });
});

describe('faults on prompt hints', () => {
  it('breaks a stream off with an overloaded error event and no message_stop', async () => {
    const result = await messages(emulator, {
      model: 'claude-sonnet-4-6-default',
      max_tokens: 300,
      stream: true,
      messages: [{ role: 'user', content: 'Go [emulate:stream-error]' }],
    });
    expect(result.status).toBe(200);
    const events = anthropicEvents(result.text);
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'error',
    ]);
    expect(events.at(-1)!.data).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  it('answers 529 overloaded_error on the hint (and for a stream-error hint without stream)', async () => {
    for (const hint of ['overloaded', 'stream-error']) {
      const result = await messages(emulator, {
        model: 'claude-sonnet-4-6-default',
        max_tokens: 300,
        messages: [{ role: 'user', content: `Go [emulate:${hint}]` }],
      });
      expect(result.status).toBe(529);
      expect(result.json).toEqual({
        type: 'error',
        error: { type: 'overloaded_error', message: 'Overloaded' },
      });
    }
  });
});

describe('prompt caching', () => {
  const longText = 'The quarterly report covers revenue, costs and outlook. '.repeat(100);
  const cached = (question: string, ttl?: '1h') => ({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 100,
    system: [
      {
        type: 'text',
        text: longText,
        cache_control: { type: 'ephemeral', ...(ttl ? { ttl } : {}) },
      },
    ],
    messages: [{ role: 'user', content: question }],
  });

  it('writes a cached prefix once, then reads it; the rest stays input', async () => {
    const prefix = tokens(longText);
    const first = (await messages(emulator, cached('First?'))).json as { usage: unknown };
    expect(first.usage).toEqual(
      usage(tokens('First?'), expect.any(Number) as unknown as number, {
        read: 0,
        write5m: prefix,
        write1h: 0,
      }),
    );
    const second = (await messages(emulator, cached('Second question?'))).json as {
      usage: unknown;
    };
    expect(second.usage).toEqual(
      usage(tokens('Second question?'), expect.any(Number) as unknown as number, {
        read: prefix,
        write5m: 0,
        write1h: 0,
      }),
    );
  });

  it('writes one-hour entries as such, and caches nothing under the model’s minimum', async () => {
    const hour = (await messages(emulator, cached('Q?', '1h'))).json as {
      usage: { cache_creation: unknown };
    };
    expect(hour.usage.cache_creation).toEqual({
      ephemeral_5m_input_tokens: 0,
      ephemeral_1h_input_tokens: tokens(longText),
    });
    const short = (
      await messages(emulator, {
        ...cached('Q?'),
        system: [{ type: 'text', text: 'Short.', cache_control: { type: 'ephemeral' } }],
      })
    ).json as { usage: { input_tokens: number; cache_creation_input_tokens: number } };
    expect(short.usage.cache_creation_input_tokens).toBe(0);
    expect(short.usage.input_tokens).toBe(tokens('Short.') + tokens('Q?'));
  });

  it('caches tools and message blocks too, in the order tools -> system -> messages', async () => {
    const bigTool = {
      name: 'search_reports',
      description: longText,
      input_schema: { type: 'object' },
      cache_control: { type: 'ephemeral' },
    };
    const body = (question: string) => ({
      model: 'claude-opus-4-1-20250805',
      max_tokens: 100,
      tools: [bigTool],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: longText, cache_control: { type: 'ephemeral' } },
            { type: 'text', text: question },
          ],
        },
      ],
    });
    const toolTokens = tokens(`search_reports${longText}${JSON.stringify({ type: 'object' })}`);
    const first = (await messages(emulator, body('A?'))).json as { usage: Record<string, number> };
    expect([first.usage.cache_creation_input_tokens, first.usage.cache_read_input_tokens]).toEqual([
      toolTokens + tokens(longText),
      0,
    ]);
    const second = (await messages(emulator, body('B?'))).json as { usage: Record<string, number> };
    expect([
      second.usage.cache_creation_input_tokens,
      second.usage.cache_read_input_tokens,
      second.usage.input_tokens,
    ]).toEqual([0, toolTokens + tokens(longText), tokens('B?')]);
  });
});
