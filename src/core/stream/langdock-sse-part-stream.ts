import { isAbortError } from '@ai-sdk/provider-utils';
import type { LangdockFinish, LangdockStreamPart } from '../langdock-call';
import { langdockStreamInterruptedError } from '../http/langdock-error';
import { SseDecoder } from './langdock-sse-decoder';

// No real chunk comes near this; an event that does is a fault, and holding it would exhaust memory.
const MAX_EVENT_CHARACTERS = 50 * 1024 * 1024;

/** What every protocol's stream processor is given: where parts go, the spec's finish part, and the call's context. */
export interface LangdockPartStreamOptions<FINISH> {
  emit: (part: LangdockStreamPart | FINISH) => void;
  /** The spec's finish part for how the response ended. */
  finishPart: (finish: LangdockFinish) => FINISH;
  /**
   * Whether the spec has a finish reason for a stream that ended without one (V4's `interrupted`).
   * Without it, such an end is also reported as an error part, the only way the older specs can say so.
   */
  reportsInterruption?: boolean;
  generateId: () => string;
  includeRawChunks?: boolean;
  /** Removes the API key from server text before it reaches an error part. */
  redact?: (text: string) => string;
  /** Estimate the tokens of the output as it streams (`LangdockFinish.outputTokens`), for the rate limiter. */
  countOutputTokens?: boolean;
  /** For errors the server sends inside the stream. */
  url: string;
  requestBodyValues: unknown;
}

/** What turns the `data` of SSE events into parts: a protocol's stream processor. */
export interface LangdockEventProcessor {
  push(data: string): void;
  /** The byte stream ended. */
  finish(): void;
  /** The byte stream broke off: report why, then finish. */
  interrupt(error: unknown): void;
}

/**
 * A response body of SSE events as parts, for any processor. It pulls the body itself rather than piping
 * it through a TransformStream: a pipe costs several promises per read, which dominates when each token
 * arrives in a read of its own. The caller's abort ends it as an abort; any other break (a lost
 * connection, an oversized event) ends it with an error part and a finish part, never a throw.
 */
export function createLangdockSsePartStream<PART>({
  body,
  startPart,
  abortSignal,
  maxEventLength = MAX_EVENT_CHARACTERS,
  url,
  requestBodyValues,
  processor: createProcessor,
}: {
  body: ReadableStream<Uint8Array>;
  startPart: PART;
  abortSignal?: AbortSignal;
  maxEventLength?: number;
  /** For the error of a lost connection. */
  url: string;
  requestBodyValues: unknown;
  processor: (emit: (part: PART) => void) => LangdockEventProcessor;
}): ReadableStream<PART> {
  type Part = PART;
  const bytes = body.getReader();
  let decoder: SseDecoder;
  let processor: LangdockEventProcessor;
  let ended = false;
  let onAbort: (() => void) | undefined;
  const end = () => {
    ended = true;
    if (onAbort) abortSignal?.removeEventListener('abort', onAbort);
  };

  /** Ends the parts with `error`, then a finish part, and lets go of the body without waiting on it. */
  const stop = (controller: ReadableStreamDefaultController<Part>, error: unknown) => {
    bytes.cancel().catch(() => {});
    processor.interrupt(error);
    end();
    controller.close();
  };

  return new ReadableStream<Part>({
    start(controller) {
      processor = createProcessor((part) => controller.enqueue(part));
      decoder = new SseDecoder((data) => processor.push(data), maxEventLength);
      controller.enqueue(startPart);
      // A custom fetch may ignore the signal; ending the stream here makes abort work regardless.
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
    // Reads until the consumer has parts waiting, so backpressure still reaches the socket.
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
          return stop(
            controller,
            langdockStreamInterruptedError({ cause: error, url, requestBodyValues }),
          );
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
          // An oversized event (or a fault in this package): reported as it is, not as a lost connection.
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
