import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireCommand, requireSharedData, skipMissing } from './requires';
import { skipLines } from './requires-reporter';

afterEach(() => vi.unstubAllEnvs());

const missingProgram = 'langdock-no-such-program';

describe('requireCommand', () => {
  it('runs the suite when the program is on PATH', () => {
    vi.stubEnv('CI', '');
    // The Node running this test is on PATH: npm and npx put it there.
    expect(requireCommand('node', 'install Node')).toEqual({ available: true, suite: {} });
  });

  it('skips the suite outside CI, with what is missing and what to do', () => {
    vi.stubEnv('CI', '');
    expect(requireCommand(missingProgram, 'apt-get install it')).toEqual({
      available: false,
      suite: {
        skip: true,
        meta: {
          requirement: {
            missing: `${missingProgram} is not on PATH`,
            remedy: 'install it (apt-get install it)',
          },
        },
      },
    });
  });

  it.each(['true', 'TRUE', '1'])('throws under CI=%s instead of skipping', (value) => {
    vi.stubEnv('CI', value);
    expect(() => requireCommand(missingProgram, 'apt-get install it')).toThrow(
      `${missingProgram} is not on PATH, and CI=true runs every suite without skipping: install it (apt-get install it), then rerun.`,
    );
  });

  it('skips under CI=false', () => {
    vi.stubEnv('CI', 'false');
    expect(requireCommand(missingProgram, 'x').available).toBe(false);
  });
});

describe('requireSharedData', () => {
  const besideClone = fileURLToPath(new URL('../../../', import.meta.url));

  it('looks in ../shared beside the clone', () => {
    vi.stubEnv('CI', '');
    const data = requireSharedData('langdock-no-such-folder');
    expect(data.path).toBe(join(besideClone, 'shared', 'langdock-no-such-folder'));
    expect(data.available).toBe(false);
    expect(data.suite.meta?.requirement).toEqual({
      missing: '../shared/langdock-no-such-folder is not beside the clone',
      remedy: 'put the shared folder next to the repository',
    });
  });

  it('takes the path from the environment variable when it is set', () => {
    vi.stubEnv('CI', 'true');
    const folder = mkdtempSync(join(tmpdir(), 'langdock-shared-'));
    try {
      vi.stubEnv('LANGDOCK_TEST_DATA', folder);
      expect(requireSharedData('anything', { env: 'LANGDOCK_TEST_DATA' })).toEqual({
        path: resolve(folder),
        available: true,
        suite: {},
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names the variable when its path is missing, and fails under CI', () => {
    vi.stubEnv('LANGDOCK_TEST_DATA', '/langdock/none');
    vi.stubEnv('CI', '');
    expect(requireSharedData('x', { env: 'LANGDOCK_TEST_DATA' }).suite.meta?.requirement).toEqual({
      missing: 'LANGDOCK_TEST_DATA=/langdock/none does not exist',
      remedy:
        'put the shared folder next to the repository (or set LANGDOCK_TEST_DATA to its path)',
    });
    vi.stubEnv('CI', 'true');
    expect(() => requireSharedData('x', { env: 'LANGDOCK_TEST_DATA' })).toThrow(
      'LANGDOCK_TEST_DATA=/langdock/none does not exist, and CI=true runs every suite',
    );
  });
});

describe('skipMissing', () => {
  const missing = { missing: 'Node 24 could not be installed', remedy: 'run it once online' };
  const fakeContext = () => ({
    task: { meta: {} },
    skip: vi.fn((note?: string): never => {
      throw new Error(`skip: ${note}`);
    }),
  });

  it('skips the running test outside CI and tags it for the reporter', () => {
    vi.stubEnv('CI', '');
    const context = fakeContext();
    expect(() => skipMissing(context, missing)).toThrow('skip: Node 24 could not be installed');
    expect(context.skip).toHaveBeenCalledTimes(1);
    expect(context.task.meta).toEqual({ requirement: missing });
  });

  it("takes vitest's own test context", (context) => {
    const accepted: Parameters<typeof skipMissing>[0] = context;
    expect(accepted).toBe(context);
  });

  it('fails the test under CI=true instead', () => {
    vi.stubEnv('CI', 'true');
    const context = fakeContext();
    expect(() => skipMissing(context, missing)).toThrow(
      'Node 24 could not be installed, and CI=true runs every suite without skipping: run it once online, then rerun.',
    );
    expect(context.skip).not.toHaveBeenCalled();
    expect(context.task.meta).toEqual({});
  });
});

describe('skipLines', () => {
  const redis = { missing: 'redis-server is not on PATH', remedy: 'install it (apt)' };
  const streams = { missing: '../shared/x is not beside the clone', remedy: 'put it there' };

  it('prints one line per requirement, naming the folder its files share and the count', () => {
    expect(
      skipLines([
        { file: 'test/redis/a.test.ts', requirement: redis },
        { file: 'test/redis/a.test.ts', requirement: redis },
        { file: 'test/redis/deep/b.test.ts', requirement: redis },
        { file: 'test/core/chat/real.test.ts', requirement: streams },
      ]),
    ).toEqual([
      'skipped test/redis (3 tests in 2 files): redis-server is not on PATH; install it (apt), then `npx vitest run test/redis` (under CI=true this fails instead of skipping)',
      'skipped test/core/chat/real.test.ts (1 test): ../shared/x is not beside the clone; put it there, then `npx vitest run test/core/chat/real.test.ts` (under CI=true this fails instead of skipping)',
    ]);
  });

  it('falls back to the root when the files share no folder, and prints nothing for no skips', () => {
    expect(
      skipLines([
        { file: 'a.test.ts', requirement: redis },
        { file: 'test/b.test.ts', requirement: redis },
      ])[0],
    ).toMatch(/^skipped \. \(2 tests in 2 files\)/);
    expect(skipLines([])).toEqual([]);
  });
});
