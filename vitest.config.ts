import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The live suite talks to real Langdock: opt-in, `npm run test:live`.
    exclude: ['test/live/**', '**/node_modules/**'],
    testTimeout: 20_000,
    // After the summary, one line per suite skipped for a missing program or shared data (test/helpers/requires.ts).
    reporters: ['default', './test/helpers/requires-reporter.ts'],
  },
});
