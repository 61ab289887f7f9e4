import { InvalidArgumentError, NoSuchModelError } from '@ai-sdk/provider';
import type { LangdockAgent } from './agent/langdock-agent';
import { buildLangdockAgentCore, type LangdockAgentCore } from './agent/langdock-agent-core';
import type { LangdockAgentSettings, LangdockAgentTarget } from './agent/langdock-agent-options';
import { LangdockChat } from './chat/langdock-chat';
import {
  langdockChatModelSettingsSchema,
  type LangdockChatModelId,
  type LangdockChatModelSettings,
} from './chat/langdock-chat-options';
import { LangdockEmbedder } from './embedding/langdock-embedder';
import {
  langdockEmbeddingModelSettingsSchema,
  type LangdockEmbeddingModelId,
  type LangdockEmbeddingModelSettings,
} from './embedding/langdock-embedding-options';
import {
  listLangdockModels,
  type LangdockListModelsOptions,
  type LangdockModel,
} from './langdock-list-models';
import {
  assertServerSide,
  checkLangdockSettings,
  describeValue,
  type LangdockProviderSettings,
  type LangdockRegion,
} from './langdock-provider-settings';
import { createLangdockRequestConfig } from './http/langdock-request-config';
import { parseLangdockSettings } from './parse-langdock-options';

/** What every spec's provider is made of: checked settings, and the spec-free models it wraps. */
export interface LangdockProviderCore extends LangdockAgentCore {
  chat(modelId: LangdockChatModelId, settings?: LangdockChatModelSettings): LangdockChat;
  embedder(
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ): LangdockEmbedder;
  listModels(options?: LangdockListModelsOptions): Promise<LangdockModel[]>;
  noImageModel(modelId: string): never;
}

/** `createLangdock(...)`'s settings, checked now: bad settings and a browser fail at creation. */
export function createLangdockProviderCore(
  regionOrSettings: LangdockRegion | LangdockProviderSettings,
): LangdockProviderCore {
  const settings = checkLangdockSettings(regionOrSettings);
  assertServerSide(settings);
  return buildLangdockProviderCore(settings);
}

/** The default instance's core: region, key and base URL come from the environment when a request is made. */
export function defaultLangdockProviderCore(): LangdockProviderCore {
  return buildLangdockProviderCore({});
}

function buildLangdockProviderCore(settings: LangdockProviderSettings): LangdockProviderCore {
  const config = createLangdockRequestConfig(settings);
  // Checked when a model is made too, so that importing the default instance never throws.
  return {
    ...buildLangdockAgentCore(settings, config),
    chat: (modelId, modelSettings = {}) => {
      assertServerSide(settings);
      return new LangdockChat(
        checkModelId(modelId, 'gpt-5-mini'),
        checkChatModelSettings(modelSettings),
        config,
      );
    },
    embedder: (modelId, modelSettings = {}) => {
      assertServerSide(settings);
      return new LangdockEmbedder(
        checkModelId(modelId, 'text-embedding-3-small'),
        checkEmbeddingModelSettings(modelSettings),
        config,
      );
    },
    listModels: async (options) => {
      assertServerSide(settings);
      return listLangdockModels(config, options);
    },
    noImageModel: (modelId) => {
      throw new NoSuchModelError({
        modelId,
        modelType: 'imageModel',
        message: 'Langdock image generation is not offered by langdock-ai-provider.',
      });
    },
  };
}

/** How a spec wraps the core's models in its own model classes. */
export interface LangdockSpecModels<CHAT, EMBEDDING, AGENT> {
  chat: (chat: LangdockChat) => CHAT;
  embedding: (embedder: LangdockEmbedder) => EMBEDDING;
  agent: (agent: LangdockAgent) => AGENT;
}

/**
 * The provider every entry exports, in the spec's model classes: callable for a chat model, with every
 * name the AI SDK majors look up (`languageModel`, `embeddingModel`, `textEmbeddingModel`) and ours.
 */
export function assembleLangdockProvider<CHAT, EMBEDDING, AGENT, EXTRA extends object>(
  core: LangdockProviderCore,
  models: LangdockSpecModels<CHAT, EMBEDDING, AGENT>,
  extra: EXTRA,
) {
  const chat = (modelId: LangdockChatModelId, settings?: LangdockChatModelSettings) =>
    models.chat(core.chat(modelId, settings));
  const embedding = (
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ) => models.embedding(core.embedder(modelId, settings));
  return Object.assign(
    function langdockProvider(modelId: LangdockChatModelId, settings?: LangdockChatModelSettings) {
      if (new.target)
        throw new Error(
          'The Langdock provider is a function: call langdock(modelId) without `new`.',
        );
      return chat(modelId, settings);
    },
    {
      chat,
      languageModel: chat,
      embeddingModel: embedding,
      textEmbeddingModel: embedding,
      embedding,
      textEmbedding: embedding,
      listModels: core.listModels,
      imageModel: core.noImageModel,
      agent: (target: LangdockAgentTarget, settings?: LangdockAgentSettings) =>
        models.agent(core.agent(target, settings)),
      agentResponse: core.agentResponse,
      uploadAttachment: core.uploadAttachment,
      deleteAttachment: core.deleteAttachment,
    },
    extra,
  );
}

function checkModelId<ID extends string>(modelId: ID, example: string): ID {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'modelId',
      message: `A Langdock model id must be a non-empty string such as '${example}'; got ${describeValue(modelId)}.`,
    });
  }
  return modelId;
}

function checkChatModelSettings(settings: LangdockChatModelSettings): LangdockChatModelSettings {
  return parseLangdockSettings(langdockChatModelSettingsSchema, settings, {
    argument: 'settings',
    what: 'Langdock chat model settings',
    help: 'The only setting is reasoningModel (a boolean).',
  });
}

function checkEmbeddingModelSettings(
  settings: LangdockEmbeddingModelSettings,
): LangdockEmbeddingModelSettings {
  return parseLangdockSettings(langdockEmbeddingModelSettingsSchema, settings, {
    argument: 'settings',
    what: 'Langdock embedding model settings',
    help: 'The settings are maxEmbeddingsPerCall (1..2048) and supportsDimensions.',
  });
}
