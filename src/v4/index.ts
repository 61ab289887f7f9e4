// langdock-ai-provider/v4: LanguageModelV4 and EmbeddingModelV4, native on AI SDK 7.
export { createLangdock, langdock } from './langdock-provider';
export type { LangdockProvider } from './langdock-provider';
export * from '../core/public-types';
export * from '../core/agent/langdock-agent-public-types';
