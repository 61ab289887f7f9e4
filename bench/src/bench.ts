// `npm run bench`: each entry's parsing cost against the floor and the generic providers of its own
// AI SDK generation, one process per generation (the ai@7 one on Node 24); Claude on Anthropic Messages against
// `@ai-sdk/anthropic` of the same generation, one process each too; then the entries side by side,
// memory and bundle size.
import { execFile, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleSize, sharedDeps } from './bundle';
import { findNode24 } from './node24';
import { memoryChunks, quick, repoRoot } from './settings';

const root = repoRoot();
const outDir = join(root, 'bench', '.out');
const execFileAsync = promisify(execFile);
const print = (line = '') => console.log(line);
const missed: string[] = [];
const took: string[] = [];
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** Runs a step and notes its wall time for the closing line. */
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  took.push(`${label} ${((performance.now() - start) / 1000).toFixed(0)} s`);
  return result;
}

const isReport = (message: unknown): message is { missed: string[] } =>
  typeof message === 'object' &&
  message !== null &&
  'missed' in message &&
  Array.isArray(message.missed);

/** Runs one section in a fresh `node` and adds the targets it missed; a section that fails (a wrong parse) fails the run. */
function runSection(node: string, args: string[]): Promise<void> {
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        node,
        [join(outDir, 'section.mjs'), ...args, ...(quick ? ['--quick'] : [])],
        { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
      );
      child.on('message', (message: unknown) => {
        if (isReport(message)) missed.push(...message.missed);
      });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0
          ? resolve()
          : reject(
              new Error(
                `section "${args.join(' ')}" on ${node} failed (${signal ?? `exit code ${code}`})`,
              ),
            ),
      );
    });
  return timed(args.join(' '), run);
}

/** The commit measured, and whether src/ differs from it: figures belong to a tree, not to a branch name. */
async function measuredTree(): Promise<string> {
  try {
    const git = async (...args: string[]) =>
      (await execFileAsync('git', args, { cwd: root, encoding: 'utf8' })).stdout.trim();
    const [commit, changed] = [
      await git('rev-parse', '--short', 'HEAD'),
      await git('status', '--porcelain', '--', 'src'),
    ];
    return changed === ''
      ? `commit ${commit}, src/ as committed`
      : `commit ${commit} with ${changed.split('\n').length} uncommitted change(s) in src/`;
  } catch {
    return 'not a git checkout';
  }
}

async function memorySection(): Promise<void> {
  print(
    `Memory (root entry, Node ${process.version}): a ${memoryChunks.toLocaleString('en')}-chunk text stream generated as it is read (the input is never held), fresh process each`,
  );
  print('RSS growth over the warmed-up baseline; time includes generating the bytes');
  print();
  print(
    '| provider | time | peak RSS growth, first half | peak RSS growth, second half | heap retained after the stream |',
  );
  print('|---|---:|---:|---:|---:|');
  for (const name of ['ours', 'openai-compatible'] as const) {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--expose-gc', join(outDir, 'memory.mjs'), name, String(memoryChunks)],
      { encoding: 'utf8' },
    );
    const m = JSON.parse(stdout) as {
      ok: boolean;
      ms: number;
      firstHalfPeakMB: number;
      secondHalfPeakMB: number;
      retainedHeapMB: number;
    };
    if (!m.ok) throw new Error(`${name} parsed the memory workload wrongly`);
    // Flat: the second half peaks no higher than the first (GC timing allowed for) and nothing is left behind.
    const flat = m.secondHalfPeakMB <= m.firstHalfPeakMB * 1.5 + 16 && m.retainedHeapMB < 1;
    if (!flat && name === 'ours') missed.push('memory: flat for ours');
    const mark = name === 'ours' ? ` ${flat ? 'yes' : 'NO'}` : '';
    print(
      `| ${name} | ${(m.ms / 1000).toFixed(1)} s | ${m.firstHalfPeakMB} MB | ${m.secondHalfPeakMB} MB | ${m.retainedHeapMB} MB${mark} |`,
    );
  }
  print();
}

