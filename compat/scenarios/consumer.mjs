// An ESM user: `import` resolves the package's "import" exports (dist/index.js, dist/v3.js, dist/v4.js).
// The entry under test is the first argument: langdock-ai-provider (the default), .../v3 or .../v4.
import * as ai from 'ai';
import { z } from 'zod';
import scenarios from './scenarios.cjs';

const entry = process.argv[2] ?? 'langdock-ai-provider';

await scenarios.runScenarios({
  ai,
  z,
  entry,
  provider: await import(entry),
  loader: 'esm',
  resolvedEntry: import.meta.resolve(entry),
  loadEmulator: async () => ({
    module: await import('langdock-ai-provider/emulator'),
    resolved: import.meta.resolve('langdock-ai-provider/emulator'),
  }),
});
