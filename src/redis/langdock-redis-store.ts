import type {
  LangdockRateLimitBinding,
  LangdockRateLimitDecision,
  LangdockRateLimitStore,
} from '../core/rate-limit/langdock-rate-limit';
import {
  langdockRedisRunner,
  type LangdockRedisClient,
  type LangdockRedisRunner,
} from './langdock-redis-client';
import {
  acquireScript,
  blockScript,
  reconcileScript,
  settleScript,
  type LangdockRedisScript,
} from './langdock-redis-scripts';

export interface LangdockRedisStoreOptions {
  /** Put before every key the store writes. Default `langdock:rl:`. */
  prefix?: string;
  /**
   * How often (ms) a call waiting for budget asks Redis again, since other processes' settles wake no one here.
   * Only the first waiting call per bucket and process asks. Default 250.
   */
  recheckMs?: number;
}

export const LANGDOCK_REDIS_DEFAULT_PREFIX = 'langdock:rl:';
export const LANGDOCK_REDIS_DEFAULT_RECHECK_MS = 250;

/**
 * The rate limiter's windows in Redis, shared by every process and machine that uses the same Redis: pass it
 * as `createLangdock({ rateLimit: { store: createLangdockRedisStore(client) } })`. `client` is the app's own
 * node-redis (`redis` v4+) or ioredis client, connected. Each step is one atomic Lua script on Redis's clock.
 */
export function createLangdockRedisStore(
  client: LangdockRedisClient,
  options: LangdockRedisStoreOptions = {},
): LangdockRateLimitStore {
  const prefix = options.prefix ?? LANGDOCK_REDIS_DEFAULT_PREFIX;
  if (typeof prefix !== 'string')
    throw new TypeError(`createLangdockRedisStore: prefix must be a string; got ${typeof prefix}.`);
  const recheckMs = options.recheckMs ?? LANGDOCK_REDIS_DEFAULT_RECHECK_MS;
  if (typeof recheckMs !== 'number' || !(recheckMs > 0) || !Number.isFinite(recheckMs))
    throw new TypeError(
      `createLangdockRedisStore: recheckMs must be a positive number of milliseconds; got ${String(recheckMs)}.`,
    );
  const run = langdockRedisRunner(client);
  // The bucket in braces is the keys' hash tag: on a Redis Cluster both keys of a bucket share a slot, as a script needs.
  const logKey = (bucket: string) => `${prefix}{${bucket}}:log`;
  const blockKey = (bucket: string) => `${prefix}{${bucket}}:block`;
  return {
    recheckMs,
    async acquire(bucket, { tokens, limits }) {
      const args = [
        String(wholeTokens(tokens)),
        String(limits.requestsPerMinute),
        String(limits.tokensPerMinute),
        // PEXPIRE takes whole milliseconds.
        String(Math.ceil(limits.windowMs)),
        crypto.randomUUID(),
      ];
      return decisionOf(await step(run, acquireScript, [logKey(bucket), blockKey(bucket)], args));
    },
    async settle(bucket, lease, tokens) {
      await step(run, settleScript, [logKey(bucket)], [lease, String(wholeTokens(tokens))]);
    },
    async block(bucket, ms) {
      const whole = Math.ceil(ms);
      // SET ... PX needs at least 1 ms; a block of nothing blocks nothing.
      if (!(whole >= 1)) return;
      await step(run, blockScript, [blockKey(bucket)], [String(whole)]);
    },
    async reconcile(bucket, lease, { requests, tokens, windowMs }) {
      const count = (value: number | undefined) =>
        value === undefined ? '-1' : String(wholeTokens(value));
      await step(
        run,
        reconcileScript,
        [logKey(bucket)],
        [lease, count(requests), count(tokens), String(Math.ceil(windowMs)), crypto.randomUUID()],
      );
    },
  };
}

/** Tokens as the log keeps them: a whole, non-negative count. */
function wholeTokens(tokens: number): number {
  return Number.isFinite(tokens) ? Math.max(0, Math.ceil(tokens)) : 0;
}

async function step(
  run: LangdockRedisRunner,
  script: LangdockRedisScript,
  keys: string[],
  args: string[],
): Promise<unknown> {
  try {
    return await run(script, keys, args);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `langdock-ai-provider/redis: the rate limit's ${script.name} step failed in Redis: ${reason}`,
      { cause },
    );
  }
}

const bindings: readonly LangdockRateLimitBinding[] = ['requests', 'tokens', 'blocked'];

/** The acquire script's reply: {1, lease} or {0, wait in ms, binding, least wait in ms, tokens free}. */
export function decisionOf(reply: unknown): LangdockRateLimitDecision {
  if (Array.isArray(reply)) {
    const [granted, first, second, third, fourth] = reply as unknown[];
    if (Number(granted) === 1 && first !== undefined && first !== null)
      return { granted: true, lease: text(first) };
    const waitMs = Number(first);
    const binding = bindings.find((candidate) => candidate === text(second));
    const minWaitMs = Number(third);
    const freeTokens = Number(fourth);
    if (Number(granted) === 0 && Number.isFinite(waitMs) && waitMs > 0 && binding !== undefined)
      return {
        granted: false,
        waitMs,
        binding,
        ...(Number.isFinite(minWaitMs) && minWaitMs >= 0 && minWaitMs <= waitMs && { minWaitMs }),
        ...(Number.isFinite(freeTokens) && freeTokens >= 0 && { freeTokens }),
      };
  }
  throw new Error(
    `langdock-ai-provider/redis: unexpected reply from the acquire script: ${JSON.stringify(reply)}.`,
  );
}

/** A reply string, whether the client gives strings or (with a type mapping) bytes. */
function text(value: unknown): string {
  return value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
}
