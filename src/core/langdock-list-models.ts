import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { getFromApi } from '@ai-sdk/provider-utils';
import {
  prepareLangdockRequest,
  type LangdockRequest,
  type LangdockRequestConfig,
} from './http/langdock-request-config';
import { createLangdockJsonResponseHandler } from './http/langdock-response-handlers';
import { isJsonObject, type Validated } from './http/langdock-json-guards';
import { LANGDOCK_ANTHROPIC_VERSION } from './messages/langdock-messages-api-types';

/**
 * Which endpoints serve a model: `chat` the OpenAI-format route (`/chat/completions`), `messages` the Anthropic
 * route (`/messages`, Claude), `gateway` the Model Gateway, where every format works.
 */
export type LangdockModelRoute = 'chat' | 'messages' | 'gateway';

/** A model the workspace serves in the provider's region (or on the gateway), from `GET /models`. */
export interface LangdockModel {
  /** The id to pass to `langdock(id)` or `textEmbeddingModel(id)`. */
  id: string;
  /** The list it came from, so which endpoints serve it. */
  route: LangdockModelRoute;
  /** Undefined when Langdock sends no usable timestamp. */
  created: Date | undefined;
  /** `owned_by`, e.g. `system`. */
  ownedBy: string | undefined;
  /** Anthropic's `display_name`, e.g. `Claude Sonnet 4.6`. */
  displayName?: string;
  /**
   * The context window in tokens. The gateway documents it but not its field name [assumed]: read from
   * `context_window`, `contextWindow`, `context_length` or `max_context_tokens`.
   */
  contextWindow?: number;
  /**
   * The operations the gateway says the model supports. Field name [assumed]: `operations`,
   * `supported_operations`, or `capabilities` when that is a list of strings.
   */
  operations?: string[];
  /** The entry exactly as Langdock sent it, with fields this type does not name (such as `region`). */
  raw: Record<string, unknown>;
}

export interface LangdockListModelsOptions {
  abortSignal?: AbortSignal;
  /** Extra headers for this request; they win over the provider's. */
  headers?: Record<string, string | undefined>;
}

type ModelEntry = Record<string, unknown> & { id: string };

/** Accepts OpenAI's `{object: "list", data: [...]}` and, since Langdock publishes no schema, a bare array. */
export function validateLangdockModelList(value: unknown): Validated<ModelEntry[]> {
  const data = Array.isArray(value) ? value : isJsonObject(value) ? value.data : undefined;
  if (!Array.isArray(data)) return { success: false, problem: 'response.data must be an array' };
  for (let i = 0; i < data.length; i++) {
    const entry: unknown = data[i];
    if (!isJsonObject(entry))
      return { success: false, problem: `response.data[${i}] must be an object` };
    if (typeof entry.id !== 'string' || entry.id === '')
      return { success: false, problem: `response.data[${i}].id must be a non-empty string` };
  }
  return { success: true, value: data as ModelEntry[] };
}

/** One page of Anthropic's `GET /v1/models`: `{data, has_more, first_id, last_id}`. */
export interface LangdockAnthropicModelPage {
  data: ModelEntry[];
  /** The `after_id` of the next page; undefined on the last one. */
  nextAfterId: string | undefined;
}

export function validateLangdockAnthropicModelPage(
  value: unknown,
): Validated<LangdockAnthropicModelPage> {
  const list = validateLangdockModelList(value);
  if (!list.success) return list;
  const page = isJsonObject(value) ? value : {};
  if (page.has_more !== true)
    return { success: true, value: { data: list.value, nextAfterId: undefined } };
  // Anthropic's last_id is the last entry's id; a proxy that drops it still leaves the entry.
  const lastId =
    typeof page.last_id === 'string' && page.last_id !== '' ? page.last_id : list.value.at(-1)?.id;
  return { success: true, value: { data: list.value, nextAfterId: lastId } };
}

// Seconds and milliseconds cannot be confused for real dates: 1e11 seconds is the year 5138, 1e11 ms is 1973.
const LARGEST_SECONDS_TIMESTAMP = 1e11;

/** Langdock sends `created` in milliseconds; OpenAI-style deployments send seconds. 0 or junk means unknown. */
export function langdockCreatedToDate(created: unknown): Date | undefined {
  if (typeof created !== 'number' || !Number.isFinite(created) || created <= 0) return undefined;
  return new Date(created < LARGEST_SECONDS_TIMESTAMP ? created * 1000 : created);
}

/** Anthropic's `created_at` is RFC 3339; anything `Date.parse` cannot read is unknown. */
export function langdockCreatedAtToDate(createdAt: unknown): Date | undefined {
  if (typeof createdAt !== 'string') return undefined;
  const time = Date.parse(createdAt);
  return Number.isNaN(time) ? undefined : new Date(time);
}

const CONTEXT_WINDOW_FIELDS = [
  'context_window',
  'contextWindow',
  'context_length',
  'max_context_tokens',
];
const OPERATIONS_FIELDS = ['operations', 'supported_operations', 'capabilities'];

function firstContextWindow(entry: ModelEntry): number | undefined {
  for (const field of CONTEXT_WINDOW_FIELDS) {
    const value = entry[field];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  }
  return undefined;
}

function firstOperations(entry: ModelEntry): string[] | undefined {
  for (const field of OPERATIONS_FIELDS) {
    const value = entry[field];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  }
  return undefined;
}

/** An entry of an OpenAI-style list: the chat route's or the gateway's. */
export function mapLangdockModel(entry: ModelEntry, route: 'chat' | 'gateway'): LangdockModel {
  const contextWindow = firstContextWindow(entry);
  const operations = firstOperations(entry);
  return {
    id: entry.id,
    route,
    created: langdockCreatedToDate(entry.created),
    ownedBy: typeof entry.owned_by === 'string' ? entry.owned_by : undefined,
    ...(contextWindow !== undefined && { contextWindow }),
    ...(operations !== undefined && { operations }),
    raw: entry,
  };
}

