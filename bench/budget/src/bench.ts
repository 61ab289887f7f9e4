// npm run bench:budget [-- --quick]: four Node processes share one Langdock workspace budget (the emulator with
// small per-model limits) three ways: (a) no limiter, the AI SDK's retries only; (b) the limiter with a memory
// store in each process; (c) the limiter with one Redis store for all. Then a burst of short calls without
// maxOutputTokens, all at once, over the token budget: (d) in one process with a memory store, (e) spread over four
// processes on Redis. Prints, for each: failed calls, 429s, total time and throughput as a share of what the limits
// allow (for a burst, which the window holds at once: its tokens per second as a share of the budget's), and for the
// bursts the longest a call waited while the window had room for it; exits non-zero when (c), (d) or (e) misses its
// goal (no 429, no failed call, at least 90% of the limit's throughput; for the bursts also no call waiting a tenth
// of a window while there was room).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLangdockEmulator } from '../../../emulator/index';
import { startRedisServer } from '../../../test/redis/redis-server';
import { longestFreeWait } from './free-wait';
import { idealMs } from './ideal';
import type { BudgetMode, CallOutcome, WorkerReport, WorkerTask } from './worker';
import {
  BURST_FULL,
  BURST_QUICK,
  burstAcross,
  CHAT_MODEL,
  EMBEDDING_MODEL,
  FULL,
  QUICK,
  type BudgetSettings,
} from './workload';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const workerPath = fileURLToPath(new URL('./worker.mjs', import.meta.url));
const API_KEY = 'ld-bench-budget-key';
const GOAL_SHARE = 0.9;
/** A burst's calls may wait while the window has room for them (for calls ahead to settle), not this share of it. */
const GOAL_FREE_WAIT_SHARE = 0.1;

interface ModeResult {
  mode: BudgetMode;
  label: string;
  settings: BudgetSettings;
  /** The longest a call waited while the window had room for it (ms). */
  freeWaitMs: number;
  calls: number;
  failed: number;
  failures: Map<string, number>;
  rateLimited: number;
  responses: number;
  rateLimitedAt: WorkerReport['rateLimitedAt'];
  elapsedMs: number;
  idealMs: number;
  tokens: Map<string, number>;
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const settings = quick ? QUICK : FULL;
  const burst = quick ? BURST_QUICK : BURST_FULL;
  const runs: ReadonlyArray<readonly [BudgetMode, string, BudgetSettings]> = [
    ['none', '(a) no limiter, AI SDK retries (2)', settings],
    ['memory', '(b) limiter, memory store per process', settings],
    ['redis', '(c) limiter, shared Redis store', settings],
    ['memory', '(d) burst, limiter, memory store, one process', burstAcross(burst, 1)],
    ['redis', '(e) burst, limiter, shared Redis store, four processes', burstAcross(burst, 4)],
  ];
  const node24 = await findNode24();
  const ai7 = findAi7();
  const nodeVersion = await versionOf(node24);
  print(`Rate budget (${settings.label}): ${describe(settings)}`);
  print(`Burst (${burst.label}): ${describeBurst(burst)}`);
  print(
    `Each process: ai@${ai7.version} with langdock-ai-provider/v4 (src/v4) on Node ${nodeVersion}; the emulator and this script on Node ${process.version}.`,
  );
  print(
    `Redis: ${await redisVersion()}, started for (c) on a free loopback port; processes 1 and 3 use ioredis, 2 and 4 node-redis.`,
  );
  print('');

  const results: ModeResult[] = [];
  for (const [mode, label, runSettings] of runs) {
    const result = await runMode(mode, label, runSettings, node24, ai7.url);
    results.push(result);
    print(
      `${label}: ${result.calls - result.failed}/${result.calls} calls done, ${result.failed} failed${describeFailures(result.failures)}, ${result.rateLimited} 429s in ${result.responses} responses, ${seconds(result.elapsedMs)} (the limits allow ${seconds(result.idealMs)})${runSettings.workload === 'burst' ? `, longest wait with room in the window ${seconds(result.freeWaitMs)}` : ''}`,
    );
    if (mode !== 'none' && result.rateLimitedAt.length > 0)
      print(
        `  429s at: ${result.rateLimitedAt.map((hit) => `${hit.path} ${seconds(hit.ms)}`).join(', ')}`,
      );
  }

