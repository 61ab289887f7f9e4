// Minified + gzipped size of a package's whole ESM entry, bundled the same way for every package.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Shared by all the AI SDK providers: left out in the "shared deps external" measure. */
export const sharedDeps = ['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod', 'zod/*'];

export async function bundleSize(
  entry: string,
  resolveDir: string,
  external: string[],
): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
