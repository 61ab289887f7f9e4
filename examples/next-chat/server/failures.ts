// Emulator-only failure drills, so the page can show what a rate limit or a wrong key looks like.
import 'server-only';
import { createLangdock, type LangdockProvider } from 'langdock-ai-provider';
import type { LangdockConnection } from './langdock';

export const failureDrills = ['rate-limit', 'wrong-key'] as const;
export type FailureDrill = (typeof failureDrills)[number];

export function parseFailureDrill(value: unknown): FailureDrill | undefined {
  return failureDrills.find((drill) => drill === value);
}

// The AI SDK tries a call 3 times (maxRetries 2) and honours retry-after, so the drill answers all three.
const RATE_LIMITED_ATTEMPTS = 3;

/** The provider to use for this request; with a drill, one that fails the way Langdock would. */
export function providerFor(connection: LangdockConnection, drill: FailureDrill | undefined): LangdockProvider {
  if (drill === undefined || connection.mode !== 'emulator') return connection.langdock;
  if (drill === 'wrong-key') {
    return createLangdock({ apiKey: 'ld-wrong-key-for-this-drill', baseURL: connection.emulator.baseURL });
  }
  const rateLimited = {
    type: 'response',
    status: 429,
    body: { message: 'Rate limit for public API exceeded' },
    headers: { 'retry-after': '1' },
  } as const;
  connection.emulator.script(...Array.from({ length: RATE_LIMITED_ATTEMPTS }, () => rateLimited));
  return connection.langdock;
}
