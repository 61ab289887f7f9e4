import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + types, no Node built-ins, runs on edge runtimes.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
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
