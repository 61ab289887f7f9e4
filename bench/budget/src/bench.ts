// npm run bench:budget [-- --quick]: four Node processes share one Langdock workspace budget (the emulator with
// small per-model limits) three ways: (a) no limiter, the AI SDK's retries only; (b) the limiter with a memory
// store in each process; (c) the limiter with one Redis store for all. Prints, for each: failed calls, 429s, total
// time and throughput as a share of what the limits allow; exits non-zero when (c) misses its goal (no 429, no
// failed call, at least 90% of the limit's throughput).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLangdockEmulator } from '../../../emulator/index';
import { startRedisServer } from '../../../test/redis/redis-server';
import { idealMs } from './ideal';
import type { BudgetMode, CallOutcome, WorkerReport, WorkerTask } from './worker';
import { CHAT_MODEL, EMBEDDING_MODEL, FULL, QUICK, type BudgetSettings } from './workload';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const workerPath = fileURLToPath(new URL('./worker.mjs', import.meta.url));
const API_KEY = 'ld-bench-budget-key';
const GOAL_SHARE = 0.9;

interface ModeResult {
  mode: BudgetMode;
  label: string;
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

const MODES: ReadonlyArray<readonly [BudgetMode, string]> = [
  ['none', '(a) no limiter, AI SDK retries (2)'],
  ['memory', '(b) limiter, memory store per process'],
  ['redis', '(c) limiter, shared Redis store'],
];

async function main(): Promise<number> {
  const settings = process.argv.includes('--quick') ? QUICK : FULL;
  const node24 = await findNode24();
  const ai7 = findAi7();
  const nodeVersion = await versionOf(node24);
  print(`Rate budget (${settings.label}): ${describe(settings)}`);
  print(
    `Each process: ai@${ai7.version} with langdock-ai-provider/v4 (src/v4) on Node ${nodeVersion}; the emulator and this script on Node ${process.version}.`,
  );
  print(
    `Redis: ${await redisVersion()}, started for (c) on a free loopback port; processes 1 and 3 use ioredis, 2 and 4 node-redis.`,
  );
  print('');

  const results: ModeResult[] = [];
  for (const [mode, label] of MODES) {
    const result = await runMode(mode, label, settings, node24, ai7.url);
    results.push(result);
    print(
      `${label}: ${result.calls - result.failed}/${result.calls} calls done, ${result.failed} failed${describeFailures(result.failures)}, ${result.rateLimited} 429s in ${result.responses} responses, ${seconds(result.elapsedMs)} (the limits allow ${seconds(result.idealMs)})`,
    );
    if (mode !== 'none' && result.rateLimitedAt.length > 0)
      print(
        `  429s at: ${result.rateLimitedAt.map((hit) => `${hit.path} ${seconds(hit.ms)}`).join(', ')}`,
      );
  }

  print('');
  print(`| run | failed calls | 429s received | total time | throughput, share of the limit's |`);
  print(`|---|---:|---:|---:|---:|`);
  for (const result of results) {
    const of =
      result.failed === 0 ? '' : ` (of the ${result.calls - result.failed} calls that succeeded)`;
    print(
      `| ${result.label} | ${result.failed} of ${result.calls} | ${result.rateLimited} | ${seconds(result.elapsedMs)} | ${percent(share(result))}${of} |`,
    );
  }
  print('');
  print(
    `Share of the limit's throughput: the time the limits need at best for the calls that succeeded (${seconds(results[2]!.idealMs)} for all of them in (c)), over the run's time. Tokens as Langdock counted them in (c): ${[...results[2]!.tokens].map(([model, tokens]) => `${model} ${tokens.toLocaleString('en-US')}`).join(', ')} (limit ${settings.tokensPerWindow.toLocaleString('en-US')} per model per window).`,
  );

  const shared = results[2]!;
  const misses = [
    shared.failed > 0 && `${shared.failed} calls failed`,
    shared.rateLimited > 0 && `${shared.rateLimited} 429s`,
    share(shared) < GOAL_SHARE && `throughput ${percent(share(shared))} < ${percent(GOAL_SHARE)}`,
  ].filter((miss): miss is string => typeof miss === 'string');
  print(
    misses.length === 0
      ? '(c) meets its goal: no failed call, no 429, throughput at least 90% of the limit.'
      : `(c) MISSES its goal: ${misses.join(', ')}.`,
  );
  return misses.length === 0 ? 0 : 1;
}

async function runMode(
  mode: BudgetMode,
  label: string,
  settings: BudgetSettings,
  node24: string,
  ai7Url: string,
): Promise<ModeResult> {
  // Langdock documents no retry-after, so the emulator sends none: the AI SDK falls back to 2 s and 4 s.
  const emulator = await startLangdockEmulator({
    apiKeys: [API_KEY],
    retryAfter: false,
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
    `emulator limits ${settings.requestsPerWindow} requests and ${settings.tokensPerWindow.toLocaleString('en-US')} tokens per model per ${settings.windowMs / 1000} s window, no retry-after; ` +
    `${settings.processes} processes x ${settings.callsPerProcess} calls (streamText, generateText and embedMany in turn, about ${Math.round(perKind)} each), ${settings.concurrency} at a time per process`
  );
}

function describeFailures(failures: Map<string, number>): string {
  return failures.size === 0
    ? ''
    : ` (${[...failures].map(([name, count]) => `${count} ${name}`).join(', ')})`;
}

/** The share of the limit's throughput: the best time the limits allow for what was done, over the time it took. */
function share(result: ModeResult): number {
  return result.elapsedMs === 0 ? 0 : Math.min(1, result.idealMs / result.elapsedMs);
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
