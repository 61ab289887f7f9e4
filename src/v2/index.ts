export { createLangdock, langdock } from './langdock-provider';
export type { LangdockProvider } from './langdock-provider';
export * from '../core/public-types';
