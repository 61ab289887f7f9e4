// API keys: which requests carry one the emulator accepts.
import type { EmulatorContext } from './emulator-context';

/** The key of an `Authorization: Bearer <key>` header, or undefined. */
export function bearerKey(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

export function isAuthorized(context: EmulatorContext, authorization: string | undefined): boolean {
  const key = bearerKey(authorization);
  if (key === undefined) return false;
  return context.apiKeys === undefined || context.apiKeys.has(key);
}
