// The HTTP server: records every request, plays scripts, enforces Langdock's rules and routes to the handlers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AGENT_API_ROUTE, handleAgentApi, type AgentApiContext } from '../agents/agent-routes';
import { buildAgentRegistry } from '../agents/agent-registry';
import { AttachmentStore } from '../agents/attachment-store';
import { handleChat } from '../chat/chat-route';
import { handleEmbeddings } from '../embeddings/embedding-route';
import type { LangdockEmulatorOptions } from '../emulator-types';
import { handleGateway } from '../gateway/gateway-routes';
import { ANTHROPIC_ROUTE, handleAnthropicApi } from '../messages/anthropic-routes';
import { PromptCache } from '../messages/prompt-cache';
import { buildCatalog, catalogOf } from '../models/model-catalog';
import { buildModelList } from '../models/model-list';
import { admit } from '../rate-limit/rate-limit-admission';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { checkSpendLimit } from '../rate-limit/spend-limit';
import type { ApiError } from './api-error';
import { isAuthorized } from './auth';
import type { EmulatorContext, EmulatorState } from './emulator-context';
import { ERROR_SHAPES } from './error-shape';
import {
  BodyTooLargeError,
  flattenHeaders,
  parseJsonBody,
  readBodyBytes,
  sendError,
  sendJson,
} from './http';
import { gatewayError, MESSAGES } from './langdock-refusals';
import { playScripted, ScriptQueue } from './scripted-responses';
import { timerSleep } from './sse';

export const REGIONS = ['eu', 'us'] as const;
const ROUTE = /^(?:\/api\/public)?\/openai\/([^/]+)\/v1\/(chat\/completions|embeddings|models)\/?$/;
const ROUTE_METHODS: Record<string, string> = {
  'chat/completions': 'POST',
  embeddings: 'POST',
  models: 'GET',
};

export function createEmulatorServer(options: LangdockEmulatorOptions = {}): {
  server: Server;
  state: EmulatorState;
} {
  if (options.errorShape !== undefined && !ERROR_SHAPES.includes(options.errorShape)) {
    throw new Error(
      `errorShape must be one of ${ERROR_SHAPES.join(', ')}, got '${String(options.errorShape)}'.`,
    );
  }
  checkOptionValues(options);
  checkSpendLimit(options.spendLimit);
  const now = options.now ?? Date.now;
  const state: EmulatorState = {
    requests: [],
    scripts: new ScriptQueue(),
    rateLimiter: options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit, now),
    attachments: new AttachmentStore(),
    promptCache: new PromptCache(now),
    spendLimit: options.spendLimit,
  };
  const catalog = buildCatalog(options.models);
  const context: EmulatorContext = {
    catalog,
    openaiCatalog: catalogOf(catalog, 'openai'),
    anthropicCatalog: catalogOf(catalog, 'anthropic'),
    agents: buildAgentRegistry(options.agents),
    apiKeys: options.apiKeys === undefined ? undefined : new Set(options.apiKeys),
    options,
    now,
    sleep: options.sleep ?? timerSleep,
    state,
    errorShape: options.errorShape ?? 'layered',
    responseCount: 0,
    requestCount: 0,
  };
  const server = createServer((req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      options.logger?.(`emulator error: ${message}`);
      if (!res.headersSent)
        sendError(
          res,
          gatewayError(500, `Internal emulator error: ${message}`),
          context.errorShape,
        );
      else res.destroy();
    });
  });
  return { server, state };
}

