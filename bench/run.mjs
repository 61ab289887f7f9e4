// Builds the TypeScript benchmark with esbuild into bench/.out/ and runs it.
//   node bench/run.mjs            the full benchmark (a few minutes)
//   node bench/run.mjs --quick    small workloads, seconds: checks the script works (CI)
//   node bench/run.mjs --build    build only, e.g. before `node --cpu-prof bench/.out/profile.mjs`
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: { bench: here('./src/bench.ts'), memory: here('./src/memory.ts'), profile: here('./src/profile.ts') },
  outdir: here('./.out'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Packages load from node_modules as users get them; only our src and the bench code are compiled.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

if (!process.argv.includes('--build')) {
  const { status } = spawnSync(process.execPath, [here('./.out/bench.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(status ?? 1);
}
