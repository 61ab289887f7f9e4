import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + types, no Node built-ins, runs on edge runtimes.
    // The root (AI SDK 5, V2), /v3 (AI SDK 6) and /v4 (AI SDK 7) entries over one core, code-split so
    // an app that imports two entries loads the core once. /redis is the rate limiter's Redis store: it
    // imports no Redis package (it takes the app's client), and no other entry imports it.
    entry: {
      index: 'src/index.ts',
      v3: 'src/v3/index.ts',
      v4: 'src/v4/index.ts',
      redis: 'src/redis/index.ts',
    },
    format: ['esm', 'cjs'],
    // The V3/V4 spec types come from pinned npm aliases (dev dependencies) and are bundled into the
    // declarations: a user's `@ai-sdk/provider` must not resolve to this package's own v2 dependency.
    dts: { resolve: ['@ai-sdk/provider-v3', '@ai-sdk/provider-v4'] },
    sourcemap: true,
    // No `clean`: the three builds run at once, and a declaration build cleans every .d.ts in dist/ when it
    // starts, the others' too. `npm run build` empties dist/ before tsup instead.
    target: 'es2022',
    platform: 'neutral',
    external: ['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod'],
  },
  {
    // The offline emulator: a Node server, kept out of the main entry's bundle.
    entry: { emulator: 'emulator/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
  },
  {
    // The emulator's command: the bin runs the ESM build only.
    entry: { 'emulator-cli': 'emulator/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
  },
]);
