import { EdgeVM } from '@edge-runtime/vm';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The library as an edge bundler sees it: bundled from src/ with esbuild, then (with its dependencies)
// evaluated inside a real EdgeVM, where `process`, `require` and `Buffer` do not exist.

const repoRoot = new URL('../../', import.meta.url).pathname;
const base: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  write: false,
  logLevel: 'silent',
  platform: 'neutral',
  target: 'es2022',
  mainFields: ['module', 'main'],
  conditions: ['edge-light', 'worker', 'import'],
};

// Node-only names that would throw or be undefined on an edge runtime.
const nodeOnly = [
  /\bnode:[a-z_/]+/g,
  /\bBuffer\b/g,
  /\bprocess\b/g,
  /\b__dirname\b/g,
  /\b__filename\b/g,
  /\bsetImmediate\b/g,
  /\brequire\(/g,
];

// Each entry, with the usage its spec reports for the same completion.
const entries = [
  ['src/index.ts', { inputTokens: 5, outputTokens: 3, totalTokens: 8 }],
  [
    'src/v3/index.ts',
    { inputTokens: { total: 5, noCache: 5 }, outputTokens: { total: 3, text: 3 } },
  ],
  [
    'src/v4/index.ts',
    { inputTokens: { total: 5, noCache: 5 }, outputTokens: { total: 3, text: 3 } },
  ],
] as const;

describe.each(entries)('the library bundle of %s', (entry, usage) => {
  const common: BuildOptions = { ...base, entryPoints: [entry] };

  it('imports only its dependencies and uses no Node built-ins or Node globals', async () => {
    const result = await build({
      ...common,
      format: 'esm',
      metafile: true,
      external: ['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod', 'zod/*'],
    });
    const inputs = Object.values(result.metafile!.inputs);
    const externals = new Set(
      inputs.flatMap((input) =>
        input.imports.filter((entry) => entry.external).map((entry) => entry.path),
      ),
    );
    expect([...externals].sort()).toEqual(['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod/v4']);
    expect(Object.keys(result.metafile!.inputs).filter((path) => !path.startsWith('src/'))).toEqual(
      [],
    );
    const code = result.outputFiles![0]!.text;
    expect(nodeOnly.flatMap((pattern) => code.match(pattern) ?? [])).toEqual([]);
  });

  it('runs doGenerate, doStream and the missing-key error inside an EdgeVM', async () => {
    const bundle = await build({ ...common, format: 'iife', globalName: 'LangdockProvider' });
    const vm = new EdgeVM();
    vm.evaluate(bundle.outputFiles![0]!.text);

    const outcome = await vm.evaluate<Promise<string>>(`(async () => {
      const seen = { process: typeof process, require: typeof require, Buffer: typeof Buffer, EdgeRuntime: typeof EdgeRuntime };
      const calls = [];
      const replies = [
        () => new Response(JSON.stringify({ id: 'r', created: 1764000000, model: 'gpt-4.1', choices: [{ index: 0, message: { role: 'assistant', content: 'Hallo aus Berlin' }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } }), { headers: { 'content-type': 'application/json' } }),
        () => new Response(new TextEncoder().encode([
          { id: 'c', created: 1764000000, model: 'gpt-4.1', choices: [{ index: 0, delta: { content: 'Grüß' }, finish_reason: null }] },
          { id: 'c', created: 1764000000, model: 'gpt-4.1', choices: [{ index: 0, delta: { content: ' dich' }, finish_reason: 'stop' }] },
        ].map((chunk) => 'data: ' + JSON.stringify(chunk) + '\\n\\n').join('') + 'data: [DONE]\\n\\n'), { headers: { 'content-type': 'text/event-stream' } }),
      ];
      const fetch = async (url, init) => {
        calls.push({ url: String(url), userAgent: new Headers(init.headers).get('user-agent'), body: JSON.parse(init.body) });
        return replies[calls.length - 1]();
      };
      const prompt = [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }];
      const model = LangdockProvider.createLangdock({ apiKey: 'edge-key', baseURL: 'https://langdock.test/openai/eu/v1', fetch })('gpt-4.1');
      const generated = await model.doGenerate({ prompt });
      const { stream } = await model.doStream({ prompt });
      const parts = [];
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
      let keyError;
      try {
        await LangdockProvider.createLangdock({ fetch })('gpt-4.1').doGenerate({ prompt });
      } catch (error) {
        keyError = { name: error.name, message: error.message };
      }
      return JSON.stringify({ seen, calls, text: generated.content, usage: generated.usage, parts: parts.map((part) => part.type === 'text-delta' ? part.delta : part.type), keyError });
    })()`);
    const result = JSON.parse(outcome);

    expect(result.seen).toEqual({
      process: 'undefined',
      require: 'undefined',
      Buffer: 'undefined',
      EdgeRuntime: 'string',
    });
    expect(result.calls.map((call: { url: string }) => call.url)).toEqual([
      'https://langdock.test/openai/eu/v1/chat/completions',
      'https://langdock.test/openai/eu/v1/chat/completions',
    ]);
    expect(result.calls[0].userAgent).toContain('runtime/vercel-edge');
    expect(result.calls[1].body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    expect(result.text).toEqual([{ type: 'text', text: 'Hallo aus Berlin' }]);
    expect(result.usage).toMatchObject(usage);
    expect(result.parts).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'Grüß',
      ' dich',
      'text-end',
      'finish',
    ]);
    expect(result.keyError.name).toBe('AI_LoadAPIKeyError');
    expect(result.keyError.message).toContain('LANGDOCK_API_KEY');
    expect(result.calls).toHaveLength(2);
  });
});