const bundles = [
  ['ours, root (src/index.ts, what dist/index.js is built from)', './src/index.ts'],
  ['ours, /v3 (src/v3/index.ts → dist/v3.js)', './src/v3/index.ts'],
  ['ours, /v4 (src/v4/index.ts → dist/v4.js)', './src/v4/index.ts'],
  ['@ai-sdk/openai-compatible@1 (ai@5)', '@ai-sdk/openai-compatible'],
  ['@ai-sdk/openai@2 (ai@5)', '@ai-sdk/openai'],
  ['@ai-sdk/openai-compatible@2 (ai@6)', '@ai-sdk/openai-compatible-ai6'],
  ['@ai-sdk/openai@3 (ai@6)', '@ai-sdk/openai-ai6'],
  ['@ai-sdk/openai-compatible@3 (ai@7)', '@ai-sdk/openai-compatible-ai7'],
  ['@ai-sdk/openai@4 (ai@7)', '@ai-sdk/openai-ai7'],
  ['@ai-sdk/anthropic@2 (ai@5)', '@ai-sdk/anthropic'],
  ['@ai-sdk/anthropic@3 (ai@6)', '@ai-sdk/anthropic-ai6'],
  ['@ai-sdk/anthropic@4 (ai@7)', '@ai-sdk/anthropic-ai7'],
] as const;

async function bundleSection(): Promise<void> {
  print(
    'Bundle: whole ESM entry, `esbuild --bundle --minify --format=esm`, gzip level 9 (node:zlib)',
  );
  print();
  print(
    `| entry | nothing external: min / gzip | shared deps external (${sharedDeps.join(', ')}): min / gzip |`,
  );
  print('|---|---:|---:|');
  const kb = (size: { minified: number; gzipped: number }) =>
    `${(size.minified / 1024).toFixed(1)} / ${(size.gzipped / 1024).toFixed(1)} KiB`;
  // Quick mode checks the measure works on our three entries; the generic providers' sizes do not change.
  for (const [label, entry] of quick ? bundles.slice(0, 3) : bundles) {
    const [all, shared] = [
      await bundleSize(entry, root, []),
      await bundleSize(entry, root, sharedDeps),
    ];
    print(`| ${label} | ${kb(all)} | ${kb(shared)} |`);
  }
  print();
}

const started = performance.now();
// Node 24 is installed (when missing) before anything is timed; in quick mode, while the first sections run.
const node24Found = findNode24(root);
const node24 = quick ? undefined : await timed('Node 24 check', () => node24Found);

print(
  `Machine: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}; load average at start ${load()} (1, 5, 15 min)`,
);
print(
  `Measured: ${await measuredTree()}. Node ${process.version} runs every section but the ai@7 ones, whose headings name their Node.`,
);
print();
await runSection(process.execPath, ['generation', 'v2', '--growth']);
await runSection(process.execPath, ['messages', 'v2', '--growth']);
await runSection(process.execPath, ['generation', 'v3']);
await runSection(process.execPath, ['messages', 'v3']);
const v4Node = node24 ?? (await node24Found);
if ('missing' in v4Node) {
  print(
    `(The ai@7 sections run on ${process.version} below, not Node 24 as its packages ask: ${v4Node.missing})`,
  );
  print();
}
const v4Path = 'missing' in v4Node ? process.execPath : v4Node.path;
await runSection(v4Path, ['generation', 'v4']);
await runSection(v4Path, ['messages', 'v4']);
await runSection(process.execPath, ['entries']);
// Once more on the ai@7 generation's Node (a full run only: quick mode has shown all three entries work).
if (!quick && !('missing' in v4Node) && v4Node.path !== process.execPath)
  await runSection(v4Node.path, ['entries']);
await timed('memory', memorySection);
await timed('bundle', bundleSection);

print(
  `Load average at the end: ${load()}. Took ${((performance.now() - started) / 1000).toFixed(0)} s: ${took.join(', ')}.`,
);
if (quick)
  print('Quick mode: small workloads, ratios are indicative only and targets are not enforced.');
else if (missed.length > 0) print(`Targets missed: ${missed.join('; ')}`);
else print('All targets met.');
