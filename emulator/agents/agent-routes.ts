// The Agents API and the attachment API beside the OpenAI-style routes: `/agent/v1/chat/completions`,
// `/attachment/v1/upload` and `/attachment/v1/delete`, also under `/api/public` (dedicated deployments).
import type { ServerResponse } from 'node:http';
import { validateAgentRequest } from './agent-request';
import {
  buildAgentAnswer,
  buildAgentChunks,
  buildAgentMessage,
  type UIChunk,
} from './agent-response';
import type { EmulatorAgent } from './agent-registry';
import { readUploadedFile, type AttachmentStore } from './attachment-store';
import type { ErrorShape } from '../server/error-shape';
import { sendError, sendJson } from '../server/http';
import { SSE_DONE, SSE_HEADERS, sseEvent, writePieces, type Sleep } from '../server/sse';
import { estimateTokens } from '../generation/token-estimate';
import { apiError, type ApiError } from '../server/api-error';
import {
  answerLatencyMs,
  awaitNonStreamingAnswer,
  proxyHost,
  streamDelayMs,
  type AnswerTiming,
} from '../server/proxy-timeout';

export const AGENT_API_ROUTE =
  /^(?:\/api\/public)?\/(agent\/v1\/chat\/completions|attachment\/v1\/upload|attachment\/v1\/delete)\/?$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AgentApiContext {
  readonly agents: ReadonlyMap<string, EmulatorAgent>;
  readonly attachments: AttachmentStore;
  readonly errorShape: ErrorShape;
  readonly invalidKeyMessage: string;
  isAuthorized(authorization: string | undefined): boolean;
  /** Counts the request against the model's rate limit; answers 429 itself and returns false when over. */
  admit(res: ServerResponse, model: string, tokens: number): boolean;
  readonly sleep: Sleep;
  /** The model's latency and Langdock's proxy timeout on non-streaming calls. */
  readonly timing: AnswerTiming;
  nextAnswerNumber(): number;
}

export interface AgentApiRequest {
  method: string;
  headers: Record<string, string>;
  parsed: { ok: true; value: unknown } | { ok: false };
  bytes: Buffer;
}

const gateway = (status: number, message: string): ApiError =>
  apiError(message, { status, layer: 'gateway' });

export async function handleAgentApi(
  context: AgentApiContext,
  endpoint: string,
  request: AgentApiRequest,
  res: ServerResponse,
): Promise<void> {
  const allowed = endpoint === 'attachment/v1/delete' ? 'DELETE' : 'POST';
  if (request.method !== allowed)
    return sendError(res, gateway(405, `Use ${allowed} for /${endpoint}.`), context.errorShape, {
      allow: allowed,
    });
  const authorized = context.isAuthorized(request.headers.authorization);
  switch (endpoint) {
    case 'agent/v1/chat/completions':
      if (!authorized)
        return sendError(res, gateway(401, context.invalidKeyMessage), context.errorShape);
      if (!request.parsed.ok)
        return sendError(res, gateway(400, 'Request body is not valid JSON.'), context.errorShape);
      return answerAgent(context, request.parsed.value, res);
    case 'attachment/v1/upload': {
      // The attachment API's own error shapes (its OpenAPI): `{error}` for 400 and 401.
      if (!authorized) return sendJson(res, 401, { error: context.invalidKeyMessage });
      const file = await readUploadedFile(request.bytes, request.headers['content-type']);
      if (file === undefined) return sendJson(res, 400, { error: 'No file provided' });
      const { attachmentId, name, mimeType, sizeInBytes } = context.attachments.add(file);
      return sendJson(res, 200, { attachmentId, file: { name, mimeType, sizeInBytes } });
    }
    default: {
      if (!authorized) return sendJson(res, 401, { error: context.invalidKeyMessage });
      const body = request.parsed.ok ? request.parsed.value : undefined;
      const attachmentId =
        typeof body === 'object' && body !== null
          ? (body as { attachmentId?: unknown }).attachmentId
          : undefined;
      if (typeof attachmentId !== 'string' || !UUID.test(attachmentId)) {
        return sendJson(res, 400, {
          message: 'Invalid request body',
          errors: [{ path: ['attachmentId'], message: 'attachmentId must be a UUID' }],
        });
      }
      if (!context.attachments.delete(attachmentId))
        return sendJson(res, 404, { message: 'Attachment not found' });
      return sendJson(res, 200, {
        success: true,
        message: 'Attachment deleted successfully',
        attachmentId,
      });
    }
  }
}

async function answerAgent(
  context: AgentApiContext,
  body: unknown,
  res: ServerResponse,
): Promise<void> {
  const result = validateAgentRequest(body, context.agents, context.attachments);
  if (!result.ok) return sendError(res, result.error, context.errorShape);
  const request = result.value;
  const tokens = estimateTokens(...request.messages.map((message) => message.text));
  if (!context.admit(res, request.agent.model, tokens)) return;
  const identity = { number: context.nextAnswerNumber() };
  const answer = buildAgentAnswer(request, identity);
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const latencyMs = answerLatencyMs(context.timing, lastUser?.text ?? '');
  if (!request.stream) {
    if (!(await awaitNonStreamingAnswer(context.timing, res, latencyMs, proxyHost(false)))) return;
    return sendJson(res, 200, buildAgentMessage(answer, identity));
  }

  const { agent } = request;
  let chunks: UIChunk[] = buildAgentChunks(request, answer, identity);
  // The fault: an `error` chunk in place of the rest, and no finish; the AI SDK's streams still end with [DONE].
  if (agent.errorAfter !== undefined)
    chunks = [...chunks.slice(0, agent.errorAfter), { type: 'error', errorText: agent.errorText }];
  const pieces = [...framed(chunks, agent.gluedEvents), SSE_DONE];
  res.writeHead(200, { ...SSE_HEADERS, 'x-vercel-ai-ui-message-stream': 'v1' });
  res.flushHeaders();
  await writePieces(res, pieces, {
    delayMs: streamDelayMs(context.timing, latencyMs, pieces.length),
    sleep: context.sleep,
  });
}

/** One event per chunk; glued, two consecutive text deltas share one line with no blank line between them. */
function framed(chunks: UIChunk[], glued: boolean): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (glued && chunk.type === 'text-delta' && next?.type === 'text-delta') {
      pieces.push(`data: ${JSON.stringify(chunk)}${sseEvent(next)}`);
      i++;
    } else {
      pieces.push(sseEvent(chunk));
    }
  }
  return pieces;
}
