import { InvalidArgumentError, type APICallError } from '@ai-sdk/provider';
import { generateId, type FetchFunction, type ResponseHandler } from '@ai-sdk/provider-utils';
import { createLangdockErrorHandler } from './langdock-error';
import { createLangdockRedactor } from './langdock-redaction';
import {
  resolveLangdockApiKey,
  type LangdockProviderSettings,
} from '../langdock-provider-settings';
import { isLangdockGateway, resolveLangdockRoutes } from '../langdock-routes';
import {
  checkLangdockHeaders,
  langdockCredentials,
  mergeLangdockHeaders,
  type LangdockHeaders,
} from './langdock-headers';
import {
  LangdockRateLimiter,
  type LangdockRateLimitLease,
  type LangdockTokenReservation,
} from '../rate-limit/langdock-rate-limit';

/** What a model needs from its provider. Functions, so the key and URL are read at request time. */
export interface LangdockRequestConfig {
  /** The prefix of the OpenAI-format endpoints (chat completions, embeddings, models). */
  baseURL: () => string;
  /** The prefix of the Anthropic-format endpoints (Claude's `/messages`); throws when it cannot be known. */
  messagesBaseURL: () => string;
  /** Whether the models go through the Model Gateway. */
  gateway: () => boolean;
  /** Undefined only where no key is needed: a browser proxy, or an Authorization header (`callAuthorization`: the call's own). */
  apiKey: (options?: { callAuthorization?: boolean }) => string | undefined;
  headers: (apiKey: string | undefined) => LangdockHeaders;
  fetch?: FetchFunction;
  generateId: () => string;
  /** `rateLimit` of the settings: one limiter for every model of the provider. */
  rateLimiter?: LangdockRateLimiter;
}

/** The request config of checked provider settings: the key and URL are read when each request is made. */
export function createLangdockRequestConfig(
  settings: LangdockProviderSettings,
): LangdockRequestConfig {
  return {
    baseURL: () => resolveLangdockRoutes(settings).chat,
    messagesBaseURL: () => {
      const { messages } = resolveLangdockRoutes(settings);
      if (typeof messages === 'string') return messages;
      throw new InvalidArgumentError({ argument: 'anthropicBaseURL', message: messages.problem });
    },
    gateway: () => isLangdockGateway(settings),
    apiKey: (options) => resolveLangdockApiKey(settings, options),
    headers: (apiKey) =>
      mergeLangdockHeaders(
        apiKey !== undefined ? { Authorization: `Bearer ${apiKey}` } : undefined,
        settings.headers,
      ),
    fetch: settings.fetch,
    generateId,
    ...(settings.rateLimit && {
      rateLimiter: new LangdockRateLimiter(settings.rateLimit === true ? {} : settings.rateLimit),
    }),
  };
}

/** Everything one request to one endpoint needs, with the key read now. */
export interface LangdockRequest {
  url: string;
  headers: Record<string, string>;
  /** Removes the key from text the server sent back: an echo of it must never reach an error. */
  redact: (text: string) => string;
  failedResponseHandler: ResponseHandler<APICallError>;
  fetch: FetchFunction | undefined;
  /**
   * With a rate limiter: waits for `tokens()` of the model's budget (workspace, region and model; the estimate
   * is made only then) and returns
   * the lease to settle with the real usage. Without one: undefined at once.
   */
  budget: (
    modelId: string,
    tokens: () => number | LangdockTokenReservation,
    abortSignal: AbortSignal | undefined,
  ) => Promise<LangdockRateLimitLease | undefined>;
}

export function prepareLangdockRequest(
  config: LangdockRequestConfig,
  {
    path,
    baseURL = config.baseURL(),
    defaultHeaders,
    headers,
    errorHints,
  }: {
    path: string;
    /** Another route's prefix (the Anthropic route's); default: the chat base URL. */
    baseURL?: string;
    /** Headers the route needs (`anthropic-version`); the provider's and the call's win over them. */
    defaultHeaders?: LangdockHeaders;
    headers?: LangdockHeaders;
    errorHints?: Partial<Record<number, string>>;
  },
): LangdockRequest {
  const callAuthorization =
    headers !== undefined &&
    Object.keys(headers).some(
      (name) => name.toLowerCase() === 'authorization' && headers[name] !== undefined,
    );
  const apiKey = config.apiKey({ callAuthorization });
  if (headers !== undefined) checkLangdockHeaders(headers, 'headers');
  const merged = mergeLangdockHeaders(defaultHeaders, config.headers(apiKey), headers);
  // Whatever credential is actually sent (the key, or an Authorization header of any casing) is as secret as the key.
  const redact = createLangdockRedactor([apiKey, ...langdockCredentials(merged)]);
  return {
    url: `${baseURL}${path}`,
    headers: merged,
    redact,
    failedResponseHandler: createLangdockErrorHandler(redact, errorHints),
    fetch: config.fetch,
    budget: async (modelId, tokens, abortSignal) => {
      const limiter = config.rateLimiter;
      if (limiter === undefined) return undefined;
      // The workspace is known by the key sent (an Authorization header replaces apiKey); the bucket names it by a
      // one-way hash, so no store ever holds a key.
      const authorization = Object.entries(merged).find(
        ([name]) => name.toLowerCase() === 'authorization',
      )?.[1];
      const sentKey =
        authorization === undefined
          ? (apiKey ?? langdockCredentials(merged)[0])
          : langdockCredentials({ authorization }).at(-1);
      const bucket = `${await langdockKeyHash(sentKey ?? '')}:${baseURL}:${modelId}`;
      return limiter.acquire(bucket, tokens(), abortSignal);
    },
  };
}

const keyHashes = new Map<string, Promise<string>>();

/** SHA-256 of a key, hex, first 32 characters: enough to tell workspaces apart, and no way back to the key. */
export function langdockKeyHash(key: string): Promise<string> {
  let hash = keyHashes.get(key);
  if (hash === undefined) {
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)).then((digest) =>
      [...new Uint8Array(digest)]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('')
        .slice(0, 32),
    );
    // A handful of keys per process at most; kept so the hash is computed once per key.
    if (keyHashes.size < 64) keyHashes.set(key, hash);
  }
  return hash;
}
