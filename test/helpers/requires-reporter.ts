// Prints, after vitest's summary, one line per missing requirement (see requires.ts): which tests it
// skipped and the command that runs them, so a skip outside CI is never silent.
import { posix } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { MissingRequirement } from './requires';

/** One skipped test: its file (relative to the root, `/`-separated) and why it was skipped. */
export interface SkippedTest {
  file: string;
  requirement: MissingRequirement;
}

export default class RequiresReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: SkippedTest[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const requirement = test.meta().requirement;
        if (requirement) skipped.push({ file: module.relativeModuleId, requirement });
      }
    }
    for (const line of skipLines(skipped)) {
      if (this.vitest) this.vitest.logger.log(line);
      else console.log(line);
    }
  }
}

/** One line per requirement: the files (or their common folder), the count, and how to run them. */
export function skipLines(skipped: SkippedTest[]): string[] {
  const groups = new Map<
    string,
    { requirement: MissingRequirement; files: Set<string>; tests: number }
  >();
  for (const { file, requirement } of skipped) {
    const key = `${requirement.missing}\n${requirement.remedy}`;
    const group = groups.get(key) ?? { requirement, files: new Set<string>(), tests: 0 };
    group.files.add(file);
    group.tests += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ requirement, files, tests }) => {
    const where = commonPath([...files]);
    const count = `${tests} ${tests === 1 ? 'test' : 'tests'}${files.size > 1 ? ` in ${files.size} files` : ''}`;
    return `skipped ${where} (${count}): ${requirement.missing}; ${requirement.remedy}, then \`npx vitest run ${where}\` (under CI=true this fails instead of skipping)`;
  });
}

/** The file itself, or the deepest folder holding all of them. */
function commonPath(files: string[]): string {
  if (files.length === 1) return files[0]!;
  let common = posix.dirname(files[0]!);
  while (common !== '.' && !files.every((file) => file.startsWith(`${common}/`))) {
    common = posix.dirname(common);
  }
  return common;
}
