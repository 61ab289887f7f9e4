// An ESM user: `import` resolves the package's "import" export (dist/index.js).
import * as ai from 'ai';
import { z } from 'zod';
import { createLangdock } from 'langdock-ai-provider';
import scenarios from './scenarios.cjs';

await scenarios.runScenarios({ ai, z, createLangdock, loader: 'esm', resolvedEntry: import.meta.resolve('langdock-ai-provider') });
