import { createHash } from 'node:crypto';
import IORedis from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../emulator/index';
import { createLangdock as createLangdockV2 } from '../../src/index';
import { createLangdockRedisStore } from '../../src/redis/index';
import { createLangdock as createLangdockV3 } from '../../src/v3/index';
import { createLangdock as createLangdockV4 } from '../../src/v4/index';
import { requireCommand } from '../helpers/requires';
import { dumpRedis, type RedisEntry } from './redis-clients';
import { startRedisServer, type RedisServer } from './redis-server';

// After chat calls, streams, embeddings and a 429 through every entry, Redis holds no trace of the API key.
// Outside CI a machine without redis-server skips this file and says so; CI=true fails it instead.
const redisServer = requireCommand('redis-server', 'apt-get install redis-server');

// No English words, so no 8-character piece of it can turn up in the store's own names by chance.
const API_KEY = 'ld-Zq9xW4vR7tY2mK8pL3nB6hJ1gF5dS0aQ';
const prompt = [
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Hello there' }] },
];

let redis: RedisServer;
let emulator: LangdockEmulator;
beforeAll(async () => {
  redis = await startRedisServer();
  // Four chat requests a minute at the emulator: the fifth meets a 429 and blocks the bucket.
  emulator = await startLangdockEmulator({
    apiKeys: [API_KEY],
    rateLimit: { rpm: 4, tpm: 1_000_000, windowMs: 60_000 },
  });
});
afterAll(async () => {
  await emulator?.close();
  await redis?.stop();
});

async function drain(stream: ReadableStream<unknown>): Promise<number> {
  let parts = 0;
  const reader = stream.getReader();
  while (!(await reader.read()).done) parts++;
  return parts;
}

/** Every piece of the key that long substrings could leak: the key itself and each 8-character slice. */
function keyPieces(): string[] {
  const pieces = [API_KEY];
  for (let i = 0; i + 8 <= API_KEY.length; i++) pieces.push(API_KEY.slice(i, i + 8));
  return pieces;
}

describe('what reaches Redis', redisServer.suite, () => {
  it('is hashed buckets, lease ids, token counts and a block: never the key or a piece of it', async () => {
    const ioredis = new IORedis(redis.url);
    const nodeRedis = createClient({ url: redis.url });
    await nodeRedis.connect();
    try {
      const rateLimit = (store: ReturnType<typeof createLangdockRedisStore>) => ({
        requestsPerMinute: 100,
        store,
      });
      const v4 = createLangdockV4({
        apiKey: API_KEY,
        baseURL: emulator.baseURL,
        rateLimit: rateLimit(createLangdockRedisStore(ioredis)),
      });
      const v3 = createLangdockV3({
        apiKey: API_KEY,
        baseURL: emulator.baseURL,
        rateLimit: rateLimit(createLangdockRedisStore(nodeRedis)),
      });
      const v2 = createLangdockV2({
        apiKey: API_KEY,
        baseURL: emulator.baseURL,
        rateLimit: rateLimit(createLangdockRedisStore(ioredis)),
      });

      expect((await v4('gpt-4.1').doGenerate({ prompt })).finishReason.unified).toBe('stop');
      expect(await drain((await v4('gpt-4.1').doStream({ prompt })).stream)).toBeGreaterThan(2);
      expect((await v3('gpt-4.1').doGenerate({ prompt })).finishReason.unified).toBe('stop');
      expect((await v2('gpt-4.1').doGenerate({ prompt })).finishReason).toBe('stop');
      await expect(v2('gpt-4.1').doGenerate({ prompt })).rejects.toThrow('Langdock API error 429');
      expect(
        (await v4.embeddingModel('text-embedding-3-small').doEmbed({ values: ['a', 'b'] }))
          .embeddings,
      ).toHaveLength(2);
      expect(
        (await v3.embeddingModel('text-embedding-3-small').doEmbed({ values: ['c'] })).embeddings,
      ).toHaveLength(1);
      // The leases settle and the 429 blocks in the background.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await Promise.all([ioredis.quit(), nodeRedis.close()]);
    }

    const dump: RedisEntry[] = await dumpRedis(redis.url);
    const hash = createHash('sha256').update(API_KEY).digest('hex').slice(0, 32);
    const chat = `langdock:rl:{${hash}:${emulator.baseURL}:gpt-4.1}`;
    const embeddings = `langdock:rl:{${hash}:${emulator.baseURL}:text-embedding-3-small}`;
    expect(dump.map((entry) => [entry.key, entry.type])).toEqual([
      [`${chat}:block`, 'string'],
      [`${chat}:log`, 'zset'],
      [`${embeddings}:log`, 'zset'],
    ]);
    // Five chat requests (the one that met the 429 keeps its reservation), two embedding requests; each <uuid>:<tokens>
    // in flight, <uuid>:s:<tokens> once settled.
    const members = (entry: RedisEntry | undefined) =>
      entry?.values.filter((_, i) => i % 2 === 0) ?? [];
    expect(members(dump[1])).toHaveLength(5);
    expect(members(dump[2])).toHaveLength(2);
    for (const member of [...members(dump[1]), ...members(dump[2])])
      expect(member).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:s)?:\d+$/,
      );

    const everything = dump.map((entry) => [entry.key, ...entry.values].join('\n')).join('\n');
    const leaked = keyPieces().filter((piece) => everything.includes(piece));
    expect(leaked).toEqual([]);
    // The search itself can find a key where there is one.
    expect(
      keyPieces().filter((piece) => `${everything}\n${API_KEY.slice(5, 20)}`.includes(piece))
        .length,
    ).toBeGreaterThan(0);
  });
});
