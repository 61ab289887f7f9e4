import type { LangdockStreamPart } from '../langdock-call';
import {
  createLangdockSsePartStream,
  type LangdockPartStreamOptions,
} from '../stream/langdock-sse-part-stream';
import { LangdockChatStreamProcessor } from './langdock-chat-stream-processor';

/** Chat completions: the SSE bytes of a completion as stream parts. */
export function createLangdockChatPartStream<START, FINISH>({
  body,
  startPart,
  abortSignal,
  maxEventLength,
  ...processorOptions
}: Omit<LangdockPartStreamOptions<FINISH>, 'emit'> & {
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
    processor: (emit) => new LangdockChatStreamProcessor<FINISH>({ ...processorOptions, emit }),
  });
}
