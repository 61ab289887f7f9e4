#!/usr/bin/env node
// Compatibility suite: build and pack the package as `npm publish` would, install the tarball next to
// ai@5, ai@6 and ai@7 in throwaway projects, and run the same end-to-end scenarios for each entry a leg
// serves (root, /v3, /v4) from an ESM and a CommonJS consumer, plus one TypeScript check per leg.
// Prints one PASS/FAIL line per cell and `N passed, M failed`; exits non-zero on any failure.
//
//   node compat/run.mjs                      build + pack a snapshot of the working tree, run all legs
//   node compat/run.mjs --update             re-pin every leg to the latest ai of its major (and Node 24), then run
//   COMPAT_TARBALL=x.tgz node compat/run.mjs test an existing tarball instead (e.g. the one to publish)
//   COMPAT_LEGS=ai5,ai7 node compat/run.mjs  run (or update) some legs only
//
// Each leg installs with `npm ci` from its committed compat/legs/<leg>/package-lock.json, so a new ai
// release changes nothing until someone runs --update and commits the result (see compat/README.md).
// Everything else is written under compat/.work/ (gitignored); see lib.mjs for the build.

import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { buildAndPack, compatDir, logs, repoRoot, run, runSuite, timed, work } from './lib.mjs';
// Installs the pinned Node 24 only when missing or stale, staged and renamed into place: bench/ shares the install.
import { ensureNode24, node24Id } from './node24.mjs';

// Each leg: an ai major, the zod it is paired with (the two floors of the zod peer range and the
// latest), and the Node it runs on (ai@7 requires Node >= 22; the others run on this machine's Node 20).
// The ranges matter only to --update; a normal run installs what the leg's lock file pins.
// `entries`: the package entries its scenarios run, each `native` (ai runs the entry's models as they
// are, and must print no compatibility warning) or `compat` (ai wraps the root's V2 models in its
// compatibility mode). One install per leg serves all its entries. `scenarios/types/tsconfig.<id>.json`
// lists the files its tsc cell checks.
const allLegs = [
  { id: 'ai5', ai: '^5', zod: '3.25.76', node: 'system', entries: { root: 'native' } },
  { id: 'ai6', ai: '^6', zod: '4.1.8', node: 'system', entries: { root: 'compat', v3: 'native' } },
  {
    id: 'ai7',
    ai: '^7',
    zod: '^4',
    node: '24',
    entries: { root: 'compat', v4: 'native', v3: 'native' },
  },
];
const wanted = process.env.COMPAT_LEGS?.split(',').map((id) => id.trim());
const legs = wanted ? allLegs.filter((leg) => wanted.includes(leg.id)) : allLegs;
const unknownArgs = process.argv.slice(2).filter((arg) => arg !== '--update');
const update = process.argv.includes('--update');
const CELL_TIMEOUT_MS = 120_000;
const legsDir = join(compatDir, 'legs');
// Where every leg's lock expects the tarball (`file:../langdock-ai-provider.tgz` from compat/.work/<leg>).
const pinnedTarball = join(work, 'langdock-ai-provider.tgz');
// Node 24 comes from the npm registry, whose node-<platform>-<arch> packages ship the official binary.
const platform = `${process.platform}-${process.arch}`;
const node24 = { id: node24Id, packageName: `node-${platform}` };

