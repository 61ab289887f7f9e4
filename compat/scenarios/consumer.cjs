'use strict';
// A CommonJS user: `require` resolves the package's "require" export (dist/index.cjs).
// ai@7 ships ESM only; Node >= 20.19 / 22.12 loads it through require(esm).
const ai = require('ai');
const { z } = require('zod');
const { createLangdock } = require('langdock-ai-provider');
const { runScenarios } = require('./scenarios.cjs');

runScenarios({
  ai,
  z,
  createLangdock,
  loader: 'cjs',
  resolvedEntry: require.resolve('langdock-ai-provider'),
  loadEmulator: async () => ({ module: require('langdock-ai-provider/emulator'), resolved: require.resolve('langdock-ai-provider/emulator') }),
});
