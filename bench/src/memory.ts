// One long text stream in a fresh process, bytes generated as they are pulled: prints memory figures as JSON.
// The root entry's generation: the per-chunk path is the same for /v3 and /v4.
import { createModel, runDoStream, type ProviderName } from './contenders';
import { generationV2 } from './generation-v2';
import { collectGarbage } from './measure';
import { reads, textWorkload } from './workloads';

const [name, chunksArg] = process.argv.slice(2) as [ProviderName, string];
const workload = textWorkload(Number(chunksArg));

// Warm up first so the baseline already holds the compiled code and the grown heap spaces.
await runDoStream(createModel(generationV2, name, reads(textWorkload(10_000).events())));
collectGarbage();
const baseline = process.memoryUsage();

// Peaks of each half: memory that grows with the stream shows as a second half well above the first.
const peakRss = [baseline.rss, baseline.rss];
const half = workload.chunks / 2;
const start = performance.now();
const summary = await runDoStream(
  createModel(generationV2, name, reads(workload.events())),
  (count) => {
    if (count % 1000 === 0) {
      const h = count <= half ? 0 : 1;
      peakRss[h] = Math.max(peakRss[h]!, process.memoryUsage.rss());
    }
  },
);
const ms = performance.now() - start;
collectGarbage();

const ok = summary.errors === 0 && summary.textLength === workload.expected.textLength;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
console.log(
  JSON.stringify({
    ok,
    ms,
    baselineRssMB: mb(baseline.rss),
    firstHalfPeakMB: mb(peakRss[0]! - baseline.rss),
    secondHalfPeakMB: mb(peakRss[1]! - baseline.rss),
    // What the stream left behind once it was done: anything above zero grows with the stream's length.
    retainedHeapMB: mb(process.memoryUsage().heapUsed - baseline.heapUsed),
  }),
);
