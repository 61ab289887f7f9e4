// One process of the multi-process Redis tests, run with `node --import tsx`: makes chat calls through the /v4
// entry with a rate limiter on a store (Redis through node-redis or ioredis, or this process's memory), and
// prints one JSON line of what happened. It prints "ready" first and starts when a line arrives on stdin, so
// the test can start several at the same moment.
import IORedis from 'ioredis';
import { createClient } from 'redis';
import { createInterface } from 'node:readline';
import type { LangdockRateLimitStore } from '../../src/core/rate-limit/langdock-rate-limit';
import { createLangdockRedisStore } from '../../src/redis/index';
import { createLangdock } from '../../src/v4/index';

export interface WorkerTask {
  store: 'node-redis' | 'ioredis' | 'memory';
  redisURL: string;
  baseURL: string;
  apiKey: string;
  modelId: string;
  /** Calls made at once. */
  calls: number;
  rateLimit: {
    requestsPerMinute: number;
    tokensPerMinute: number;
    windowMs: number;
    maxWaitMs?: number;
  };
}

export type WorkerCall =
  | { ok: true; totalTokens: number | undefined }
  | { ok: false; name: string; message: string; binding: string | undefined };

export interface WorkerReport {
  calls: WorkerCall[];
  /** The status of every response this process received. */
  statuses: number[];
}

async function main(task: WorkerTask): Promise<WorkerReport> {
  let close = async () => {};
  let store: LangdockRateLimitStore | undefined;
  if (task.store === 'node-redis') {
    const client = createClient({ url: task.redisURL });
    await client.connect();
    store = createLangdockRedisStore(client);
    close = () => client.close();
  } else if (task.store === 'ioredis') {
    const client = new IORedis(task.redisURL);
    store = createLangdockRedisStore(client);
    close = () => client.quit().then(() => undefined);
  }
  const statuses: number[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await globalThis.fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  const langdock = createLangdock({
    apiKey: task.apiKey,
    baseURL: task.baseURL,
    fetch,
    rateLimit: { ...task.rateLimit, ...(store && { store }) },
  });
  const model = langdock(task.modelId);
  console.log('ready');
  await new Promise<void>((resolve) =>
    createInterface({ input: process.stdin }).once('line', () => resolve()),
  );
  const prompt = [
    { role: 'user' as const, content: [{ type: 'text' as const, text: 'Hello from a worker' }] },
  ];
  const calls = await Promise.all(
    Array.from({ length: task.calls }, () =>
      model.doGenerate({ prompt, maxOutputTokens: 50 }).then(
        (result): WorkerCall => ({
          ok: true,
          totalTokens:
            result.usage.inputTokens.total !== undefined
              ? result.usage.inputTokens.total + (result.usage.outputTokens.total ?? 0)
              : undefined,
        }),
        (error: unknown): WorkerCall => ({
          ok: false,
          name: error instanceof Error ? error.name : typeof error,
          message: error instanceof Error ? error.message : String(error),
          binding:
            typeof error === 'object' && error !== null && 'binding' in error
              ? String(error.binding)
              : undefined,
        }),
      ),
    ),
  );
  // The leases settle in the background: give them a moment to reach the store before the client goes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await close();
  return { calls, statuses };
}

main(JSON.parse(process.argv[2] ?? '{}') as WorkerTask).then(
  (report) => {
    console.log(JSON.stringify(report));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
