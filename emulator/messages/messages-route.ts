// `POST .../v1/messages`: checks the body, counts it against the rate limit, plays prompt hints, and answers as
// one `message` or as Anthropic's named SSE events.
import type { ServerResponse } from 'node:http';
import { usageCost } from '../gateway/gateway-cost';
import type { CatalogModel } from '../models/model-catalog';
import { admit, reportUsage } from '../rate-limit/rate-limit-admission';
import { apiError } from '../server/api-error';
import type { EmulatorContext } from '../server/emulator-context';
import type { ErrorRendering } from '../server/error-shape';
import { sendError, sendJson } from '../server/http';
import {
  answerLatencyMs,
  awaitNonStreamingAnswer,
  proxyHost,
  streamDelayMs,
} from '../server/proxy-timeout';
import { namedSseEvent, SSE_HEADERS, writePieces } from '../server/sse';
import { finishMessagesReply } from './messages-finish';
import { validateMessagesRequest } from './messages-request-rules';
import { respondToMessages } from './messages-responder';
import { breakOffEvents, buildMessage, buildMessageEvents, OVERLOADED } from './messages-response';
import type { AnthropicUsage } from './messages-wire';

export interface MessagesRouteOptions {
  /** The models this route serves: Claude on the classic route, every chat model through the gateway. */
  catalog: ReadonlyMap<string, CatalogModel>;
  gateway: boolean;
}

/** Anthropic's status for an overloaded model. */
export const OVERLOADED_STATUS = 529;

export async function handleMessages(
  context: EmulatorContext,
  res: ServerResponse,
  body: unknown,
  options: MessagesRouteOptions,
): Promise<void> {
  const rendering: ErrorRendering = {
    shape: context.errorShape,
    format: 'anthropic',
    gateway: options.gateway,
  };
  const result = validateMessagesRequest(body, {
    ...options,
    invalidModelListLength: context.options.invalidModelListLength,
  });
  if (!result.ok) return sendError(res, result.error, rendering);
  const request = result.value;
  const promptTokens = request.prompt.reduce((sum, piece) => sum + piece.tokens, 0);
  const entry = admit(context, res, request.model.id, promptTokens, rendering);
  if (entry === undefined) return;
  const reply = respondToMessages(request);
  // A stream can break off after it started; a plain request in the same state gets the overloaded status.
  if (reply.hints.has('overloaded') || (reply.hints.has('stream-error') && !request.stream)) {
    return sendError(
      res,
      apiError(OVERLOADED.message, { status: OVERLOADED_STATUS, type: OVERLOADED.type }),
      rendering,
    );
  }
  const cache = context.state.promptCache.account(
    request.model.id,
    request.prompt,
    request.model.messages.minCacheTokens,
  );
  const cost = options.gateway
    ? (usage: AnthropicUsage): number =>
        usageCost({
          input: usage.input_tokens,
          cacheWrite: usage.cache_creation_input_tokens,
          cacheRead: usage.cache_read_input_tokens,
          output: usage.output_tokens,
        })
    : undefined;
  const outcome = finishMessagesReply(reply, request, cache, cost);
  entry.tokens += outcome.usage.output_tokens;
  reportUsage(context, res, request.model.id);
  context.responseCount += 1;
  const identity = {
    id: `msg_emulator${String(context.responseCount).padStart(8, '0')}`,
    model: request.answerModel,
  };
  const lastUser = [...request.turns].reverse().find((turn) => turn.role === 'user');
  const latencyMs = answerLatencyMs(context, lastUser?.text ?? '');
  if (!request.stream) {
    if (!(await awaitNonStreamingAnswer(context, res, latencyMs, proxyHost(options.gateway))))
      return;
    return sendJson(res, 200, buildMessage(outcome, identity));
  }
  const events = buildMessageEvents(outcome, identity);
  const played = reply.hints.has('stream-error') ? breakOffEvents(events) : events;
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  await writePieces(
    res,
    played.map((event) => namedSseEvent(event.type, event)),
    { delayMs: streamDelayMs(context, latencyMs, played.length), sleep: context.sleep },
  );
}