/** An entry of the Anthropic route's list: `{type: "model", id, display_name, created_at}`. */
export function mapLangdockAnthropicModel(entry: ModelEntry): LangdockModel {
  return {
    id: entry.id,
    route: 'messages',
    created: langdockCreatedAtToDate(entry.created_at) ?? langdockCreatedToDate(entry.created),
    ownedBy: typeof entry.owned_by === 'string' ? entry.owned_by : undefined,
    ...(typeof entry.display_name === 'string' && { displayName: entry.display_name }),
    raw: entry,
  };
}

const NO_MODEL_LISTING_HINT =
  'This deployment does not serve GET /models: older and dedicated deployments may not offer model listing. Check baseURL, or look the model ids up in the Langdock workspace settings.';
const GATEWAY_NO_MODEL_LISTING_HINT =
  "The Model Gateway did not serve GET /models. Check baseURL: on the gateway it is the prefix up to /v1, such as 'https://gateway.langdock.com/v1'.";

// Anthropic pages hold 20 models by default; 50 pages is far beyond any workspace, and ends a server that loops.
const MAX_ANTHROPIC_MODEL_PAGES = 50;

async function getModelList(request: LangdockRequest, abortSignal: AbortSignal | undefined) {
  const { value } = await getFromApi({
    url: request.url,
    headers: request.headers,
    failedResponseHandler: request.failedResponseHandler,
    successfulResponseHandler: createLangdockJsonResponseHandler({
      what: 'model list',
      validate: validateLangdockModelList,
      redact: request.redact,
    }),
    abortSignal,
    fetch: request.fetch,
  });
  return value;
}

async function getAnthropicModelList(
  request: LangdockRequest,
  abortSignal: AbortSignal | undefined,
): Promise<ModelEntry[]> {
  const entries: ModelEntry[] = [];
  const seen = new Set<string>();
  let afterId: string | undefined;
  for (let page = 0; page < MAX_ANTHROPIC_MODEL_PAGES; page++) {
    const { value } = await getFromApi({
      url:
        afterId === undefined
          ? request.url
          : `${request.url}?after_id=${encodeURIComponent(afterId)}`,
      headers: request.headers,
      failedResponseHandler: request.failedResponseHandler,
      successfulResponseHandler: createLangdockJsonResponseHandler({
        what: 'model list of the Anthropic route',
        validate: validateLangdockAnthropicModelPage,
        redact: request.redact,
      }),
      abortSignal,
      fetch: request.fetch,
    });
    const fresh = value.data.filter((entry) => !seen.has(entry.id));
    for (const entry of fresh) seen.add(entry.id);
    entries.push(...fresh);
    // A page that adds nothing new means the server ignored after_id: following it would loop.
    if (value.nextAfterId === undefined || fresh.length === 0) break;
    afterId = value.nextAfterId;
  }
  return entries;
}

/** Undefined when the Anthropic route cannot be derived from baseURL (a custom one, no anthropicBaseURL). */
function messagesBaseURLOrUndefined(config: LangdockRequestConfig): string | undefined {
  try {
    return config.messagesBaseURL();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error) && error.argument === 'anthropicBaseURL')
      return undefined;
    throw error;
  }
}

const isNotFound = (error: unknown) => APICallError.isInstance(error) && error.statusCode === 404;

/**
 * The gateway: its one list. The classic API: the chat route's list, then the Anthropic route's (Claude),
 * fetched together. A route that answers 404 lists nothing (older and dedicated deployments may lack one);
 * when both do, the chat route's 404 is thrown. Any other error is thrown, the chat route's first.
 */
export async function listLangdockModels(
  config: LangdockRequestConfig,
  options: LangdockListModelsOptions = {},
): Promise<LangdockModel[]> {
  const { abortSignal, headers } = options;
  if (config.gateway()) {
    const request = prepareLangdockRequest(config, {
      path: '/models',
      headers,
      errorHints: { 404: GATEWAY_NO_MODEL_LISTING_HINT },
    });
    return (await getModelList(request, abortSignal)).map((entry) =>
      mapLangdockModel(entry, 'gateway'),
    );
  }

  const chatRequest = prepareLangdockRequest(config, {
    path: '/models',
    headers,
    errorHints: { 404: NO_MODEL_LISTING_HINT },
  });
  const messagesBaseURL = messagesBaseURLOrUndefined(config);
  if (messagesBaseURL === undefined) {
    return (await getModelList(chatRequest, abortSignal)).map((entry) =>
      mapLangdockModel(entry, 'chat'),
    );
  }
  const messagesRequest = prepareLangdockRequest(config, {
    path: '/models',
    baseURL: messagesBaseURL,
    defaultHeaders: { 'anthropic-version': LANGDOCK_ANTHROPIC_VERSION },
    headers,
  });
  const [chat, messages] = await Promise.allSettled([
    getModelList(chatRequest, abortSignal),
    getAnthropicModelList(messagesRequest, abortSignal),
  ]);
  if (chat.status === 'rejected' && !isNotFound(chat.reason)) throw chat.reason;
  if (messages.status === 'rejected' && !isNotFound(messages.reason)) throw messages.reason;
  if (chat.status === 'rejected' && messages.status === 'rejected') throw chat.reason;
  return [
    ...(chat.status === 'fulfilled'
      ? chat.value.map((entry) => mapLangdockModel(entry, 'chat'))
      : []),
    ...(messages.status === 'fulfilled' ? messages.value.map(mapLangdockAnthropicModel) : []),
  ];
}