  const steady = results.filter((result) => result.settings.workload === 'steady');
  const bursts = results.filter((result) => result.settings.workload === 'burst');
  print('');
  print(`| run | failed calls | 429s received | total time | throughput, share of the limit's |`);
  print(`|---|---:|---:|---:|---:|`);
  for (const result of steady) print(`| ${result.label} | ${row(result)} |`);
  print('');
  print(
    `| burst run | failed calls | 429s received | total time | throughput, share of the limit's | longest wait with room in the window |`,
  );
  print(`|---|---:|---:|---:|---:|---:|`);
  for (const result of bursts)
    print(`| ${result.label} | ${row(result)} | ${seconds(result.freeWaitMs)} |`);
  print('');
  const shared = steady[2]!;
  print(
    `Share of the limit's throughput: the time the limits need at best for the calls that succeeded (${seconds(shared.idealMs)} for all of them in (c)), over the run's time. Tokens as Langdock counted them in (c): ${[...shared.tokens].map(([model, tokens]) => `${model} ${tokens.toLocaleString('en-US')}`).join(', ')} (limit ${settings.tokensPerWindow.toLocaleString('en-US')} per model per window); in (d): ${bursts[0]!.tokens.get(CHAT_MODEL)!.toLocaleString('en-US')} (limit ${burst.tokensPerWindow.toLocaleString('en-US')}).`,
  );

  const misses = [shared, ...bursts].flatMap((result) => {
    const freeWaitGoal = GOAL_FREE_WAIT_SHARE * result.settings.windowMs;
    const missed = [
      result.failed > 0 && `${result.failed} calls failed`,
      result.rateLimited > 0 && `${result.rateLimited} 429s`,
      share(result) < GOAL_SHARE && `throughput ${percent(share(result))} < ${percent(GOAL_SHARE)}`,
      result.settings.workload === 'burst' &&
        result.freeWaitMs >= freeWaitGoal &&
        `a call waited ${seconds(result.freeWaitMs)} with room in the window (goal < ${seconds(freeWaitGoal)})`,
    ].filter((miss): miss is string => typeof miss === 'string');
    return missed.length === 0 ? [] : [`${result.label.slice(0, 3)} ${missed.join(', ')}`];
  });
  print(
    misses.length === 0
      ? '(c), (d) and (e) meet their goals: no failed call, no 429, throughput at least 90% of the limit; in the bursts no call waited a tenth of a window while the window had room for it.'
      : `MISSED: ${misses.join('; ')}.`,
  );
  return misses.length === 0 ? 0 : 1;
}

function row(result: ModeResult): string {
  const of =
    result.failed === 0 ? '' : ` (of the ${result.calls - result.failed} calls that succeeded)`;
  return `${result.failed} of ${result.calls} | ${result.rateLimited} | ${seconds(result.elapsedMs)} | ${percent(share(result))}${of}`;
}

async function runMode(
  mode: BudgetMode,
  label: string,
  settings: BudgetSettings,
  node24: string,
  ai7Url: string,
): Promise<ModeResult> {
  // Langdock documents no retry-after, so the emulator sends none: the AI SDK falls back to 2 s and 4 s. It sends the
  // x-ratelimit-* headers others saw on Langdock's answers, which the limiter reads.
  const emulator = await startLangdockEmulator({
    apiKeys: [API_KEY],
    retryAfter: false,
    rateLimitHeaders: true,
    rateLimit: {
      rpm: settings.requestsPerWindow,
      tpm: settings.tokensPerWindow,
      windowMs: settings.windowMs,
    },
  });
  const redis = mode === 'redis' ? await startRedisServer() : undefined;
  try {
    const workers = Array.from({ length: settings.processes }, (_, processIndex) =>
      startWorker(node24, {
        mode,
        client: processIndex % 2 === 0 ? 'ioredis' : 'node-redis',
        redisURL: redis?.url,
        baseURL: emulator.baseURL,
        apiKey: API_KEY,
        processIndex,
        settings,
        ai7Url,
      }),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    const startedAt = Date.now();
    for (const worker of workers) worker.go();
    const reports = await Promise.all(workers.map((worker) => worker.report));
    const calls = reports.flatMap((report) => report.calls);
    const done = calls
      .filter((call) => call.error === undefined)
      .sort((a, b) => a.endedAt - b.endedAt);
    const failures = new Map<string, number>();
    for (const call of calls)
      if (call.error !== undefined) failures.set(call.error, (failures.get(call.error) ?? 0) + 1);
    const tokens = new Map<string, number>(
      [CHAT_MODEL, EMBEDDING_MODEL].map((model) => [
        model,
        sum(done.filter((call) => call.model === model).map((call) => call.tokens)),
      ]),
    );
    return {
      mode,
      label,
      settings,
      freeWaitMs: longestFreeWait(calls, settings),
      calls: calls.length,
      failed: calls.length - done.length,
      failures,
      rateLimited: sum(reports.map((report) => report.rateLimited)),
      responses: sum(reports.map((report) => report.responses)),
      rateLimitedAt: reports.flatMap((report) => report.rateLimitedAt).sort((a, b) => a.ms - b.ms),
      elapsedMs: Math.max(...calls.map((call: CallOutcome) => call.endedAt)) - startedAt,
      idealMs: idealMs(done, settings),
      tokens,
    };
  } finally {
    await emulator.close();
    await redis?.stop();
  }
}

interface Worker {
  ready: Promise<void>;
  go(): void;
  report: Promise<WorkerReport>;
}

function startWorker(node24: string, task: WorkerTask): Worker {
  const child = spawn(node24, [workerPath, JSON.stringify(task)], {
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
      if (code === 0 && last !== undefined && last !== 'ready')
        resolve(JSON.parse(last) as WorkerReport);
      else
        reject(
          new Error(
            `bench worker ${task.processIndex + 1} (${task.mode}) exited with ${code}:\n${stderr}${lines.join('\n')}`,
          ),
        );
    });
  });
  report.catch(() => markReady());
  return { ready, go: () => child.stdin.end('go\n'), report };
}

