// What a suite needs from outside the repository: a program on PATH, or data kept beside the clone.
// Outside CI a missing piece skips the suite, and test/helpers/requires-reporter.ts names it in one line
// at the end of the run; under CI=true the suite's file fails to load instead, so CI never skips.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaskMeta, TestOptions } from 'vitest';

/** A missing piece, as the reporter prints it: what is missing, then what to do about it. */
export interface MissingRequirement {
  /** e.g. "redis-server is not on PATH" */
  missing: string;
  /** e.g. "install it (apt-get install redis-server)" */
  remedy: string;
}

declare module 'vitest' {
  interface TaskMeta {
    /** Set on every test a missing requirement skipped; the requires reporter groups by it. */
    requirement?: MissingRequirement;
  }
}

export interface Requirement {
  /** False only outside CI, when the piece is missing (under CI=true a missing piece throws). */
  available: boolean;
  /** Options for `describe(name, requirement.suite, fn)`: skips the suite and tags its tests with why. */
  suite: TestOptions;
}

export interface SharedDataRequirement extends Requirement {
  /** The absolute path looked at (the environment variable's value, or the default beside the clone). */
  path: string;
}

/** CI=true (or 1), as GitHub Actions and .ci/run set it; read at each call so a test can change it. */
export function inCI(): boolean {
  return ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
}

/** The folder holding the clone: ../shared is looked for there. */
const besideClone = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A suite that runs a program, found on PATH.
 * `install` says how to get it, e.g. "apt-get install redis-server".
 */
export function requireCommand(command: string, install: string): Requirement {
  return requirement(onPath(command), {
    missing: `${command} is not on PATH`,
    remedy: `install it (${install})`,
  });
}

/**
 * A suite that reads data kept beside the clone rather than in it (`../shared/<path>`), or at the
 * path in `options.env` when that environment variable is set.
 */
export function requireSharedData(
  path: string,
  options: { env?: string } = {},
): SharedDataRequirement {
  const fromEnv = options.env === undefined ? undefined : process.env[options.env];
  const resolved = fromEnv ? resolve(fromEnv) : join(besideClone, 'shared', path);
  const where = options.env ? ` (or set ${options.env} to its path)` : '';
  return {
    path: resolved,
    ...requirement(existsSync(resolved), {
      missing: fromEnv
        ? `${options.env}=${fromEnv} does not exist`
        : `../shared/${path} is not beside the clone`,
      remedy: `put the shared folder next to the repository${where}`,
    }),
  };
}

/**
 * For a piece that only turns out missing while a test runs (an install on first use that failed): skips the
 * test outside CI, tagged for the reporter; under CI=true throws. Call it with the test's context.
 */
export function skipMissing(
  context: { task: { meta: TaskMeta }; skip(note?: string): never },
  missing: MissingRequirement,
): never {
  if (inCI()) throw missingInCI(missing);
  context.task.meta.requirement = missing;
  return context.skip(missing.missing);
}

function requirement(available: boolean, missing: MissingRequirement): Requirement {
  if (available) return { available, suite: {} };
  if (inCI()) throw missingInCI(missing);
  return { available, suite: { skip: true, meta: { requirement: missing } } };
}

function missingInCI(missing: MissingRequirement): Error {
  return new Error(
    `${missing.missing}, and CI=true runs every suite without skipping: ${missing.remedy}, then rerun.`,
  );
}

function onPath(command: string): boolean {
  if (isAbsolute(command)) return executable(command);
  // Windows finds `redis-server` as redis-server.exe; elsewhere the name is the file.
  const extensions =
    process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE').split(';')] : [''];
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => extensions.some((extension) => executable(join(dir, command + extension))));
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
