// npm run bench:budget [-- --quick]: makes sure redis-server is installed (the Debian package; apt-get as root,
// else through sudo), bundles bench/budget/src with esbuild into bench/budget/.out/, and runs it.
//   node bench/budget/run.mjs            the full run: 60 s windows, about 2.5 minutes for the five runs
//   node bench/budget/run.mjs --quick    15 s windows, a quarter of the steady calls, about 80 s on a busy 2-core machine (CI)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

function installRedisServer() {
  if (spawnSync('redis-server', ['--version']).status === 0) return;
  console.log('redis-server is missing: installing the Debian package redis-server');
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  if (asRoot.length > 0 && spawnSync('sudo', ['--version']).status !== 0) {
    console.error(
      "redis-server is missing and installing it needs root; run 'apt-get install redis-server' as root.",
    );
    process.exit(1);
  }
  const apt = (...args) =>
    spawnSync(
      asRoot[0] ?? 'env',
      [
        ...asRoot.slice(1),
        ...(asRoot.length > 0 ? ['env'] : []),
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        ...args,
      ],
      { stdio: 'inherit' },
    );
  if (
    apt('update', '-qq').status !== 0 ||
    apt('install', '-y', '-qq', 'redis-server').status !== 0 ||
    spawnSync('redis-server', ['--version']).status !== 0
  ) {
    console.error('Could not install redis-server with apt-get; install it by hand and rerun.');
    process.exit(1);
  }
}

installRedisServer();

await build({
  entryPoints: { bench: here('./src/bench.ts'), worker: here('./src/worker.ts') },
  outdir: here('./.out'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Packages load from node_modules as users get them (ai@7 from the examples workspace, at run time).
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

const { status } = spawnSync(
  process.execPath,
  [here('./.out/bench.mjs'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(status ?? 1);
