import { createLangdock, type LangdockProvider } from 'langdock-ai-provider/v4';
import { startLangdockEmulator, type LangdockEmulatorOptions } from 'langdock-ai-provider/emulator';

export interface ExampleConnection {
  langdock: LangdockProvider;
  /** The chat model the examples use: LANGDOCK_MODEL, else gpt-4.1. */
  modelId: string;
  /** The reasoning model (o-series, gpt-5 family) the examples use: LANGDOCK_REASONING_MODEL, else o4-mini. */
  reasoningModelId: string;
  /** The emulator's base URL; undefined when talking to Langdock. */
  baseURL: string | undefined;
  close: () => Promise<void>;
}

export const EMULATOR_API_KEY = 'emulator-key-0000';

/**
 * Langdock when LANGDOCK_API_KEY is set; otherwise a local Langdock emulator, so every example runs
 * offline. Says which in one line.
 */
export async function connect(
  emulatorOptions: LangdockEmulatorOptions = {},
): Promise<ExampleConnection> {
  const modelId = process.env.LANGDOCK_MODEL ?? 'gpt-4.1';
  const reasoningModelId = process.env.LANGDOCK_REASONING_MODEL ?? 'o4-mini';
  const models = `model ${modelId}, reasoning model ${reasoningModelId}`;
  if (process.env.LANGDOCK_API_KEY) {
    console.log(`Using Langdock (region ${process.env.LANGDOCK_REGION ?? 'eu'}, ${models}).`);
    return {
      langdock: createLangdock(),
      modelId,
      reasoningModelId,
      baseURL: undefined,
      close: async () => {},
    };
  }
  const emulator = await startLangdockEmulator({ apiKeys: [EMULATOR_API_KEY], ...emulatorOptions });
  console.log(
    `No LANGDOCK_API_KEY set: using the local Langdock emulator at ${emulator.baseURL} (${models}).`,
  );
  return {
    langdock: createLangdock({ apiKey: EMULATOR_API_KEY, baseURL: emulator.baseURL }),
    modelId,
    reasoningModelId,
    baseURL: emulator.baseURL,
    close: () => emulator.close(),
  };
}
