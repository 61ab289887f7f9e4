import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import { loadOptionalSetting, type FetchFunction } from '@ai-sdk/provider-utils';
import { checkLangdockHeaders } from './http/langdock-headers';
import type { LangdockRateLimitSettings } from './rate-limit/langdock-rate-limit';

export const langdockRegions = ['eu', 'us'] as const;
export type LangdockRegion = (typeof langdockRegions)[number];

export interface LangdockProviderSettings {
  /** `eu` or `us`. Default: `LANGDOCK_REGION`, else `eu`. */
  region?: LangdockRegion;
  /** Default: `LANGDOCK_API_KEY`, read when a request is made. */
  apiKey?: string;
  /**
   * The full prefix up to `/v1`. Default: `LANGDOCK_BASE_URL`, else
   * `https://api.langdock.com/openai/{region}/v1`. Dedicated deployment:
   * `<deployment-url>/api/public/openai/eu/v1`.
   */
  baseURL?: string;
  /**
   * The prefix of Langdock's Anthropic route, before `/messages` (Claude). Default: derived from the chat base URL
   * (`…/openai/eu/v1` → `…/anthropic/eu/v1`); on the gateway, the gateway's prefix.
   */
  anthropicBaseURL?: string;
  /**
   * Send every model through Langdock's Model Gateway (`https://gateway.langdock.com/v1`, no region): Claude on
   * `/messages`, every other model on `/chat/completions`. `baseURL` then sets the gateway's prefix. Default:
   * `LANGDOCK_GATEWAY` (`true` or `1`), else the classic API. Agents stay on `https://api.langdock.com`.
   */
  gateway?: boolean;
  /**
   * The prefix before `/agent/v1` and `/attachment/v1` (agents and attachments). Default: derived from the
   * chat base URL by dropping `/openai/{region}/v1` (`https://api.langdock.com`, `<deployment-url>/api/public`).
   */
  agentBaseURL?: string;
  /** Extra headers sent with every request (an `Authorization` header here, in any casing, replaces the key). */
  headers?: Record<string, string>;
  /** A custom fetch, for proxies, tests or instrumentation. */
  fetch?: FetchFunction;
  /**
   * Langdock refuses browser-origin requests, and a key sent from a browser is a leaked key, so
   * creating the provider in a browser throws. Set this only behind a proxy that adds the key itself:
   * then only an explicit `apiKey` is sent, never `LANGDOCK_API_KEY`.
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Stay inside Langdock's per-model budget (500 requests and 60,000 tokens a minute per workspace): calls
   * wait for budget instead of meeting 429s. `true` for Langdock's limits in this process; an object to set
   * other limits, the longest wait, or a shared store (`langdock-ai-provider/redis`). Off by default.
   */
  rateLimit?: boolean | LangdockRateLimitSettings;
}

const settingKeys = [
  'region',
  'apiKey',
  'baseURL',
  'anthropicBaseURL',
  'gateway',
  'agentBaseURL',
  'headers',
  'fetch',
  'dangerouslyAllowBrowser',
  'rateLimit',
] as const;

// A key is one header token: printable ASCII without spaces. Anything else would fail inside fetch,
// whose message quotes the whole header value.
const keyPattern = /^[\x21-\x7e]+$/;

const fail = (argument: string, message: string) => new InvalidArgumentError({ argument, message });

