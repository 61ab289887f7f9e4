// The one place that decides where model calls go: Langdock when the server has a key, else (if allowed) a local emulator.
import 'server-only';
import { createLangdock, type LangdockProvider } from 'langdock-ai-provider/v4';
import { startLangdockEmulator, type LangdockEmulator } from 'langdock-ai-provider/emulator';
import { emulatorAgents } from './agents';

export type LangdockConnection =
  | { mode: 'langdock'; langdock: LangdockProvider; destination: string }
  | { mode: 'emulator'; langdock: LangdockProvider; emulator: LangdockEmulator }
  | { mode: 'unconfigured'; problem: string };
export type ConfiguredConnection = Exclude<LangdockConnection, { mode: 'unconfigured' }>;

const EMULATOR_API_KEY = 'emulator-key-0000';

// Route modules are re-evaluated on hot reload and may be bundled more than once; globalThis is per process.
const processCache = globalThis as typeof globalThis & {
  langdockEmulator?: Promise<LangdockEmulator>;
};

function startEmulatorOnce(): Promise<LangdockEmulator> {
  processCache.langdockEmulator ??= startLangdockEmulator({
    apiKeys: [EMULATOR_API_KEY],
    // A short pause between chunks, so the answer visibly streams and the stop button has something to stop.
    chunkDelayMs: Number(process.env.LANGDOCK_EMULATOR_CHUNK_DELAY_MS ?? 30),
    // The Agent page's agents (Langdock's Agents API, /agent/v1/chat/completions).
    agents: emulatorAgents,
  }).catch((error: unknown) => {
    processCache.langdockEmulator = undefined;
    throw error;
  });
  return processCache.langdockEmulator;
}

// A production server without a key is a mistake to report, not a reason to serve canned answers.
function emulatorAllowed(): boolean {
  return process.env.NODE_ENV !== 'production' || process.env.LANGDOCK_EMULATOR === '1';
}

export async function getLangdock(): Promise<LangdockConnection> {
  if (process.env.LANGDOCK_API_KEY?.trim()) {
    // createLangdock() reads LANGDOCK_API_KEY, LANGDOCK_REGION, LANGDOCK_BASE_URL and LANGDOCK_GATEWAY on each request.
    const gateway = /^(1|true)$/i.test(process.env.LANGDOCK_GATEWAY ?? '');
    return {
      mode: 'langdock',
      langdock: createLangdock(),
      destination: gateway ? 'the Model Gateway' : `region ${process.env.LANGDOCK_REGION ?? 'eu'}`,
    };
  }
  if (!emulatorAllowed()) {
    return {
      mode: 'unconfigured',
      problem:
        'The server is not configured: LANGDOCK_API_KEY is not set. Set it in the server environment and restart; ' +
        'to run this demo on the local Langdock emulator instead, set LANGDOCK_EMULATOR=1.',
    };
  }
  const emulator = await startEmulatorOnce();
  return {
    mode: 'emulator',
    // The emulator's classic routes (the Agent page needs them), whatever LANGDOCK_GATEWAY says.
    langdock: createLangdock({
      apiKey: EMULATOR_API_KEY,
      baseURL: emulator.baseURL,
      gateway: false,
    }),
    emulator,
  };
}
