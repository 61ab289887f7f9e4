// The Redis clients the store supports, each at the majors it is tested on, and a dump of everything Redis holds.
import IORedis from 'ioredis';
import IORedisV5 from 'ioredis-v5';
import { createClient } from 'redis';
import { createClient as createClientV4 } from 'redis-v4';
import { createClient as createClientV5 } from 'redis-v5';
import type { LangdockRedisClient } from '../../src/redis/index';

export interface ConnectedClient {
  client: LangdockRedisClient;
  close(): Promise<void>;
}

export const redisClients: ReadonlyArray<
  readonly [string, (url: string) => Promise<ConnectedClient>]
> = [
  [
    'node-redis 4',
    async (url) => {
      const client = createClientV4({ url });
      await client.connect();
      return { client, close: () => client.disconnect() };
    },
  ],
  [
    'node-redis 5',
    async (url) => {
      const client = createClientV5({ url });
      await client.connect();
      return { client, close: () => client.close() };
    },
  ],
  [
    'node-redis 6',
    async (url) => {
      const client = createClient({ url });
      await client.connect();
      return { client, close: () => client.close() };
    },
  ],
  [
    'ioredis 5',
    async (url) => {
      const client = new IORedisV5(url);
      return { client, close: () => client.quit().then(() => undefined) };
    },
  ],
  [
    'ioredis 6',
    async (url) => {
      const client = new IORedis(url);
      return { client, close: () => client.quit().then(() => undefined) };
    },
  ],
];

export interface RedisEntry {
  key: string;
  type: string;
  /** Milliseconds until the key expires; -1 when it never does. */
  ttl: number;
  /** Its contents, flattened: members and scores, fields and values, or the string. */
  values: string[];
}

/** Every key in Redis with its type, expiry and contents (SCAN, TYPE, then ZRANGE/HGETALL/GET/LRANGE/SMEMBERS). */
export async function dumpRedis(url: string): Promise<RedisEntry[]> {
  const redis = new IORedis(url);
  try {
    const keys = new Set<string>();
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', '*', 'COUNT', 1000);
      for (const key of found) keys.add(key);
      cursor = next;
    } while (cursor !== '0');
    const entries: RedisEntry[] = [];
    for (const key of [...keys].sort()) {
      const type = await redis.type(key);
      const ttl = await redis.pttl(key);
      entries.push({ key, type, ttl, values: await contents(redis, key, type) });
    }
    return entries;
  } finally {
    await redis.quit();
  }
}

async function contents(redis: IORedis, key: string, type: string): Promise<string[]> {
  switch (type) {
    case 'zset':
      return redis.zrange(key, 0, '-1', 'WITHSCORES');
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flat();
    case 'string':
      return [(await redis.get(key)) ?? ''];
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    default:
      return [`(a ${type} this dump does not read)`];
  }
}
