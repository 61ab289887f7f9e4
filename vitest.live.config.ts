import { defineConfig } from 'vitest/config';

// `npm run test:live`: the same scenarios as the examples, against real Langdock. Needs LANGDOCK_API_KEY.
export default defineConfig({
  test: {
    include: ['test/live/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
