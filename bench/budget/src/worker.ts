// One process of the rate budget bench, on Node 24: ai@7 (from the examples workspace) with
// langdock-ai-provider/v4 (this repo's src), making its share of the calls against the emulator, with no
// limiter, a limiter on this process's memory, or one on the shared Redis. It prints "ready", starts on a line
// from stdin, and ends with one JSON line: each call's outcome, when it started and was sent, and the tokens
// Langdock (the emulator) counted.
import IORedis from 'ioredis';
import { createInterface } from 'node:readline';
import { createClient } from 'redis';
import { estimateTokens } from '../../../emulator/index';
import type { LangdockRateLimitStore } from '../../../src/core/rate-limit/langdock-rate-limit';
import { estimateLangdockTextTokens } from '../../../src/core/rate-limit/estimate-langdock-tokens';
import { createLangdockRedisStore } from '../../../src/redis/index';
import { createLangdock } from '../../../src/v4/index';
import {
  budgetCalls,
  burstCalls,
  CHAT_MODEL,
  EMBEDDING_MODEL,
  MAX_OUTPUT_TOKENS,
  WARM_UP_CHAT_MODEL,
  WARM_UP_EMBEDDING_MODEL,
  type BudgetCall,
  type BudgetSettings,
  type CallKind,
} from './workload';

type AI7 = typeof import('../../../examples/node_modules/ai');

export type BudgetMode = 'none' | 'memory' | 'redis';

/** The request header a measured call carries: `<process>-<call>`, so the fetch knows whose request it sends. */
const CALL_HEADER = 'x-bench-call';

export interface WorkerTask {
  mode: BudgetMode;
  /** The Redis client this process uses in the redis mode. */
  client: 'ioredis' | 'node-redis';
  redisURL: string | undefined;
  baseURL: string;
  apiKey: string;
  processIndex: number;
  settings: BudgetSettings;
  ai7Url: string;
}

export interface CallOutcome {
  kind: CallKind;
  model: string;
  /** The error's name when the call failed after the AI SDK's retries. */
  error: string | undefined;
  /** Tokens as Langdock counts them (the emulator's usage; for streams, which carry none, its rule on the text). */
  tokens: number;
  /** Of those, the prompt's: what Langdock checks against the window when the request arrives. */
  promptTokens: number;
  /** Epoch ms when the call started, when its first request left (undefined: never sent), and when it ended. */
  startedAt: number;
  sentAt: number | undefined;
  endedAt: number;
  /** What the limiter reserves for it: the prompt and the output it allows (1,000 when it sets no maxOutputTokens). */
  reservedTokens: number;
}

export interface WorkerReport {
  calls: CallOutcome[];
  /** Responses this process received, and how many of them were 429. */
  responses: number;
  rateLimited: number;
  /** When each 429 arrived (ms after the start) and for which endpoint: where the budget ran over. */
  rateLimitedAt: Array<{ ms: number; path: string }>;
}

