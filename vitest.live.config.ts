import { defineConfig } from 'vitest/config';

// `npm run test:live`: checks against real Langdock that settle what the code assumes. Each group needs its key
// (LANGDOCK_API_KEY, LANGDOCK_GATEWAY_API_KEY); the global setup prints one line for every group it skips.
export default defineConfig({
  test: {
    include: ['test/live/**/*.test.ts'],
    globalSetup: ['test/live/live-global-setup.ts'],
    testTimeout: 120_000,
  },
});
