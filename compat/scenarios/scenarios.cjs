'use strict';
// The end-to-end scenarios every compat cell runs: the installed tarball, the installed `ai`, a local
// Langdock-shaped server. The ESM and CJS consumers load the modules their way and hand them in here.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { join } = require('node:path');

const API_KEY = 'ld-compat-key-0123456789';
const SCENARIO_TIMEOUT_MS = 15_000;

/** A loopback server that answers with scripted replies, in order, and records each request. */
async function startServer(replies) {
  const requests = [];
  const server = createServer(async (incoming, response) => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const request = { method: incoming.method, path: incoming.url, headers: incoming.headers, body: text === '' ? undefined : JSON.parse(text) };
    requests.push(request);
    const reply = replies[requests.length - 1];
    if (reply === undefined) return void response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"no reply scripted"}');
    reply(request, response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${server.address().port}/openai/eu/v1`,
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const json = (body, status = 200, headers = {}) => (_request, response) =>
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const sse = (chunks) => (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  response.end('data: [DONE]\n\n');
};

const chunk = (delta, finish_reason = null) => ({
  id: 'chatcmpl-c',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta, finish_reason }],
});
const usageChunk = { id: 'chatcmpl-c', object: 'chat.completion.chunk', created: 1764000000, model: 'gpt-4.1', choices: [], usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 } };
const completion = (content) => ({
  id: 'chatcmpl-r',
  object: 'chat.completion',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 },
});

function withTimeout(promise, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${SCENARIO_TIMEOUT_MS} ms`)), SCENARIO_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Records what the AI SDK would print for warnings, by intercepting every channel it uses. */
function interceptWarningOutput() {
  const printed = [];
  const original = { info: console.info, warn: console.warn, emitWarning: process.emitWarning };
  console.info = (...args) => printed.push(args.join(' '));
  console.warn = (...args) => printed.push(args.join(' '));
  process.emitWarning = (message) => printed.push(String(message));
  const restore = () => {
    console.info = original.info;
    console.warn = original.warn;
    process.emitWarning = original.emitWarning;
  };
  return { printed, restore };
}

/**
 * @param {{ ai: any, z: any, createLangdock: Function, loader: 'esm' | 'cjs', resolvedEntry: string,
 *   loadEmulator: () => Promise<{ module: any, resolved: string }> }} modules
 */
