// langdock-ai-provider/v3: LanguageModelV3 and EmbeddingModelV3, native on AI SDK 6.
export { createLangdock, langdock } from './langdock-provider';
export type { LangdockProvider } from './langdock-provider';
export * from '../core/public-types';
export * from '../core/agent/langdock-agent-public-types';
