// `POST .../chat/completions`: checks the body, counts it against the rate limit, and answers as JSON or SSE.
import type { ServerResponse } from 'node:http';
import { admit } from '../rate-limit/rate-limit-admission';
import type { EmulatorContext } from '../server/emulator-context';
import { sendError, sendJson } from '../server/http';
import { SSE_DONE, SSE_HEADERS, sseEvent, writePieces } from '../server/sse';
import { estimatePromptTokens, finishReply } from './chat-finish-reply';
import { validateChatRequest } from './chat-request-rules';
import { respond } from './chat-responder';
import { buildChatCompletion, buildChunks } from './chat-response';

export async function handleChat(
  context: EmulatorContext,
  res: ServerResponse,
  body: unknown,
): Promise<void> {
  const result = validateChatRequest(body, {
    catalog: context.catalog,
    allowJsonSchema: context.options.allowJsonSchema === true,
  });
  if (!result.ok) return sendError(res, result.error, context.errorShape);
  const request = result.value;
  const entry = admit(context, res, request.model.id, estimatePromptTokens(request));
  if (entry === undefined) return;
  const outcome = finishReply(respond(request), request);
  entry.tokens += outcome.usage.completion_tokens;
  context.responseCount += 1;
  const identity = {
    id: `chatcmpl-emulator${String(context.responseCount).padStart(8, '0')}`,
    created: Math.floor(context.now() / 1000),
    model: request.model.id,
  };
  if (!request.stream) return sendJson(res, 200, buildChatCompletion(outcome, identity));
  const chunks = buildChunks(outcome, identity, {
    azureFilterChunk: context.options.azureFilterChunk === true,
    usage: context.options.streamUsage === true,
  });
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  const pieces = [...chunks.map((chunk) => sseEvent(chunk)), SSE_DONE];
  await writePieces(res, pieces, {
    delayMs: context.options.chunkDelayMs ?? 0,
    sleep: context.sleep,
  });
}
