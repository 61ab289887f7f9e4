export { createLangdock, langdock } from './langdock-provider';
export type { LangdockProvider } from './langdock-provider';
export * from '../core/public-types';
export * from '../core/agent/langdock-agent-public-types';
export { langdockAgentTools } from './langdock-agent-tools';
export type { LangdockAgentTool } from './langdock-agent-tools';
