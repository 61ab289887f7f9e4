// `POST .../chat/completions`: checks the body, counts it against the rate limit, and answers as JSON or SSE.
import type { ServerResponse } from 'node:http';
import { usageCost } from '../gateway/gateway-cost';
import type { CatalogModel } from '../models/model-catalog';
import { admit, reportUsage } from '../rate-limit/rate-limit-admission';
import type { EmulatorContext } from '../server/emulator-context';
import { sendError, sendJson } from '../server/http';
import { SSE_DONE, SSE_HEADERS, sseEvent, writePieces } from '../server/sse';
import {
  estimatePromptTokens,
  finishReply,
  withReasoningBeyondCompletion,
} from './chat-finish-reply';
import { validateChatRequest } from './chat-request-rules';
import { lastUserText, respond } from './chat-responder';
import {
  answerLatencyMs,
  awaitNonStreamingAnswer,
  proxyHost,
  streamDelayMs,
} from '../server/proxy-timeout';
import { buildChatCompletion, buildChunks } from './chat-response';

export interface ChatRouteOptions {
  /** The models this route serves: OpenAI's on the classic route, every chat model through the gateway. */
  catalog: ReadonlyMap<string, CatalogModel>;
  /** The Model Gateway: its error bodies, `cost` in usage, and a usage chunk ending every stream (assumed). */
  gateway: boolean;
}

export async function handleChat(
  context: EmulatorContext,
  res: ServerResponse,
  body: unknown,
  options: ChatRouteOptions,
): Promise<void> {
  const rendering = {
    shape: context.errorShape,
    format: 'openai' as const,
    gateway: options.gateway,
  };
  const result = validateChatRequest(body, {
    catalog: options.catalog,
    allowJsonSchema: context.options.allowJsonSchema === true,
    jsonSchemaAsJsonObject: context.options.jsonSchemaAsJsonObject === true,
    ...(context.options.unknownModel === 'invalid-model' &&
      !options.gateway && {
        invalidModel: { listLength: context.options.invalidModelListLength },
      }),
  });
  if (!result.ok) return sendError(res, result.error, rendering);
  const request = result.value;
  const entry = admit(context, res, request.model.id, estimatePromptTokens(request), rendering);
  if (entry === undefined) return;
  const replied = finishReply(respond(request), request);
  const finished =
    context.options.reasoningTokensExceedCompletion === true
      ? { ...replied, usage: withReasoningBeyondCompletion(replied.usage) }
      : replied;
  const outcome = options.gateway
    ? {
        ...finished,
        usage: {
          ...finished.usage,
          cost: usageCost({
            input: finished.usage.prompt_tokens,
            cacheWrite: 0,
            cacheRead: 0,
            output: finished.usage.completion_tokens,
          }),
        },
      }
    : finished;
  entry.tokens += outcome.usage.completion_tokens;
  reportUsage(context, res, request.model.id);
  context.responseCount += 1;
  const identity = {
    id: `chatcmpl-emulator${String(context.responseCount).padStart(8, '0')}`,
    created: Math.floor(context.now() / 1000),
    model: request.model.id,
  };
  const latencyMs = answerLatencyMs(context, lastUserText(request.messages));
  if (!request.stream) {
    if (!(await awaitNonStreamingAnswer(context, res, latencyMs, proxyHost(options.gateway))))
      return;
    return sendJson(res, 200, buildChatCompletion(outcome, identity));
  }
  const chunks = buildChunks(outcome, identity, {
    azureFilterChunk: context.options.azureFilterChunk === true,
    usage: options.gateway || context.options.streamUsage === true,
  });
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  const pieces = [...chunks.map((chunk) => sseEvent(chunk)), SSE_DONE];
  await writePieces(res, pieces, {
    delayMs: streamDelayMs(context, latencyMs, pieces.length),
    sleep: context.sleep,
  });
}
