import type { EmbeddingModelV4, LanguageModelV4, ProviderV4 } from '@ai-sdk/provider-v4';
import type { LangdockAgentMembers } from '../core/agent/langdock-agent-public-types';
import type {
  LangdockChatModelId,
  LangdockChatModelSettings,
} from '../core/chat/langdock-chat-options';
import type {
  LangdockEmbeddingModelId,
  LangdockEmbeddingModelSettings,
} from '../core/embedding/langdock-embedding-options';
import type { LangdockListModelsOptions, LangdockModel } from '../core/langdock-list-models';
import {
  assembleLangdockProvider,
  createLangdockProviderCore,
  defaultLangdockProviderCore,
  type LangdockLanguageModelId,
  type LangdockProviderCore,
} from '../core/langdock-provider-core';
import type { LangdockMessagesModelId } from '../core/messages/langdock-messages-options';
import type { LangdockProviderSettings, LangdockRegion } from '../core/langdock-provider-settings';
import { LangdockAgentLanguageModel } from './langdock-agent-language-model';
import { LangdockChatLanguageModel } from './langdock-chat-language-model';
import { LangdockEmbeddingModel } from './langdock-embedding-model';

export interface LangdockProvider extends ProviderV4, LangdockAgentMembers<LanguageModelV4> {
  readonly specificationVersion: 'v4';
  /** A language model on the route its id calls for: Claude ids on Anthropic Messages, the rest on chat completions. */
  (modelId: LangdockLanguageModelId, settings?: LangdockChatModelSettings): LanguageModelV4;
  /** Same as calling the provider: the route by the model id. */
  languageModel(
    modelId: LangdockLanguageModelId,
    settings?: LangdockChatModelSettings,
  ): LanguageModelV4;
  /** A model on OpenAI chat completions, whatever its id (on the gateway, Claude through chat completions too). */
  chat(modelId: LangdockChatModelId, settings?: LangdockChatModelSettings): LanguageModelV4;
  /** A model on Anthropic Messages, whatever its id (Langdock's Anthropic route, or the gateway's `/messages`). */
  messages(modelId: LangdockMessagesModelId): LanguageModelV4;
  /** An embeddings model, for `embed` and `embedMany`. */
  textEmbeddingModel(
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ): EmbeddingModelV4;
  /** Alias of `textEmbeddingModel` (the name AI SDK 6 and 7 use). */
  embeddingModel(
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ): EmbeddingModelV4;
  /** Alias of `textEmbeddingModel`. */
  embedding(
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ): EmbeddingModelV4;
  /** Alias of `textEmbeddingModel`. */
  textEmbedding(
    modelId: LangdockEmbeddingModelId,
    settings?: LangdockEmbeddingModelSettings,
  ): EmbeddingModelV4;
  /** The models this workspace serves in this region (`GET /models`). */
  listModels(options?: LangdockListModelsOptions): Promise<LangdockModel[]>;
}

const v4Models = {
  chat: (chat: ConstructorParameters<typeof LangdockChatLanguageModel>[0]) =>
    new LangdockChatLanguageModel(chat),
  embedding: (embedder: ConstructorParameters<typeof LangdockEmbeddingModel>[0]) =>
    new LangdockEmbeddingModel(embedder),
  agent: (agent: ConstructorParameters<typeof LangdockAgentLanguageModel>[0]) =>
    new LangdockAgentLanguageModel(agent),
};

const buildLangdockProvider = (core: LangdockProviderCore): LangdockProvider =>
  assembleLangdockProvider(core, v4Models, { specificationVersion: 'v4' as const });

/** A Langdock provider for AI SDK 7 (`LanguageModelV4`). */
export function createLangdock(
  regionOrSettings: LangdockRegion | LangdockProviderSettings = {},
): LangdockProvider {
  return buildLangdockProvider(createLangdockProviderCore(regionOrSettings));
}

/** The default instance: region, key and base URL come from the environment when a request is made. */
export const langdock = buildLangdockProvider(defaultLangdockProviderCore());
