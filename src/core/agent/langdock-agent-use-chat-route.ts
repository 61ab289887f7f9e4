import { postJsonToApi } from '@ai-sdk/provider-utils';
import { langdockAgentErrorHandler, langdockAgentErrorHints } from './langdock-agent';
import {
  LANGDOCK_UI_MESSAGE_STREAM_HEADERS,
  type LangdockAgentRequestBody,
} from './langdock-agent-api-types';
import { toLangdockAgentHistory } from './langdock-agent-history';
import {
  langdockAgentResponseOptionsSchema,
  type LangdockAgentResponseOptions,
} from './langdock-agent-options';
import { createLangdockRedactor } from '../http/langdock-redaction';
import { langdockStreamInterruptedError } from '../http/langdock-error';
import { splitLangdockGluedEvents } from './split-langdock-agent-glued-events';
import {
  prepareLangdockRequest,
  type LangdockRequestConfig,
} from '../http/langdock-request-config';
import { createLangdockEventStreamHandler } from '../http/langdock-response-handlers';
import { SseDecoder } from '../stream/langdock-sse-decoder';
import { parseLangdockSettings } from '../parse-langdock-options';
import { isJsonObject } from '../http/langdock-json-guards';

const MAX_EVENT_CHARACTERS = 50 * 1024 * 1024;

// The agent ran these tools at Langdock; marked so, a useChat client neither runs them (onToolCall) nor sends
// the conversation again to deliver their results (lastAssistantMessageIsCompleteWithToolCalls).
const toolChunks: ReadonlySet<string> = new Set([
  'tool-input-start',
  'tool-input-available',
  'tool-input-error',
  'tool-output-available',
  'tool-output-error',
]);

/**
 * A route's whole answer to a useChat client: the agent's UI message stream, re-framed (one event per chunk,
 * glued events split), with the header useChat expects. Failures (a refused request, a lost connection, an
 * event that is not JSON, an end without a finish chunk) become `error` chunks with every credential redacted.
 * Cancelling the body (the browser went away) or `abortSignal` cancels the request to Langdock.
 */
export function createLangdockAgentResponse(
  config: LangdockRequestConfig,
  options: LangdockAgentResponseOptions,
): Response {
  const checked = parseLangdockSettings(langdockAgentResponseOptionsSchema, options, {
    argument: 'agentResponse',
    what: 'agentResponse options',
    help: 'Pass agentId (or agent), the messages useChat sent, and optionally maxSteps, imageResponseFormat, output, forwardAttachments, abortSignal and headers.',
  });
  const history = toLangdockAgentHistory(checked.messages, {
    forwardAttachments: checked.forwardAttachments === true,
    generateId: config.generateId,
  });
  if (!history.ok)
    return new Response(history.problem, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const body: LangdockAgentRequestBody = {
    ...(checked.agentId !== undefined ? { agentId: checked.agentId } : { agent: checked.agent }),
    messages: history.messages,
    stream: true,
    ...(checked.maxSteps !== undefined && { maxSteps: checked.maxSteps }),
    ...(checked.imageResponseFormat !== undefined && {
      imageResponseFormat: checked.imageResponseFormat,
    }),
    ...(checked.output !== undefined && { output: checked.output }),
  };

  const upstream = new AbortController();
  const callerSignal = checked.abortSignal;
  const onCallerAbort = () => upstream.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const encoder = new TextEncoder();
  let redact: (text: string) => string = createLangdockRedactor([]);
  let url = '';
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let decoder: SseDecoder | undefined;
  let finished = false;
  let failed = false;
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const send = (chunk: unknown) =>
        controller.enqueue(encoder.encode(`data: ${redact(JSON.stringify(chunk))}\n\n`));
      const close = (error?: unknown) => {
        if (closed) return;
        closed = true;
        callerSignal?.removeEventListener('abort', onCallerAbort);
        if (upstream.signal.aborted) {
          controller.close();
          return;
        }
        if (error !== undefined) {
          send({ type: 'error', errorText: errorText(error) });
        } else if (!finished && !failed) {
          send({
            type: 'error',
            errorText:
              "The Langdock agent's stream ended before its finish chunk: the answer may be incomplete.",
          });
        }
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
      };
      const forward = (data: string) => {
        if (data === '[DONE]') return;
        let chunk: unknown;
        try {
          chunk = JSON.parse(data);
        } catch {
          const events = splitLangdockGluedEvents(data);
          if (events === undefined) {
            failed = true;
            send({
              type: 'error',
              errorText: 'Langdock sent an event that is not JSON; it was left out.',
            });
            return;
          }
          events.forEach(forward);
          return;
        }
        if (!isJsonObject(chunk) || typeof chunk.type !== 'string') {
          failed = true;
          send({
            type: 'error',
            errorText: 'Langdock sent an event that is not a UI message chunk; it was left out.',
          });
          return;
        }
        if (chunk.type === 'finish') finished = true;
        if (chunk.type === 'error') failed = true;
        send(
          toolChunks.has(chunk.type) && chunk.providerExecuted === undefined
            ? { ...chunk, providerExecuted: true }
            : chunk,
        );
      };

      if (closed) return;
      if (reader === undefined) {
        try {
          const request = prepareLangdockRequest(config, {
            path: '/agent/v1/chat/completions',
            headers: checked.headers,
            errorHints: langdockAgentErrorHints,
          });
          redact = request.redact;
          url = request.url;
          const { value } = await postJsonToApi({
            url: request.url,
            headers: request.headers,
            body,
            failedResponseHandler: langdockAgentErrorHandler(request.failedResponseHandler),
            successfulResponseHandler: createLangdockEventStreamHandler(request.redact),
            abortSignal: upstream.signal,
            fetch: request.fetch,
          });
          reader = value.getReader();
          decoder = new SseDecoder(forward, MAX_EVENT_CHARACTERS);
        } catch (error) {
          return close(error);
        }
      }
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        return close(
          langdockStreamInterruptedError({ cause: error, url, requestBodyValues: body }),
        );
      }
      try {
        if (read.done) {
          decoder!.end();
          return close();
        }
        decoder!.push(read.value);
      } catch (error) {
        // An oversized event: reported as it is, and the rest of the answer is not read.
        reader.cancel().catch(() => {});
        return close(error);
      }
    },
    cancel(reason) {
      closed = true;
      callerSignal?.removeEventListener('abort', onCallerAbort);
      upstream.abort(reason);
      return reader?.cancel(reason).catch(() => {});
    },
  });
  return new Response(stream, { status: 200, headers: LANGDOCK_UI_MESSAGE_STREAM_HEADERS });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
