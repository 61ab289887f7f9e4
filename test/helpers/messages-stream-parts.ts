import type { LangdockFinish, LangdockStreamPart } from '../../src/core/langdock-call';
import { SseDecoder } from '../../src/core/stream/langdock-sse-decoder';
import {
  LangdockMessagesStreamProcessor,
  type LangdockMessagesStreamProcessorOptions,
} from '../../src/core/messages/langdock-messages-stream-processor';
import { counterIds } from './stream-parts';

/** The core's own finish, unmapped: tests of the Messages processor assert on what every spec maps from. */
export type CoreFinishPart = { type: 'finish'; finish: LangdockFinish };
export type MessagesPart = LangdockStreamPart | CoreFinishPart;

export type MessagesProcessorTestOptions = Partial<
  Omit<LangdockMessagesStreamProcessorOptions<CoreFinishPart>, 'emit' | 'finishPart'>
>;

/** Each event as Anthropic frames it: an `event:` line naming its type, then its `data:` (text events: `data:` only). */
export function messagesSse(events: Array<string | object>, lineEnd = '\n'): string {
  return events
    .map((event) => {
      const data = typeof event === 'string' ? event : JSON.stringify(event);
      const name = typeof event === 'string' ? undefined : (event as { type?: unknown }).type;
      return `${name ? `event: ${name}${lineEnd}` : ''}data: ${data}${lineEnd}${lineEnd}`;
    })
    .join('');
}

/** Runs SSE bytes through the decoder and the Messages processor the way the model does, and collects the parts. */
export function messagesPartsFromSse(
  pieces: Array<string | Uint8Array>,
  options: MessagesProcessorTestOptions = {},
): MessagesPart[] {
  const parts: MessagesPart[] = [];
  const processor = new LangdockMessagesStreamProcessor<CoreFinishPart>({
    emit: (part) => parts.push(part),
    finishPart: (finish) => ({ type: 'finish', finish }),
    generateId: counterIds(),
    url: 'http://test/v1/messages',
    requestBodyValues: {},
    ...options,
  });
  const decoder = new SseDecoder((data) => processor.push(data));
  const encoder = new TextEncoder();
  for (const piece of pieces)
    decoder.push(typeof piece === 'string' ? encoder.encode(piece) : piece);
  decoder.end();
  processor.finish();
  return parts;
}

/** Events (objects, or `data` text) straight through the processor. */
export function messagesParts(
  events: Array<string | object>,
  options: MessagesProcessorTestOptions = {},
): MessagesPart[] {
  return messagesPartsFromSse([messagesSse(events)], options);
}