/** --update: resolves `manifest` afresh with `npm install` in compat/.work/<id> and copies package.json + lock to compat/legs/<id>. */
async function pin(id, manifest, adjustLock = (lock) => lock) {
  const dir = join(work, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, log: `${id}-update.log` });
  const lock = adjustLock(JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')));
  mkdirSync(join(legsDir, id), { recursive: true });
  copyFileSync(join(dir, 'package.json'), join(legsDir, id, 'package.json'));
  writeFileSync(join(legsDir, id, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}

/** --update: the latest ai of the leg's major, with the tarball, so the lock also pins the tarball's own dependencies. */
async function pinLeg(leg) {
  const manifest = {
    name: `compat-${leg.id}`,
    private: true,
    dependencies: {
      ai: leg.ai,
      zod: leg.zod,
      'langdock-ai-provider': 'file:../langdock-ai-provider.tgz',
    },
    // What a TypeScript user on Node has, and nothing else: the package brings @types/json-schema itself.
    devDependencies: {
      '@types/node': leg.node === '24' ? '^24' : '^20',
    },
  };
  // Without an integrity hash npm ci reads the tarball from disk; with one it would reuse the cached copy of an older build.
  await pin(leg.id, manifest, (lock) => {
    delete lock.packages['node_modules/langdock-ai-provider'].integrity;
    return lock;
  });
}

/** --update: the latest Node 24 npm has for this platform. */
async function pinNode24() {
  const manifest = {
    name: `compat-${node24.id}`,
    private: true,
    dependencies: { [node24.packageName]: '^24' },
  };
  await pin(node24.id, manifest).catch((error) => {
    if (!/E404|ETARGET/.test(error.output ?? '')) throw error;
    throw new Error(
      `npm has no ${node24.packageName}@24, so the Node 24 leg cannot run on ${platform}; run the others with COMPAT_LEGS=ai5,ai6`,
    );
  });
}

/** Throws, saying how to fix it, when compat/legs/<id> lacks its package.json or lock. */
function requirePinned(id) {
  if (id === node24.id && !existsSync(join(legsDir, id, 'package-lock.json'))) {
    throw new Error(
      `no Node 24 is pinned for ${platform} (compat/legs/${id}/ is missing): run \`node compat/run.mjs --update\` to pin ${node24.packageName}@24 from npm, or run the other legs with COMPAT_LEGS=ai5,ai6`,
    );
  }
  for (const file of ['package.json', 'package-lock.json']) {
    if (!existsSync(join(legsDir, id, file)))
      throw new Error(
        `compat/legs/${id}/${file} is missing: run \`node compat/run.mjs --update\` to create it, then commit compat/legs`,
      );
  }
}

/** Copies the committed package.json + lock of `id` to compat/.work/<id> and runs `npm ci` there. */
async function installPinned(id, log) {
  requirePinned(id);
  const pinned = join(legsDir, id);
  const dir = join(work, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(join(pinned, file), join(dir, file));
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, log });
  return dir;
}

/** A throwaway project with the leg's pinned ai, zod and the tarball's dependencies, the tarball itself, and the scenario files. */
async function prepareProject(leg) {
  const dir = await installPinned(leg.id, `${leg.id}-install.log`);
  // npm ci trusts the lock; if the tarball now declares dependencies the lock does not satisfy, say so.
  // (Without the hidden lock file, npm ls reads the installed package.json files themselves.)
  rmSync(join(dir, 'node_modules/.package-lock.json'), { force: true });
  const listed = await run('npm', ['ls', '--all', '--json'], { cwd: dir }).catch((error) => error);
  if (!listed.stdout?.trimStart().startsWith('{'))
    throw new Error(
      `npm ls in compat/.work/${leg.id} printed no tree:\n${listed.output ?? listed}`,
    );
  const problems = (JSON.parse(listed.stdout).problems ?? []).filter(
    // The lock cannot know the version of the tarball under test; everything below it must still match.
    (problem) =>
      !(
        problem.startsWith('invalid: langdock-ai-provider@') &&
        problem.endsWith(join(leg.id, 'node_modules/langdock-ai-provider'))
      ),
  );
  if (problems.length > 0) {
    throw new Error(
      `compat/legs/${leg.id}/package-lock.json no longer fits the tarball:\n  ${problems.join('\n  ')}\nRun \`node compat/run.mjs --update\` and commit compat/legs.`,
    );
  }
  cpSync(join(compatDir, 'scenarios'), dir, { recursive: true });
  const version = (name) =>
    JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { ...leg, dir, versions: { ai: version('ai'), zod: version('zod') } };
}

async function main() {
  if (unknownArgs.length > 0)
    throw new Error(`unknown arguments ${unknownArgs.join(' ')}; see the top of compat/run.mjs`);
  console.log(
    `== compat: ${legs.map((leg) => leg.id).join(', ')}${update ? ' (updating the pinned versions first)' : ''}`,
  );
  mkdirSync(logs, { recursive: true });
  const started = Date.now();
  const needsNode24 = legs.some((leg) => leg.node === '24');
  const pinnedIds = [...legs.map((leg) => leg.id), ...(needsNode24 ? [node24.id] : [])];
  if (!update) pinnedIds.forEach(requirePinned); // fail before the build, not after it
  const tarball = await timed(
    process.env.COMPAT_TARBALL ? 'tarball given' : 'build + pack (snapshot of the working tree)',
    buildAndPack,
  );
  console.log(`   tarball: ${basename(tarball)}`);
  copyFileSync(tarball, pinnedTarball);
  if (update) {
    await timed('update: latest of each major, npm install', () =>
      Promise.all([...legs.map(pinLeg), needsNode24 ? pinNode24() : undefined]),
    );
    for (const id of pinnedIds) {
      const lock = JSON.parse(readFileSync(join(legsDir, id, 'package-lock.json'), 'utf8'));
      const pinned = Object.keys(lock.packages[''].dependencies).map(
        (name) => `${name}@${lock.packages[`node_modules/${name}`].version}`,
      );
      console.log(`   compat/legs/${id}: ${pinned.join(' ')}`);
    }
  }
  const [projects, node24Binary] = await timed('npm ci per leg (committed locks) + tarball', () =>
    Promise.all([Promise.all(legs.map(prepareProject)), needsNode24 ? ensureNode24() : undefined]),
  );

  const results = [];
  const facts = [];
  const report = (name, ok, seconds, details = '') => {
    results.push({ name, ok, seconds });
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(60)} ${seconds.toFixed(1).padStart(5)} s`);
    if (!ok && details) console.log(details.replace(/^/gm, '      '));
  };

  for (const project of projects) {
    const nodeBinary = project.node === '24' ? node24Binary : process.execPath;
    const nodeVersion = (await run(nodeBinary, ['--version'])).output.trim();
    for (const [entry, mode] of Object.entries(project.entries)) {
      const specifier = entry === 'root' ? 'langdock-ai-provider' : `langdock-ai-provider/${entry}`;
      for (const consumer of ['consumer.mjs', 'consumer.cjs']) {
        const loader = consumer.endsWith('mjs') ? 'ESM' : 'CJS';
        const name = `ai@${project.versions.ai} ${entry === 'root' ? 'root' : `/${entry}`} (${mode}) ${loader} zod@${project.versions.zod} node ${nodeVersion}`;
        const cellStarted = Date.now();
        let output;
        let ok;
        try {
          ({ output } = await run(nodeBinary, [consumer, specifier], {
            cwd: project.dir,
            timeout: CELL_TIMEOUT_MS,
            log: `${project.id}-${entry}-${consumer}.log`,
          }));
          ok = true;
        } catch (error) {
          output = error.output ?? String(error);
          ok = false;
        }
        const factsLine = output.split('\n').find((line) => line.startsWith('FACTS '));
        const fact =
          factsLine === undefined ? undefined : JSON.parse(factsLine.slice('FACTS '.length));
        if (fact) facts.push(fact);
        let failures = output
          .split('\n')
          .filter((line) => !line.startsWith('ok ') && !line.startsWith('FACTS '))
          .join('\n')
          .trim();
        // The scenarios decide native or compat from the model's spec and ai's major; it must be what this leg declares.
        const modeSeen = fact === undefined ? undefined : fact.native ? 'native' : 'compat';
        if (fact && modeSeen !== mode)
          failures =
            `${failures}\nthe scenarios ran this cell as ${modeSeen}, but compat/run.mjs declares it ${mode}`.trim();
        report(name, ok && modeSeen === mode, (Date.now() - cellStarted) / 1000, failures);
      }
    }
    // A TypeScript user of this leg: every entry it serves type-checks against the installed ai (skipLibCheck off),
    // and the entries it cannot take are compile errors (wrong-entry-*.mts, by @ts-expect-error).
    const cellStarted = Date.now();
    const tsconfig = `tsconfig.${project.id}.json`;
    const { files } = JSON.parse(readFileSync(join(project.dir, 'types', tsconfig), 'utf8'));
    const checked = [...new Set(files.map((file) => file.replace(/\.[mc]ts$/, '')))].join(', ');
    const tsc = [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', tsconfig];
    const outcome = await run(process.execPath, tsc, {
      cwd: join(project.dir, 'types'),
      log: `${project.id}-types.log`,
    }).then(
      () => ({ ok: true, details: '' }),
      (error) => ({ ok: false, details: error.output ?? String(error) }),
    );
    report(
      `ai@${project.versions.ai} tsc nodenext: ${checked}`,
      outcome.ok,
      (Date.now() - cellStarted) / 1000,
      outcome.details,
    );
  }

  console.log('== AI SDK warning behaviour seen (ESM cells)');
  for (const fact of facts.filter((entry) => entry.loader === 'esm')) {
    console.log(
      `   ai@${fact.ai} ${fact.entry} (${fact.native ? 'native' : 'compat'} ${fact.spec}): default output ${JSON.stringify(fact.defaultWarningOutput)}`,
    );
    console.log(
      `     with AI_SDK_LOG_WARNINGS=false: ${fact.outputWithLoggingOff} lines; logger gets ${fact.loggerArgument}; compatibility warnings: ${fact.compatWarningsLogged} ` +
        `(per 2-step streamText: ${fact.compatWarningsPerTwoStepStreamText}); warning types logged: ${fact.loggedWarningTypes?.join(', ')}`,
    );
    console.log(
      `     topK warning in result.warnings: ${JSON.stringify(fact.topKWarning)}; error instanceof ai.APICallError: ${fact.apiCallErrorInstanceofAi}; 429 retry took ${fact.retryMs} ms; emulator: ${fact.emulator}`,
    );
    if (fact.deniedToolMessage !== undefined)
      console.log(`     denied tool call sent as: ${JSON.stringify(fact.deniedToolMessage)}`);
    if (fact.agentWarnings !== undefined)
      console.log(
        `     agents (native): system message and function tool warned as ${fact.agentWarnings.join(', ')}; ${fact.agentScenarios} agent scenarios passed`,
      );
    if (fact.modelScenarios !== undefined)
      console.log(
        `     models (native): ${fact.modelScenarios} GPT/Claude x classic/gateway scenarios passed; gateway cost of a greeting: ${JSON.stringify(fact.gatewayCost)}`,
      );
  }
  writeFileSync(join(work, 'facts.json'), JSON.stringify(facts, null, 2));

  const failed = results.filter((result) => !result.ok).length;
  console.log(`== total ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${logs}`);
  return { passed: results.length - failed, failed };
}

runSuite(main);
