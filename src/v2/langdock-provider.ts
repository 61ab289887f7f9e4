import { InvalidArgumentError, NoSuchModelError, type EmbeddingModelV2, type LanguageModelV2, type ProviderV2 } from '@ai-sdk/provider';
import { LangdockChatLanguageModel } from './langdock-chat-language-model';
import { langdockChatModelSettingsSchema, type LangdockChatModelId, type LangdockChatModelSettings } from '../core/langdock-chat-options';
import { LangdockEmbeddingModel } from './langdock-embedding-model';
import { langdockEmbeddingModelSettingsSchema, type LangdockEmbeddingModelId, type LangdockEmbeddingModelSettings } from '../core/langdock-embedding-options';
import { listLangdockModels, type LangdockListModelsOptions, type LangdockModel } from '../core/langdock-list-models';
import {
  assertServerSide,
  checkLangdockSettings,
  describeValue,
  type LangdockProviderSettings,
  type LangdockRegion,
} from '../core/langdock-provider-settings';
import { createLangdockRequestConfig } from '../core/langdock-request-config';
import { parseLangdockSettings } from '../core/parse-langdock-options';

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

export function createLangdock(regionOrSettings: LangdockRegion | LangdockProviderSettings = {}): LangdockProvider {
  const settings = checkLangdockSettings(regionOrSettings);
  assertServerSide(settings);
  return buildLangdockProvider(settings);
}

function buildLangdockProvider(settings: LangdockProviderSettings): LangdockProvider {
  const config = createLangdockRequestConfig(settings);

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





function checkChatModelSettings(settings: LangdockChatModelSettings): LangdockChatModelSettings {
  return parseLangdockSettings(langdockChatModelSettingsSchema, settings, {
    argument: 'settings',
    what: 'Langdock chat model settings',
    help: 'The only setting is reasoningModel (a boolean).',
  });
}

function checkModelId<ID extends string>(modelId: ID, example: string): ID {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new InvalidArgumentError({ argument: 'modelId', message: `A Langdock model id must be a non-empty string such as '${example}'; got ${describeValue(modelId)}.` });
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





