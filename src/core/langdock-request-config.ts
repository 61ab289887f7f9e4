import type { APICallError } from '@ai-sdk/provider';
import { generateId, type FetchFunction, type ResponseHandler } from '@ai-sdk/provider-utils';
import { createLangdockErrorHandler, createLangdockRedactor } from './langdock-error';
import { resolveLangdockApiKey, resolveLangdockBaseURL, type LangdockProviderSettings } from './langdock-provider-settings';
import { checkLangdockHeaders, langdockCredentials, mergeLangdockHeaders, type LangdockHeaders } from './langdock-headers';

/** What a model needs from its provider. Functions, so the key and URL are read at request time. */
export interface LangdockRequestConfig {
  baseURL: () => string;
  /** Undefined only behind a browser proxy that adds the key itself. */
  apiKey: () => string | undefined;
  headers: (apiKey: string | undefined) => LangdockHeaders;
  fetch?: FetchFunction;
  generateId: () => string;
}

/** The request config of checked provider settings: the key and URL are read when each request is made. */
export function createLangdockRequestConfig(settings: LangdockProviderSettings): LangdockRequestConfig {
  return {
    baseURL: () => resolveLangdockBaseURL(settings),
    apiKey: () => resolveLangdockApiKey(settings),
    headers: (apiKey) => mergeLangdockHeaders(apiKey !== undefined ? { Authorization: `Bearer ${apiKey}` } : undefined, settings.headers),
    fetch: settings.fetch,
    generateId,
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
}

export function prepareLangdockRequest(
  config: LangdockRequestConfig,
  { path, headers, errorHints }: { path: string; headers?: LangdockHeaders; errorHints?: Partial<Record<number, string>> },
): LangdockRequest {
  const apiKey = config.apiKey();
  if (headers !== undefined) checkLangdockHeaders(headers, 'headers');
  const merged = mergeLangdockHeaders(config.headers(apiKey), headers);
  // Whatever credential is actually sent (the key, or an Authorization header of any casing) is as secret as the key.
  const redact = createLangdockRedactor([apiKey, ...langdockCredentials(merged)]);
  return {
    url: `${config.baseURL()}${path}`,
    headers: merged,
    redact,
    failedResponseHandler: createLangdockErrorHandler(redact, errorHints),
    fetch: config.fetch,
  };
}
