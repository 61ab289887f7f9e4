// What every route handler shares: the options, the catalog, the clock and the state tests can inspect.
import type { EmulatorAgent } from '../agents/agent-registry';
import type { AttachmentStore } from '../agents/attachment-store';
import type { LangdockEmulatorOptions, RecordedRequest } from '../emulator-types';
import type { PromptCache } from '../messages/prompt-cache';
import type { CatalogModel } from '../models/model-catalog';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { SpendLimit } from '../rate-limit/spend-limit';
import type { ErrorShape } from './error-shape';
import type { ScriptQueue } from './scripted-responses';
import type { Sleep } from './sse';

export interface EmulatorState {
  readonly requests: RecordedRequest[];
  readonly scripts: ScriptQueue;
  readonly rateLimiter: RateLimiter | undefined;
  readonly attachments: AttachmentStore;
  readonly promptCache: PromptCache;
  /** The spend limit in force; tests lift or set it while the emulator runs. */
  spendLimit: SpendLimit | undefined;
}

export interface EmulatorContext {
  /** Every configured model; the gateway serves them all. */
  readonly catalog: ReadonlyMap<string, CatalogModel>;
  /** The models of the classic `/openai/...` routes. */
  readonly openaiCatalog: ReadonlyMap<string, CatalogModel>;
  /** The Claude models of the classic `/anthropic/...` routes. */
  readonly anthropicCatalog: ReadonlyMap<string, CatalogModel>;
  readonly agents: ReadonlyMap<string, EmulatorAgent>;
  readonly apiKeys: ReadonlySet<string> | undefined;
  readonly options: LangdockEmulatorOptions;
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly state: EmulatorState;
  readonly errorShape: ErrorShape;
  /** Counts answers, for ids that differ per answer and repeat per run. */
  responseCount: number;
  /** Counts requests, for the `x-request-id` of each response. */
  requestCount: number;
}

/** A request as the route handlers see it, after the server read and recorded it. */
export interface IncomingRequest {
  method: string;
  path: string;
  /** Lowercased names. */
  headers: Record<string, string>;
  parsed: { ok: true; value: unknown } | { ok: false };
  bytes: Buffer;
}
