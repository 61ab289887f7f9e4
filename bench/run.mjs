// Builds the TypeScript benchmark with esbuild into bench/.out/ and runs it.
//   node bench/run.mjs            the full benchmark (about 6 CPU minutes)
//   node bench/run.mjs --quick    small workloads, seconds: checks the script works (CI)
//   node bench/run.mjs --build    build only, e.g. before `node --cpu-prof bench/.out/profile.mjs`
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Chunk names carry a hash: drop the last build's (bench/.out also holds the Node 24 install, which stays).
rmSync(here('./.out/chunks'), { recursive: true, force: true });

await build({
  entryPoints: {
    bench: here('./src/bench.ts'),
    section: here('./src/section.ts'),
    memory: here('./src/memory.ts'),
    profile: here('./src/profile.ts'),
  },
  outdir: here('./.out'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Each generation's module is its own chunk, loaded by the process that measures it.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Packages load from node_modules as users get them; only our src and the bench code are compiled.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

if (!process.argv.includes('--build')) {
  const { status } = spawnSync(
    process.execPath,
    [here('./.out/bench.mjs'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(status ?? 1);
}
