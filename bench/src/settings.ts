// Run size, shared by the orchestrator and the section processes (which get `--quick` passed on), and where the repo is.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const scale = quick ? 0.1 : 1;
/** A workload size: the full figure, or a tenth in quick mode. */
export const n = (full: number) => Math.round(full * scale);
export const timing = quick ? { rounds: 1, warmup: 1 } : { rounds: 7, warmup: 2 };
/** `streamText` costs 0.4 s (ai@5) to 1 s (ai@7) per 20k-chunk stream: fewer rounds keep the full run near 6 minutes. */
export const streamTextTiming = quick ? { rounds: 1, warmup: 1 } : { rounds: 5, warmup: 1 };
export const memoryChunks = quick ? 50_000 : 1_000_000;

/** The repository's root, found upwards from this file (which esbuild may put in bench/.out/ or a chunk folder below it). */
export function repoRoot(): string {
  for (
    let dir = dirname(fileURLToPath(import.meta.url));
    dir !== dirname(dir);
    dir = dirname(dir)
  ) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ===
        'langdock-ai-provider'
    )
      return dir;
  }
  throw new Error(`no langdock-ai-provider package.json above ${fileURLToPath(import.meta.url)}`);
}
