// Public entry: start an offline Langdock API emulator for tests and local development.
import { createEmulatorServer } from './server';
import type {
  BaseURLOptions,
  LangdockEmulator,
  LangdockEmulatorOptions,
  RecordedRequest,
  ScriptedResponse,
} from './types';

export type {
  BaseURLOptions,
  LangdockEmulator,
  LangdockEmulatorOptions,
  RecordedRequest,
  ScriptedHttpResponse,
  ScriptedResponse,
  ScriptedReset,
  ScriptedSseText,
  ScriptedStall,
  ScriptedStream,
} from './types';
export type { ModelKind, ModelSpec } from './models';
export type { AgentSpec } from './agents';
export type { EmulatorAttachment } from './attachments';
export type {
  ChatModelRow,
  EmbeddingModelRow,
  EmulatorModelProfile,
  ModelRow,
  ReasoningEffort,
  SamplingException,
  SamplingSetting,
} from './model-table';
export type { ErrorShape } from './error-shape';
export type { RateLimit, RateLimitOptions } from './rate-limiter';
export type { Sleep } from './sse';
export type * from './wire';
export { DEFAULT_MODEL_IDS, isReasoningModelId } from './models';
export {
  emulatorModelProfile,
  MODEL_TABLE,
  REASONING_EFFORTS,
  resolveModelRow,
  SAMPLING_SETTINGS,
} from './model-table';
export { LANGDOCK_UNSUPPORTED_PARAMETERS, OPENAI_CHAT_PARAMETERS } from './parameter-rules';
export { ERROR_SHAPES } from './error-shape';
export { DEFAULT_RATE_LIMIT } from './rate-limiter';

export async function startLangdockEmulator(
  options: LangdockEmulatorOptions = {},
): Promise<LangdockEmulator> {
  const { server, state } = createEmulatorServer(options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The emulator must listen on a TCP port.');
  const hostPart =
    address.family === 'IPv6' || address.address.includes(':')
      ? `[${address.address}]`
      : address.address;
  const url = `http://${hostPart}:${address.port}`;
  const baseURLFor = (region: string, baseOptions: BaseURLOptions = {}): string =>
    `${url}${baseOptions.dedicated === true ? '/api/public' : ''}/openai/${region}/v1`;
  const requests: RecordedRequest[] = state.requests;
  return {
    url,
    baseURL: baseURLFor('eu'),
    baseURLFor,
    agentBaseURLFor: (baseOptions: BaseURLOptions = {}): string =>
      `${url}${baseOptions.dedicated === true ? '/api/public' : ''}`,
    get attachments() {
      return state.attachments.list();
    },
    requests,
    script(...responses: ScriptedResponse[]): void {
      state.scripts.push(responses);
    },
    get pendingScripts(): number {
      return state.scripts.size;
    },
    reset(): void {
      requests.length = 0;
      state.scripts.clear();
      state.rateLimiter?.reset();
      state.attachments.clear();
    },
    close(): Promise<void> {
      return new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}
