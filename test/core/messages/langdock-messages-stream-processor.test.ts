import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { LangdockFinish } from '../../../src/core/langdock-call';
import { redactSecret } from '../../../src/core/http/langdock-redaction';
import {
  messagesParts,
  messagesPartsFromSse,
  messagesSse,
  type MessagesPart,
} from '../../helpers/messages-stream-parts';

const messageStart = (id = 'msg_1', usage: object = { input_tokens: 10, output_tokens: 1 }) => ({
  type: 'message_start',
  message: {
    id,
    type: 'message',
    role: 'assistant',
    content: [],
    model: 'claude-sonnet-4-5-20250929',
    stop_reason: null,
    stop_sequence: null,
    usage,
  },
});
const blockStart = (index: number, content_block: object) => ({
  type: 'content_block_start',
  index,
  content_block,
});
const delta = (index: number, delta: object) => ({ type: 'content_block_delta', index, delta });
const text = (index: number, value: string) => delta(index, { type: 'text_delta', text: value });
const json = (index: number, partial_json: string) =>
  delta(index, { type: 'input_json_delta', partial_json });
const blockStop = (index: number) => ({ type: 'content_block_stop', index });
const messageDelta = (
  stop_reason: string,
  usage: object = { output_tokens: 5 },
  fields: object = {},
) => ({ type: 'message_delta', delta: { stop_reason, stop_sequence: null, ...fields }, usage });
const messageStop = { type: 'message_stop' };
const ping = { type: 'ping' };

const metadata = {
  type: 'response-metadata',
  id: 'msg_1',
  modelId: 'claude-sonnet-4-5-20250929',
};

/** The finish of a message that began with `{input_tokens: 10, output_tokens: 1}` and ended with `{output_tokens: 5}`. */
function finish(reason: Partial<LangdockFinish> & Pick<LangdockFinish, 'finishReason' | 'reason'>) {
  const raw = { input_tokens: 10, output_tokens: 5 };
  return {
    type: 'finish',
    finish: {
      outcome: 'finished',
      usage: {
        inputTokens: 10,
        cacheReadTokens: undefined,
        cacheWriteTokens: undefined,
        outputTokens: 5,
        reasoningTokens: undefined,
        totalTokens: 15,
        raw,
      },
      providerMetadata: { usage: raw },
      ...reason,
    },
  };
}

const errors = (parts: MessagesPart[]) =>
  parts.filter((part) => part.type === 'error').map((part) => (part as { error: Error }).error);
const textDeltas = (parts: MessagesPart[]) =>
  parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
const lastFinish = (parts: MessagesPart[]) =>
  (parts.at(-1) as { type: 'finish'; finish: LangdockFinish }).finish;

