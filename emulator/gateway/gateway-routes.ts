// Langdock's Model Gateway (`https://gateway.langdock.com`): one host, no region segment, every enabled model on
// every format. Errors come in the called API's format plus a top-level `message`.
import type { ServerResponse } from 'node:http';
import { handleChat } from '../chat/chat-route';
import { handleEmbeddings } from '../embeddings/embedding-route';
import { missingAnthropicVersion } from '../messages/anthropic-routes';
import { handleMessages } from '../messages/messages-route';
import { resolveAtSuffix } from '../models/claude-model-table';
import { apiError, type ApiError } from '../server/api-error';
import { bearerOrApiKey, isAcceptedKey } from '../server/auth';
import type { EmulatorContext, IncomingRequest } from '../server/emulator-context';
import type { ErrorFormat, ErrorRendering } from '../server/error-shape';
import { sendError, sendJson } from '../server/http';
import { isRecord } from '../server/json-guards';
import { MESSAGES } from '../server/langdock-refusals';
import { buildGatewayModelList } from './gateway-model-list';

export const GATEWAY_ROUTE = /^\/v1\/(chat\/completions|messages|embeddings|models)\/?$/;
const METHODS: Record<string, string> = {
  'chat/completions': 'POST',
  messages: 'POST',
  embeddings: 'POST',
  models: 'GET',
};

export const GATEWAY_MESSAGES = {
  missingKey:
    'Missing API key. Send a Model Gateway key as `Authorization: Bearer <key>` or `x-api-key: <key>`.',
  invalidKey: MESSAGES.invalidKey,
} as const;

/** A refusal of the gateway itself; `type` and `code` as its error page names them where it does. */
function gatewayRefusal(
  status: number,
  message: string,
  type: string,
  code: string | null,
): ApiError {
  return apiError(message, { status, layer: 'gateway', type, code });
}

export async function handleGateway(
  context: EmulatorContext,
  request: IncomingRequest,
  res: ServerResponse,
): Promise<void> {
  const endpoint = GATEWAY_ROUTE.exec(request.path)?.[1];
  const format: ErrorFormat = endpoint === 'messages' ? 'anthropic' : 'openai';
  const rendering: ErrorRendering = { shape: context.errorShape, format, gateway: true };
  const refuse = (error: ApiError, headers: Record<string, string> = {}): void =>
    sendError(res, error, rendering, headers);
  if (endpoint === undefined)
    return refuse(
      gatewayRefusal(
        404,
        `No route for ${request.method} ${request.path}.`,
        'not_found_error',
        'not_found',
      ),
    );
  const key = bearerOrApiKey(request.headers);
  if (key === undefined)
    return refuse(
      gatewayRefusal(401, GATEWAY_MESSAGES.missingKey, 'authentication_error', 'missing_api_key'),
    );
  if (!isAcceptedKey(context, key))
    return refuse(
      gatewayRefusal(401, GATEWAY_MESSAGES.invalidKey, 'authentication_error', 'invalid_api_key'),
    );
  const allowed = METHODS[endpoint] ?? 'POST';
  if (request.method !== allowed)
    return refuse(
      gatewayRefusal(
        405,
        `Use ${allowed} for /v1/${endpoint}.`,
        'invalid_request_error',
        'method_not_allowed',
      ),
      { allow: allowed },
    );
  if (endpoint === 'models') return sendJson(res, 200, buildGatewayModelList(context.catalog));
  if (endpoint === 'messages') {
    const versionError = missingAnthropicVersion(request.headers);
    if (versionError !== undefined) return refuse(versionError);
  }
  if (!request.parsed.ok)
    return refuse(
      gatewayRefusal(400, MESSAGES.invalidJson, 'invalid_request_error', 'invalid_json'),
    );
  const body = request.parsed.value;
  const unsupported = unsupportedOperation(context, endpoint, body);
  if (unsupported !== undefined) return refuse(unsupported);
  const options = { catalog: context.catalog, gateway: true };
  if (endpoint === 'messages') return handleMessages(context, res, body, options);
  if (endpoint === 'embeddings') return handleEmbeddings(context, res, body, options);
  return handleChat(context, res, body, options);
}

/** An enabled model called through an operation it does not support (an embedding model on messages, ...). */
function unsupportedOperation(
  context: EmulatorContext,
  endpoint: string,
  body: unknown,
): ApiError | undefined {
  const id = isRecord(body) && typeof body.model === 'string' ? body.model : undefined;
  if (id === undefined) return undefined;
  const model = context.catalog.get(id) ?? context.catalog.get(resolveAtSuffix(id)?.lookup ?? '');
  if (model === undefined) return undefined;
  const wanted = endpoint === 'embeddings' ? 'embedding' : 'chat';
  if (model.kind === wanted) return undefined;
  return gatewayRefusal(
    403,
    `The model '${id}' does not support /v1/${endpoint} on the Model Gateway.`,
    'permission_error',
    'model_gateway_unsupported',
  );
}
