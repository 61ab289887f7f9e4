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
  const merged = combineHeaders(config.headers(apiKey), headers);
  // A key set through an Authorization header (provider or call) is as secret as the configured one.
  const secrets = [apiKey, bearerToken(merged)].filter((secret): secret is string => secret !== undefined);
  const redact = (text: string) => secrets.reduce((redacted, secret) => redactSecret(redacted, secret), text);
  return {
    url: `${config.baseURL()}${path}`,
    headers: merged,
    redact,
    failedResponseHandler: createLangdockErrorHandler(redact, errorHints),
    fetch: config.fetch,
  };
}

function bearerToken(headers: Record<string, string | undefined>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization' && value !== undefined) return value.replace(/^Bearer\s+/i, '').trim();
  }
  return undefined;
}
