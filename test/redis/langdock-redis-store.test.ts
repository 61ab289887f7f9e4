import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLangdockMemoryStore,
  LangdockRateLimiter,
  type LangdockRateLimitDecision,
  type LangdockRateLimits,
  type LangdockRateLimitStore,
} from '../../src/core/rate-limit/langdock-rate-limit';
import { createLangdockRedisStore, type LangdockRedisClient } from '../../src/redis/index';
import { requireCommand } from '../helpers/requires';
import { dumpRedis, redisClients, type ConnectedClient } from './redis-clients';
import { startRedisServer, type RedisServer } from './redis-server';

// The store against a real redis-server, through every client and major it supports.
// Outside CI a machine without redis-server skips this file and says so; CI=true fails it instead.
const redisServer = requireCommand('redis-server', 'apt-get install redis-server');

const limits: LangdockRateLimits = {
  requestsPerMinute: 4,
  tokensPerMinute: 1_000,
  windowMs: 60_000,
};

let server: RedisServer;
let admin: IORedis;
let bucketCount = 0;
/** A bucket no other test touches. */
const freshBucket = () => `hash${++bucketCount}:http://127.0.0.1:1/openai/eu/v1:gpt-4.1`;

beforeAll(async () => {
  server = await startRedisServer();
  admin = new IORedis(server.url);
});
afterAll(async () => {
  await admin?.quit();
  await server?.stop();
});

/** A decision as kind and binding only: the waits depend on when Redis ran the script. */
const kind = (decision: LangdockRateLimitDecision) =>
  decision.granted ? 'granted' : decision.binding;

