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

/** Runs a command; resolves with its output, rejects (carrying the output) on a non-zero exit or timeout. */
export function run(command, args, { cwd = repoRoot, env, timeout = 600_000, log } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (log) {
        mkdirSync(logs, { recursive: true });
        writeFileSync(join(logs, log), output);
      }
      const result = { code, signal, output };
      if (code === 0) resolvePromise(result);
      else reject(Object.assign(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-3000)}`), result));
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
  const { output } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  for (const file of output.split('\0')) {
    if (file === '' || file.startsWith('compat/') || !existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(stage, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
  await run('npm', ['run', 'build'], { cwd: stage, log: 'build.log' });
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: stage, log: 'pack.log' });
  return join(work, JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].filename);
}
