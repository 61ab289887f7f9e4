import { InvalidArgumentError, LoadAPIKeyError, NoSuchModelError, type EmbeddingModelV2, type LanguageModelV2, type ProviderV2 } from '@ai-sdk/provider';
import { generateId, loadOptionalSetting, type FetchFunction } from '@ai-sdk/provider-utils';
import { LangdockChatLanguageModel } from './langdock-chat-language-model';
import { langdockChatModelSettingsSchema, type LangdockChatModelId, type LangdockChatModelSettings } from './langdock-chat-options';
import { LangdockEmbeddingModel } from './langdock-embedding-model';
import { langdockEmbeddingModelSettingsSchema, type LangdockEmbeddingModelId, type LangdockEmbeddingModelSettings } from './langdock-embedding-options';
import { listLangdockModels, type LangdockListModelsOptions, type LangdockModel } from './langdock-list-models';
import type { LangdockRequestConfig } from './langdock-request-config';
import { parseLangdockSettings } from './parse-langdock-options';

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
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** A custom fetch, for proxies, tests or instrumentation. */
  fetch?: FetchFunction;
  /**
   * Langdock refuses browser-origin requests, and a key sent from a browser is a leaked key, so
   * creating the provider in a browser throws. Set this only behind a proxy that adds the key itself.
   */
  dangerouslyAllowBrowser?: boolean;
}

export interface LangdockProvider extends ProviderV2 {
  (modelId: LangdockChatModelId, settings?: LangdockChatModelSettings): LanguageModelV2;
  /** A chat completions model. */
  chat(modelId: LangdockChatModelId, settings?: LangdockChatModelSettings): LanguageModelV2;
  languageModel(modelId: LangdockChatModelId, settings?: LangdockChatModelSettings): LanguageModelV2;
  /** An embeddings model, for `embed` and `embedMany`. */
  textEmbeddingModel(modelId: LangdockEmbeddingModelId, settings?: LangdockEmbeddingModelSettings): EmbeddingModelV2<string>;
  /** Alias of `textEmbeddingModel`. */
  embedding(modelId: LangdockEmbeddingModelId, settings?: LangdockEmbeddingModelSettings): EmbeddingModelV2<string>;
  /** Alias of `textEmbeddingModel`. */
  textEmbedding(modelId: LangdockEmbeddingModelId, settings?: LangdockEmbeddingModelSettings): EmbeddingModelV2<string>;
  /** The models this workspace serves in this region (`GET /models`). */
  listModels(options?: LangdockListModelsOptions): Promise<LangdockModel[]>;
}

const settingKeys = ['region', 'apiKey', 'baseURL', 'headers', 'fetch', 'dangerouslyAllowBrowser'] as const;

export function createLangdock(regionOrSettings: LangdockRegion | LangdockProviderSettings = {}): LangdockProvider {
  const settings = checkSettings(typeof regionOrSettings === 'string' ? { region: regionOrSettings } : regionOrSettings);
  assertServerSide(settings);
  return buildLangdockProvider(settings);
}

function buildLangdockProvider(settings: LangdockProviderSettings): LangdockProvider {
  const explicitBaseURL = withoutTrailingSlashes(settings.baseURL);
  const config: LangdockRequestConfig = {
    // An explicit setting beats the environment; a base URL beats a region.
    baseURL: () =>
      explicitBaseURL ??
      (settings.region !== undefined ? regionBaseURL(settings.region) : withoutTrailingSlashes(readEnv('LANGDOCK_BASE_URL'))) ??
      regionBaseURL(regionFromEnv()),
    apiKey: () => {
      const apiKey = settings.apiKey ?? readEnv('LANGDOCK_API_KEY');
      if (apiKey === undefined && !settings.dangerouslyAllowBrowser) {
        throw new LoadAPIKeyError({
          message:
            'Langdock API key is missing. Set the LANGDOCK_API_KEY environment variable or pass createLangdock({ apiKey }). ' +
            'Workspace admins create keys in the Langdock settings under API.',
        });
      }
      return apiKey;
    },
    headers: (apiKey) => ({ ...(apiKey !== undefined && { Authorization: `Bearer ${apiKey}` }), ...settings.headers }),
    fetch: settings.fetch,
    generateId,
  };

  // Checked when a model is made too, so that importing the default instance never throws.
  const createChatModel = (modelId: LangdockChatModelId, modelSettings: LangdockChatModelSettings = {}) => {
    assertServerSide(settings);
    return new LangdockChatLanguageModel(checkModelId(modelId, 'gpt-5-mini'), checkChatModelSettings(modelSettings), config);
  };

  const createEmbeddingModel = (modelId: LangdockEmbeddingModelId, modelSettings: LangdockEmbeddingModelSettings = {}) => {
    assertServerSide(settings);
    return new LangdockEmbeddingModel(checkModelId(modelId, 'text-embedding-3-small'), checkEmbeddingModelSettings(modelSettings), config);
  };

  const provider: LangdockProvider = Object.assign(
    function langdockProvider(modelId: LangdockChatModelId, modelSettings?: LangdockChatModelSettings) {
      if (new.target) {
        throw new Error('The Langdock provider is a function: call langdock(modelId) without `new`.');
      }
      return createChatModel(modelId, modelSettings);
    },
    {
      chat: createChatModel,
      languageModel: createChatModel,
      textEmbeddingModel: createEmbeddingModel,
      embedding: createEmbeddingModel,
      textEmbedding: createEmbeddingModel,
      listModels: async (options?: LangdockListModelsOptions) => {
        assertServerSide(settings);
        return listLangdockModels(config, options);
      },
      imageModel: (modelId: string): never => {
        throw new NoSuchModelError({ modelId, modelType: 'imageModel', message: 'Langdock image generation is not offered by langdock-ai-provider.' });
      },
    },
  );
  return provider;
}