async function main(task: WorkerTask): Promise<WorkerReport> {
  const ai = (await import(task.ai7Url)) as AI7;
  const { store, close } = await openStore(task);
  let responses = 0;
  let rateLimited = 0;
  const rateLimitedAt: WorkerReport['rateLimitedAt'] = [];
  let startedAt = 0;
  // Each measured call names itself in a header, so the fetch can tell when its first request left.
  const sentAt = new Map<string, number>();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = new Headers(init?.headers).get(CALL_HEADER);
    if (call !== null && !sentAt.has(call)) sentAt.set(call, Date.now());
    const response = await globalThis.fetch(input, init);
    responses++;
    if (response.status === 429) {
      rateLimited++;
      rateLimitedAt.push({
        ms: Date.now() - startedAt,
        path: new URL(response.url).pathname.replace(/^.*\/v1/, ''),
      });
    }
    return response;
  };
  const { settings } = task;
  const limits = {
    requestsPerMinute: settings.requestsPerWindow,
    tokensPerMinute: settings.tokensPerWindow,
    windowMs: settings.windowMs,
  };
  const langdock = createLangdock({
    apiKey: task.apiKey,
    baseURL: task.baseURL,
    fetch,
    ...(task.mode !== 'none' && { rateLimit: { ...limits, ...(store && { store }) } }),
  });
  const chat = langdock(CHAT_MODEL);
  const embedding = langdock.embeddingModel(EMBEDDING_MODEL);

  const burst = settings.workload === 'burst';
  // A burst sets no maxOutputTokens, as the new user did: the limiter reserves 1,000 tokens of output for each.
  const maxOutputTokens = burst ? undefined : MAX_OUTPUT_TOKENS;
  // A limiter that stalls must not hold the bench for many windows: calls still unfinished after three are aborted.
  const deadline = AbortSignal.timeout(3 * settings.windowMs);
  const run = async (call: BudgetCall, index: number): Promise<CallOutcome> => {
    const model = call.kind === 'embedMany' ? EMBEDDING_MODEL : CHAT_MODEL;
    const id = `${task.processIndex}-${index}`;
    const callStartedAt = Date.now();
    const prompt = call.texts[0] ?? '';
    const outcome = (error: unknown, promptTokens: number, outputTokens: number): CallOutcome => ({
      kind: call.kind,
      model,
      error: error === undefined ? undefined : error instanceof Error ? error.name : String(error),
      tokens: error === undefined ? promptTokens + outputTokens : 0,
      promptTokens: error === undefined ? promptTokens : 0,
      startedAt: callStartedAt,
      sentAt: sentAt.get(id),
      endedAt: Date.now(),
      // The library's estimate of a one-message prompt: its text and 4 tokens for the message.
      reservedTokens:
        call.kind === 'embedMany'
          ? call.texts.reduce((sum, text) => sum + estimateLangdockTextTokens(text), 0)
          : estimateLangdockTextTokens(prompt) + 4 + (maxOutputTokens ?? 1_000),
    });
    const headers = { [CALL_HEADER]: id };
    try {
      if (call.kind === 'embedMany') {
        const result = await ai.embedMany({
          model: embedding,
          values: call.texts,
          headers,
          abortSignal: deadline,
        });
        return outcome(undefined, result.usage.tokens, 0);
      }
      if (call.kind === 'generateText') {
        const result = await ai.generateText({
          model: chat,
          prompt,
          maxOutputTokens,
          headers,
          abortSignal: deadline,
        });
        return outcome(undefined, result.usage.inputTokens ?? 0, result.usage.outputTokens ?? 0);
      }
      const result = ai.streamText({
        model: chat,
        prompt,
        maxOutputTokens,
        headers,
        abortSignal: deadline,
        onError: () => {},
      });
      let text = '';
      let failure: unknown;
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') text += part.text;
        else if (part.type === 'error') failure = part.error;
      }
      // The emulator counts a chat request as its prompt's text plus its reply's, each by the same rule.
      return outcome(failure, estimateTokens(prompt), estimateTokens(text));
    } catch (error) {
      return outcome(error, 0, 0);
    }
  };

  const calls = (burst ? burstCalls : budgetCalls)(task.processIndex, settings.callsPerProcess);
  // Warm, as a server that has been up a while is: one call of each kind on models outside the measured budgets
  // (fetch connected, the code compiled, the store's scripts known to Redis). Four cold processes on two cores
  // take most of a second for their first calls, which a real server meets only once.
  await ai
    .streamText({ model: langdock(WARM_UP_CHAT_MODEL), prompt: 'warm up', maxOutputTokens: 20 })
    .consumeStream();
  await ai.generateText({
    model: langdock(WARM_UP_CHAT_MODEL),
    prompt: 'warm up',
    maxOutputTokens: 20,
  });
  await ai.embedMany({
    model: langdock.embeddingModel(WARM_UP_EMBEDDING_MODEL),
    values: ['warm up'],
  });
  responses = 0;
  console.log('ready');
  await new Promise<void>((resolve) =>
    createInterface({ input: process.stdin }).once('line', () => resolve()),
  );
  startedAt = Date.now();
  const outcomes: CallOutcome[] = new Array(calls.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < calls.length; i = next++) outcomes[i] = await run(calls[i]!, i);
  };
  await Promise.all(Array.from({ length: settings.concurrency }, lane));
  const report = { calls: outcomes, responses, rateLimited, rateLimitedAt };
  // The last leases settle in the background; let them reach Redis before the client goes.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await close();
  return report;
}

async function openStore(
  task: WorkerTask,
): Promise<{ store: LangdockRateLimitStore | undefined; close: () => Promise<void> }> {
  if (task.mode !== 'redis' || task.redisURL === undefined)
    return { store: undefined, close: async () => {} };
  if (task.client === 'node-redis') {
    const client = createClient({ url: task.redisURL });
    await client.connect();
    return { store: createLangdockRedisStore(client), close: () => client.close() };
  }
  const client = new IORedis(task.redisURL);
  return {
    store: createLangdockRedisStore(client),
    close: () => client.quit().then(() => undefined),
  };
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
