import type { FetchFunction } from '@ai-sdk/provider-utils';

/** What a model needs from its provider. Functions, so the key and URL are read at request time. */
export interface LangdockRequestConfig {
  baseURL: () => string;
  apiKey: () => string;
  headers: (apiKey: string) => Record<string, string | undefined>;
  fetch?: FetchFunction;
  generateId: () => string;
}
