import type { LangdockRedisScript } from './langdock-redis-scripts';

// The store needs one thing of a Redis client: running a Lua script. node-redis and ioredis both can, spelled
// differently; the client is recognised by its spelling, so neither package is imported here.

/** The scripting commands of node-redis (the `redis` package, v4 and later): a client or a cluster. */
export interface LangdockNodeRedisClient {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** The scripting commands of ioredis: a `Redis` or a `Cluster`. */
export interface LangdockIORedisClient {
  evalsha(sha1: string, numkeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/** A client the app already has and has connected: node-redis or ioredis. */
export type LangdockRedisClient = LangdockNodeRedisClient | LangdockIORedisClient;

/** Runs one of the store's scripts with its keys and arguments, and returns Redis's reply. */
export type LangdockRedisRunner = (
  script: LangdockRedisScript,
  keys: string[],
  args: string[],
) => Promise<unknown>;

interface Evaluator {
  bySha(sha: string, keys: string[], args: string[]): Promise<unknown>;
  whole(source: string, keys: string[], args: string[]): Promise<unknown>;
}

/**
 * A runner over the client: EVALSHA, and EVAL with the whole script when Redis does not know it (the first
 * call, and after a restart, a failover or on another cluster node); EVAL leaves it cached for the next.
 */
export function langdockRedisRunner(client: LangdockRedisClient): LangdockRedisRunner {
  const evaluator = evaluatorOf(client);
  const shas = new Map<string, Promise<string>>();
  return async (script, keys, args) => {
    let sha = shas.get(script.name);
    if (sha === undefined) {
      sha = sha1Hex(script.source);
      shas.set(script.name, sha);
    }
    try {
      return await evaluator.bySha(await sha, keys, args);
    } catch (error) {
      if (!(error instanceof Error && /^NOSCRIPT\b/.test(error.message))) throw error;
      return evaluator.whole(script.source, keys, args);
    }
  };
}

function evaluatorOf(client: unknown): Evaluator {
  // node-redis spells it evalSha (and EVALSHA); ioredis evalsha. Checked in that order, as node-redis has no evalsha.
  if (hasMethods<LangdockNodeRedisClient>(client, ['evalSha', 'eval'])) {
    return {
      bySha: (sha, keys, args) => client.evalSha(sha, { keys, arguments: args }),
      whole: (source, keys, args) => client.eval(source, { keys, arguments: args }),
    };
  }
  if (hasMethods<LangdockIORedisClient>(client, ['evalsha', 'eval'])) {
    return {
      bySha: (sha, keys, args) => client.evalsha(sha, keys.length, ...keys, ...args),
      whole: (source, keys, args) => client.eval(source, keys.length, ...keys, ...args),
    };
  }
  throw new TypeError(
    'createLangdockRedisStore needs a Redis client from node-redis (`createClient()` of the `redis` package, v4 or later, connected) or ioredis (`new Redis()`); the value given has neither evalSha nor evalsha.',
  );
}

function hasMethods<T>(value: unknown, names: ReadonlyArray<keyof T & string>): value is T {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return names.every((name) => typeof record[name] === 'function');
}

async function sha1Hex(source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(source));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