async function runScenarios({ ai, z, createLangdock, loader, resolvedEntry, loadEmulator }) {
  const packageDir = join(__dirname, 'node_modules/langdock-ai-provider');
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const aiVersion = JSON.parse(readFileSync(join(__dirname, 'node_modules/ai/package.json'), 'utf8')).version;
  const aiMajor = Number(aiVersion.split('.')[0]);
  const stepCount = ai.isStepCount ?? ai.stepCountIs; // ai@7 renamed it and kept stepCountIs as an alias
  const logged = []; // what reaches AI_SDK_LOG_WARNINGS (ai@5 passes an array, ai@6+ an object)
  const facts = { node: process.version, ai: aiVersion, loader, resolvedEntry };

  let server;
  const langdockOn = async (...replies) => {
    server = await startServer(replies);
    return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
  };
  const compatWarnings = () =>
    logged.flatMap((entry) => (Array.isArray(entry) ? entry : entry.warnings)).filter((warning) => warning.type === 'compatibility');

  const scenarios = {
    'resolves the export for its loader': async () => {
      assert.match(resolvedEntry, loader === 'esm' ? /langdock-ai-provider[\\/]dist[\\/]index\.js$/ : /langdock-ai-provider[\\/]dist[\\/]index\.cjs$/);
      assert.equal(typeof createLangdock, 'function');
    },

    // Runs first, before any logger is installed: what a user sees by default, and that `false` silences it.
    'default warning output and AI_SDK_LOG_WARNINGS = false': async () => {
      const langdock = await langdockOn(json(completion('one')), json(completion('two')));
      const output = interceptWarningOutput();
      try {
        delete globalThis.AI_SDK_LOG_WARNINGS;
        await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', topK: 3 });
        facts.defaultWarningOutput = [...output.printed];
        globalThis.AI_SDK_LOG_WARNINGS = false;
        await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', topK: 3 });
        facts.outputWithLoggingOff = output.printed.length - facts.defaultWarningOutput.length;
      } finally {
        output.restore();
      }
      const printed = facts.defaultWarningOutput;
      const compat = printed.filter((line) => line.includes('compatibility mode'));
      if (aiMajor >= 6) {
        assert.equal(compat.length, 1, `expected one compat-mode line, printed: ${JSON.stringify(printed)}`);
        assert.match(compat[0], /\(langdock\.chat \/ gpt-4\.1\).*"specificationVersion".*v2 specification compatibility mode/);
      } else {
        assert.equal(compat.length, 0, 'ai@5 runs LanguageModelV2 natively');
      }
      assert.equal(printed.filter((line) => line.includes('topK')).length, 1, `the provider's topK warning is printed once: ${JSON.stringify(printed)}`);
      assert.equal(facts.outputWithLoggingOff, 0, 'AI_SDK_LOG_WARNINGS = false prints nothing');
      globalThis.AI_SDK_LOG_WARNINGS = (entry) => logged.push(entry); // quiet and recorded from here on
    },

    'streamText streams text': async () => {
      const langdock = await langdockOn(sse([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hello' }), chunk({ content: ', wörld' }), chunk({ content: '!' }, 'stop'), usageChunk]));
      const result = ai.streamText({ model: langdock('gpt-4.1'), prompt: 'Greet the world.' });
      const deltas = [];
      for await (const delta of result.textStream) deltas.push(delta);
      assert.deepEqual(deltas, ['Hello', ', wörld', '!']);
      assert.equal(await result.text, 'Hello, wörld!');
      assert.equal(await result.finishReason, 'stop');
      const usage = await result.usage;
      assert.equal(usage.inputTokens, 12);
      assert.equal(usage.outputTokens, 3);
      assert.equal(usage.totalTokens, 15);
      const [request] = server.requests;
      assert.equal(request.path, '/openai/eu/v1/chat/completions');
      assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
      assert.deepEqual(request.body, { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Greet the world.' }], stream: true });
    },

    'streamText tool loop with stopWhen': async () => {
      const langdock = await langdockOn(
        sse([
          chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '"Berlin"}' } }] }),
          chunk({}, 'tool_calls'),
        ]),
        sse([chunk({ content: 'It is 21°C in ' }), chunk({ content: 'Berlin.' }, 'stop')]),
      );
      const before = compatWarnings().length;
      const result = ai.streamText({
        model: langdock('gpt-4.1'),
        prompt: 'Weather in Berlin?',
        tools: {
          weather: ai.tool({
            description: 'Current weather in a city',
            inputSchema: z.object({ city: z.string() }),
            execute: async ({ city }) => ({ city, celsius: 21 }),
          }),
        },
        stopWhen: stepCount(3),
      });
      assert.equal(await result.text, 'It is 21°C in Berlin.');
      const steps = await result.steps;
      assert.equal(steps.length, 2);
      assert.deepEqual(steps[0].toolCalls.map(({ toolCallId, toolName, input }) => ({ toolCallId, toolName, input })), [{ toolCallId: 'call_1', toolName: 'weather', input: { city: 'Berlin' } }]);
      assert.deepEqual(steps[0].toolResults.map(({ toolCallId, output }) => ({ toolCallId, output })), [{ toolCallId: 'call_1', output: { city: 'Berlin', celsius: 21 } }]);
      assert.equal(server.requests.length, 2);
      assert.deepEqual(server.requests[1].body.messages, [
        { role: 'user', content: 'Weather in Berlin?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Berlin"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"city":"Berlin","celsius":21}' },
      ]);
      assert.equal(server.requests[1].body.tools.length, 1);
      facts.compatWarningsPerTwoStepStreamText = compatWarnings().length - before;
    },

    'generateObject in JSON mode': async () => {
      const langdock = await langdockOn(json(completion('{"name":"Ada","age":36}')));
      const { object } = await ai.generateObject({ model: langdock('gpt-4.1'), schema: z.object({ name: z.string(), age: z.number() }), prompt: 'Invent a person.' });
      assert.deepEqual(object, { name: 'Ada', age: 36 });
      const { body } = server.requests[0];
      assert.deepEqual(body.response_format, { type: 'json_object' });
      assert.equal(body.messages[0].role, 'system');
      assert.match(body.messages[0].content, /JSON/);
      assert.match(body.messages[0].content, /"name":\{"type":"string"\}/);
      assert.deepEqual(body.messages[1], { role: 'user', content: 'Invent a person.' });
    },

    // What ai@6+ recommends instead of generateObject; ai@5 calls the option experimental_output.
    'generateText with Output.object': async () => {
      const langdock = await langdockOn(json(completion('{"city":"Berlin","celsius":21}')));
      const output = ai.Output.object({ schema: z.object({ city: z.string(), celsius: z.number() }) });
      const result = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Weather?', ...(aiMajor >= 6 ? { output } : { experimental_output: output }) });
      assert.deepEqual(aiMajor >= 6 ? result.output : result.experimental_output, { city: 'Berlin', celsius: 21 });
      assert.deepEqual(server.requests[0].body.response_format, { type: 'json_object' });
    },

    '401 is an APICallError with Langdock text': async () => {
      const langdock = await langdockOn(json({ message: 'The provided API key is invalid.' }, 401));
      const error = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' }).then(
        () => assert.fail('generateText resolved on a 401'),
        (caught) => caught,
      );
      assert.equal(ai.APICallError.isInstance(error), true, `expected APICallError, got ${error?.name}: ${error?.message}`);
      assert.equal(error.statusCode, 401);
      assert.match(error.message, /Langdock API error 401: The provided API key is invalid\. Check the API key/);
      assert.equal(error.isRetryable, false);
      assert.ok(!JSON.stringify({ message: error.message, body: error.responseBody }).includes(API_KEY), 'the key never appears in the error');
      assert.equal(server.requests.length, 1);
      facts.apiCallErrorInstanceofAi = error instanceof ai.APICallError; // false when ai ships another @ai-sdk/provider major
    },

    '429 with retry-after: 0 is retried': async () => {
      const langdock = await langdockOn(json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after': '0' }), json(completion('after retry')));
      const started = Date.now();
      const result = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
      assert.equal(result.text, 'after retry');
      assert.equal(server.requests.length, 2);
      facts.retryMs = Date.now() - started;
    },

    // README.md promises both `langdock-ai-provider/emulator` and `npx langdock-emulator`.
    'published emulator (./emulator subpath and bin)': async () => {
      assert.notEqual(manifest.exports?.['./emulator'], undefined, 'package.json exports no "./emulator", which README.md promises');
      const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin ?? {};
      assert.ok('langdock-emulator' in bins, `package.json has no "langdock-emulator" bin, which README.md promises (bins: ${JSON.stringify(bins)})`);
      const { module, resolved } = await loadEmulator();
      assert.match(resolved, loader === 'esm' ? /dist[\\/]emulator\.js$/ : /dist[\\/]emulator\.cjs$/);
      const emulator = await module.startLangdockEmulator();
      try {
        const langdock = createLangdock({ apiKey: API_KEY, baseURL: emulator.baseURL });
        const result = ai.streamText({ model: langdock('gpt-4.1'), prompt: 'Say hello.' });
        assert.ok((await result.text).length > 0, 'the emulator streamed some text');
        assert.equal(await result.finishReason, 'stop');
        assert.equal(emulator.requests.length, 1);
      } finally {
        await emulator.close();
      }
      for (const [name, path] of Object.entries(bins)) {
        const help = spawnSync(process.execPath, [join(packageDir, path), '--help'], { encoding: 'utf8', timeout: 10_000 });
        assert.equal(help.status, 0, `${name} --help exited ${help.status}: ${help.stderr}`);
        assert.match(help.stdout, /--help/);
      }
      facts.emulator = 'ok';
    },

    'provider warnings reach result.warnings': async () => {
      const langdock = await langdockOn(json(completion('ok')));
      const result = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', topK: 3 });
      const topK = result.warnings.filter((warning) => JSON.stringify(warning).includes('topK'));
      assert.equal(topK.length, 1, `warnings: ${JSON.stringify(result.warnings)}`);
      facts.topKWarning = topK[0];
    },
  };

  const results = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const started = Date.now();
    try {
      await withTimeout(scenario(), name);
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error) });
    } finally {
      await server?.close();
      server = undefined;
    }
  }
  facts.compatWarningsLogged = compatWarnings().length;
  facts.loggerArgument = logged.length === 0 ? 'none' : Array.isArray(logged[0]) ? 'Warning[]' : `{ ${Object.keys(logged[0]).join(', ')} }`;
  for (const result of results) console.log(result.ok ? `ok ${result.name} (${result.ms} ms)` : `not ok ${result.name}\n${result.error.replace(/^/gm, '  ')}`);
  console.log(`FACTS ${JSON.stringify(facts)}`);
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
}

module.exports = { runScenarios };
