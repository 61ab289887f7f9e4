export { createLangdock, langdock, langdockRegions } from './langdock-provider';
export type { LangdockProvider, LangdockProviderSettings, LangdockRegion } from './langdock-provider';
export { langdockChatOptionsSchema } from './langdock-chat-options';
export type { LangdockChatModelId, LangdockChatModelSettings, LangdockChatOptions } from './langdock-chat-options';
export { langdockEmbeddingOptionsSchema } from './langdock-embedding-options';
export type { LangdockEmbeddingModelId, LangdockEmbeddingModelSettings, LangdockEmbeddingOptions } from './langdock-embedding-options';
export type { LangdockListModelsOptions, LangdockModel } from './langdock-list-models';