/** The settings, checked and normalised (region lower-cased, key trimmed); errors never echo a key. */
export function checkLangdockSettings(
  regionOrSettings: LangdockRegion | LangdockProviderSettings,
): LangdockProviderSettings {
  const settings =
    typeof regionOrSettings === 'string' ? { region: regionOrSettings } : regionOrSettings;
  if (typeof settings !== 'object' || settings === null) {
    throw fail(
      'settings',
      `createLangdock takes 'eu', 'us' or a settings object; got ${describeValue(settings)}.`,
    );
  }
  const unknown = Object.keys(settings).filter(
    (key) => !(settingKeys as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw fail(
      'settings',
      `Unknown Langdock setting ${unknown.map((key) => `'${key}'`).join(', ')}; the settings are ${settingKeys.join(', ')}.`,
    );
  }
  const region =
    typeof settings.region === 'string' ? settings.region.trim().toLowerCase() : settings.region;
  if (region !== undefined && !isRegion(region)) {
    throw fail(
      'region',
      `Unknown Langdock region ${describeValue(settings.region)}: use 'eu' or 'us'.`,
    );
  }
  if (region !== undefined && settings.baseURL !== undefined) {
    throw fail(
      'region',
      'Pass region or baseURL, not both: the base URL already names the region (…/openai/eu/v1).',
    );
  }
  const apiKey = typeof settings.apiKey === 'string' ? settings.apiKey.trim() : settings.apiKey;
  if (apiKey !== undefined && (typeof apiKey !== 'string' || !keyPattern.test(apiKey))) {
    throw fail(
      'apiKey',
      'apiKey must be a non-empty string without spaces or control characters; leave it out to read LANGDOCK_API_KEY.',
    );
  }
  if (settings.gateway !== undefined && typeof settings.gateway !== 'boolean') {
    throw fail('gateway', `gateway must be true or false; got ${describeValue(settings.gateway)}.`);
  }
  if (settings.gateway === true && region !== undefined) {
    throw fail(
      'region',
      'The Model Gateway has no regions: pass gateway: true without region (the gateway serves every enabled model).',
    );
  }
  if (settings.baseURL !== undefined) checkBaseURL(settings.baseURL, 'baseURL');
  if (settings.anthropicBaseURL !== undefined)
    checkBaseURL(settings.anthropicBaseURL, 'anthropicBaseURL');
  if (settings.agentBaseURL !== undefined) checkBaseURL(settings.agentBaseURL, 'agentBaseURL');
  if (settings.headers !== undefined) {
    if (typeof settings.headers !== 'object' || settings.headers === null)
      throw fail('headers', 'headers must be an object of header names to string values.');
    checkLangdockHeaders(settings.headers, 'headers');
  }
  if (settings.fetch !== undefined && typeof settings.fetch !== 'function') {
    throw fail('fetch', 'fetch must be a function with the signature of the global fetch.');
  }
  if (
    settings.dangerouslyAllowBrowser !== undefined &&
    typeof settings.dangerouslyAllowBrowser !== 'boolean'
  ) {
    throw fail(
      'dangerouslyAllowBrowser',
      `dangerouslyAllowBrowser must be true or false; got ${describeValue(settings.dangerouslyAllowBrowser)}.`,
    );
  }
  if (settings.rateLimit !== undefined) checkRateLimit(settings.rateLimit);
  return { ...settings, region, apiKey };
}

const positive = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

function checkRateLimit(rateLimit: unknown): void {
  if (typeof rateLimit === 'boolean') return;
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    throw fail(
      'rateLimit',
      `rateLimit must be true, false or { requestsPerMinute, tokensPerMinute, maxWaitMs, store }; got ${describeValue(rateLimit)}.`,
    );
  }
  const known = ['requestsPerMinute', 'tokensPerMinute', 'maxWaitMs', 'store', 'windowMs'];
  const unknown = Object.keys(rateLimit).filter((key) => !known.includes(key));
  if (unknown.length > 0)
    throw fail(
      'rateLimit',
      `Unknown rateLimit setting ${unknown.map((key) => `'${key}'`).join(', ')}; the settings are ${known.join(', ')}.`,
    );
  const limits = rateLimit as Record<string, unknown>;
  for (const key of ['requestsPerMinute', 'tokensPerMinute', 'windowMs'] as const) {
    if (limits[key] !== undefined && !positive(limits[key]))
      throw fail(
        'rateLimit',
        `rateLimit.${key} must be a positive number; got ${describeValue(limits[key])}.`,
      );
  }
  if (
    limits.maxWaitMs !== undefined &&
    !(typeof limits.maxWaitMs === 'number' && limits.maxWaitMs >= 0)
  ) {
    throw fail(
      'rateLimit',
      `rateLimit.maxWaitMs must be a number of milliseconds (0 never waits); got ${describeValue(limits.maxWaitMs)}.`,
    );
  }
  const store = limits.store as Record<string, unknown> | undefined;
  if (
    store !== undefined &&
    (typeof store !== 'object' ||
      store === null ||
      !['acquire', 'settle', 'block'].every((method) => typeof store[method] === 'function'))
  ) {
    throw fail(
      'rateLimit',
      'rateLimit.store must have acquire, settle and block methods, such as createLangdockRedisStore(client) from langdock-ai-provider/redis.',
    );
  }
}

/**
 * The chat base URL, in the README's order: baseURL, LANGDOCK_BASE_URL (a deployment's or the emulator's, so
 * it wins over a region in code), region, LANGDOCK_REGION, eu; with a fixed default (the gateway's), no region.
 */