/** Node 24 for ai@7 (its packages declare Node >= 22): this Node when new enough, else the one compat pins. */
async function findNode24(): Promise<string> {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const installer = (await import(pathToFileURL(join(repoRoot, 'compat', 'node24.mjs')).href)) as {
    ensureNode24: () => Promise<string>;
  };
  return installer.ensureNode24();
}

function findAi7(): { version: string; url: string } {
  const require = createRequire(join(repoRoot, 'examples', 'package.json'));
  const manifestPath = join(repoRoot, 'examples', 'node_modules', 'ai', 'package.json');
  if (!existsSync(manifestPath))
    throw new Error(
      'ai@7 is not installed in examples/node_modules: run `npm ci` at the root first.',
    );
  const { version } = require(manifestPath) as { version: string };
  if (!version.startsWith('7.'))
    throw new Error(`The examples workspace has ai@${version}, not ai@7.`);
  return { version, url: pathToFileURL(require.resolve('ai')).href };
}

function versionOf(node: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--version'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', reject);
    child.once('close', () => resolve(output.trim()));
  });
}

function redisVersion(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('redis-server', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', () => resolve('redis-server (version unknown)'));
    child.once('close', () =>
      resolve(
        /v=(\S+)/.exec(output)?.[1] ? `redis-server ${/v=(\S+)/.exec(output)![1]}` : output.trim(),
      ),
    );
  });
}

function describe(settings: BudgetSettings): string {
  const perKind = settings.callsPerProcess / 3;
  return (
    `emulator limits ${settings.requestsPerWindow} requests and ${settings.tokensPerWindow.toLocaleString('en-US')} tokens per model per ${settings.windowMs / 1000} s window, no retry-after, x-ratelimit-* headers; ` +
    `${settings.processes} processes x ${settings.callsPerProcess} calls (streamText, generateText and embedMany in turn, about ${Math.round(perKind)} each), ${settings.concurrency} at a time per process`
  );
}

function describeBurst(settings: BudgetSettings): string {
  return (
    `emulator limits ${settings.requestsPerWindow} requests and ${settings.tokensPerWindow.toLocaleString('en-US')} tokens per model per ${settings.windowMs / 1000} s window; ` +
    `${settings.processes * settings.callsPerProcess} short chat calls at once (generateText and streamText in turn, prompts of 40-52 tokens, no maxOutputTokens: about 1,050 tokens reserved each), in one process and then spread over four`
  );
}

function describeFailures(failures: Map<string, number>): string {
  return failures.size === 0
    ? ''
    : ` (${[...failures].map(([name, count]) => `${count} ${name}`).join(', ')})`;
}

/**
 * The share of the limit's throughput: the best time the limits allow for what was done, over the time it took. A
 * burst the window holds at once has no such time (the limits allow it all at once): its tokens per second, as a
 * share of the budget's (tokens per window over the window), stand in, capped at 100%.
 */
function share(result: ModeResult): number {
  if (result.elapsedMs === 0) return 0;
  if (result.settings.workload === 'steady') return Math.min(1, result.idealMs / result.elapsedMs);
  const tokens = sum([...result.tokens.values()]);
  const budgetRate = result.settings.tokensPerWindow / result.settings.windowMs;
  return Math.min(1, tokens / result.elapsedMs / budgetRate);
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (value: number) => `${Math.round(value * 100)}%`;
const print = (line: string) => console.log(line);

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
