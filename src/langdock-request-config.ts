import type { APICallError } from '@ai-sdk/provider';
import { combineHeaders, type FetchFunction, type ResponseHandler } from '@ai-sdk/provider-utils';
import { createLangdockErrorHandler, redactSecret } from './langdock-error';

/** What a model needs from its provider. Functions, so the key and URL are read at request time. */
export interface LangdockRequestConfig {
  baseURL: () => string;
  /** Undefined only behind a browser proxy that adds the key itself. */
  apiKey: () => string | undefined;
  headers: (apiKey: string | undefined) => Record<string, string | undefined>;
  fetch?: FetchFunction;
  generateId: () => string;
}

/** Everything one request to one endpoint needs, with the key read now. */
export interface LangdockRequest {
  url: string;
  headers: Record<string, string | undefined>;
  /** Removes the key from text the server sent back: an echo of it must never reach an error. */
  redact: (text: string) => string;
  failedResponseHandler: ResponseHandler<APICallError>;
  fetch: FetchFunction | undefined;
}

export function prepareLangdockRequest(
  config: LangdockRequestConfig,
  { path, headers, errorHints }: { path: string; headers?: Record<string, string | undefined>; errorHints?: Partial<Record<number, string>> },
): LangdockRequest {
  const apiKey = config.apiKey();
  return {
    url: `${config.baseURL()}${path}`,
    headers: combineHeaders(config.headers(apiKey), headers),
    redact: (text) => redactSecret(text, apiKey),
    failedResponseHandler: createLangdockErrorHandler(apiKey, errorHints),
    fetch: config.fetch,
  };
}