describe.each(redisClients)('createLangdockRedisStore with %s', redisServer.suite, (_, connect) => {
  let connected: ConnectedClient;
  let store: LangdockRateLimitStore;
  beforeAll(async () => {
    connected = await connect(server.url);
    store = createLangdockRedisStore(connected.client);
  });
  afterAll(() => connected?.close());

  it('grants up to the requests limit, then says how long until the oldest leaves the window', async () => {
    const bucket = freshBucket();
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await store.acquire(bucket, { tokens: 1, limits }));
    expect(decisions.map(kind)).toEqual(['granted', 'granted', 'granted', 'granted', 'requests']);
    const refused = decisions[4]!;
    expect(refused.granted).toBe(false);
    if (!refused.granted) {
      expect(refused.waitMs).toBeGreaterThan(0);
      expect(refused.waitMs).toBeLessThanOrEqual(limits.windowMs);
    }
  });

  it('refuses what the tokens limit cannot hold, and the real usage frees what the estimate held', async () => {
    const bucket = freshBucket();
    const first = await store.acquire(bucket, { tokens: 900, limits });
    expect(kind(await store.acquire(bucket, { tokens: 200, limits }))).toBe('tokens');
    if (!first.granted) throw new Error('the first request must be granted');
    await store.settle(bucket, first.lease, 100);
    expect(kind(await store.acquire(bucket, { tokens: 800, limits }))).toBe('granted');
    expect(kind(await store.acquire(bucket, { tokens: 200, limits }))).toBe('tokens');
  });

  it('records each request as <id>:<tokens> in the bucket log, and settles it to <id>:s:<real count>', async () => {
    const bucket = freshBucket();
    const granted = await store.acquire(bucket, { tokens: 1_000, limits });
    if (!granted.granted) throw new Error('the request must be granted');
    expect(granted.lease).toMatch(/^[0-9a-f-]{36}:1000$/);
    await store.settle(bucket, granted.lease, 37.2);
    const [entry] = (await dumpRedis(server.url)).filter(
      (candidate) => candidate.key === `langdock:rl:{${bucket}}:log`,
    );
    expect(entry?.type).toBe('zset');
    expect(entry?.values[0]).toBe(`${granted.lease.split(':')[0]}:s:38`);
    // Settling swaps the member in place: the log keeps its expiry.
    expect(entry?.ttl).toBeGreaterThan(0);
    // Two windows: a report of Langdock's compares with the window before the request it answers.
    expect(entry?.ttl).toBeLessThanOrEqual(2 * limits.windowMs);
    expect(entry?.ttl).toBeGreaterThan(limits.windowMs);
  });

  it('records usage Langdock reported beyond its own count as <id>:r<requests>:<tokens>, at the request’s time', async () => {
    const bucket = freshBucket();
    const granted = await store.acquire(bucket, { tokens: 100, limits });
    if (!granted.granted) throw new Error('the request must be granted');
    const report = { requests: 3, tokens: 700, windowMs: limits.windowMs };
    await store.reconcile!(bucket, granted.lease, report);
    // Reported again (the next response says the same): nothing more.
    await store.reconcile!(bucket, granted.lease, report);
    const members = await admin.zrange(`langdock:rl:{${bucket}}:log`, '0', '-1', 'WITHSCORES');
    // Members and scores alternate; equal scores sort by member.
    const scores = new Map(
      members.filter((_, i) => i % 2 === 0).map((member, i) => [member, members[2 * i + 1]]),
    );
    const reported = [...scores.keys()].find((member) => member !== granted.lease);
    expect(scores.size).toBe(2);
    expect(reported).toMatch(/^[0-9a-f-]{36}:r2:600$/);
    const [leaseAt, reportedAt] = [scores.get(granted.lease), scores.get(reported!)];
    expect(reportedAt).toBe(leaseAt);
    expect(kind(await store.acquire(bucket, { tokens: 301, limits }))).toBe('tokens');
    expect(kind(await store.acquire(bucket, { tokens: 1, limits }))).toBe('granted');
    // 1 + 2 reported + 1 = the 4 requests of the limit.
    expect(kind(await store.acquire(bucket, { tokens: 1, limits }))).toBe('requests');
  });

  it('blocks the bucket after a 429 for every store on this Redis; a shorter block does not shorten it', async () => {
    const bucket = freshBucket();
    const other = createLangdockRedisStore(new IORedis(server.url));
    await store.block(bucket, 20_000);
    await store.block(bucket, 1_000);
    const decision = await other.acquire(bucket, { tokens: 1, limits });
    expect(kind(decision)).toBe('blocked');
    if (!decision.granted) {
      expect(decision.waitMs).toBeGreaterThan(1_000);
      expect(decision.waitMs).toBeLessThanOrEqual(20_000);
    }
    expect(await admin.pttl(`langdock:rl:{${bucket}}:block`)).toBeGreaterThan(1_000);
    // A block of nothing writes nothing.
    const unblocked = freshBucket();
    await store.block(unblocked, 0);
    expect(await admin.exists(`langdock:rl:{${unblocked}}:block`)).toBe(0);
  });

  it('lets idle buckets vanish: every key it writes expires with its window or block', async () => {
    const bucket = freshBucket();
    await store.acquire(bucket, { tokens: 1, limits: { ...limits, windowMs: 5_000 } });
    await store.block(bucket, 3_000);
    const log = await admin.pttl(`langdock:rl:{${bucket}}:log`);
    const block = await admin.pttl(`langdock:rl:{${bucket}}:block`);
    expect(log).toBeGreaterThan(0);
    expect(log).toBeLessThanOrEqual(2 * 5_000);
    expect(block).toBeGreaterThan(0);
    expect(block).toBeLessThanOrEqual(3_000);
  });

  it('leaves a bucket alone when a lease settles after its entry left (no key without an expiry)', async () => {
    const bucket = freshBucket();
    const granted = await store.acquire(bucket, { tokens: 10, limits });
    if (!granted.granted) throw new Error('the request must be granted');
    await admin.del(`langdock:rl:{${bucket}}:log`);
    await store.settle(bucket, granted.lease, 5);
    expect(await admin.exists(`langdock:rl:{${bucket}}:log`)).toBe(0);
  });

  it('runs its scripts again after Redis forgets them (SCRIPT FLUSH, as after a restart)', async () => {
    const bucket = freshBucket();
    await store.acquire(bucket, { tokens: 1, limits });
    await admin.script('FLUSH');
    expect(kind(await store.acquire(bucket, { tokens: 1, limits }))).toBe('granted');
    expect(kind(await store.acquire(bucket, { tokens: 1, limits }))).toBe('granted');
  });
});

