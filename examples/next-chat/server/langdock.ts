// The one place that decides where model calls go: Langdock when the server has a key, else a local emulator.
import 'server-only';
import { createLangdock, type LangdockProvider } from 'langdock-ai-provider';
import { startLangdockEmulator, type LangdockEmulator } from 'langdock-ai-provider/emulator';

export type LangdockConnection =
  | { mode: 'langdock'; langdock: LangdockProvider; modelId: string; region: string }
  | { mode: 'emulator'; langdock: LangdockProvider; modelId: string; emulator: LangdockEmulator };

const EMULATOR_API_KEY = 'emulator-key-0000';

// Route modules are re-evaluated on hot reload and may be bundled more than once; globalThis is per process.
const processCache = globalThis as typeof globalThis & { langdockEmulator?: Promise<LangdockEmulator> };

function startEmulatorOnce(): Promise<LangdockEmulator> {
  processCache.langdockEmulator ??= startLangdockEmulator({
    apiKeys: [EMULATOR_API_KEY],
    // A short pause between chunks, so the answer visibly streams and the stop button has something to stop.
    chunkDelayMs: Number(process.env.LANGDOCK_EMULATOR_CHUNK_DELAY_MS ?? 30),
  }).catch((error: unknown) => {
    processCache.langdockEmulator = undefined;
    throw error;
  });
  return processCache.langdockEmulator;
}

export async function getLangdock(): Promise<LangdockConnection> {
  const modelId = process.env.LANGDOCK_MODEL ?? 'gpt-4.1';
  if (process.env.LANGDOCK_API_KEY) {
    // createLangdock() reads LANGDOCK_API_KEY, LANGDOCK_REGION and LANGDOCK_BASE_URL on each request.
    return { mode: 'langdock', langdock: createLangdock(), modelId, region: process.env.LANGDOCK_REGION ?? 'eu' };
  }
  const emulator = await startEmulatorOnce();
  return {
    mode: 'emulator',
    langdock: createLangdock({ apiKey: EMULATOR_API_KEY, baseURL: emulator.baseURL }),
    modelId,
    emulator,
  };
}
