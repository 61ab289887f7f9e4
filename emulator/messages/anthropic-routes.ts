// Langdock's Anthropic route: `POST /anthropic/{region}/v1/messages` and `GET /anthropic/{region}/v1/models`,
// also under `/api/public` (dedicated deployments). Keys come as `Authorization: Bearer` or `x-api-key`.
import type { ServerResponse } from 'node:http';
import { buildAnthropicModelList } from '../models/anthropic-model-list';
import { apiError, type ApiError } from '../server/api-error';
import { bearerOrApiKey, isAcceptedKey } from '../server/auth';
import type { EmulatorContext, IncomingRequest } from '../server/emulator-context';
import type { ErrorRendering } from '../server/error-shape';
import { sendError, sendJson } from '../server/http';
import { gatewayError, MESSAGES } from '../server/langdock-refusals';
import { handleMessages } from './messages-route';

export const ANTHROPIC_ROUTE = /^(?:\/api\/public)?\/anthropic\/([^/]+)\/v1\/(messages|models)\/?$/;
const REGIONS = ['eu', 'us'];
const METHODS: Record<string, string> = { messages: 'POST', models: 'GET' };

/**
 * Anthropic's API requires `anthropic-version`; that Langdock enforces it is assumed (its docs send
 * `2023-06-01` in every example). Any value is accepted.
 */
export function missingAnthropicVersion(headers: Record<string, string>): ApiError | undefined {
  const version = headers['anthropic-version']?.trim();
  if (version !== undefined && version !== '') return undefined;
  return apiError('anthropic-version: header is required', { type: 'invalid_request_error' });
}

export async function handleAnthropicApi(
  context: EmulatorContext,
  region: string,
  endpoint: string,
  request: IncomingRequest,
  res: ServerResponse,
): Promise<void> {
  const rendering: ErrorRendering = {
    shape: context.errorShape,
    format: 'anthropic',
    gateway: false,
  };
  const refuse = (error: ApiError, headers: Record<string, string> = {}): void =>
    sendError(res, error, rendering, headers);
  if (!isAcceptedKey(context, bearerOrApiKey(request.headers)))
    return refuse(
      gatewayError(401, MESSAGES.invalidKey, 'invalid_api_key', 'authentication_error'),
    );
  if (!REGIONS.includes(region))
    return refuse(gatewayError(404, `Region '${region}' does not exist. Use 'eu' or 'us'.`));
  const allowed = METHODS[endpoint] ?? 'POST';
  if (request.method !== allowed)
    return refuse(gatewayError(405, `Use ${allowed} for /${endpoint}.`), { allow: allowed });
  if (endpoint === 'models') {
    const empty = context.options.emptyAnthropicModelRegions?.includes(region) === true;
    const models = empty ? [] : [...context.anthropicCatalog.values()];
    return sendJson(res, 200, buildAnthropicModelList(models));
  }
  const versionError = missingAnthropicVersion(request.headers);
  if (versionError !== undefined) return refuse(versionError);
  if (!request.parsed.ok) return refuse(gatewayError(400, MESSAGES.invalidJson));
  return handleMessages(context, res, request.parsed.value, {
    catalog: context.anthropicCatalog,
    gateway: false,
  });
}