describe('LangdockMessagesStreamProcessor', () => {
  it('streams text with metadata once, ignores pings, and finishes with end_turn and usage', () => {
    expect(
      messagesParts([
        messageStart(),
        blockStart(0, { type: 'text', text: '' }),
        ping,
        text(0, 'Hello'),
        text(0, ', wörld 🌍'),
        text(0, ''),
        blockStop(0),
        messageDelta('end_turn'),
        messageStop,
      ]),
    ).toEqual([
      metadata,
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: 'Hello' },
      { type: 'text-delta', id: 'id-0', delta: ', wörld 🌍' },
      { type: 'text-end', id: 'id-0' },
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
  });

  it('streams thinking, its signature as an empty delta carrying it, then text', () => {
    expect(
      messagesParts([
        messageStart(),
        blockStart(0, { type: 'thinking', thinking: '', signature: '' }),
        delta(0, { type: 'thinking_delta', thinking: 'Let me ' }),
        delta(0, { type: 'thinking_delta', thinking: 'think.' }),
        delta(0, { type: 'thinking_delta', thinking: '' }),
        delta(0, { type: 'signature_delta', signature: 'EqQBCgIYAhIM' }),
        blockStop(0),
        blockStart(1, { type: 'text', text: '' }),
        text(1, '42'),
        blockStop(1),
        messageDelta('end_turn'),
        messageStop,
      ]),
    ).toEqual([
      metadata,
      { type: 'reasoning-start', id: 'id-0' },
      { type: 'reasoning-delta', id: 'id-0', delta: 'Let me ' },
      { type: 'reasoning-delta', id: 'id-0', delta: 'think.' },
      {
        type: 'reasoning-delta',
        id: 'id-0',
        delta: '',
        providerMetadata: { langdock: { signature: 'EqQBCgIYAhIM' } },
      },
      { type: 'reasoning-end', id: 'id-0' },
      { type: 'text-start', id: 'id-1' },
      { type: 'text-delta', id: 'id-1', delta: '42' },
      { type: 'text-end', id: 'id-1' },
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
  });

  it('passes redacted thinking as an empty reasoning part carrying its data', () => {
    expect(
      messagesParts([
        messageStart(),
        blockStart(0, { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3p' }),
        blockStop(0),
        blockStart(1, { type: 'text', text: '' }),
        text(1, 'Done.'),
        blockStop(1),
        messageDelta('end_turn'),
        messageStop,
      ]),
    ).toEqual([
      metadata,
      {
        type: 'reasoning-start',
        id: 'id-0',
        providerMetadata: { langdock: { redactedData: 'EmwKAhgBEgy3va3p' } },
      },
      { type: 'reasoning-end', id: 'id-0' },
      { type: 'text-start', id: 'id-1' },
      { type: 'text-delta', id: 'id-1', delta: 'Done.' },
      { type: 'text-end', id: 'id-1' },
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
  });

  it('streams tool input split mid-token and mid-character, and a call without input as {}', () => {
    expect(
      messagesParts([
        messageStart(),
        blockStart(0, { type: 'text', text: '' }),
        text(0, 'Checking.'),
        blockStop(0),
        blockStart(1, { type: 'tool_use', id: 'toolu_a', name: 'weather', input: {} }),
        json(1, ''),
        json(1, '{"ci'),
        json(1, 'ty": "Mü'),
        json(1, 'nchen 🌍"}'),
        blockStop(1),
        blockStart(2, { type: 'tool_use', id: 'toolu_b', name: 'now', input: {} }),
        json(2, ''),
        blockStop(2),
        messageDelta('tool_use'),
        messageStop,
      ]),
    ).toEqual([
      metadata,
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: 'Checking.' },
      { type: 'text-end', id: 'id-0' },
      { type: 'tool-input-start', id: 'toolu_a', toolName: 'weather' },
      { type: 'tool-input-delta', id: 'toolu_a', delta: '{"ci' },
      { type: 'tool-input-delta', id: 'toolu_a', delta: 'ty": "Mü' },
      { type: 'tool-input-delta', id: 'toolu_a', delta: 'nchen 🌍"}' },
      { type: 'tool-input-end', id: 'toolu_a' },
      {
        type: 'tool-call',
        toolCallId: 'toolu_a',
        toolName: 'weather',
        input: '{"city": "München 🌍"}',
      },
      { type: 'tool-input-start', id: 'toolu_b', toolName: 'now' },
      { type: 'tool-input-end', id: 'toolu_b' },
      { type: 'tool-call', toolCallId: 'toolu_b', toolName: 'now', input: '{}' },
      finish({ finishReason: 'tool_use', reason: 'tool-calls' }),
    ]);
  });

  it('takes input a tool_use block starts with', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'tool_use', id: 'toolu_p', name: 'sum', input: { a: 1, b: 2 } }),
      blockStop(0),
      messageDelta('tool_use'),
    ]);
    expect(parts.slice(1, -1)).toEqual([
      { type: 'tool-input-start', id: 'toolu_p', toolName: 'sum' },
      { type: 'tool-input-delta', id: 'toolu_p', delta: '{"a":1,"b":2}' },
      { type: 'tool-input-end', id: 'toolu_p' },
      { type: 'tool-call', toolCallId: 'toolu_p', toolName: 'sum', input: '{"a":1,"b":2}' },
    ]);
  });

  it("JSON mode: the forced tool's input is the text answer, text beside it is left out (its sources too), and tool_use is a stop", () => {
    expect(
      messagesParts(
        [
          messageStart(),
          blockStart(0, { type: 'text', text: '' }),
          text(0, "I'll invoke the JSON response tool."),
          delta(0, {
            type: 'citations_delta',
            citation: { type: 'web_search_result_location', url: 'https://left.out', title: 'L' },
          }),
          blockStop(0),
          blockStart(1, { type: 'tool_use', id: 'toolu_j', name: 'json', input: {} }),
          json(1, ''),
          json(1, '{"elements": [{"loc'),
          json(1, 'ation": "SF"}]}'),
          blockStop(1),
          messageDelta('tool_use'),
          messageStop,
        ],
        { jsonToolName: 'json' },
      ),
    ).toEqual([
      metadata,
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: '{"elements": [{"loc' },
      { type: 'text-delta', id: 'id-0', delta: 'ation": "SF"}]}' },
      { type: 'text-end', id: 'id-0' },
      finish({ finishReason: 'tool_use', reason: 'stop' }),
    ]);
  });

  it('JSON mode: another tool the model calls instead stays a tool call, and tool_use stays tool-calls', () => {
    const parts = messagesParts(
      [
        messageStart(),
        blockStart(0, { type: 'tool_use', id: 'toolu_w', name: 'weather', input: {} }),
        json(0, '{"location": "SF"}'),
        blockStop(0),
        messageDelta('tool_use'),
        messageStop,
      ],
      { jsonToolName: 'json' },
    );
    expect(parts.slice(1)).toEqual([
      { type: 'tool-input-start', id: 'toolu_w', toolName: 'weather' },
      { type: 'tool-input-delta', id: 'toolu_w', delta: '{"location": "SF"}' },
      { type: 'tool-input-end', id: 'toolu_w' },
      {
        type: 'tool-call',
        toolCallId: 'toolu_w',
        toolName: 'weather',
        input: '{"location": "SF"}',
      },
      finish({ finishReason: 'tool_use', reason: 'tool-calls' }),
    ]);
  });

  it('JSON mode: with both the JSON tool and another tool called, tool_use stays tool-calls', () => {
    const parts = messagesParts(
      [
        messageStart(),
        blockStart(0, { type: 'tool_use', id: 'toolu_w', name: 'weather', input: {} }),
        blockStop(0),
        blockStart(1, { type: 'tool_use', id: 'toolu_j', name: 'json', input: {} }),
        json(1, '{}'),
        blockStop(1),
        messageDelta('tool_use'),
      ],
      { jsonToolName: 'json' },
    );
    expect(lastFinish(parts).reason).toBe('tool-calls');
  });

  it('makes one source per cited page or document, however often it is cited', () => {
    const webCitation = (url: string, cited_text: string) =>
      delta(1, {
        type: 'citations_delta',
        citation: {
          type: 'web_search_result_location',
          cited_text,
          url,
          title: `Title of ${url}`,
          encrypted_index: 'Eo8B',
        },
      });
    const parts = messagesParts(
      [
        messageStart(),
        blockStart(0, { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }),
        json(0, '{"query": "news"}'),
        blockStop(0),
        blockStart(1, { type: 'text', text: '', citations: [] }),
        webCitation('https://a.example/1', 'first'),
        webCitation('https://a.example/1', 'second passage of the same page'),
        webCitation('https://b.example/2', 'other'),
        text(1, 'Cited.'),
        delta(1, {
          type: 'citations_delta',
          citation: {
            type: 'page_location',
            cited_text: 'p',
            document_index: 0,
            document_title: null,
            start_page_number: 1,
            end_page_number: 2,
          },
        }),
        delta(1, {
          type: 'citations_delta',
          citation: {
            type: 'char_location',
            cited_text: 'c',
            document_index: 1,
            document_title: 'Notes',
            start_char_index: 0,
            end_char_index: 5,
          },
        }),
        delta(1, {
          type: 'citations_delta',
          citation: {
            type: 'page_location',
            cited_text: 'again',
            document_index: 0,
            document_title: null,
            start_page_number: 3,
            end_page_number: 4,
          },
        }),
        delta(1, {
          type: 'citations_delta',
          citation: { type: 'search_result_location', source: 'x', cited_text: 'y' },
        }),
        blockStop(1),
        messageDelta('end_turn'),
        messageStop,
      ],
      { citationDocuments: [{ title: 'Report', filename: 'report.pdf' }] },
    );
    expect(parts).toEqual([
      metadata,
      { type: 'text-start', id: 'id-0' },
      {
        type: 'source',
        sourceType: 'url',
        id: 'id-1',
        url: 'https://a.example/1',
        title: 'Title of https://a.example/1',
      },
      {
        type: 'source',
        sourceType: 'url',
        id: 'id-2',
        url: 'https://b.example/2',
        title: 'Title of https://b.example/2',
      },
      { type: 'text-delta', id: 'id-0', delta: 'Cited.' },
      {
        type: 'source',
        sourceType: 'document',
        id: 'id-3',
        mediaType: 'application/pdf',
        title: 'Report',
        filename: 'report.pdf',
        providerMetadata: { langdock: { documentIndex: 0 } },
      },
      {
        type: 'source',
        sourceType: 'document',
        id: 'id-4',
        mediaType: 'text/plain',
        title: 'Notes',
        providerMetadata: { langdock: { documentIndex: 1 } },
      },
      { type: 'text-end', id: 'id-0' },
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
  });

  it('names a cited document by its position when neither the citation nor the caller gives a title', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'text', text: '' }),
      delta(0, {
        type: 'citations_delta',
        citation: { type: 'content_block_location', document_index: 2, document_title: null },
      }),
      blockStop(0),
      messageDelta('end_turn'),
    ]);
    expect(parts.filter((part) => part.type === 'source')).toEqual([
      {
        type: 'source',
        sourceType: 'document',
        id: 'id-1',
        mediaType: 'text/plain',
        title: 'Document 3',
        providerMetadata: { langdock: { documentIndex: 2 } },
      },
    ]);
  });

  it('leaves server tool blocks (Langdock runs no server tools) to raw chunks: no tool call, no crash', () => {
    const events = [
      messageStart(),
      blockStart(0, { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }),
      json(0, '{"query": "tech news"}'),
      blockStop(0),
      blockStart(1, {
        type: 'web_search_tool_result',
        tool_use_id: 'srvtoolu_1',
        content: [{ type: 'web_search_result', url: 'https://a.example', title: 'A' }],
      }),
      blockStop(1),
      messageDelta('end_turn', {
        output_tokens: 5,
        server_tool_use: { web_search_requests: 1 },
      }),
      messageStop,
    ];
    expect(messagesParts(events).map((part) => part.type)).toEqual(['response-metadata', 'finish']);
    const raw = messagesParts(events, { includeRawChunks: true }).filter(
      (part) => part.type === 'raw',
    );
    expect(raw.map((part) => part.rawValue)).toEqual(events);
  });

  it('ignores event types it does not know, yet passes them on as raw chunks', () => {
    const unknown = { type: 'content_block_heartbeat', index: 0, whatever: [1, 2] };
    const events = [messageStart(), unknown, ping, messageDelta('end_turn'), messageStop];
    expect(messagesParts(events)).toEqual([
      metadata,
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
    expect(messagesParts(events, { includeRawChunks: true })).toEqual([
      { type: 'raw', rawValue: events[0] },
      metadata,
      { type: 'raw', rawValue: unknown },
      { type: 'raw', rawValue: ping },
      { type: 'raw', rawValue: events[3] },
      { type: 'raw', rawValue: messageStop },
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
  });

  it('skips an OpenAI-style [DONE] a gateway may append', () => {
    expect(
      messagesParts([messageStart(), messageDelta('end_turn'), messageStop, '[DONE]'], {
        includeRawChunks: true,
      }).map((part) => part.type),
    ).toEqual(['raw', 'response-metadata', 'raw', 'raw', 'finish']);
  });

  it('merges message_delta usage into message_start usage and keeps the whole object as raw', () => {
    const parts = messagesParts([
      messageStart('msg_1', {
        input_tokens: 43,
        cache_creation_input_tokens: 100,
        cache_read_input_tokens: 0,
        output_tokens: 1,
        service_tier: 'standard',
      }),
      blockStart(0, { type: 'text', text: '' }),
      text(0, 'pong'),
      blockStop(0),
      messageDelta(
        'stop_sequence',
        {
          input_tokens: 61,
          cache_read_input_tokens: 2000,
          output_tokens: 2,
          cost: { amount: 0.00042, currency: 'EUR' },
        },
        { stop_sequence: 'END' },
      ),
      messageStop,
    ]);
    const raw = {
      input_tokens: 61,
      cache_creation_input_tokens: 100,
      cache_read_input_tokens: 2000,
      output_tokens: 2,
      service_tier: 'standard',
      cost: { amount: 0.00042, currency: 'EUR' },
    };
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finish: {
        outcome: 'finished',
        finishReason: 'stop_sequence',
        reason: 'stop',
        usage: {
          inputTokens: 2161,
          cacheReadTokens: 2000,
          cacheWriteTokens: 100,
          outputTokens: 2,
          reasoningTokens: undefined,
          totalTokens: 2163,
          raw,
        },
        providerMetadata: { usage: raw, cacheCreationInputTokens: 100, stopSequence: 'END' },
      },
    });
  });

  it('maps a refusal to content-filter and keeps why in stopDetails', () => {
    const stopDetails = { type: 'refusal', category: 'cyber', explanation: 'Blocked.' };
    const parts = messagesParts([
      messageStart(),
      ping,
      messageDelta('refusal', { output_tokens: 5 }, { stop_details: stopDetails }),
      messageStop,
    ]);
    expect(parts).toEqual([
      metadata,
      {
        type: 'finish',
        finish: {
          ...finish({ finishReason: 'refusal', reason: 'content-filter' }).finish,
          providerMetadata: { usage: { input_tokens: 10, output_tokens: 5 }, stopDetails },
        },
      },
    ]);
  });

  it('reports an error event as a retryable APICallError for overloaded_error, and the answer as failed', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'text', text: '' }),
      text(0, 'Hal'),
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'text-start',
      'text-delta',
      'error',
      'text-end',
      'finish',
    ]);
    const [error] = errors(parts) as [APICallError];
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'Langdock reported an error mid-stream: Overloaded (overloaded_error)',
    );
    expect(error.isRetryable).toBe(true);
    expect(error.url).toBe('http://test/v1/messages');
    expect(error.data).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(lastFinish(parts)).toMatchObject({
      outcome: 'failed',
      finishReason: undefined,
      reason: undefined,
    });
  });

  it.each([
    ['api_error', true],
    ['rate_limit_error', true],
    ['invalid_request_error', false],
    ['permission_error', false],
    ['some_new_error', false],
  ])('an error event of type %s is retryable: %s', (type, retryable) => {
    const parts = messagesParts([messageStart(), { type: 'error', error: { type, message: 'm' } }]);
    expect((errors(parts)[0] as APICallError).isRetryable).toBe(retryable);
  });

  it("reads Langdock's own {message} error without a type mid-stream", () => {
    const parts = messagesParts([messageStart(), { message: 'Workspace spending limit reached' }]);
    expect(errors(parts).map((error) => error.message)).toEqual([
      'Langdock reported an error mid-stream: Workspace spending limit reached',
    ]);
    expect(lastFinish(parts).outcome).toBe('failed');
  });

  it('ignores a repeated message_start of the open message: one metadata part, state kept', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'text', text: '' }),
      text(0, 'Hello, '),
      messageStart('msg_1', { input_tokens: 999, output_tokens: 1 }),
      text(0, 'World!'),
      blockStop(0),
      messageDelta('end_turn'),
      messageStop,
    ]);
    expect(parts).toEqual([
      metadata,
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: 'Hello, ' },
      { type: 'text-delta', id: 'id-0', delta: 'World!' },
      { type: 'text-end', id: 'id-0' },
      finish({ finishReason: 'end_turn', reason: 'stop' }),
    ]);
  });

  it('fails on a second message starting inside the first, reads nothing after it, and drops the open call', () => {
    const parts = messagesParts([
      messageStart('msg_first'),
      blockStart(0, { type: 'tool_use', id: 'toolu_first', name: 't', input: {} }),
      json(0, '{"value":"Spark'),
      messageStart('msg_second'),
      blockStart(0, { type: 'tool_use', id: 'toolu_second', name: 't', input: {} }),
      json(0, '{"value":"Sparkle Day"}'),
      blockStop(0),
      messageDelta('tool_use'),
      messageStop,
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'error',
      'error',
      'finish',
    ]);
    const [spliced, dropped] = errors(parts);
    expect(InvalidResponseDataError.isInstance(spliced)).toBe(true);
    expect(spliced!.message).toBe(
      'The Langdock stream started message "msg_second" inside message "msg_first"; the rest of the stream was not read.',
    );
    expect(dropped!.message).toBe(
      'The Langdock stream ended before tool call toolu_first (t) was complete; it was not passed on.',
    );
    expect(lastFinish(parts)).toMatchObject({ outcome: 'failed', finishReason: undefined });
  });

  describe('a stream that ends before the message does', () => {
    const cut = [
      messageStart(),
      blockStart(0, { type: 'text', text: '' }),
      text(0, 'Half an ans'),
      blockStart(1, { type: 'tool_use', id: 'toolu_x', name: 'lookup', input: {} }),
      json(1, '{"q": "ha'),
    ];

    it('is interrupted (V4): open blocks closed, the open tool call not passed on', () => {
      const parts = messagesParts(cut, { reportsInterruption: true });
      expect(parts.slice(0, -1)).toEqual([
        metadata,
        { type: 'text-start', id: 'id-0' },
        { type: 'text-delta', id: 'id-0', delta: 'Half an ans' },
        { type: 'tool-input-start', id: 'toolu_x', toolName: 'lookup' },
        { type: 'tool-input-delta', id: 'toolu_x', delta: '{"q": "ha' },
        { type: 'text-end', id: 'id-0' },
        {
          type: 'error',
          error: expect.objectContaining({
            message:
              'The Langdock stream ended before tool call toolu_x (lookup) was complete; it was not passed on.',
          }),
        },
      ]);
      expect(lastFinish(parts)).toEqual({
        outcome: 'interrupted',
        finishReason: undefined,
        reason: undefined,
        usage: {
          inputTokens: 10,
          cacheReadTokens: undefined,
          cacheWriteTokens: undefined,
          outputTokens: 1,
          reasoningTokens: undefined,
          totalTokens: 11,
          raw: { input_tokens: 10, output_tokens: 1 },
        },
        providerMetadata: { usage: { input_tokens: 10, output_tokens: 1 } },
      });
    });

    it('says so in an error part where the spec has no interrupted reason (V2, V3)', () => {
      const parts = messagesParts(cut.slice(0, 3), { reportsInterruption: false });
      expect(parts.slice(-3).map((part) => part.type)).toEqual(['text-end', 'error', 'finish']);
      expect(errors(parts)[0]!.message).toBe(
        'The Langdock stream ended before the message did (no message_delta or message_stop): the answer may be truncated.',
      );
      expect(lastFinish(parts).outcome).toBe('interrupted');
    });

    it('is finished when message_delta came, even without message_stop', () => {
      const parts = messagesParts([...cut.slice(0, 3), blockStop(0), messageDelta('end_turn')]);
      expect(errors(parts)).toEqual([]);
      expect(lastFinish(parts)).toMatchObject({ outcome: 'finished', reason: 'stop' });
    });
  });

  it('does not pass on a tool call the token limit cut off, and says why', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'tool_use', id: 'toolu_c', name: 'write', input: {} }),
      json(0, '{"text": "a long ess'),
      blockStop(0),
      messageDelta('max_tokens'),
      messageStop,
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'error',
      'finish',
    ]);
    expect(errors(parts)[0]!.message).toBe(
      'Tool call toolu_c (write) was cut off by the output token limit (stop_reason max_tokens): its input is incomplete, so it was not passed on. Raise maxOutputTokens.',
    );
    // A notice about a complete-as-far-as-it-goes answer, not a failure.
    expect(lastFinish(parts)).toMatchObject({ outcome: 'finished', reason: 'length' });
  });

  it('passes on, as it came, tool input that does not parse when no token limit explains it', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'tool_use', id: 'toolu_d', name: 'n', input: {} }),
      json(0, '{"a": tru'),
      blockStop(0),
      messageDelta('tool_use'),
    ]);
    expect(parts.filter((part) => part.type.startsWith('tool'))).toEqual([
      { type: 'tool-input-start', id: 'toolu_d', toolName: 'n' },
      { type: 'tool-input-delta', id: 'toolu_d', delta: '{"a": tru' },
      { type: 'tool-input-end', id: 'toolu_d' },
      { type: 'tool-call', toolCallId: 'toolu_d', toolName: 'n', input: '{"a": tru' },
    ]);
  });

  it('turns an invalid event into an error part and goes on; a call it may have broken is not passed on', () => {
    const parts = messagesParts([
      messageStart(),
      blockStart(0, { type: 'text', text: '' }),
      text(0, 'ok'),
      delta(0, { type: 'text_delta', text: 5 }),
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_del',
      { type: 'content_block_stop' },
      { index: 3 },
      text(0, ' still'),
      blockStop(0),
      blockStart(1, { type: 'tool_use', id: 'toolu_e', name: 'n', input: {} }),
      json(1, '{"a":'),
      delta(1, { type: 'input_json_delta', partial_json: null }),
      json(1, '1}'),
      blockStop(1),
      messageDelta('tool_use'),
      messageStop,
    ]);
    const found = errors(parts);
    expect(found.map((error) => error.constructor)).toEqual([
      TypeValidationError,
      JSONParseError,
      TypeValidationError,
      TypeValidationError,
      TypeValidationError,
      InvalidResponseDataError,
    ]);
    expect(found.map((error) => (error.cause as Error | undefined)?.message)).toEqual([
      'event.delta.text must be a string',
      expect.any(String),
      'event.index must be a non-negative integer',
      'event.type must be a string',
      'event.delta.partial_json must be a string',
      undefined,
    ]);
    expect(found[5]!.message).toBe(
      'Tool call toolu_e (n) was not passed on: the stream broke while it streamed, so its input may be incomplete.',
    );
    expect(textDeltas(parts)).toEqual(['ok', ' still']);
    expect(parts.some((part) => part.type === 'tool-call')).toBe(false);
    expect(lastFinish(parts)).toMatchObject({ outcome: 'failed', finishReason: 'tool_use' });
  });

  it('redacts the key from error events, invalid events and raw chunks', () => {
    const key = 'sk-ld-secret-0123456789';
    const redact = (value: string) => redactSecret(value, key);
    const parts = messagesParts(
      [
        messageStart(),
        { type: 'error', error: { type: 'authentication_error', message: `Bad key ${key}` } },
        delta(0, { type: 'text_delta', text: 7, echo: key }),
        `{"type":"ping","broken":"${key}`,
        { type: 'message_start', message: { id: `msg_${key}`, model: 'm' } },
      ],
      { redact, includeRawChunks: true },
    );
    const text = JSON.stringify(
      parts.map((part) =>
        part.type === 'error'
          ? {
              message: (part.error as Error).message,
              data: (part.error as { data?: unknown }).data,
              value: (part.error as { value?: unknown }).value,
              text: (part.error as { text?: unknown }).text,
              body: (part.error as { responseBody?: unknown }).responseBody,
              cause: ((part.error as Error).cause as Error | undefined)?.message,
            }
          : part,
      ),
    );
    expect(text).not.toContain(key);
    expect(errors(parts).map((error) => error.message)).toEqual([
      'Langdock reported an error mid-stream: Bad key [redacted] (authentication_error)',
      expect.stringContaining('Type validation failed'),
      expect.stringContaining('JSON parsing failed'),
      'The Langdock stream started message "msg_[redacted]" inside message "msg_1"; the rest of the stream was not read.',
    ]);
  });

  it('counts the output it streamed when asked, for the rate limiter', () => {
    const parts = messagesParts(
      [
        messageStart(),
        blockStart(0, { type: 'thinking', thinking: '' }),
        delta(0, { type: 'thinking_delta', thinking: 'abcdefgh' }),
        blockStop(0),
        blockStart(1, { type: 'text', text: '' }),
        text(1, 'abcd'),
        blockStop(1),
        blockStart(2, { type: 'tool_use', id: 't', name: 'n', input: {} }),
        json(2, '{"a":1}'),
      ],
      { countOutputTokens: true },
    );
    // 8 + 4 + 7 ASCII characters: 2 + 1 + 2 tokens.
    expect(lastFinish(parts).outputTokens).toBe(5);
  });

  it('reads events framed with CRLF and split at every byte', () => {
    const sse = messagesSse(
      [
        messageStart(),
        blockStart(0, { type: 'text', text: '' }),
        text(0, 'Grüße 🌍'),
        blockStop(0),
        messageDelta('end_turn'),
        messageStop,
      ],
      '\r\n',
    );
    const bytes = new TextEncoder().encode(sse);
    const whole = messagesPartsFromSse([bytes]);
    expect(whole.filter((part) => part.type === 'text-delta')).toEqual([
      { type: 'text-delta', id: 'id-0', delta: 'Grüße 🌍' },
    ]);
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(messagesPartsFromSse([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
  });
});
