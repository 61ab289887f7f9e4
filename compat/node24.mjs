// Node 24 for whatever must run on it (ai@7 needs Node >= 22; this machine may have 20): the official binary that
// npm ships as node-<platform>-<arch>, installed with `npm ci` from the lock compat/run.mjs pins in
// compat/legs/node24-<platform>-<arch>/, into the folder run.mjs uses (compat/.work/node24-<platform>-<arch>/).
// Both treat that folder as current when its package-lock.json equals the pinned one, so either reuses the other's install.
//
//   import { ensureNode24 } from '../compat/node24.mjs';
//   const node24 = await ensureNode24(); // absolute path of the `node` binary

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const compatDir = dirname(fileURLToPath(import.meta.url));
const platform = `${process.platform}-${process.arch}`;
export const node24Id = `node24-${platform}`;
const packageName = `node-${platform}`;
const pinnedDir = join(compatDir, 'legs', node24Id);
export const node24Dir = join(compatDir, '.work', node24Id);
const INSTALL_TIMEOUT_MS = 300_000;

/** Runs a command; resolves with its combined output, rejects with that output on a non-zero exit or timeout. */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}):\n${output.slice(-2000)}`,
          ),
        );
    });
  });
}

/** Whether `dir` holds an install of exactly the pinned lock (the test compat/run.mjs applies too). */
function isCurrent(dir, pinnedLock) {
  const installedLock = join(dir, 'package-lock.json');
  return (
    existsSync(join(dir, 'node_modules', packageName)) &&
    existsSync(installedLock) &&
    readFileSync(installedLock, 'utf8') === pinnedLock
  );
}

/**
 * The path of a Node 24 binary for this platform, installed from the pinned lock when missing or stale.
 * Throws, saying what to do, when none is pinned for this platform or npm cannot install it.
 */
export async function ensureNode24() {
  const pinnedLockFile = join(pinnedDir, 'package-lock.json');
  if (!existsSync(pinnedLockFile) || !existsSync(join(pinnedDir, 'package.json'))) {
    throw new Error(
      `No Node 24 is pinned for ${platform} (compat/legs/${node24Id}/ is missing); what runs AI SDK 7 here needs it (AI SDK 7 requires Node >= 22). ` +
        `Run \`COMPAT_LEGS=ai7 node compat/run.mjs --update\` to pin ${packageName}@24 from npm; if it says npm has none, Node 24 cannot be had this way on ${platform}.`,
    );
  }
  const pinnedLock = readFileSync(pinnedLockFile, 'utf8');
  if (!isCurrent(node24Dir, pinnedLock)) {
    // Installed beside the target and renamed into place, so a concurrent reader never sees a half-written folder.
    const staging = `${node24Dir}.${process.pid}.installing`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
      for (const file of ['package.json', 'package-lock.json'])
        copyFileSync(join(pinnedDir, file), join(staging, file));
      await run('npm', ['ci', '--no-audit', '--no-fund'], staging).catch((error) => {
        throw new Error(
          `Could not install Node 24 (${packageName}, pinned in compat/legs/${node24Id}/) from npm: ${error.message}`,
        );
      });
      // Another process may have installed it meanwhile; its copy is as good as ours.
      if (!isCurrent(node24Dir, pinnedLock)) {
        rmSync(node24Dir, { recursive: true, force: true });
        renameSync(staging, node24Dir);
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const packageDir = join(node24Dir, 'node_modules', packageName);
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const binary = join(packageDir, typeof bin === 'string' ? bin : bin.node);
  const version = (await run(binary, ['--version'], compatDir)).trim();
  if (!version.startsWith('v24.'))
    throw new Error(`${binary} is ${version}, not Node 24: delete ${node24Dir} and run again`);
  return binary;
}
