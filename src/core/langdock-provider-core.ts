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
import type { LangdockLanguageModelCore } from './langdock-call';
import { LangdockMessages } from './messages/langdock-messages';
import { isLangdockClaudeModelId } from './messages/langdock-messages-model-capabilities';
import type { LangdockMessagesModelId } from './messages/langdock-messages-options';

/** Any model id `langdock(id)` takes: chat completions ids and Claude ids, open strings. */
export type LangdockLanguageModelId = LangdockChatModelId | LangdockMessagesModelId;

/** A Claude model takes no model settings: thinking and the rest are per call. */
export type LangdockMessagesModelSettings = Record<string, never>;

/** What every spec's provider is made of: checked settings, and the spec-free models it wraps. */
export interface LangdockProviderCore extends LangdockAgentCore {
  /** The model's route by its id: Claude ids on Anthropic Messages, every other id on chat completions. */
  languageModel(
    modelId: LangdockLanguageModelId,
    settings?: LangdockChatModelSettings,
  ): LangdockLanguageModelCore;
  chat(modelId: LangdockChatModelId, settings?: LangdockChatModelSettings): LangdockChat;
  messages(
    modelId: LangdockMessagesModelId,
    settings?: LangdockMessagesModelSettings,
  ): LangdockMessages;
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
  const chat = (modelId: string, modelSettings: LangdockChatModelSettings = {}) => {
    assertServerSide(settings);
    return new LangdockChat(
      checkModelId(modelId, 'gpt-5-mini'),
      checkChatModelSettings(modelSettings),
      config,
    );
  };
  const messages = (modelId: string, modelSettings: object = {}) => {
    assertServerSide(settings);
    checkMessagesModelSettings(modelSettings as LangdockMessagesModelSettings);
    return new LangdockMessages(checkModelId(modelId, 'claude-sonnet-4-6-default'), config);
  };
  return {
    ...buildLangdockAgentCore(settings, config),
    languageModel: (modelId, modelSettings) =>
      isLangdockClaudeModelId(checkModelId(modelId, 'gpt-5-mini'))
        ? messages(modelId, modelSettings)
        : chat(modelId, modelSettings),
    chat,
    messages,
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
  chat: (model: LangdockLanguageModelCore) => CHAT;
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
  const languageModel = (modelId: LangdockLanguageModelId, settings?: LangdockChatModelSettings) =>
    models.chat(core.languageModel(modelId, settings));
  const chat = (modelId: LangdockChatModelId, settings?: LangdockChatModelSettings) =>
    models.chat(core.chat(modelId, settings));
  const messages = (modelId: LangdockMessagesModelId, settings?: LangdockMessagesModelSettings) =>
    models.chat(core.messages(modelId, settings));
  const embedding = (
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ) => models.embedding(core.embedder(modelId, settings));
  return Object.assign(
    function langdockProvider(
      modelId: LangdockLanguageModelId,
      settings?: LangdockChatModelSettings,
    ) {
      if (new.target)
        throw new Error(
          'The Langdock provider is a function: call langdock(modelId) without `new`.',
        );
      return languageModel(modelId, settings);
    },
    {
      chat,
      messages,
      languageModel,
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

function checkMessagesModelSettings(settings: LangdockMessagesModelSettings): void {
  if (typeof settings !== 'object' || settings === null || Object.keys(settings).length > 0) {
    throw new InvalidArgumentError({
      argument: 'settings',
      message:
        'Claude models take no model settings (reasoningModel is for chat completions models: Claude thinks per its family). ' +
        'Set thinking and the rest per call in providerOptions.langdock.',
    });
  }
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
