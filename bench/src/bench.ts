// `npm run bench`: parsing cost of our stream path against the floor and the generic providers.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleSize, sharedDeps } from './bundle';
import { createModel, floor, providerNames, streamFloor, runDoStream, runStreamText, type ProviderName, type Summary } from './contenders';
import { compare, type Timed } from './measure';
import { eventReads, READ_SIZE, reads, textWorkload, toolWorkload, type Workload } from './workloads';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const scale = quick ? 0.1 : 1;
const n = (full: number) => Math.round(full * scale);
const timing = quick ? { rounds: 3, warmup: 1 } : { rounds: 9, warmup: 2 };
const memoryChunks = quick ? 50_000 : 1_000_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

const print = (line = '') => console.log(line);
const failures: string[] = [];
const check = (met: boolean, target: string) => {
  if (!met) failures.push(target);
  return met ? 'yes' : 'NO';
};

/** Fails the run when a contender's output differs from what the workload holds: a fast wrong parser counts for nothing. */
function verify(workload: Workload, name: string, summary: Summary): void {
  const { expected } = workload;
  const right =
    summary.errors === 0 &&
    summary.textLength === expected.textLength &&
    summary.toolCalls === expected.toolCalls &&
    summary.toolInputLength === expected.toolInputLength;
  if (!right) throw new Error(`${name} parsed "${workload.name}" wrongly: ${JSON.stringify(summary)} vs ${JSON.stringify(expected)}`);
}

async function timeDoStream(workload: Workload, split = reads): Promise<Record<'floor' | 'streamFloor' | ProviderName, Timed<unknown>>> {
  const bytes = [...split(workload.events())];
  const contenders: Record<string, () => unknown> = { floor: () => floor(bytes), streamFloor: () => streamFloor(bytes.values()) };
  for (const name of providerNames) contenders[name] = () => runDoStream(createModel(name, bytes.values()));
  const timed = await compare(contenders, timing);
  for (const name of providerNames) verify(workload, name, timed[name]!.result as Summary);
  return timed;
}

const us = (timed: Timed<unknown>, workload: Workload) => ((timed.ms * 1000) / workload.chunks).toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

const workloads = [textWorkload(n(20_000)), toolWorkload(1, n(20_000)), toolWorkload(4, n(5_000))];
const splits = [
  [`${READ_SIZE / 1024} KiB reads (a fast server: the bytes arrive in bulk)`, reads],
  ['one SSE event per read (live token pacing: the model is slower than the network)', eventReads],
] as const;
for (const [label, split] of splits) {
  print(`doStream, µs per chunk (content chunk or argument delta), median of ${timing.rounds} interleaved runs, ${label}`);
  print();
  print('| workload | floor | floor + streams | ours | openai-compatible | openai chat | ours / floor (≤ 2x) | ours / (floor + streams) | ours / openai-compatible (≤ 0.5x) |');
  print('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const workload of workloads) {
    const t = await timeDoStream(workload, split);
    const ours = t.ours.ms;
    const name = `${workload.name}, ${split === reads ? 'bulk' : 'per event'}`;
    print(
      `| ${workload.name} | ${us(t.floor, workload)} | ${us(t.streamFloor, workload)} | ${us(t.ours, workload)} | ${us(t['openai-compatible'], workload)} | ${us(t['openai chat'], workload)} ` +
        `| ${ratio(ours, t.floor.ms)} ${check(ours <= 2 * t.floor.ms, `${name}: ours ≤ 2x floor`)} | ${ratio(ours, t.streamFloor.ms)} ` +
        `| ${ratio(ours, t['openai-compatible'].ms)} ${check(ours <= 0.5 * t['openai-compatible'].ms, `${name}: ours ≤ 0.5x openai-compatible`)} |`,
    );
  }
  print();
}

print('Growth: time for 10x the deltas (linear would be 10x; target ≤ 11x)');
print();
print('| workload | ours | openai-compatible | openai chat |');
print('|---|---:|---:|---:|');
for (const [calls, small] of [[1, n(2_000)], [4, n(500)]] as const) {
  const [a, b] = [toolWorkload(calls, small), toolWorkload(calls, small * 10)];
  const [ta, tb] = [await timeDoStream(a), await timeDoStream(b)];
  const growth = (name: ProviderName) => ratio(tb[name].ms, ta[name].ms);
  print(
    `| ${a.name} → ${b.chunks / calls / 1000}k | ${growth('ours')} ${check(tb.ours.ms <= 11 * ta.ours.ms, `${a.name}: linear growth`)} ` +
      `| ${growth('openai-compatible')} | ${growth('openai chat')} |`,
  );
}

