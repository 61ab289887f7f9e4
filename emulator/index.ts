// Public entry: start an offline Langdock API emulator for tests and local development.
import { createEmulatorServer } from './server/emulator-server';
import { checkSpendLimit, type SpendLimit } from './rate-limit/spend-limit';
import type {
  BaseURLOptions,
  LangdockEmulator,
  LangdockEmulatorOptions,
  RecordedRequest,
  ScriptedResponse,
} from './emulator-types';

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
} from './emulator-types';
export type { ModelKind, ModelSpec } from './models/model-catalog';
export type { AgentSpec } from './agents/agent-registry';
export type { EmulatorAttachment } from './agents/attachment-store';
export type {
  ChatModelRow,
  EmbeddingModelRow,
  EmulatorModelProfile,
  ModelRow,
  ReasoningEffort,
  SamplingException,
  SamplingSetting,
} from './models/model-table';
export type { ClaudeEffort, ClaudeModelRow, ClaudeThinkingMode } from './models/claude-model-table';
export type * from './messages/messages-wire';
export type { GatewayModelList, GatewayModelObject } from './gateway/gateway-model-list';
export type { EmulatorHint } from './generation/prompt-hints';
export type {
  AnthropicErrorBody,
  ErrorFormat,
  ErrorShape,
  GatewayErrorBody,
} from './server/error-shape';
export type { RateLimit, RateLimitOptions } from './rate-limit/rate-limiter';
export type { SpendLimit, SpendLimitOptions, SpendLimitScope } from './rate-limit/spend-limit';
export type { Sleep } from './server/sse';
export type * from './chat/chat-completions-wire';
export type { ModelList, ModelObject } from './models/model-list';
export type { EmbeddingList, EmbeddingObject } from './embeddings/embedding-vectors';
export type { LangdockErrorBody, OpenAIErrorBody } from './server/error-shape';
export { DEFAULT_MODEL_IDS, isReasoningModelId } from './models/model-catalog';
export {
  emulatorModelProfile,
  MODEL_TABLE,
  REASONING_EFFORTS,
  resolveModelRow,
  SAMPLING_SETTINGS,
} from './models/model-table';
export {
  LANGDOCK_UNSUPPORTED_PARAMETERS,
  OPENAI_CHAT_PARAMETERS,
} from './chat/chat-parameter-rules';
export { ERROR_SHAPES } from './server/error-shape';
export { CLAUDE_EFFORTS, CLAUDE_MODEL_TABLE } from './models/claude-model-table';
export { MESSAGES_PARAMETERS } from './messages/messages-request-rules';
export { EMULATOR_HINTS } from './generation/prompt-hints';
export { EMULATOR_PRICES } from './gateway/gateway-cost';
export { DEFAULT_RATE_LIMIT } from './rate-limit/rate-limiter';
export { SPEND_LIMIT_SCOPES, spendLimitMessage } from './rate-limit/spend-limit';
export { rateLimitHeaders } from './rate-limit/rate-limit-headers';
export { PROXY_TIMEOUT_STATUS, timeoutPage } from './server/proxy-timeout';
export { estimateTokens } from './generation/token-estimate';
export { AGENT_MESSAGES } from './agents/agent-request';

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
  const prefix = (baseOptions: BaseURLOptions): string =>
    `${url}${baseOptions.dedicated === true ? '/api/public' : ''}`;
  return {
    url,
    baseURL: baseURLFor('eu'),
    baseURLFor,
    anthropicBaseURLFor: (region: string, baseOptions: BaseURLOptions = {}): string =>
      `${prefix(baseOptions)}/anthropic/${region}/v1`,
    gatewayBaseURL: `${url}/v1`,
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
    get spendLimit() {
      return state.spendLimit;
    },
    setSpendLimit(spendLimit?: SpendLimit): void {
      checkSpendLimit(spendLimit);
      state.spendLimit = spendLimit;
    },
    reset(): void {
      state.spendLimit = options.spendLimit;
      requests.length = 0;
      state.scripts.clear();
      state.rateLimiter?.reset();
      state.attachments.clear();
      state.promptCache.clear();
    },
    close(): Promise<void> {
      return new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}