/** The default instance: region, key and base URL come from the environment when a request is made. */
export const langdock = buildLangdockProvider({});

function regionBaseURL(region: LangdockRegion): string {
  return `https://api.langdock.com/openai/${region}/v1`;
}

function regionFromEnv(): LangdockRegion {
  const fromEnv = readEnv('LANGDOCK_REGION')?.toLowerCase();
  if (fromEnv === undefined) return 'eu';
  if (!isRegion(fromEnv)) {
    throw new InvalidArgumentError({ argument: 'LANGDOCK_REGION', message: `LANGDOCK_REGION is ${describeValue(fromEnv)}; Langdock's regions are 'eu' and 'us'.` });
  }
  return fromEnv;
}

function assertServerSide(settings: LangdockProviderSettings): void {
  if (!isBrowser() || settings.dangerouslyAllowBrowser) return;
  throw new InvalidArgumentError({
    argument: 'createLangdock',
    message:
      'langdock-ai-provider runs on the server only: Langdock blocks browser-origin requests, and an API key in a browser is a leaked key. ' +
      'Call Langdock from a server route (e.g. a Next.js route handler) and stream to the browser from there. ' +
      'Behind a proxy that adds the key itself, use createLangdock({ baseURL: <proxy>, dangerouslyAllowBrowser: true }).',
  });
}

/** A value for an error message: short plain words as they are, anything else (a key passed by mistake) only described. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return /^[\w.-]{0,16}$/.test(value) ? JSON.stringify(value) : `a string of ${value.length} characters`;
  return value === null ? 'null' : typeof value;
}

function checkChatModelSettings(settings: LangdockChatModelSettings): LangdockChatModelSettings {
  return parseLangdockSettings(langdockChatModelSettingsSchema, settings, {
    argument: 'settings',
    what: 'Langdock chat model settings',
    help: 'The only setting is reasoningModel (a boolean).',
  });
}

function checkModelId<ID extends string>(modelId: ID, example: string): ID {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new InvalidArgumentError({ argument: 'modelId', message: `A Langdock model id must be a non-empty string such as '${example}'; got ${JSON.stringify(modelId)}.` });
  }
  return modelId;
}

function checkEmbeddingModelSettings(settings: LangdockEmbeddingModelSettings): LangdockEmbeddingModelSettings {
  return parseLangdockSettings(langdockEmbeddingModelSettingsSchema, settings, {
    argument: 'settings',
    what: 'Langdock embedding model settings',
    help: 'The settings are maxEmbeddingsPerCall (1..2048) and supportsDimensions.',
  });
}

function withoutTrailingSlashes(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}

/** An environment variable, or undefined when unset or blank (and on runtimes without `process`). */
function readEnv(name: string): string | undefined {
  return loadOptionalSetting({ settingValue: undefined, environmentVariableName: name })?.trim() || undefined;
}

function isRegion(value: unknown): value is LangdockRegion {
  return langdockRegions.includes(value as LangdockRegion);
}

function checkSettings(settings: LangdockProviderSettings): LangdockProviderSettings {
  const fail = (argument: string, message: string) => new InvalidArgumentError({ argument, message });
  if (typeof settings !== 'object' || settings === null) {
    throw fail('settings', `createLangdock takes 'eu', 'us' or a settings object; got ${describeValue(settings)}.`);
  }
  const unknown = Object.keys(settings).filter((key) => !(settingKeys as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw fail('settings', `Unknown Langdock setting ${unknown.map((key) => `'${key}'`).join(', ')}; the settings are ${settingKeys.join(', ')}.`);
  }
  if (settings.region !== undefined && !isRegion(settings.region)) {
    throw fail('region', `Unknown Langdock region ${describeValue(settings.region)}: use 'eu' or 'us'.`);
  }
  if (settings.region !== undefined && settings.baseURL !== undefined) {
    throw fail('region', 'Pass region or baseURL, not both: the base URL already names the region (…/openai/eu/v1).');
  }
  if (settings.apiKey !== undefined && (typeof settings.apiKey !== 'string' || settings.apiKey.trim() === '')) {
    throw fail('apiKey', 'apiKey must be a non-empty string; leave it out to read LANGDOCK_API_KEY.');
  }
  if (settings.baseURL !== undefined) {
    let protocol: string | undefined;
    try {
      protocol = new URL(settings.baseURL).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw fail('baseURL', `baseURL must be an http(s) URL such as 'https://api.langdock.com/openai/eu/v1'; got ${describeValue(settings.baseURL)}.`);
    }
  }
  if (settings.headers !== undefined && (typeof settings.headers !== 'object' || settings.headers === null)) {
    throw fail('headers', 'headers must be an object of header names to string values.');
  }
  if (settings.fetch !== undefined && typeof settings.fetch !== 'function') {
    throw fail('fetch', 'fetch must be a function with the signature of the global fetch.');
  }
  return settings;
}

function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown } };
  return typeof scope.window === 'object' && scope.window !== null && typeof scope.window.document !== 'undefined';
}