describe('createLangdockRedisStore', redisServer.suite, () => {
  it('grants exactly the limit to a burst from two clients of different packages at once (each acquire is atomic)', async () => {
    const bucket = freshBucket();
    const [nodeRedis, ioredis] = await Promise.all([
      redisClients[2]![1](server.url),
      redisClients[4]![1](server.url),
    ]);
    try {
      const stores = [
        createLangdockRedisStore(nodeRedis.client),
        createLangdockRedisStore(ioredis.client),
      ];
      const burst = { ...limits, requestsPerMinute: 7 };
      const decisions = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          stores[i % 2]!.acquire(bucket, { tokens: 1, limits: burst }),
        ),
      );
      expect(decisions.filter((decision) => decision.granted)).toHaveLength(7);
      expect(new Set(decisions.filter((decision) => !decision.granted).map(kind))).toEqual(
        new Set(['requests']),
      );
      expect(await admin.zcard(`langdock:rl:{${bucket}}:log`)).toBe(7);
    } finally {
      await Promise.all([nodeRedis.close(), ioredis.close()]);
    }
  });

  it('decides as the memory store does, step by step', async () => {
    const redis = createLangdockRedisStore(admin);
    const memory = createLangdockMemoryStore({ now: () => 1_000_000 });
    const bucket = freshBucket();
    const leases = new Map<LangdockRateLimitStore, string[]>([
      [redis, []],
      [memory, []],
    ]);
    type Step =
      | readonly ['acquire', number]
      | readonly ['settle', number, number]
      | readonly ['block', number];
    const steps: Step[] = [
      ['acquire', 300],
      ['acquire', 300],
      ['acquire', 300],
      ['acquire', 200],
      ['settle', 0, 50],
      ['acquire', 200],
      ['acquire', 10],
      ['block', 30_000],
      ['acquire', 1],
    ];
    const outcomes = new Map<LangdockRateLimitStore, string[]>();
    for (const store of [redis, memory]) {
      const seen: string[] = [];
      for (const step of steps) {
        if (step[0] === 'acquire') {
          const decision = await store.acquire(bucket, { tokens: step[1], limits });
          if (decision.granted) leases.get(store)!.push(decision.lease);
          // The wait too, to the second: Redis's clock moves a few milliseconds during the steps, the memory store's not at all.
          seen.push(
            decision.granted
              ? 'granted'
              : `${decision.binding} ${Math.round(decision.waitMs / 1000)} s`,
          );
        } else if (step[0] === 'settle') {
          await store.settle(bucket, leases.get(store)![step[1]]!, step[2]);
        } else {
          await store.block(bucket, step[1]);
        }
      }
      outcomes.set(store, seen);
    }
    expect(outcomes.get(redis)).toEqual([
      'granted',
      'granted',
      'granted',
      'tokens 60 s',
      'granted',
      'requests 60 s',
      'blocked 30 s',
    ]);
    expect(outcomes.get(redis)).toEqual(outcomes.get(memory));
  });

  it('reconciles with what Langdock reported as the memory store does', async () => {
    const tenRequests = { ...limits, requestsPerMinute: 10 };
    const report = (requests: number, tokens: number) => ({
      requests,
      tokens,
      windowMs: limits.windowMs,
    });
    const outcomes = [];
    for (const store of [createLangdockRedisStore(admin), createLangdockMemoryStore()]) {
      const bucket = freshBucket();
      const leases: string[] = [];
      const seen: string[] = [];
      const acquire = async (tokens: number) => {
        const decision = await store.acquire(bucket, { tokens, limits: tenRequests });
        if (decision.granted) leases.push(decision.lease);
        seen.push(decision.granted ? 'granted' : `${decision.binding} ${decision.freeTokens} free`);
      };
      await acquire(300);
      await acquire(200);
      // Langdock counts 4 requests and 900 tokens: 2 and 400 beyond the two sent.
      await store.reconcile!(bucket, leases[0]!, report(4, 900));
      await acquire(101);
      await acquire(100);
      await store.settle(bucket, leases[0]!, 50);
      await acquire(250);
      // Everything Langdock counts now is accounted for, the reported usage included: nothing is added.
      await store.reconcile!(bucket, leases[1]!, report(5, 1_000));
      await acquire(1);
      outcomes.push(seen);
    }
    expect(outcomes[0]).toEqual([
      'granted',
      'granted',
      'tokens 100 free',
      'granted',
      'granted',
      'tokens 0 free',
    ]);
    expect(outcomes[0]).toEqual(outcomes[1]);
  });

  it('puts every key under its prefix, the bucket in braces as the cluster hash tag', async () => {
    const bucket = freshBucket();
    const store = createLangdockRedisStore(admin, { prefix: 'app-one:' });
    await store.acquire(bucket, { tokens: 1, limits });
    await store.block(bucket, 1_000);
    expect((await admin.keys('app-one:*')).sort()).toEqual([
      `app-one:{${bucket}}:block`,
      `app-one:{${bucket}}:log`,
    ]);
  });

  it('refuses a value that is not a node-redis or ioredis client, saying which it takes', () => {
    const notAClient = { get: async () => null } as unknown as LangdockRedisClient;
    expect(() => createLangdockRedisStore(notAClient)).toThrow(
      'createLangdockRedisStore needs a Redis client from node-redis (`createClient()` of the `redis` package, v4 or later, connected) or ioredis (`new Redis()`)',
    );
  });

  it('fails a step with a clear error when Redis cannot be reached', async () => {
    const offline = new IORedis(server.port, '127.0.0.1', {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const store = createLangdockRedisStore(offline);
    await expect(store.acquire(freshBucket(), { tokens: 1, limits })).rejects.toThrow(
      /^langdock-ai-provider\/redis: the rate limit's acquire step failed in Redis: /,
    );
    offline.disconnect();
  });
});

