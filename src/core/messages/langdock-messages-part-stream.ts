import type { LangdockStreamPart } from '../langdock-call';
import { createLangdockSsePartStream } from '../stream/langdock-sse-part-stream';
import {
  LangdockMessagesStreamProcessor,
  type LangdockMessagesStreamProcessorOptions,
} from './langdock-messages-stream-processor';

/** Anthropic Messages: the SSE bytes of a message as stream parts. */
export function createLangdockMessagesPartStream<START, FINISH>({
  body,
  startPart,
  abortSignal,
  maxEventLength,
  ...processorOptions
}: Omit<LangdockMessagesStreamProcessorOptions<FINISH>, 'emit'> & {
  body: ReadableStream<Uint8Array>;
  /** The spec's `stream-start` part, with the call's warnings in its shape. */
  startPart: START;
  abortSignal?: AbortSignal;
  /** Characters one event may hold; tests lower it. */
  maxEventLength?: number;
}): ReadableStream<LangdockStreamPart | START | FINISH> {
  return createLangdockSsePartStream<LangdockStreamPart | START | FINISH>({
    body,
    startPart,
    abortSignal,
    maxEventLength,
    url: processorOptions.url,
    requestBodyValues: processorOptions.requestBodyValues,
    processor: (emit) => new LangdockMessagesStreamProcessor<FINISH>({ ...processorOptions, emit }),
  });
}
