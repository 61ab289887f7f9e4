import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { readFixture, toSse } from '../../helpers/fixtures';
import { partsFromSse, v2Finish } from '../../helpers/stream-parts';
import { LangdockChatStreamProcessor } from '../../../src/core/chat/langdock-chat-stream-processor';
import { inspect } from 'node:util';

const chunk = (choice: object, extra: object = {}) =>
  JSON.stringify({
    id: 'c1',
    created: 1764000000,
    model: 'gpt-4.1',
    choices: [{ index: 0, ...choice }],
    ...extra,
  });

const noUsage = {
  inputTokens: undefined,
  outputTokens: undefined,
  totalTokens: undefined,
  reasoningTokens: undefined,
  cachedInputTokens: undefined,
};

describe('LangdockChatStreamProcessor', () => {
  it('streams text with metadata, usage after the finish chunk, and unicode', () => {
    expect(partsFromSse([toSse(readFixture('text'))])).toEqual([
      {
        type: 'response-metadata',
        id: 'chatcmpl-1',
        modelId: 'gpt-4.1',
        timestamp: new Date(1764000000 * 1000),
      },
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: 'Hello' },
      { type: 'text-delta', id: 'id-0', delta: ', wörld 🌍' },
      { type: 'text-delta', id: 'id-0', delta: '!' },
      { type: 'text-end', id: 'id-0' },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: {
          inputTokens: 12,
          outputTokens: 5,
          totalTokens: 17,
          reasoningTokens: 0,
          cachedInputTokens: 2,
        },
      },
    ]);
  });

  it('takes metadata from the first chunk with an id and survives Azure filter-only chunks', () => {
    const parts = partsFromSse([toSse(readFixture('azure-text'))]);
    expect(parts).toEqual([
      {
        type: 'response-metadata',
        id: 'chatcmpl-az',
        modelId: 'gpt-4.1-2025-04-14',
        timestamp: new Date(1764000001 * 1000),
      },
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: 'Hi' },
      { type: 'text-end', id: 'id-0' },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: noUsage,
        providerMetadata: {
          langdock: {
            contentFilterResults: [{ results: { hate: { filtered: false, severity: 'safe' } } }],
            promptFilterResults: [
              {
                prompt_index: 0,
                content_filter_results: { hate: { filtered: false, severity: 'safe' } },
              },
            ],
          },
        },
      },
    ]);
  });

  it('accumulates interleaved tool calls by index and finishes them at the end of the stream', () => {
    expect(partsFromSse([toSse(readFixture('tool-calls-interleaved'))])).toEqual([
      {
        type: 'response-metadata',
        id: 'chatcmpl-2',
        modelId: 'gpt-4.1',
        timestamp: new Date(1764000002 * 1000),
      },
      { type: 'tool-input-start', id: 'call_a', toolName: 'weather' },
      { type: 'tool-input-start', id: 'call_b', toolName: 'time' },
      { type: 'tool-input-delta', id: 'call_b', delta: '{"zo' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{"city":"Mün' },
      { type: 'tool-input-delta', id: 'call_b', delta: 'ne":"UTC"}' },
      { type: 'tool-input-delta', id: 'call_a', delta: 'chen"}' },
      { type: 'tool-input-end', id: 'call_a' },
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"München"}' },
      { type: 'tool-input-end', id: 'call_b' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'time', input: '{"zone":"UTC"}' },
      {
        type: 'finish',
        finishReason: 'tool-calls',
        usage: { ...noUsage, inputTokens: 40, outputTokens: 20, totalTokens: 60 },
      },
    ]);
  });

  it('gives an id to a call whose first delta has none, and {} to a call with no arguments', () => {
    expect(partsFromSse([toSse(readFixture('tool-call-no-id-no-args'))])).toEqual([
      {
        type: 'response-metadata',
        id: 'chatcmpl-3',
        modelId: 'gpt-4.1',
        timestamp: new Date(1764000003 * 1000),
      },
      { type: 'tool-input-start', id: 'id-0', toolName: 'now' },
      { type: 'tool-input-end', id: 'id-0' },
      { type: 'tool-call', toolCallId: 'id-0', toolName: 'now', input: '{}' },
      { type: 'finish', finishReason: 'tool-calls', usage: noUsage },
    ]);
  });

  it('does not finish a tool call early when its partial arguments happen to parse', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: {
            tool_calls: [{ index: 0, id: 'call_1', function: { name: 'n', arguments: '{"a":1}' } }],
          },
        }),
        chunk({ delta: { tool_calls: [{ index: 0, function: { arguments: '' } }] } }),
      ]),
      toSse([chunk({ delta: {}, finish_reason: 'tool_calls' })]),
    ]);
    const types = parts.map((part) => part.type);
    expect(types).toEqual([
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
  });

  it('buffers arguments that arrive before the function name', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: { tool_calls: [{ index: 0, id: 'call_1', function: { arguments: '{"a"' } }] },
        }),
        chunk({
          delta: { tool_calls: [{ index: 0, function: { name: 'late', arguments: ':2}' } }] },
        }),
        chunk({ delta: {}, finish_reason: 'tool_calls' }),
      ]),
    ]);
    expect(parts.filter((part) => part.type.startsWith('tool'))).toEqual([
      { type: 'tool-input-start', id: 'call_1', toolName: 'late' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"a":2}' },
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'late', input: '{"a":2}' },
    ]);
  });

  it('follows deltas without an index: a new id opens a call, no id continues the last', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: { tool_calls: [{ id: 'x', function: { name: 'a', arguments: '{"p":' } }] },
        }),
        chunk({ delta: { tool_calls: [{ function: { arguments: '1}' } }] } }),
        chunk({ delta: { tool_calls: [{ id: 'y', function: { name: 'b', arguments: '{}' } }] } }),
        chunk({ delta: {}, finish_reason: 'tool_calls' }),
      ]),
    ]);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'x', toolName: 'a', input: '{"p":1}' },
      { type: 'tool-call', toolCallId: 'y', toolName: 'b', input: '{}' },
    ]);
  });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['something_new', 'unknown'],
  ])('maps finish_reason %s to %s', (wire, expected) => {
    const parts = partsFromSse([toSse([chunk({ delta: { content: 'x' }, finish_reason: wire })])]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: expected });
  });

  it('turns a malformed chunk into an error part and still finishes cleanly', () => {
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { content: 'a' } }),
        '{not json',
        chunk({ delta: { content: 'b' }, finish_reason: 'stop' }),
      ]),
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'text-start',
      'text-delta',
      'error',
      'text-delta',
      'text-end',
      'finish',
    ]);
    const error = parts.find((part) => part.type === 'error');
    expect(JSONParseError.isInstance(error?.type === 'error' && error.error)).toBe(true);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
  });

  it('rejects a chunk of the wrong shape with a validation error part', () => {
    const parts = partsFromSse([
      toSse([JSON.stringify({ choices: [{ delta: { content: 42 } }] })]),
    ]);
    const error = parts.find((part) => part.type === 'error');
    expect(TypeValidationError.isInstance(error?.type === 'error' && error.error)).toBe(true);
    expect(String((error as { error: Error }).error.message)).toContain(
      'chunk.choices[0].delta.content must be a string',
    );
  });

  it('turns an {error} event into an APICallError part with the server message', () => {
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { content: 'a' } }),
        JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } }),
      ]),
    ]);
    const error = parts.find((part) => part.type === 'error') as { error: APICallError };
    expect(APICallError.isInstance(error.error)).toBe(true);
    expect(error.error.message).toBe(
      'Langdock reported an error mid-stream: The server had an error',
    );
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
  });

  it('never passes on a tool call from a stream that ended without a finish reason', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: {
            tool_calls: [{ index: 0, id: 'call_1', function: { name: 'n', arguments: '{"a":1}' } }],
          },
        }),
      ]),
    ]);
    expect(parts.some((part) => part.type === 'tool-call')).toBe(false);
    const errors = parts.filter((part) => part.type === 'error') as Array<{ error: Error }>;
    expect(errors).toHaveLength(1);
    expect(InvalidResponseDataError.isInstance(errors[0]!.error)).toBe(true);
    expect(errors[0]!.error.message).toContain('ended before tool call call_1 (n) was complete');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
  });

  it('reports a text stream that ended without a finish reason', () => {
    const parts = partsFromSse([toSse([chunk({ delta: { content: 'partial' } })])]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'error',
      'finish',
    ]);
    expect((parts[4] as { error: Error }).error.message).toContain('ended without a finish reason');
  });

  it('emits raw chunks when asked, before the parts they produce', () => {
    const parts = partsFromSse(
      [toSse([chunk({ delta: { content: 'a' }, finish_reason: 'stop' })])],
      { includeRawChunks: true },
    );
    expect(parts[0]).toEqual({
      type: 'raw',
      rawValue: JSON.parse(chunk({ delta: { content: 'a' }, finish_reason: 'stop' })),
    });
    expect(parts.filter((part) => part.type === 'raw')).toHaveLength(1);
  });

  it('collects logprobs into provider metadata', () => {
    const logprob = { token: 'a', logprob: -0.1, top_logprobs: [{ token: 'a', logprob: -0.1 }] };
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { content: 'a' }, logprobs: { content: [logprob] } }),
        chunk({ delta: { content: 'a' }, logprobs: { content: [logprob] }, finish_reason: 'stop' }),
      ]),
    ]);
    expect(parts.at(-1)).toMatchObject({
      providerMetadata: { langdock: { logprobs: [logprob, logprob] } },
    });
  });

  it('leaves usage undefined, never 0 or NaN, when the stream has none', () => {
    const parts = partsFromSse([
      toSse([chunk({ delta: { content: 'a' }, finish_reason: 'stop' })]),
    ]);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: noUsage });
  });

  it("treats Langdock's own {message} event as an error, and a chunk with error: null as a chunk", () => {
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { content: 'a' } }),
        JSON.stringify({ message: 'Rate limit for public API exceeded' }),
      ]),
    ]);
    const errors = parts.filter((part) => part.type === 'error') as Array<{ error: Error }>;
    expect(errors[0]!.error.message).toBe(
      'Langdock reported an error mid-stream: Rate limit for public API exceeded',
    );

    const ok = partsFromSse([
      toSse([chunk({ delta: { content: 'a' }, finish_reason: 'stop' }, { error: null })]),
    ]);
    expect(ok.filter((part) => part.type === 'error')).toEqual([]);
    expect(ok.at(-1)).toMatchObject({ finishReason: 'stop' });
  });

  it.each([-1, 0.5, 1e9])(
    'refuses a tool call delta with the index %s instead of losing it quietly',
    (index) => {
      const parts = partsFromSse([
        toSse([
          chunk({
            delta: {
              tool_calls: [{ index, id: 'call_1', function: { name: 'n', arguments: '{}' } }],
            },
          }),
          chunk({ delta: {}, finish_reason: 'tool_calls' }),
        ]),
      ]);
      expect(parts.filter((part) => part.type.startsWith('tool'))).toEqual([]);
      expect(
        (parts.find((part) => part.type === 'error') as { error: Error }).error.message,
      ).toContain(`tool call delta with the index ${index}`);
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
    },
  );

  it('keeps tool calls that were complete when a later chunk (after the finish reason) is malformed', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: {
            tool_calls: [{ index: 0, id: 'call_1', function: { name: 'n', arguments: '{"a":1}' } }],
          },
        }),
        chunk({ delta: {}, finish_reason: 'tool_calls' }),
        '{"usage": broken',
      ]),
    ]);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'n', input: '{"a":1}' },
    ]);
    expect(parts.filter((part) => part.type === 'error')).toHaveLength(1);
  });

  it('does not pass on tool calls when the stream broke before the finish reason', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: {
            tool_calls: [{ index: 0, id: 'call_1', function: { name: 'n', arguments: '{"a":' } }],
          },
        }),
        '{broken',
        chunk({ delta: { tool_calls: [{ index: 0, function: { arguments: '1}' } }] } }),
        chunk({ delta: {}, finish_reason: 'tool_calls' }),
      ]),
    ]);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([]);
    const messages = parts
      .filter((part) => part.type === 'error')
      .map((part) => (part as { error: Error }).error.message);
    expect(messages.at(-1)).toBe(
      'Tool call call_1 (n) was not passed on: the stream broke before it finished, so its arguments may be incomplete.',
    );
  });

  it('collects a refusal into provider metadata', () => {
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { refusal: "I can't " } }),
        chunk({ delta: { refusal: 'help with that.' }, finish_reason: 'stop' }),
      ]),
    ]);
    expect(parts.at(-1)).toMatchObject({
      providerMetadata: { langdock: { refusal: "I can't help with that." } },
    });
  });

  it('redacts the key from everything a server sent back into an error part', () => {
    const key = 'ld-secret-key-abcdef123';
    const parts: unknown[] = [];
    const processor = new LangdockChatStreamProcessor({
      ...v2Finish,
      emit: (part) => parts.push(part),
      generateId: () => 'id',
      redact: (text) => text.split(key).join('[redacted]'),
      includeRawChunks: true,
      url: 'http://test',
      requestBodyValues: {},
    });
    processor.push(
      JSON.stringify({ id: 'c', choices: [{ delta: { content: 'ok' } }], system_fingerprint: key }),
    );
    processor.push(JSON.stringify({ error: { message: `invalid key ${key}` } }));
    processor.push(`{"not json": "${key}`);
    processor.push(JSON.stringify({ choices: [{ delta: { content: 42 } }], echo: key }));
    processor.finish();
    const everything = inspect(parts, { depth: 10, showHidden: true });
    expect(everything).toContain('invalid key [redacted]');
    expect(parts.filter((part) => (part as { type: string }).type === 'raw')).toHaveLength(3);
    expect(everything).not.toContain(key);
  });

  it('redacts the key from a tool call delta it refuses for its index', () => {
    const key = 'ld-secret-key-abcdef123';
    const parts: unknown[] = [];
    const processor = new LangdockChatStreamProcessor({
      ...v2Finish,
      emit: (part) => parts.push(part),
      generateId: () => 'id',
      redact: (text) => text.split(key).join('[redacted]'),
      url: 'http://test',
      requestBodyValues: {},
    });
    processor.push(
      chunk({
        delta: {
          tool_calls: [
            { index: -1, id: 'call_1', function: { name: 'n', arguments: `{"echo":"${key}"}` } },
          ],
        },
      }),
    );
    processor.finish();
    const error = (
      parts.find((part) => (part as { type: string }).type === 'error') as {
        error: InvalidResponseDataError;
      }
    ).error;
    expect(error.data).toEqual({
      index: -1,
      id: 'call_1',
      function: { name: 'n', arguments: '{"echo":"[redacted]"}' },
    });
    expect(inspect(parts, { depth: 10, showHidden: true })).not.toContain(key);
  });

  it('starts a new call when the server reuses an index with a new id (#12 item 6)', () => {
    const parts = partsFromSse([
      toSse([
        chunk({
          delta: {
            tool_calls: [
              {
                index: 0,
                id: 'call_a',
                function: { name: 'weather', arguments: '{"city":"Rome"}' },
              },
            ],
          },
        }),
        chunk({
          delta: {
            tool_calls: [
              { index: 0, id: 'call_b', function: { name: 'time', arguments: '{"zone"' } },
            ],
          },
        }),
        chunk({
          delta: { tool_calls: [{ index: 0, function: { arguments: ':"CET"}' } }] },
          finish_reason: 'tool_calls',
        }),
      ]),
    ]);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"Rome"}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'time', input: '{"zone":"CET"}' },
    ]);
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
  });

  it.each([
    [
      'length',
      'cut off by the output token limit (finish_reason length): its arguments are incomplete, so it was not passed on. Raise maxOutputTokens.',
    ],
    [
      'content_filter',
      'cut off by the content filter (finish_reason content_filter): its arguments are incomplete, so it was not passed on.',
    ],
  ])(
    'passes on no tool call that finish_reason %s cut off, says so, and keeps the finish reason (#12 item 7)',
    (finishReason, message) => {
      const parts = partsFromSse([
        toSse([
          chunk({
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'call_a',
                  function: { name: 'weather', arguments: '{"city":"Rome"}' },
                },
              ],
            },
          }),
          chunk({
            delta: {
              tool_calls: [
                {
                  index: 1,
                  id: 'call_b',
                  function: { name: 'weather', arguments: '{"city":"Par' },
                },
              ],
            },
            finish_reason: finishReason,
          }),
        ]),
      ]);
      expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
        { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"Rome"}' },
      ]);
      expect(
        parts
          .filter((part) => part.type === 'error')
          .map((part) => (part as { error: Error }).error.message),
      ).toEqual([`Tool call call_b (weather) was ${message}`]);
      expect(parts.at(-1)).toMatchObject({
        type: 'finish',
        finishReason: finishReason === 'length' ? 'length' : 'content-filter',
      });
    },
  );

  it('maps reasoning_content to a reasoning block that ends where the text begins (#12 item 10)', () => {
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { role: 'assistant', content: '', reasoning_content: null } }),
        chunk({ delta: { content: null, reasoning_content: 'Think' } }),
        chunk({ delta: { content: null, reasoning_content: 'ing.' } }),
        chunk({ delta: { content: 'Answer', reasoning_content: null } }),
        chunk({ delta: {}, finish_reason: 'stop' }),
      ]),
    ]);
    expect(parts.slice(1, -1)).toEqual([
      { type: 'reasoning-start', id: 'id-0' },
      { type: 'reasoning-delta', id: 'id-0', delta: 'Think' },
      { type: 'reasoning-delta', id: 'id-0', delta: 'ing.' },
      { type: 'reasoning-end', id: 'id-0' },
      { type: 'text-start', id: 'id-1' },
      { type: 'text-delta', id: 'id-1', delta: 'Answer' },
      { type: 'text-end', id: 'id-1' },
    ]);
  });

  it('closes a reasoning block the stream ends in', () => {
    const parts = partsFromSse([
      toSse([chunk({ delta: { reasoning_content: 'Hmm' }, finish_reason: 'length' })]),
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'finish',
    ]);
  });

  it('keeps every content filter verdict in order, once each, and names what was hit (#12 item 9)', () => {
    const safe = { hate: { filtered: false, severity: 'safe' } };
    const offsets = { check_offset: 0, start_offset: 0, end_offset: 9 };
    const parts = partsFromSse([
      toSse([
        chunk({ delta: { content: 'Hello' }, content_filter_results: safe }),
        chunk({ delta: { content: ' you' }, content_filter_results: safe }),
        chunk({ delta: {}, finish_reason: 'stop', content_filter_results: {} }),
        chunk({
          content_filter_results: { custom_blocklists: [{ filtered: true, id: 'list-1' }] },
          content_filter_offsets: offsets,
        }),
        chunk({
          content_filter_results: { violence: { filtered: true, severity: 'medium' } },
          content_filter_offsets: offsets,
        }),
        chunk({ content_filter_results: safe, content_filter_offsets: offsets }),
      ]),
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish' });
    expect(
      (parts.at(-1) as { providerMetadata?: { langdock: unknown } }).providerMetadata?.langdock,
    ).toEqual({
      contentFilterResults: [
        { results: safe },
        { results: { custom_blocklists: [{ filtered: true, id: 'list-1' }] }, offsets },
        { results: { violence: { filtered: true, severity: 'medium' } }, offsets },
        { results: safe, offsets },
      ],
      contentFilterHits: ['custom_blocklists:list-1', 'violence'],
    });
  });
});
