// Emulator-only failure drills, so the page can show what a rate limit or a wrong key looks like.
import 'server-only';
import {
  createLangdock,
  type LangdockProvider,
  type LangdockProviderSettings,
} from 'langdock-ai-provider/v4';
import type { ConfiguredConnection } from './langdock';

export const failureDrills = ['rate-limit', 'wrong-key'] as const;
export type FailureDrill = (typeof failureDrills)[number];

export function parseFailureDrill(value: unknown): FailureDrill | undefined {
  return failureDrills.find((drill) => drill === value);
}

// What Langdock answers in these cases: its `{message}` body, and for a rate limit a retry-after in seconds.
const drillResponses: Record<
  FailureDrill,
  { status: number; message: string; headers?: Record<string, string> }
> = {
  'rate-limit': {
    status: 429,
    message: 'Rate limit for public API exceeded',
    headers: { 'retry-after': '1' },
  },
  'wrong-key': { status: 401, message: 'The provided API key is invalid.' },
};

/** A fetch that answers every call with the drill's failure, as Langdock would; nothing goes over the network. */
function failingFetch(drill: FailureDrill): NonNullable<LangdockProviderSettings['fetch']> {
  const { status, message, headers } = drillResponses[drill];
  return async (_input, init) => {
    init?.signal?.throwIfAborted();
    return new Response(JSON.stringify({ message }), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
}

/**
 * The provider to use for this request. A drill gets a provider of its own whose fetch fails every attempt
 * (the AI SDK retries a 429 twice), so no other request, and no later one, ever sees the drill.
 */
export function providerFor(
  connection: ConfiguredConnection,
  drill: FailureDrill | undefined,
): LangdockProvider {
  if (drill === undefined || connection.mode !== 'emulator') return connection.langdock;
  return createLangdock({
    apiKey: 'ld-drill-key-0000',
    baseURL: connection.emulator.baseURL,
    fetch: failingFetch(drill),
  });
}
