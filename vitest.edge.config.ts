import { defineConfig } from 'vitest/config';

// The library's unit tests again, under vitest's edge-runtime environment (@edge-runtime/vm globals:
// `EdgeRuntime`, web streams and typed arrays from another realm). The pure modules run as they are;
// the model runs against a stubbed fetch in test/edge/. Excluded: tests that start a node:http server
// or spawn Node tooling (their wire behaviour is covered by the node run and by test/edge/).
export default defineConfig({
  test: {
    environment: 'edge-runtime',
    env: { LANGDOCK_TEST_RUNTIME: 'edge-runtime' },
    include: [
      'test/*.test.ts',
      'test/core/**/*.test.ts',
      'test/v2/**/*.test.ts',
      'test/v3/**/*.test.ts',
      'test/v4/**/*.test.ts',
      'test/edge/**/*.test.ts',
    ],
    exclude: [
      'test/ai-sdk.test.ts',
      'test/examples.test.ts',
      'test/v2/langdock-chat-language-model.test.ts',
      'test/v2/langdock-embedding-model.test.ts',
      'test/core/langdock-list-models.test.ts',
      'test/v2/langdock-streaming-latency.test.ts',
    ],
    testTimeout: 20_000,
    // After the summary, one line per suite skipped for a missing program or shared data (test/helpers/requires.ts).
    reporters: ['default', './test/helpers/requires-reporter.ts'],
  },
});
