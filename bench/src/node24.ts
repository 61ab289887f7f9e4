// A Node 24 for the ai@7 generation (its packages declare Node >= 22). It is the one compat pins: the
// lock in compat/legs/node24-<platform>-<arch> is read (never written) and installed with `npm ci` into
// bench/.out/, apart from compat/.work/ so the two scripts never install into the same folder.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type NodeBinary = { path: string; version: string } | { missing: string };

const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);

/** Runs a command and resolves with its output; rejects with the output's tail when it fails. */
function run(command: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output.slice(-800)}`))));
  });
}

/**
 * This Node when it is 22 or later, else Node 24 as compat pins it, installed into `outDir` when missing
 * or pinned differently. Resolves to why not (never rejects) so the caller can say it and carry on.
 */
export async function findNode24(repoRoot: string, outDir: string): Promise<NodeBinary> {
  if (major(process.version) >= 22) return { path: process.execPath, version: process.version };
  const id = `node24-${process.platform}-${process.arch}`;
  const packageName = `node-${process.platform}-${process.arch}`;
  const pinned = join(repoRoot, 'compat', 'legs', id);
  if (!existsSync(join(pinned, 'package-lock.json'))) return { missing: `compat/legs/${id} pins no Node 24 for this platform` };
  const dir = join(outDir, id);
  const packageDir = join(dir, 'node_modules', packageName);
  try {
    const lock = readFileSync(join(pinned, 'package-lock.json'), 'utf8');
    const installedLock = join(dir, 'package-lock.json');
    if (!existsSync(packageDir) || !existsSync(installedLock) || readFileSync(installedLock, 'utf8') !== lock) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(pinned, file), join(dir, file));
      await run('npm', ['ci', '--no-audit', '--no-fund'], dir);
    }
    const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
    const path = join(packageDir, typeof bin === 'string' ? bin : (bin.node ?? 'bin/node'));
    const version = (await run(path, ['--version'])).trim();
    return major(version) >= 22 ? { path, version } : { missing: `${path} is ${version}` };
  } catch (error) {
    return { missing: `installing Node 24 from compat/legs/${id} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
