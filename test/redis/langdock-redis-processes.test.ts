import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../emulator/index';
import { requireCommand } from '../helpers/requires';
import { dumpRedis } from './redis-clients';
import { startRedisServer, type RedisServer } from './redis-server';
import type { WorkerReport, WorkerTask } from './rate-limited-worker';

// Separate Node processes sharing one bucket through Redis, judged by the emulator's own per-model limits.
// Outside CI a machine without redis-server skips this file and says so; CI=true fails it instead.
const redisServer = requireCommand('redis-server', 'apt-get install redis-server');

const API_KEY = 'ld-Zq9xW4vR7tY2mK8pL3nB6hJ1gF5dS0aQ';
const MODEL = 'gpt-4.1';
const workerPath = fileURLToPath(new URL('./rate-limited-worker.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let redis: RedisServer;
let emulator: LangdockEmulator | undefined;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

interface Worker {
  /** Resolves once the worker has its store and model and waits for the go. */
  ready: Promise<void>;
  go(): void;
  report: Promise<WorkerReport>;
}

function startWorker(
  task: Omit<WorkerTask, 'redisURL' | 'baseURL' | 'apiKey' | 'modelId'>,
): Worker {
  const full: WorkerTask = {
    redisURL: redis.url,
    baseURL: emulator!.baseURL,
    apiKey: API_KEY,
    modelId: MODEL,
    ...task,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', workerPath, JSON.stringify(full)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const lines: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (line === 'ready') markReady();
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.once('close', (code) => {
      const last = lines.at(-1);
      if (code === 0 && last !== undefined) resolve(JSON.parse(last) as WorkerReport);
      else reject(new Error(`worker exited with ${code}:\n${stderr}${lines.join('\n')}`));
    });
  });
  // A worker that dies before it is ready fails the test through its report, not a hang.
  report.catch(() => markReady());
  return { ready, go: () => child.stdin.end('go\n'), report };
}

/** The bucket the library names for this key, URL and model, computed here from the documented rule. */
function bucketOf(baseURL: string): string {
  return `${createHash('sha256').update(API_KEY).digest('hex').slice(0, 32)}:${baseURL}:${MODEL}`;
}

describe('two processes sharing one bucket through Redis', redisServer.suite, () => {
  it('stay under the limit together: node-redis in one, ioredis in the other, no 429 from the emulator', async () => {
    // The emulator allows 3 requests per 1.5 s; each process sends 3 at once with a limiter of 3 per 2 s.
    emulator = await startLangdockEmulator({
      apiKeys: [API_KEY],
      rateLimit: { rpm: 3, tpm: 1_000_000, windowMs: 1_500 },
    });
    const rateLimit = { requestsPerMinute: 3, tokensPerMinute: 1_000_000, windowMs: 2_000 };
    const workers = [
      startWorker({ store: 'node-redis', calls: 3, rateLimit }),
      startWorker({ store: 'ioredis', calls: 3, rateLimit }),
    ];
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.go();
    const reports = await Promise.all(workers.map((worker) => worker.report));
    expect(reports.flatMap((report) => report.calls.map((call) => call.ok))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(reports.flatMap((report) => report.statuses)).toEqual([200, 200, 200, 200, 200, 200]);
  }, 60_000);

  it('meet 429s with a memory store each, as the reason the shared store exists', async () => {
    emulator = await startLangdockEmulator({
      apiKeys: [API_KEY],
      rateLimit: { rpm: 3, tpm: 1_000_000, windowMs: 1_500 },
    });
    const rateLimit = { requestsPerMinute: 3, tokensPerMinute: 1_000_000, windowMs: 2_000 };
    const workers = [
      startWorker({ store: 'memory', calls: 3, rateLimit }),
      startWorker({ store: 'memory', calls: 3, rateLimit }),
    ];
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.go();
    const reports = await Promise.all(workers.map((worker) => worker.report));
    const statuses = reports.flatMap((report) => report.statuses);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    expect(reports.flatMap((report) => report.calls).filter((call) => !call.ok)).toHaveLength(3);
  }, 60_000);

  it("share a 429's block: the other process does not send until retry-after has passed", async () => {
    // One request per 5 s at the emulator, while the limiters believe in 100 a minute: the second call meets a 429
    // with retry-after 5, and the bucket is blocked in Redis.
    emulator = await startLangdockEmulator({
      apiKeys: [API_KEY],
      rateLimit: { rpm: 1, tpm: 1_000_000, windowMs: 5_000 },
    });
    const first = startWorker({
      store: 'ioredis',
      calls: 2,
      rateLimit: { requestsPerMinute: 100, tokensPerMinute: 1_000_000, windowMs: 60_000 },
    });
    const second = startWorker({
      store: 'node-redis',
      calls: 1,
      rateLimit: {
        requestsPerMinute: 100,
        tokensPerMinute: 1_000_000,
        windowMs: 60_000,
        maxWaitMs: 0,
      },
    });
    await Promise.all([first.ready, second.ready]);
    first.go();
    const firstReport = await first.report;
    second.go();
    const secondReport = await second.report;

    expect([...firstReport.statuses].sort()).toEqual([200, 429]);
    expect(firstReport.calls.map((call) => call.ok).sort()).toEqual([false, true]);
    expect(secondReport.statuses).toEqual([]);
    expect(secondReport.calls).toEqual([
      {
        ok: false,
        name: 'AI_LangdockRateLimitError',
        binding: 'blocked',
        message: expect.stringMatching(
          /^Langdock answered 429 \(rate limit\) for this model and asked to wait: this call would have waited [1-5] s, longer than maxWaitMs \(0 ms\), so it was not sent\.$/,
        ),
      },
    ]);
    const block = (await dumpRedis(redis.url)).find(
      (entry) => entry.key === `langdock:rl:{${bucketOf(emulator!.baseURL)}}:block`,
    );
    expect(block?.ttl).toBeGreaterThan(0);
    expect(block?.ttl).toBeLessThanOrEqual(5_000);
  }, 60_000);

  it('settle each request to its real usage in the shared log', async () => {
    emulator = await startLangdockEmulator({ apiKeys: [API_KEY] });
    const worker = startWorker({
      store: 'node-redis',
      calls: 2,
      rateLimit: { requestsPerMinute: 100, tokensPerMinute: 100_000, windowMs: 60_000 },
    });
    await worker.ready;
    worker.go();
    const report = await worker.report;
    const used = report.calls.map((call) => (call.ok ? call.totalTokens : undefined));
    expect(used.every((tokens) => typeof tokens === 'number' && tokens > 0)).toBe(true);
    const log = (await dumpRedis(redis.url)).find(
      (entry) => entry.key === `langdock:rl:{${bucketOf(emulator!.baseURL)}}:log`,
    );
    // Members and scores alternate: <id>:s:<tokens> once settled, then the time.
    const logged = log?.values
      .filter((_, i) => i % 2 === 0)
      .map((member) => Number(/^[0-9a-f-]{36}:s:(\d+)$/.exec(member)?.[1]));
    expect(logged?.sort()).toEqual([...used].sort());
  }, 60_000);
});
