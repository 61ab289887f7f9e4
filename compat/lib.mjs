// Helpers shared by run.mjs and package-checks.mjs: running commands, and building + packing a
// snapshot of the working tree under compat/.work/ (the repository's own dist/ is never touched,
// because other people build in this checkout at the same time).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const compatDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(compatDir, '..');
export const work = join(compatDir, '.work');
export const logs = join(work, 'logs');

// Process groups still running, killed if this script is interrupted (they do not get the terminal's signal).
const running = new Set();
const STREAM_GRACE_MS = 2_000;

function killGroup(child) {
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // the group is already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) killGroup(child);
    process.kill(process.pid, signal); // the handler is gone now, so this ends us the default way
  });
}

/**
 * Runs a command in its own process group; resolves with its output (and stdout alone), rejects (carrying the output) on a
 * non-zero exit or timeout. A timeout kills the whole group: npm's children would otherwise keep the
 * pipes open and the run would hang.
 */
export function run(command, args, { cwd = repoRoot, env, timeout = 600_000, log } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let stdout = '';
    let timedOut = false;
    child.stdout.on('data', (data) => ((output += data), (stdout += data)));
    child.stderr.on('data', (data) => (output += data));
    const streamsClosed = Promise.all(
      [child.stdout, child.stderr].map(
        (stream) => new Promise((done) => stream.once('close', done)),
      ),
    );
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (child.pid !== undefined) running.add(child);
    child.on('exit', async (code, signal) => {
      clearTimeout(timer);
      // Descendants that outlive the command may still hold the pipes: give them a moment, then kill them.
      let graceTimer;
      const grace = new Promise(
        (done) => (graceTimer = setTimeout(() => done(false), STREAM_GRACE_MS)),
      );
      const drained = await Promise.race([streamsClosed.then(() => true), grace]);
      clearTimeout(graceTimer);
      if (!drained) {
        killGroup(child);
        child.stdout.destroy();
        child.stderr.destroy();
      }
      running.delete(child);
      if (log) {
        mkdirSync(logs, { recursive: true });
        writeFileSync(join(logs, log), output);
      }
      const result = { code, signal, output, stdout, timedOut };
      if (code === 0 && !timedOut) return resolvePromise(result);
      const why = timedOut ? `timed out after ${timeout / 1000} s` : (signal ?? `exit ${code}`);
      reject(
        Object.assign(
          new Error(`${command} ${args.join(' ')} failed (${why})\n${output.slice(-3000)}`),
          result,
        ),
      );
    });
  });
}

export async function timed(label, task) {
  const started = Date.now();
  const value = await task();
  console.log(`   ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return value;
}

/**
 * Copies the working tree (tracked and untracked files git does not ignore, minus compat/) to
 * compat/.work/stage, runs `npm run build` and `npm pack` there, and returns the tarball's path.
 * COMPAT_TARBALL=path skips this and tests that tarball instead.
 */
export async function buildAndPack() {
  if (process.env.COMPAT_TARBALL) return resolve(process.env.COMPAT_TARBALL);
  const stage = join(work, 'stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const { output } = await run('git', [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
  ]);
  for (const file of output.split('\0')) {
    if (file === '' || file.startsWith('compat/') || !existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(stage, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
  await run('npm', ['run', 'build'], { cwd: stage, log: 'build.log' });
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: stage,
    log: 'pack.log',
  });
  return join(work, JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].filename);
}

/** Runs a suite's main, ends with the `N passed, M failed` line CI reads, and fails the process on any failure or crash. */
export function runSuite(main) {
  main().then(
    ({ passed, failed }) => {
      console.log(`${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 ? 0 : 1;
    },
    (error) => {
      console.error(error.stack ?? String(error));
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    },
  );
}
