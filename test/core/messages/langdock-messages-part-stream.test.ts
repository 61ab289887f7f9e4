import { type APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { LangdockFinish, LangdockStreamPart } from '../../../src/core/langdock-call';
import { createLangdockMessagesPartStream } from '../../../src/core/messages/langdock-messages-part-stream';
import { messagesSse } from '../../helpers/messages-stream-parts';
import { counterIds } from '../../helpers/stream-parts';

const encoder = new TextEncoder();
const start = {
  type: 'message_start',
  message: { id: 'msg_1', model: 'claude-haiku-4-5', usage: { input_tokens: 3, output_tokens: 1 } },
};
const sse = (...events: object[]) => encoder.encode(messagesSse(events));

/** A body that sends `chunks`, then either stays open forever, ends, or fails with `error`. */
function body(chunks: Uint8Array[], then: 'hang' | 'end' | { error: Error }) {
  let cancelled: unknown = 'not cancelled';
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent < chunks.length) controller.enqueue(chunks[sent++]!);
      else if (then === 'end') controller.close();
      else if (then !== 'hang') controller.error(then.error);
      else return new Promise(() => {});
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  return { stream, cancelled: () => cancelled };
}

type Part =
  LangdockStreamPart | { type: 'stream-start' } | { type: 'finish'; finish: LangdockFinish };

function partStream(
  stream: ReadableStream<Uint8Array>,
  options: { abortSignal?: AbortSignal; jsonToolName?: string } = {},
) {
  return createLangdockMessagesPartStream<{ type: 'stream-start' }, Part>({
    body: stream,
    startPart: { type: 'stream-start' },
    finishPart: (finish) => ({ type: 'finish', finish }),
    reportsInterruption: true,
    generateId: counterIds(),
    url: 'http://test/v1/messages',
    requestBodyValues: { model: 'claude-haiku-4-5' },
    ...options,
  });
}

async function drain(stream: ReadableStream<Part>) {
  const parts: Part[] = [];
  const reader = stream.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read())
      parts.push(next.value);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

describe('createLangdockMessagesPartStream', () => {
  it('wires the processor: start part, parts, and the JSON tool as text', async () => {
    const { parts, error } = await drain(
      partStream(
        body(
          [
            sse(start, {
              type: 'content_block_start',
              index: 0,
              content_block: { type: 'tool_use', id: 'toolu_1', name: 'json', input: {} },
            }),
            sse(
              {
                type: 'content_block_delta',
                index: 0,
                delta: { type: 'input_json_delta', partial_json: '{"a":1}' },
              },
              { type: 'content_block_stop', index: 0 },
              {
                type: 'message_delta',
                delta: { stop_reason: 'tool_use' },
                usage: { output_tokens: 9 },
              },
              { type: 'message_stop' },
            ),
          ],
          'end',
        ).stream,
        { jsonToolName: 'json' },
      ),
    );
    expect(error).toBeUndefined();
    expect(parts.slice(0, -1)).toEqual([
      { type: 'stream-start' },
      { type: 'response-metadata', id: 'msg_1', modelId: 'claude-haiku-4-5' },
      { type: 'text-start', id: 'id-0' },
      { type: 'text-delta', id: 'id-0', delta: '{"a":1}' },
      { type: 'text-end', id: 'id-0' },
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finish: { outcome: 'finished', finishReason: 'tool_use', reason: 'stop' },
    });
  });

  it('turns a body that fails mid-message into an error part and an interrupted finish', async () => {
    const failure = new TypeError('terminated', { cause: new Error('other side closed') });
    const { parts, error } = await drain(
      partStream(
        body(
          [
            sse(
              start,
              { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
              {
                type: 'content_block_delta',
                index: 0,
                delta: { type: 'text_delta', text: 'Hel' },
              },
            ),
          ],
          { error: failure },
        ).stream,
      ),
    );
    expect(error).toBeUndefined();
    expect(parts.map((part) => part.type)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'error',
      'text-end',
      'finish',
    ]);
    const lost = (parts[4] as { error: APICallError }).error;
    expect(lost.message).toBe(
      'The connection to Langdock was lost mid-stream (terminated: other side closed); the answer is incomplete.',
    );
    expect(lost.isRetryable).toBe(true);
    expect(parts.at(-1)).toMatchObject({ finish: { outcome: 'interrupted' } });
  });

  it('fails, not interrupts, when the connection breaks after message_delta', async () => {
    const { parts } = await drain(
      partStream(
        body([sse(start, { type: 'message_delta', delta: { stop_reason: 'end_turn' } })], {
          error: new TypeError('terminated'),
        }).stream,
      ),
    );
    expect(parts.at(-1)).toMatchObject({
      finish: { outcome: 'failed', finishReason: 'end_turn', reason: 'stop' },
    });
  });

  it('ends as an abort when the caller aborts, even if the body ignores the signal', async () => {
    const source = body([sse(start)], 'hang');
    const controller = new AbortController();
    const reader = partStream(source.stream, { abortSignal: controller.signal }).getReader();
    expect((await reader.read()).value).toEqual({ type: 'stream-start' });
    setTimeout(() => controller.abort(new DOMException('stopped by the user', 'AbortError')), 10);
    const error = await (async () => {
      for (;;) if ((await reader.read()).done) return undefined;
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AbortError', message: 'stopped by the user' });
    expect(source.cancelled()).toMatchObject({ name: 'AbortError' });
  });
});
