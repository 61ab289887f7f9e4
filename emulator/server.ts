// The HTTP server: records every request, plays scripts, enforces Langdock's rules and answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AGENT_API_ROUTE, handleAgentApi, type AgentApiContext } from './agent-server';
import { buildAgentRegistry, type EmulatorAgent } from './agents';
import { AttachmentStore } from './attachments';
import { buildChatCompletion, buildChunks } from './chat-response';
import { buildEmbeddingList, embeddingPromptTokens, validateEmbeddingRequest } from './embeddings';
import { estimatePromptTokens, finishReply } from './finish-reply';
import { ERROR_SHAPES, type ErrorShape } from './error-shape';
import {
  BodyTooLargeError,
  flattenHeaders,
  parseJsonBody,
  readBodyBytes,
  sendError,
  sendJson,
} from './http';
import { buildCatalog, type CatalogModel } from './models';
import { RateLimiter, type UsageEntry } from './rate-limiter';
import { respond } from './responder';
import { validateChatRequest } from './rules';
import { playScripted, ScriptQueue } from './script';
import { SSE_DONE, SSE_HEADERS, sseEvent, timerSleep, writePieces, type Sleep } from './sse';
import type { LangdockEmulatorOptions, RecordedRequest } from './types';
import { apiError, type ApiError } from './violation';
import type { ModelList } from './wire';

export const REGIONS = ['eu', 'us'] as const;
const ROUTE = /^(?:\/api\/public)?\/openai\/([^/]+)\/v1\/(chat\/completions|embeddings|models)\/?$/;
const ROUTE_METHODS: Record<string, string> = {
  'chat/completions': 'POST',
  embeddings: 'POST',
  models: 'GET',
};

export const MESSAGES = {
  browser:
    'Requests from browsers are not allowed. Call the Langdock API from your server; never expose the API key.',
  invalidKey: 'The provided API key is invalid.',
  rateLimited: 'Rate limit for public API exceeded',
  invalidJson: 'Request body is not valid JSON.',
} as const;

export interface EmulatorState {
  readonly requests: RecordedRequest[];
  readonly scripts: ScriptQueue;
  readonly rateLimiter: RateLimiter | undefined;
  readonly attachments: AttachmentStore;
}

interface Context {
  readonly catalog: ReadonlyMap<string, CatalogModel>;
  readonly agents: ReadonlyMap<string, EmulatorAgent>;
  readonly apiKeys: ReadonlySet<string> | undefined;
  readonly options: LangdockEmulatorOptions;
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly state: EmulatorState;
  readonly errorShape: ErrorShape;
  responseCount: number;
}

export function createEmulatorServer(options: LangdockEmulatorOptions = {}): {
  server: Server;
  state: EmulatorState;
} {
  if (options.errorShape !== undefined && !ERROR_SHAPES.includes(options.errorShape)) {
    throw new Error(
      `errorShape must be one of ${ERROR_SHAPES.join(', ')}, got '${String(options.errorShape)}'.`,
    );
  }
  const now = options.now ?? Date.now;
  const state: EmulatorState = {
    requests: [],
    scripts: new ScriptQueue(),
    rateLimiter: options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit, now),
    attachments: new AttachmentStore(),
  };
  const context: Context = {
    catalog: buildCatalog(options.models),
    agents: buildAgentRegistry(options.agents),
    apiKeys: options.apiKeys === undefined ? undefined : new Set(options.apiKeys),
    options,
    now,
    sleep: options.sleep ?? timerSleep,
    state,
    errorShape: options.errorShape ?? 'layered',
    responseCount: 0,
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

/** Refusals of Langdock's own gateway, which answers in its `{message}` shape. */
function gatewayError(
  status: number,
  message: string,
  code: string | null = null,
  type?: string,
): ApiError {
  return apiError(message, {
    status,
    layer: 'gateway',
    code,
    ...(type === undefined ? {} : { type }),
  });
}

async function handle(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
  if (endpoint === 'models') return sendJson(res, 200, modelList(context.catalog));
  if (!parsed.ok) return refuse(res, gatewayError(400, MESSAGES.invalidJson));
  if (endpoint === 'embeddings') return handleEmbeddings(context, res, parsed.value);
  return handleChat(context, res, parsed.value);
}

function agentApiContext(context: Context): AgentApiContext {
  return {
    agents: context.agents,
    attachments: context.state.attachments,
    errorShape: context.errorShape,
    invalidKeyMessage: MESSAGES.invalidKey,
    isAuthorized: (authorization) => isAuthorized(context, authorization),
    admit: (res, model, tokens) => admit(context, res, model, tokens) !== undefined,
    chunkDelayMs: context.options.chunkDelayMs ?? 0,
    sleep: context.sleep,
    nextAnswerNumber: () => (context.responseCount += 1),
  };
}

function isAuthorized(context: Context, authorization: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const key = match?.[1];
  if (key === undefined) return false;
  return context.apiKeys === undefined || context.apiKeys.has(key);
}

function modelList(catalog: ReadonlyMap<string, CatalogModel>): ModelList {
  return {
    object: 'list',
    data: [...catalog.values()].map((model) => ({
      id: model.id,
      object: 'model',
      created: model.created,
      owned_by: model.ownedBy,
    })),
  };
}

/** Counts the request against its model's limits; answers 429 and returns undefined when over. */
function admit(
  context: Context,
  res: ServerResponse,
  model: string,
  tokens: number,
): UsageEntry | undefined {
  const limiter = context.state.rateLimiter;
  if (limiter === undefined) return { at: context.now(), tokens };
  const decision = limiter.admit(model, tokens);
  if (decision.allowed) return decision.entry;
  const retryAfter =
    context.options.retryAfter !== false && decision.retryAfterSeconds !== undefined;
  const headers: Record<string, string> = retryAfter
    ? { 'retry-after': String(decision.retryAfterSeconds) }
    : {};
  sendError(
    res,
    gatewayError(429, MESSAGES.rateLimited, 'rate_limit_exceeded', 'requests'),
    context.errorShape,
    headers,
  );
  return undefined;
}

function handleEmbeddings(context: Context, res: ServerResponse, body: unknown): void {
  const result = validateEmbeddingRequest(body, context.catalog);
  if (!result.ok) return sendError(res, result.error, context.errorShape);
  if (admit(context, res, result.value.model.id, embeddingPromptTokens(result.value)) === undefined)
    return;
  sendJson(res, 200, buildEmbeddingList(result.value));
}

async function handleChat(context: Context, res: ServerResponse, body: unknown): Promise<void> {
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
