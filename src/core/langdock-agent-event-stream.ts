import { isAbortError } from '@ai-sdk/provider-utils';
import type { LangdockAgentStreamPart } from './langdock-agent-parts';
import { LangdockAgentStreamProcessor, type LangdockAgentStreamProcessorOptions } from './langdock-agent-stream-processor';
import { langdockStreamInterruptedError } from './langdock-error';
import { SseDecoder } from './langdock-sse-decoder';

// No real chunk comes near this; an event that does is a fault, and holding it would exhaust memory.
const MAX_EVENT_CHARACTERS = 50 * 1024 * 1024;

/**
 * The agent's response body (SSE bytes) as stream parts, pulled as the consumer reads. It is the chat stream's
 * twin (langdock-event-stream.ts) with the agent's processor, kept apart so the chat path's decoder and
 * processor calls stay monomorphic. The caller's abort ends it as an abort; any other break ends it with an
 * error part and a finish part, never a throw.
 */
export function createLangdockAgentPartStream<START, FINISH, FILE>({
  body,
  startPart,
  abortSignal,
  maxEventLength = MAX_EVENT_CHARACTERS,
  ...processorOptions
}: Omit<LangdockAgentStreamProcessorOptions<FINISH, FILE>, 'emit'> & {
  body: ReadableStream<Uint8Array>;
  startPart: START;
  abortSignal?: AbortSignal;
  maxEventLength?: number;
}): ReadableStream<LangdockAgentStreamPart | START | FINISH | FILE> {
  type Part = LangdockAgentStreamPart | START | FINISH | FILE;
  const bytes = body.getReader();
  let decoder: SseDecoder;
  let processor: LangdockAgentStreamProcessor<FINISH, FILE>;
  let ended = false;
  let onAbort: (() => void) | undefined;
  const end = () => {
    ended = true;
    if (onAbort) abortSignal?.removeEventListener('abort', onAbort);
  };
  const stop = (controller: ReadableStreamDefaultController<Part>, error: unknown) => {
    bytes.cancel().catch(() => {});
    processor.interrupt(error);
    end();
    controller.close();
  };

  return new ReadableStream<Part>({
    start(controller) {
      processor = new LangdockAgentStreamProcessor<FINISH, FILE>({ ...processorOptions, emit: (part) => controller.enqueue(part) });
      decoder = new SseDecoder((data) => processor.push(data), maxEventLength);
      controller.enqueue(startPart);
      if (abortSignal) {
        onAbort = () => {
          if (ended) return;
          end();
          controller.error(abortSignal.reason);
          bytes.cancel(abortSignal.reason).catch(() => {});
        };
        if (abortSignal.aborted) onAbort();
        else abortSignal.addEventListener('abort', onAbort, { once: true });
      }
    },
    async pull(controller) {
      do {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await bytes.read();
        } catch (error) {
          if (ended) return;
          if (isAbortError(error) || abortSignal?.aborted) {
            end();
            throw error;
          }
          return stop(controller, langdockStreamInterruptedError({ cause: error, url: processorOptions.url, requestBodyValues: processorOptions.requestBodyValues }));
        }
        if (ended) return;
        if (read.done) {
          decoder.end();
          processor.finish();
          end();
          controller.close();
          return;
        }
        try {
          decoder.push(read.value);
        } catch (error) {
          return stop(controller, error);
        }
      } while ((controller.desiredSize ?? 0) > 0);
    },
    cancel(reason) {
      end();
      return bytes.cancel(reason);
    },
  });
}