print();
print('End to end: `streamText` (ai@5) with its full stream drained, ms per stream');
print();
print('| workload | ours | openai-compatible | openai chat | ours / openai-compatible (< 1x) |');
print('|---|---:|---:|---:|---:|');
for (const workload of [textWorkload(n(20_000)), toolWorkload(1, n(20_000))]) {
  const bytes = [...reads(workload.events())];
  const contenders: Record<string, () => Promise<Summary>> = {};
  for (const name of providerNames) contenders[name] = () => runStreamText(createModel(name, bytes.values()));
  const t = await compare(contenders, timing);
  for (const name of providerNames) verify(workload, `streamText with ${name}`, t[name]!.result);
  const [ours, compat] = [t.ours!.ms, t['openai-compatible']!.ms];
  print(
    `| streamText, ${workload.name} | ${ours.toFixed(1)} | ${compat.toFixed(1)} | ${t['openai chat']!.ms.toFixed(1)} ` +
      `| ${ratio(ours, compat)} ${check(ours < compat, `streamText ${workload.name}: ours < openai-compatible`)} |`,
  );
}

print();
print(`Memory: a ${memoryChunks.toLocaleString('en')}-chunk text stream generated as it is read (the input is never held), fresh process each`);
print('RSS growth over the warmed-up baseline; time includes generating the bytes');
print();
print('| provider | time | peak RSS growth, first half | peak RSS growth, second half | heap retained after the stream |');
print('|---|---:|---:|---:|---:|');
const memoryScript = fileURLToPath(new URL('./memory.mjs', import.meta.url));
for (const name of ['ours', 'openai-compatible'] as const) {
  const output = execFileSync(process.execPath, ['--expose-gc', memoryScript, name, String(memoryChunks)], { encoding: 'utf8' });
  const m = JSON.parse(output) as { ok: boolean; ms: number; firstHalfPeakMB: number; secondHalfPeakMB: number; retainedHeapMB: number };
  if (!m.ok) throw new Error(`${name} parsed the memory workload wrongly`);
  // Flat: the second half peaks no higher than the first (GC timing allowed for) and nothing is left behind.
  const flat = m.secondHalfPeakMB <= m.firstHalfPeakMB * 1.5 + 16 && m.retainedHeapMB < 1;
  const mark = name === 'ours' ? ` ${check(flat, 'memory: flat for ours')}` : '';
  print(`| ${name} | ${(m.ms / 1000).toFixed(1)} s | ${m.firstHalfPeakMB} MB | ${m.secondHalfPeakMB} MB | ${m.retainedHeapMB} MB${mark} |`);
}

print();
print('Bundle: whole ESM entry, `esbuild --bundle --minify --format=esm`, gzip level 9 (node:zlib)');
print();
print(`| entry | nothing external: min / gzip | shared deps external (${sharedDeps.join(', ')}): min / gzip |`);
print('|---|---:|---:|');
const entries = [
  ['ours (src/index.ts, what dist/index.js is built from)', './src/index.ts'],
  ['@ai-sdk/openai-compatible', '@ai-sdk/openai-compatible'],
  ['@ai-sdk/openai', '@ai-sdk/openai'],
] as const;
const kb = (size: { minified: number; gzipped: number }) => `${(size.minified / 1024).toFixed(1)} / ${(size.gzipped / 1024).toFixed(1)} KiB`;
for (const [label, entry] of entries) {
  const [all, shared] = [await bundleSize(entry, root, []), await bundleSize(entry, root, sharedDeps)];
  print(`| ${label} | ${kb(all)} | ${kb(shared)} |`);
}

print();
if (quick) print('Quick mode: small workloads, ratios are indicative only and targets are not enforced.');
else if (failures.length > 0) print(`Targets missed: ${failures.join('; ')}`);
else print('All targets met.');
