// API keys: which requests carry one the emulator accepts, and where they carry it.
import type { EmulatorContext } from './emulator-context';

/** The key of an `Authorization: Bearer <key>` header, or undefined. */
export function bearerKey(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

/** The key of `Authorization: Bearer` or else `x-api-key` (the Anthropic route and the Model Gateway take both). */
export function bearerOrApiKey(headers: Record<string, string>): string | undefined {
  const bearer = bearerKey(headers.authorization);
  if (bearer !== undefined) return bearer;
  const key = headers['x-api-key']?.trim();
  return key === undefined || key === '' ? undefined : key;
}

export function isAcceptedKey(context: EmulatorContext, key: string | undefined): boolean {
  if (key === undefined) return false;
  return context.apiKeys === undefined || context.apiKeys.has(key);
}

/** The OpenAI-style routes and the Agents API: `Authorization: Bearer` only. */
export function isAuthorized(context: EmulatorContext, authorization: string | undefined): boolean {
  return isAcceptedKey(context, bearerKey(authorization));
}