export function resolveLangdockBaseURL(
  settings: LangdockProviderSettings,
  fixedDefault?: string,
): string {
  if (settings.baseURL !== undefined) return withoutTrailingSlashes(settings.baseURL);
  const fromEnv = readEnv('LANGDOCK_BASE_URL');
  if (fromEnv !== undefined)
    return withoutTrailingSlashes(checkBaseURL(fromEnv, 'LANGDOCK_BASE_URL'));
  if (fixedDefault !== undefined) return fixedDefault;
  if (settings.region !== undefined) return regionBaseURL(settings.region);
  const region = readEnv('LANGDOCK_REGION')?.toLowerCase();
  if (region === undefined) return regionBaseURL('eu');
  if (!isRegion(region)) {
    throw fail(
      'LANGDOCK_REGION',
      `LANGDOCK_REGION is ${describeValue(region)}; Langdock's regions are 'eu' and 'us'.`,
    );
  }
  return regionBaseURL(region);
}

/** The key for this request; undefined only where no key is needed (a proxy, or an Authorization header). */
export function resolveLangdockApiKey(
  settings: LangdockProviderSettings,
  { callAuthorization = false }: { callAuthorization?: boolean } = {},
): string | undefined {
  // Behind a browser proxy the proxy adds the key: one from the environment is never sent there.
  const apiKey =
    settings.apiKey ?? (settings.dangerouslyAllowBrowser ? undefined : readEnv('LANGDOCK_API_KEY'));
  if (apiKey !== undefined && !keyPattern.test(apiKey)) {
    throw new LoadAPIKeyError({
      message:
        'LANGDOCK_API_KEY contains spaces or control characters inside it; set it to the key alone.',
    });
  }
  // An Authorization header (the provider's, or this call's) replaces the key, so none is needed then.
  const hasAuthorizationHeader =
    callAuthorization ||
    Object.keys(settings.headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
  if (apiKey === undefined && !settings.dangerouslyAllowBrowser && !hasAuthorizationHeader) {
    throw new LoadAPIKeyError({
      message:
        'Langdock API key is missing. Set the LANGDOCK_API_KEY environment variable or pass createLangdock({ apiKey }). ' +
        'Workspace admins create keys in the Langdock settings under API.',
    });
  }
  return apiKey;
}

export function assertServerSide(settings: LangdockProviderSettings): void {
  if (!isBrowser() || settings.dangerouslyAllowBrowser) return;
  throw fail(
    'createLangdock',
    'langdock-ai-provider runs on the server only: Langdock blocks browser-origin requests, and an API key in a browser is a leaked key. ' +
      'Call Langdock from a server route (e.g. a Next.js route handler) and stream to the browser from there. ' +
      'Behind a proxy that adds the key itself, use createLangdock({ baseURL: <proxy>, dangerouslyAllowBrowser: true }).',
  );
}

/** A value for an error message: short plain words as they are, anything else (a key passed by mistake) only described. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return /^[\w.-]{0,16}$/.test(value)
      ? JSON.stringify(value)
      : `a string of ${value.length} characters`;
  return value === null ? 'null' : typeof value;
}

function checkBaseURL(value: unknown, argument: string): string {
  let protocol: string | undefined;
  try {
    protocol = typeof value === 'string' ? new URL(value).protocol : undefined;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'https:' || protocol === 'http:') return value as string;
  // Show what looks like a URL (it has a dot and a slash); describe anything else, which may be a key.
  const shown =
    typeof value === 'string' && value.includes('.') && value.includes('/')
      ? JSON.stringify(value)
      : describeValue(value);
  throw fail(
    argument,
    `${argument} must be an http:// or https:// URL such as 'https://api.langdock.com/openai/eu/v1'; got ${shown}.`,
  );
}

function regionBaseURL(region: LangdockRegion): string {
  return `https://api.langdock.com/openai/${region}/v1`;
}

export function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** An environment variable, or undefined when unset or blank (and on runtimes without `process`). */
function readEnv(name: string): string | undefined {
  return (
    loadOptionalSetting({ settingValue: undefined, environmentVariableName: name })?.trim() ||
    undefined
  );
}

function isRegion(value: unknown): value is LangdockRegion {
  return langdockRegions.includes(value as LangdockRegion);
}

/** A page or a web worker: both run in the user's browser. */
function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown }; importScripts?: unknown };
  const page =
    typeof scope.window === 'object' &&
    scope.window !== null &&
    typeof scope.window.document !== 'undefined';
  return page || typeof scope.importScripts === 'function';
}
