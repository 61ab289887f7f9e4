'use strict';
// A CommonJS user: `require` resolves the package's "require" exports (dist/index.cjs, dist/v3.cjs, dist/v4.cjs).
// The entry under test is the first argument: langdock-ai-provider (the default), .../v3 or .../v4.
// ai@7 ships ESM only; Node >= 20.19 / 22.12 loads it through require(esm).
const ai = require('ai');
const { z } = require('zod');
const { runScenarios } = require('./scenarios.cjs');

const entry = process.argv[2] ?? 'langdock-ai-provider';

runScenarios({
  ai,
  z,
  entry,
  provider: require(entry),
  loader: 'cjs',
  resolvedEntry: require.resolve(entry),
  loadEmulator: async () => ({
    module: require('langdock-ai-provider/emulator'),
    resolved: require.resolve('langdock-ai-provider/emulator'),
  }),
});
