import { createLangdock, type LangdockProvider } from 'langdock-ai-provider/v4';
import { startLangdockEmulator, type LangdockEmulatorOptions } from 'langdock-ai-provider/emulator';

export interface ExampleConnection {
  langdock: LangdockProvider;
  /** The chat model the examples use: LANGDOCK_MODEL, else gpt-4.1. */
  modelId: string;
  /** The reasoning model (o-series, gpt-5 family) the examples use: LANGDOCK_REASONING_MODEL, else o4-mini. */
  reasoningModelId: string;
  /** The Claude model the examples use (Anthropic Messages): LANGDOCK_CLAUDE_MODEL, else claude-sonnet-4-6-default. */
  claudeModelId: string;
  /** Whether calls go to the Model Gateway (Langdock's, or the emulator's gateway mode). */
  gateway: boolean;
  /** The emulator's base URL; undefined when talking to Langdock. */
  baseURL: string | undefined;
  close: () => Promise<void>;
}

export const EMULATOR_API_KEY = 'emulator-key-0000';

/**
 * Langdock when LANGDOCK_API_KEY is set; otherwise a local Langdock emulator, so every example runs
 * offline. Says which in one line. `gateway: true` (or LANGDOCK_GATEWAY=1) picks the Model Gateway: Langdock's
 * with a key (a gateway key), the emulator's gateway mode without one.
 */
export async function connect(
  emulatorOptions: LangdockEmulatorOptions = {},
): Promise<ExampleConnection> {
  const modelId = process.env.LANGDOCK_MODEL ?? 'gpt-4.1';
  const reasoningModelId = process.env.LANGDOCK_REASONING_MODEL ?? 'o4-mini';
  const claudeModelId = process.env.LANGDOCK_CLAUDE_MODEL ?? 'claude-sonnet-4-6-default';
  // Decided here and passed on, so the provider never reads LANGDOCK_GATEWAY behind the emulator's back.
  const gateway = emulatorOptions.gateway ?? /^(1|true)$/i.test(process.env.LANGDOCK_GATEWAY ?? '');
  const models = `model ${modelId}, reasoning model ${reasoningModelId}, Claude model ${claudeModelId}`;
  const ids = { modelId, reasoningModelId, claudeModelId, gateway };
  if (process.env.LANGDOCK_API_KEY) {
    const where = gateway
      ? "Langdock's Model Gateway"
      : `Langdock (region ${process.env.LANGDOCK_REGION ?? 'eu'})`;
    console.log(`Using ${where}: ${models}.`);
    return {
      langdock: createLangdock({ gateway }),
      ...ids,
      baseURL: undefined,
      close: async () => {},
    };
  }
  const emulator = await startLangdockEmulator({
    apiKeys: [EMULATOR_API_KEY],
    ...emulatorOptions,
    gateway,
  });
  // The gateway has no region: one prefix for chat completions and Messages alike.
  const baseURL = gateway ? emulator.gatewayBaseURL : emulator.baseURL;
  console.log(
    `No LANGDOCK_API_KEY set: using the local Langdock emulator${gateway ? ' as the Model Gateway' : ''} at ${baseURL} (${models}).`,
  );
  return {
    langdock: createLangdock({ apiKey: EMULATOR_API_KEY, baseURL, gateway }),
    ...ids,
    baseURL,
    close: () => emulator.close(),
  };
}
