// What every entry (root, /v3, /v4) exports beside its own provider: settings, option schemas and types.
export { langdockRegions } from './langdock-provider-settings';
export type { LangdockProviderSettings, LangdockRegion } from './langdock-provider-settings';
export { langdockChatOptionsSchema } from './chat/langdock-chat-options';
export type {
  LangdockChatModelId,
  LangdockChatModelSettings,
  LangdockChatOptions,
} from './chat/langdock-chat-options';
export { langdockEmbeddingOptionsSchema } from './embedding/langdock-embedding-options';
export type {
  LangdockEmbeddingModelId,
  LangdockEmbeddingModelSettings,
  LangdockEmbeddingOptions,
} from './embedding/langdock-embedding-options';
export type { LangdockListModelsOptions, LangdockModel } from './langdock-list-models';
export {
  createLangdockMemoryStore,
  LangdockRateLimitError,
} from './rate-limit/langdock-rate-limit';
export type {
  LangdockRateLimitBinding,
  LangdockRateLimitDecision,
  LangdockRateLimits,
  LangdockRateLimitSettings,
  LangdockRateLimitStore,
} from './rate-limit/langdock-rate-limit';
export { langdockMessagesOptionsSchema } from './messages/langdock-messages-options';
export type {
  LangdockMessagesModelId,
  LangdockMessagesOptions,
} from './messages/langdock-messages-options';
export type { LangdockLanguageModelId } from './langdock-provider-core';
export { LANGDOCK_GATEWAY_BASE_URL } from './langdock-routes';
export type { LangdockModelRoute } from './langdock-list-models';