describe('the limiter over one Redis store in two processes', redisServer.suite, () => {
  it('wakes a call waiting in one process when the other settles its reservations (no window-long wait)', async () => {
    const bucket = freshBucket();
    const [nodeRedis, ioredis] = await Promise.all([
      redisClients[2]![1](server.url),
      redisClients[4]![1](server.url),
    ]);
    try {
      // Two limiters on two clients stand for two processes: neither sees the other's settles but through Redis.
      const settings = { requestsPerMinute: 100, tokensPerMinute: 1_000, windowMs: 20_000 };
      const first = new LangdockRateLimiter({
        ...settings,
        store: createLangdockRedisStore(nodeRedis.client),
      });
      const second = new LangdockRateLimiter({
        ...settings,
        store: createLangdockRedisStore(ioredis.client),
        maxWaitMs: 3_000,
      });
      const held = [
        await first.acquire(bucket, 300),
        await first.acquire(bucket, 300),
        await first.acquire(bucket, 300),
      ];
      const waiting = second.acquire(bucket, 300);
      void waiting.catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const lease of held) lease.settle(20);
      // Granted once the other process's real usage is in Redis, long before the 21 s until the window frees.
      await expect(waiting).resolves.toMatchObject({ reserved: 300 });
      const members = await admin.zrange(`langdock:rl:{${bucket}}:log`, '0', '-1');
      expect(members.map((member) => member.split(':').at(-1)).sort()).toEqual([
        '20',
        '20',
        '20',
        '300',
      ]);
    } finally {
      await Promise.all([nodeRedis.close(), ioredis.close()]);
    }
  });
});
