#!/usr/bin/env node
// Packaging checks on the packed tarball (what `npm publish` uploads): its file list, that every
// entry point in package.json exists, publint, Are the Types Wrong, that the main entry stays free of
// Node built-ins and of the emulator, that every import is a declared dependency, and its size.
// One PASS/FAIL line per check, then `N passed, M failed`; exits non-zero on any failure.
//
//   node compat/package-checks.mjs                      build + pack a snapshot of the working tree
//   COMPAT_TARBALL=x.tgz node compat/package-checks.mjs check an existing tarball

import { builtinModules } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { buildAndPack, repoRoot, run, runSuite, timed, work } from './lib.mjs';

// What users need: the bundles and their types for `.` (and the emulator subpath and CLI), with
// source maps. Maps stay: they carry their sources inline (checked below), so stack traces map to
// TypeScript under --enable-source-maps, and they cost nothing in a user's bundle (the @ai-sdk
// packages ship them too). Anything else (src/, test/, emulator/ sources, configs) must not be packed.
// The library's entries (root, /v3, /v4, /redis), the emulator, their shared chunks, and the declaration
// chunks the types of several entries share (named after a module, with a hash).
const libraryEntries = ['index', 'v3', 'v4'];
const allowedFiles = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/(index|v3|v4|redis|emulator|emulator-cli|chunk-[A-Z0-9]+)\.(js|cjs|d\.ts|d\.cts)(\.map)?$/,
  /^dist\/[a-z-]+-[A-Za-z0-9_-]{8}\.d\.c?ts$/,
];
const requiredFiles = [
  'package.json',
  'README.md',
  'LICENSE',
  ...libraryEntries.flatMap((entry) =>
    ['js', 'cjs', 'd.ts', 'd.cts'].map((extension) => `dist/${entry}.${extension}`),
  ),
];
// Node-only things that must not appear in the main entry, which has to run on edge runtimes.
const nodeOnly = [
  /\bnode:[a-z_/]+/,
  /\bBuffer\b/,
  /\bprocess\./,
  /\b__dirname\b/,
  /\b__filename\b/,
  /\bsetImmediate\b/,
];

