import { APICallError, type LanguageModelV2StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { v2StreamSpec } from '../../../src/v2/langdock-v2-mapping';
import { createLangdockChatPartStream } from '../../../src/core/chat/langdock-chat-part-stream';
import { counterIds } from '../../helpers/stream-parts';

const encoder = new TextEncoder();
const event = (delta: object, finish_reason: string | null = null) =>
  encoder.encode(
    `data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta, finish_reason }] })}\n\n`,
  );

/** A body that sends `chunks`, then either stays open forever, ends, or fails with `error`. */
function body(chunks: Uint8Array[], then: 'hang' | 'end' | { error: Error }) {
  let cancelled: unknown = 'not cancelled';
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    // One chunk per pull, so a failure comes after the chunks were read, as on a real socket.
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

const v2Spec = {
  ...v2StreamSpec(undefined),
  startPart: { type: 'stream-start' as const, warnings: [] },
};

function partStream(stream: ReadableStream<Uint8Array>, abortSignal?: AbortSignal) {
  return createLangdockChatPartStream({
    ...v2Spec,
    body: stream,
    abortSignal,
    generateId: counterIds(),
    url: 'http://test',
    requestBodyValues: { model: 'm' },
  });
}

async function drain(stream: ReadableStream<LanguageModelV2StreamPart>) {
  const parts: LanguageModelV2StreamPart[] = [];
  const reader = stream.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read())
      parts.push(next.value);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

describe('createLangdockChatPartStream', () => {
  it('turns a body that fails mid-stream into an error part and a finish part', async () => {
    const failure = new TypeError('terminated', { cause: new Error('other side closed') });
    const { parts, error } = await drain(
      partStream(body([event({ content: 'Hel' })], { error: failure }).stream),
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
    expect(APICallError.isInstance(lost)).toBe(true);
    expect(lost.message).toBe(
      'The connection to Langdock was lost mid-stream (terminated: other side closed); the answer is incomplete.',
    );
    expect(lost.isRetryable).toBe(true);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
  });

  it('ends as an abort when the caller aborts, even if the body ignores the signal', async () => {
    const source = body([event({ content: 'Hel' })], 'hang');
    const controller = new AbortController();
    const parts = partStream(source.stream, controller.signal);
    const reader = parts.getReader();
    expect((await reader.read()).value).toMatchObject({ type: 'stream-start' });
    setTimeout(() => controller.abort(new DOMException('stopped by the user', 'AbortError')), 10);
    const error = await (async () => {
      for (;;) {
        const next = await reader.read();
        if (next.done) return undefined;
      }
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AbortError', message: 'stopped by the user' });
    expect(source.cancelled()).toMatchObject({ name: 'AbortError' });
  });

  it('ends at once as an abort when the signal was aborted before the stream began', async () => {
    const source = body([event({ content: 'a' }), event({}, 'stop')], 'end');
    const controller = new AbortController();
    controller.abort(new DOMException('pressed stop early', 'AbortError'));
    const { parts, error } = await drain(partStream(source.stream, controller.signal));
    expect(error).toMatchObject({ name: 'AbortError', message: 'pressed stop early' });
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([]);
  });

  it('reports a fault while processing as it is, not as a lost connection', async () => {
    const huge = encoder.encode(`data: "${'x'.repeat(64)}`);
    const stream = createLangdockChatPartStream({
      ...v2Spec,
      body: body([huge], 'hang').stream,
      generateId: counterIds(),
      url: 'http://test',
      requestBodyValues: {},
      maxEventLength: 32,
    });
    const { parts } = await drain(stream);
    const errors = parts
      .filter((part) => part.type === 'error')
      .map((part) => (part as { error: Error }).error.message);
    expect(errors).toEqual([
      expect.stringContaining('A Langdock stream event is larger than 32 characters'),
    ]);
  });

  it('cancels the body when the consumer cancels, without errors', async () => {
    const source = body([event({ content: 'a' })], 'hang');
    const parts = partStream(source.stream);
    const reader = parts.getReader();
    await reader.read();
    await reader.cancel('enough');
    expect(source.cancelled()).toBe('enough');
  });

  it('stops on an event larger than the bound with an error part', async () => {
    // 50 MiB of one open line, sent in 1 MiB reads.
    const piece = encoder.encode('x'.repeat(1024 * 1024));
    const chunks = [encoder.encode('data: "'), ...Array.from({ length: 51 }, () => piece)];
    const source = body(chunks, 'hang');
    const { parts, error } = await drain(partStream(source.stream));
    expect(error).toBeUndefined();
    expect(
      (parts.find((part) => part.type === 'error') as { error: Error }).error.message,
    ).toContain('A Langdock stream event is larger than');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
    expect(source.cancelled()).toBeUndefined();
  });
});