function checkOptionValues(options: LangdockEmulatorOptions): void {
  for (const name of ['latencyMs', 'nonStreamingTimeoutMs', 'chunkDelayMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0))
      throw new Error(
        `${name} must be a number of milliseconds (0 or more), got ${String(value)}.`,
      );
  }
  if (options.timeoutBody !== undefined && !['html', 'empty'].includes(options.timeoutBody))
    throw new Error(`timeoutBody must be 'html' or 'empty', got '${String(options.timeoutBody)}'.`);
  if (
    options.unknownModel !== undefined &&
    !['not-found', 'invalid-model'].includes(options.unknownModel)
  )
    throw new Error(
      `unknownModel must be 'not-found' or 'invalid-model', got '${String(options.unknownModel)}'.`,
    );
  const length = options.invalidModelListLength;
  if (length !== undefined && !(Number.isSafeInteger(length) && length >= 1))
    throw new Error(
      `invalidModelListLength must be a whole number of 1 or more, got ${String(length)}.`,
    );
}

async function handle(
  context: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const refuse = (
    response: ServerResponse,
    error: ApiError,
    extraHeaders: Record<string, string> = {},
  ): void => sendError(response, error, context.errorShape, extraHeaders);
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://emulator').pathname;
  const logger = context.options.logger;
  if (logger !== undefined)
    res.on('close', () =>
      logger(`${method} ${path} -> ${res.headersSent ? res.statusCode : 'no response'}`),
    );
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(res, gatewayError(413, error.message));
    throw error;
  }
  context.requestCount += 1;
  // Langdock's Model Gateway documents one on every response; the emulator sends it on every route.
  res.setHeader('x-request-id', `req_emulator${String(context.requestCount).padStart(8, '0')}`);
  const rawBody = bytes.toString('utf8');
  const parsed = parseJsonBody(rawBody);
  const headers = flattenHeaders(req.headers);
  context.state.requests.push({
    method,
    path,
    headers,
    body: parsed.ok ? parsed.value : undefined,
    rawBody,
  });

  const scripted = context.state.scripts.next();
  if (scripted !== undefined) return playScripted(res, scripted, context.sleep);

  if (headers.origin !== undefined) return refuse(res, gatewayError(403, MESSAGES.browser));
  const incoming = { method, path, headers, parsed, bytes };
  if (context.options.gateway === true) return handleGateway(context, incoming, res);
  const anthropicRoute = ANTHROPIC_ROUTE.exec(path);
  if (anthropicRoute !== null)
    return handleAnthropicApi(context, anthropicRoute[1]!, anthropicRoute[2]!, incoming, res);
  const agentRoute = AGENT_API_ROUTE.exec(path);
  if (agentRoute !== null)
    return handleAgentApi(
      agentApiContext(context),
      agentRoute[1]!,
      { method, headers, parsed, bytes },
      res,
    );
  const route = ROUTE.exec(path);
  const region = route?.[1];
  const endpoint = route?.[2];
  if (region === undefined || endpoint === undefined)
    return refuse(res, gatewayError(404, `No route for ${method} ${path}.`));
  if (!isAuthorized(context, headers.authorization))
    return refuse(res, gatewayError(401, MESSAGES.invalidKey, 'invalid_api_key'));
  if (!(REGIONS as readonly string[]).includes(region)) {
    return refuse(res, gatewayError(404, `Region '${region}' does not exist. Use 'eu' or 'us'.`));
  }
  const allowed = ROUTE_METHODS[endpoint] ?? 'POST';
  if (method !== allowed)
    return refuse(res, gatewayError(405, `Use ${allowed} for /${endpoint}.`), { allow: allowed });
  if (endpoint === 'models') return sendJson(res, 200, buildModelList(context.openaiCatalog));
  if (!parsed.ok) return refuse(res, gatewayError(400, MESSAGES.invalidJson));
  const routeOptions = { catalog: context.openaiCatalog, gateway: false };
  if (endpoint === 'embeddings') return handleEmbeddings(context, res, parsed.value, routeOptions);
  return handleChat(context, res, parsed.value, routeOptions);
}

function agentApiContext(context: EmulatorContext): AgentApiContext {
  return {
    agents: context.agents,
    attachments: context.state.attachments,
    errorShape: context.errorShape,
    invalidKeyMessage: MESSAGES.invalidKey,
    isAuthorized: (authorization) => isAuthorized(context, authorization),
    admit: (res, model, tokens) => admit(context, res, model, tokens) !== undefined,
    sleep: context.sleep,
    timing: context,
    nextAnswerNumber: () => (context.responseCount += 1),
  };
}