const results = [];
function check(name, problems, info = '') {
  const ok = problems.length === 0;
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${info ? `: ${info}` : ''}`);
  for (const problem of problems) console.log(`      ${problem}`);
}

/** Every leaf path of package.json's main/module/types/exports/bin. */
function entryPoints(manifest) {
  const leaves = [];
  const walk = (value, where) => {
    if (typeof value === 'string') leaves.push([where, value]);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
  };
  for (const field of ['main', 'module', 'types', 'exports', 'bin']) walk(manifest[field], field);
  return leaves;
}

/** The bare module specifiers a built file imports or requires, as esbuild's parser sees them. */
async function importedSpecifiers(file) {
  const { metafile } = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const specifiers = Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((entry) => entry.external).map((entry) => entry.path),
  );
  return [...new Set(specifiers)];
}
const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

async function main() {
  const tarball = await timed(
    process.env.COMPAT_TARBALL ? 'tarball given' : 'build + pack (snapshot of the working tree)',
    buildAndPack,
  );
  console.log(`== package checks on ${basename(tarball)}`);
  const unpacked = join(work, 'unpacked');
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', unpacked]);
  const pkg = join(unpacked, 'package');
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const files = (await run('tar', ['-tzf', tarball])).output
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ''))
    .sort();
  const distFiles = readdirSync(join(pkg, 'dist'));

  check(
    'packed files are only what users need',
    [
      ...files
        .filter((file) => !allowedFiles.some((pattern) => pattern.test(file)))
        .map((file) => `not for users: ${file}`),
      ...requiredFiles.filter((file) => !files.includes(file)).map((file) => `missing: ${file}`),
    ],
    `${files.length} files, ${(readFileSync(tarball).length / 1024).toFixed(1)} kB packed`,
  );

  const bins =
    typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  check(
    'every entry point in package.json is in the tarball (bins start with a shebang)',
    [
      ...entryPoints(manifest)
        .filter(([, path]) => !files.includes(path.replace(/^\.\//, '')))
        .map(([where, path]) => `${where} -> ${path} is not packed`),
      ...bins
        .filter(
          (path) =>
            files.includes(path.replace(/^\.\//, '')) &&
            !readFileSync(join(pkg, path), 'utf8').startsWith('#!/usr/bin/env node'),
        )
        .map((path) => `${path} has no #!/usr/bin/env node`),
    ],
    `${entryPoints(manifest).length} paths`,
  );

  const linted = await publint({
    pack: { tarball: readFileSync(tarball).buffer },
    level: 'suggestion',
    strict: true,
  });
  check(
    'publint (strict, suggestions included)',
    linted.messages.map(
      (message) => `${message.type}: ${formatMessage(message, linted.pkg) ?? message.code}`,
    ),
  );

  const attw = await run(
    join(repoRoot, 'node_modules/.bin/attw'),
    [tarball, '--format', 'table-flipped', '--no-color', '--no-emoji'],
    { log: 'attw.log' },
  ).then(
    () => [],
    (error) => [error.output ?? String(error)],
  );
  check('attw (Are the Types Wrong, strict profile)', attw);

  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const builtins = new Set(builtinModules);
  const undeclared = [];
  for (const file of distFiles.filter((name) => /\.(c?js)$/.test(name))) {
    for (const specifier of await importedSpecifiers(join(pkg, 'dist', file))) {
      const isBuiltin = specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]);
      if (!isBuiltin && !declared.has(packageName(specifier)))
        undeclared.push(`dist/${file} imports ${specifier}, which is not a dependency or peer`);
    }
  }
  check('every import in dist/ is a declared dependency, peer or Node built-in', undeclared);

  // Each library entry as a bundler sees it: its own file and the shared chunks it loads, never emulator
  // code, Node built-ins or Node globals, and nothing imported but its dependencies.
  const mainEntryProblems = [];
  const entryFiles = libraryEntries.flatMap((entry) => [`${entry}.js`, `${entry}.cjs`]);
  for (const file of entryFiles) {
    const { metafile, outputFiles } = await build({
      entryPoints: [join(pkg, 'dist', file)],
      bundle: true,
      packages: 'external',
      platform: 'neutral',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(metafile.inputs);
    for (const input of inputs.filter(
      (path) => !path.endsWith(`dist/${file}`) && !/dist\/chunk-[A-Z0-9]+\.js$/.test(path),
    ))
      mainEntryProblems.push(`dist/${file} pulls in ${input}`);
    const code = outputFiles[0].text;
    for (const pattern of nodeOnly)
      for (const match of code.matchAll(new RegExp(pattern, 'g')))
        mainEntryProblems.push(`dist/${file}: ${match[0]}`);
    if (/startLangdockEmulator|createEmulatorServer/.test(code))
      mainEntryProblems.push(`dist/${file} carries emulator code`);
    for (const specifier of await importedSpecifiers(join(pkg, 'dist', file))) {
      if (!['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod'].includes(packageName(specifier)))
        mainEntryProblems.push(`dist/${file} imports ${specifier}`);
    }
  }
  check(
    'library entries have no Node built-ins, Node globals or emulator code',
    mainEntryProblems,
    entryFiles.map((file) => `dist/${file}`).join(', '),
  );

  const maps = distFiles.filter((name) => name.endsWith('.map'));
  const mapProblems = maps.flatMap((name) => {
    const map = JSON.parse(readFileSync(join(pkg, 'dist', name), 'utf8'));
    return map.sources.length ===
      map.sourcesContent?.filter((content) => typeof content === 'string').length
      ? []
      : [`dist/${name} refers to sources it does not carry`];
  });
  check(
    'source maps carry their sources (no dangling src/ paths)',
    mapProblems,
    `${maps.length} maps`,
  );

  // Size of the main entry as a bundler sees it, minified and gzipped: this package's own code, and
  // with its @ai-sdk dependencies (as resolved in this repo). zod stays out of both: it is a peer the
  // app and `ai` already ship.
  const sizes = [];
  for (const entry of libraryEntries) {
    for (const [label, external] of [
      ['own code', ['@ai-sdk/*', 'zod', 'zod/*']],
      ['with @ai-sdk deps', ['zod', 'zod/*']],
    ]) {
      const bundled = await build({
        entryPoints: [join(pkg, `dist/${entry}.js`)],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        conditions: ['edge-light', 'worker', 'import'],
        nodePaths: [join(repoRoot, 'node_modules')],
        external,
        write: false,
        logLevel: 'silent',
      });
      const code = bundled.outputFiles[0].contents;
      sizes.push(
        `${entry} ${label} ${(code.length / 1024).toFixed(1)} kB min, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} kB min+gz`,
      );
    }
  }
  check('entry sizes (reported, not gated)', [], sizes.join('; '));

  const failed = results.filter((ok) => !ok).length;
  return { passed: results.length - failed, failed };
}

runSuite(main);
