// An ESM user: `import` resolves the package's "import" export (dist/index.js).
import * as ai from 'ai';
import { z } from 'zod';
import { createLangdock } from 'langdock-ai-provider';
import scenarios from './scenarios.cjs';

await scenarios.runScenarios({
  ai,
  z,
  createLangdock,
  loader: 'esm',
  resolvedEntry: import.meta.resolve('langdock-ai-provider'),
  loadEmulator: async () => ({ module: await import('langdock-ai-provider/emulator'), resolved: import.meta.resolve('langdock-ai-provider/emulator') }),
});
