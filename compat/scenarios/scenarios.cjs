'use strict';
// The end-to-end scenarios every compat cell runs: one entry of the installed tarball (root, /v3 or
// /v4), the installed `ai`, a local Langdock-shaped server (wire.cjs). The ESM and CJS consumers load
// the modules their way and hand them in here.
//
// A cell is NATIVE when `ai` runs the entry's models as they are: the root (LanguageModelV2) on ai@5,
// /v3 on ai@6 and ai@7, /v4 on ai@7. The root on ai@6 or ai@7 is a COMPAT cell: `ai` wraps its V2
// models in its compatibility mode and says so once per model. Native cells must see no such warning
// and run the newer features too (usage details, wrapLanguageModel, registries).

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const {
  startServer,
  json,
  sse,
  hold,
  chunk,
  usageChunk,
  completion,
  toolCallCompletion,
  embeddingList,
} = require('./wire.cjs');
const { agentScenarios } = require('./agents.cjs');
const { modelScenarios } = require('./models.cjs');

const API_KEY = 'ld-compat-key-0123456789';
const SCENARIO_TIMEOUT_MS = 15_000;
// Which spec each entry's models implement, and the file its export resolves to.
const ENTRIES = {
  'langdock-ai-provider': { spec: 'v2', file: 'index' },
  'langdock-ai-provider/v3': { spec: 'v3', file: 'v3' },
  'langdock-ai-provider/v4': { spec: 'v4', file: 'v4' },
};
// The warning types each spec defines (V2's `LanguageModelV2CallWarning`, V3's and V4's shared warnings).
const SPEC_WARNING_TYPES = {
  v2: ['unsupported-setting', 'unsupported-tool', 'other'],
  v3: ['unsupported', 'compatibility', 'other'],
  v4: ['unsupported', 'compatibility', 'deprecated', 'other'],
};

function withTimeout(promise, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} did not finish within ${SCENARIO_TIMEOUT_MS} ms`)),
      SCENARIO_TIMEOUT_MS,
    );
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

/** Throws unless `warning` has exactly the fields its type has in `spec`. */
function assertSpecWarning(warning, spec) {
  const where = `${JSON.stringify(warning)} is not a ${spec} warning`;
  assert.ok(SPEC_WARNING_TYPES[spec].includes(warning.type), where);
  const fields = {
    'unsupported-setting': ['type', 'setting', 'details'],
    'unsupported-tool': ['type', 'tool', 'details'],
    unsupported: ['type', 'feature', 'details'],
    compatibility: ['type', 'feature', 'details'],
    deprecated: ['type', 'setting', 'message'],
    other: ['type', 'message'],
  }[warning.type];
  assert.deepEqual(
    Object.keys(warning).filter((key) => !fields.includes(key)),
    [],
    where,
  );
  for (const key of ['setting', 'feature', 'message'])
    if (fields.includes(key)) assert.equal(typeof warning[key], 'string', where);
}

/**
 * @param {{ ai: any, z: any, entry: string, provider: any, loader: 'esm' | 'cjs', resolvedEntry: string,
 *   loadEmulator: () => Promise<{ module: any, resolved: string }> }} modules
 */
async function runScenarios({ ai, z, entry, provider, loader, resolvedEntry, loadEmulator }) {
  const packageDir = join(__dirname, 'node_modules/langdock-ai-provider');
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const aiVersion = JSON.parse(
    readFileSync(join(__dirname, 'node_modules/ai/package.json'), 'utf8'),
  ).version;
  const aiMajor = Number(aiVersion.split('.')[0]);
  if (!(entry in ENTRIES))
    throw new Error(`unknown entry ${entry}; expected one of ${Object.keys(ENTRIES).join(', ')}`);
  const { spec, file } = ENTRIES[entry];
  const native = spec !== 'v2' || aiMajor === 5;
  const { createLangdock } = provider;
  const stepCount = ai.isStepCount ?? ai.stepCountIs; // ai@7 renamed it and kept stepCountIs as an alias
  const embeddingModelFrom = (registry, id) =>
    aiMajor >= 6 ? registry.embeddingModel(id) : registry.textEmbeddingModel(id); // ai@5's name
  const logged = []; // what reaches AI_SDK_LOG_WARNINGS (ai@5 passes an array, ai@6+ an object)
  const facts = {
    node: process.version,
    ai: aiVersion,
    loader,
    entry,
    spec,
    native,
    resolvedEntry,
  };

  let server;
  const langdockOn = async (...replies) => {
    server = await startServer(replies);
    return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
  };
  const loggedWarnings = () =>
    logged.flatMap((item) => (Array.isArray(item) ? item : item.warnings));
  const compatWarnings = () =>
    loggedWarnings().filter(
      (warning) =>
        warning.type === 'compatibility' || JSON.stringify(warning).includes('compatibility mode'),
    );

  const weatherTool = () =>
    ai.tool({
      description: 'Current weather in a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, celsius: 21 }),
    });
  const toolLoopReplies = [
    sse([
      chunk({
        role: 'assistant',
        tool_calls: [
          {
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Berlin"}' } }] }),
      chunk({}, 'tool_calls'),
    ]),
    sse([chunk({ content: 'It is 21°C in ' }), chunk({ content: 'Berlin.' }, 'stop')]),
  ];
  const assertToolLoop = async (result) => {
    assert.equal(await result.text, 'It is 21°C in Berlin.');
    const steps = await result.steps;
    assert.equal(steps.length, 2);
    assert.deepEqual(
      steps[0].toolCalls.map(({ toolCallId, toolName, input }) => ({
        toolCallId,
        toolName,
        input,
      })),
      [{ toolCallId: 'call_1', toolName: 'weather', input: { city: 'Berlin' } }],
    );
    assert.deepEqual(
      steps[0].toolResults.map(({ toolCallId, output }) => ({ toolCallId, output })),
      [{ toolCallId: 'call_1', output: { city: 'Berlin', celsius: 21 } }],
    );
    assert.equal(server.requests.length, 2);
    assert.deepEqual(server.requests[1].body.messages, [
      { role: 'user', content: 'Weather in Berlin?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Berlin"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"city":"Berlin","celsius":21}' },
    ]);
    assert.equal(server.requests[1].body.tools.length, 1);
  };
  // Usage with cached and reasoning tokens: V3 and V4 report what is left of each (8 uncached, 2 text tokens).
  const detailedUsage = {
    prompt_tokens: 12,
    completion_tokens: 3,
    total_tokens: 15,
    prompt_tokens_details: { cached_tokens: 4 },
    completion_tokens_details: { reasoning_tokens: 1 },
  };
  const assertUsageDetails = (usage) => {
    assert.equal(usage.inputTokens, 12);
    assert.equal(usage.outputTokens, 3);
    if (aiMajor === 5) {
      assert.equal(usage.cachedInputTokens, 4);
      assert.equal(usage.reasoningTokens, 1);
    } else {
      assert.deepEqual(usage.inputTokenDetails, {
        noCacheTokens: 8,
        cacheReadTokens: 4,
        cacheWriteTokens: undefined,
      });
      assert.deepEqual(usage.outputTokenDetails, { textTokens: 2, reasoningTokens: 1 });
    }
  };

  const agents = agentScenarios({
    ai,
    z,
    createLangdock,
    spec,
    aiMajor,
    apiKey: API_KEY,
    loadEmulator,
    assertSpecWarning,
    compatWarnings,
    facts,
  });
  const models = modelScenarios({
    ai,
    z,
    createLangdock,
    aiMajor,
    apiKey: API_KEY,
    loadEmulator,
    stepCount,
    compatWarnings,
    facts,
  });
  const all = () => true;
  const scenarios = [
    [
      'resolves the export for its loader, with models of its spec',
      all,
      async () => {
        assert.match(
          resolvedEntry,
          new RegExp(
            `langdock-ai-provider[\\\\/]dist[\\\\/]${file}\\.${loader === 'esm' ? 'js' : 'cjs'}$`,
          ),
        );
        assert.equal(typeof createLangdock, 'function');
        assert.equal(
          typeof provider.langdockChatOptionsSchema?.safeParse,
          'function',
          'the entry exports langdockChatOptionsSchema',
        );
        assert.equal(
          typeof provider.langdockEmbeddingOptionsSchema?.safeParse,
          'function',
          'the entry exports langdockEmbeddingOptionsSchema',
        );
        const langdock = createLangdock({
          apiKey: API_KEY,
          baseURL: 'http://127.0.0.1:9/openai/eu/v1',
        });
        assert.equal(langdock.specificationVersion, spec === 'v2' ? undefined : spec);
        for (const model of [
          langdock('gpt-4.1'),
          langdock.chat('gpt-4.1'),
          langdock.languageModel('gpt-4.1'),
          provider.langdock('gpt-4.1'),
        ]) {
          assert.deepEqual(
            [model.specificationVersion, model.provider, model.modelId],
            [spec, 'langdock.chat', 'gpt-4.1'],
          );
        }
        for (const model of [
          langdock.embeddingModel('text-embedding-3-small'),
          langdock.textEmbeddingModel('text-embedding-3-small'),
        ]) {
          assert.deepEqual(
            [model.specificationVersion, model.provider, model.modelId],
            [spec, 'langdock.embedding', 'text-embedding-3-small'],
          );
        }
        assert.equal(typeof langdock.listModels, 'function');
      },
    ],

    // Runs before any logger is installed: what a user sees by default, and that `false` silences it.
    [
      'default warning output and AI_SDK_LOG_WARNINGS = false',
      all,
      async () => {
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
          globalThis.AI_SDK_LOG_WARNINGS = (item) => logged.push(item); // quiet and recorded from here on
        }
        const printed = facts.defaultWarningOutput;
        const compat = printed.filter((line) => line.includes('compatibility'));
        if (native) {
          assert.deepEqual(
            compat,
            [],
            `a native ${spec} model on ai@${aiMajor} printed a compatibility warning`,
          );
        } else {
          assert.equal(
            compat.length,
            1,
            `expected one compat-mode line, printed: ${JSON.stringify(printed)}`,
          );
          assert.match(
            compat[0],
            /\(langdock\.chat \/ gpt-4\.1\).*"specificationVersion".*v2 specification compatibility mode/,
          );
        }
        assert.equal(
          printed.filter((line) => line.includes('topK')).length,
          1,
          `the provider's topK warning is printed once: ${JSON.stringify(printed)}`,
        );
        assert.equal(facts.outputWithLoggingOff, 0, 'AI_SDK_LOG_WARNINGS = false prints nothing');
      },
    ],

    [
      'streamText streams text',
      all,
      async () => {
        const langdock = await langdockOn(
          sse([
            chunk({ role: 'assistant', content: '' }),
            chunk({ content: 'Hello' }),
            chunk({ content: ', wörld' }),
            chunk({ content: '!' }, 'stop'),
            usageChunk(),
          ]),
        );
        const result = ai.streamText({ model: langdock('gpt-4.1'), prompt: 'Greet the world.' });
        const deltas = [];
        for await (const delta of result.textStream) deltas.push(delta);
        assert.deepEqual(deltas, ['Hello', ', wörld', '!']);
        assert.equal(await result.text, 'Hello, wörld!');
        assert.equal(await result.finishReason, 'stop');
        const usage = await result.usage;
        assert.deepEqual([usage.inputTokens, usage.outputTokens, usage.totalTokens], [12, 3, 15]);
        const [request] = server.requests;
        assert.equal(request.path, '/openai/eu/v1/chat/completions');
        assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
        assert.deepEqual(request.body, {
          model: 'gpt-4.1',
          messages: [{ role: 'user', content: 'Greet the world.' }],
          stream: true,
        });
      },
    ],

    // The finish reason as Langdock sent it and the token details: only a native model reports them (compat mode drops both).
    [
      'raw finish reason and usage details (streamText and generateText)',
      () => native,
      async () => {
        const langdock = await langdockOn(
          sse([
            chunk({ role: 'assistant', content: 'Hi' }),
            chunk({}, 'stop'),
            usageChunk(detailedUsage),
          ]),
          json(completion('Hi', detailedUsage)),
        );
        const streamed = ai.streamText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
        assert.equal(await streamed.text, 'Hi');
        assertUsageDetails(await streamed.usage);
        const generated = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
        assertUsageDetails(generated.usage);
        if (aiMajor >= 6) {
          assert.equal(await streamed.rawFinishReason, 'stop');
          assert.equal(generated.rawFinishReason, 'stop');
        }
        assert.equal(generated.finishReason, 'stop');
      },
    ],

    [
      'streamText tool loop with stopWhen',
      all,
      async () => {
        const langdock = await langdockOn(...toolLoopReplies);
        const before = compatWarnings().length;
        const result = ai.streamText({
          model: langdock('gpt-4.1'),
          prompt: 'Weather in Berlin?',
          tools: { weather: weatherTool() },
          stopWhen: stepCount(3),
        });
        await assertToolLoop(result);
        facts.compatWarningsPerTwoStepStreamText = compatWarnings().length - before;
      },
    ],

    [
      'generateText tool loop with stopWhen',
      all,
      async () => {
        const langdock = await langdockOn(
          json(toolCallCompletion('call_1', 'weather', '{"city":"Berlin"}')),
          json(completion('It is 21°C in Berlin.')),
        );
        const result = await ai.generateText({
          model: langdock('gpt-4.1'),
          prompt: 'Weather in Berlin?',
          tools: { weather: weatherTool() },
          stopWhen: stepCount(3),
        });
        await assertToolLoop(result);
        assert.equal(server.requests[0].body.stream, undefined);
      },
    ],

    [
      'generateObject in JSON mode',
      all,
      async () => {
        const langdock = await langdockOn(json(completion('{"name":"Ada","age":36}')));
        const { object } = await ai.generateObject({
          model: langdock('gpt-4.1'),
          schema: z.object({ name: z.string(), age: z.number() }),
          prompt: 'Invent a person.',
        });
        assert.deepEqual(object, { name: 'Ada', age: 36 });
        const { body } = server.requests[0];
        assert.deepEqual(body.response_format, { type: 'json_object' });
        assert.equal(body.messages[0].role, 'system');
        assert.match(body.messages[0].content, /JSON/);
        assert.match(body.messages[0].content, /"name":\{"type":"string"\}/);
        assert.deepEqual(body.messages[1], { role: 'user', content: 'Invent a person.' });
      },
    ],

    // What ai@6+ recommends instead of generateObject; ai@5 calls the option experimental_output.
    [
      'generateText with Output.object in JSON mode',
      all,
      async () => {
        const langdock = await langdockOn(json(completion('{"city":"Berlin","celsius":21}')));
        const output = ai.Output.object({
          schema: z.object({ city: z.string(), celsius: z.number() }),
        });
        const result = await ai.generateText({
          model: langdock('gpt-4.1'),
          prompt: 'Weather?',
          ...(aiMajor >= 6 ? { output } : { experimental_output: output }),
        });
        assert.deepEqual(aiMajor >= 6 ? result.output : result.experimental_output, {
          city: 'Berlin',
          celsius: 21,
        });
        const { body } = server.requests[0];
        assert.deepEqual(body.response_format, { type: 'json_object' });
        assert.equal(body.messages[0].role, 'system');
        assert.match(body.messages[0].content, /JSON schema/);
        assert.match(body.messages[0].content, /"city":\{"type":"string"\}/);
        assert.match(body.messages[0].content, /"celsius":\{"type":"number"\}/);
        assert.deepEqual(body.messages.slice(1), [{ role: 'user', content: 'Weather?' }]);
      },
    ],

    // ai@7 has a `dimensions` call option; before it, providerOptions.langdock.dimensions says the same.
    [
      'embed and embedMany, with dimensions',
      all,
      async () => {
        const langdock = await langdockOn(
          json(embeddingList(1)),
          json(embeddingList(3)),
          json(embeddingList(1)),
        );
        const model = langdock.embeddingModel('text-embedding-3-small');
        const one = await ai.embed({ model, value: 'sunny day' });
        assert.deepEqual(one.embedding, [0, 0.5]);
        assert.equal(one.usage.tokens, 4);
        const many = await ai.embedMany({ model, values: ['a', 'b', 'c'] });
        assert.deepEqual(many.embeddings, [
          [0, 0.5],
          [1, 1.5],
          [2, 2.5],
        ]);
        const shortened =
          aiMajor >= 7
            ? { dimensions: 256 }
            : { providerOptions: { langdock: { dimensions: 256 } } };
        await ai.embed({ model, value: 'short', ...shortened });
        assert.deepEqual(
          server.requests.map(({ path, body }) => ({ path, body })),
          [
            {
              path: '/openai/eu/v1/embeddings',
              body: {
                model: 'text-embedding-3-small',
                input: ['sunny day'],
                encoding_format: 'float',
              },
            },
            {
              path: '/openai/eu/v1/embeddings',
              body: {
                model: 'text-embedding-3-small',
                input: ['a', 'b', 'c'],
                encoding_format: 'float',
              },
            },
            {
              path: '/openai/eu/v1/embeddings',
              body: {
                model: 'text-embedding-3-small',
                input: ['short'],
                encoding_format: 'float',
                dimensions: 256,
              },
            },
          ],
        );
      },
    ],

    // ai@6+: the user denies a tool call; the next request must answer that call with a tool message (the API refuses a call left unanswered).
    [
      'tool approval: a denied call is answered with a tool message',
      () => aiMajor >= 6,
      async () => {
        const langdock = await langdockOn(
          json(toolCallCompletion('call_rm', 'removeFile', '{"path":"/tmp/a"}')),
          json(completion('Understood, I left it.')),
        );
        let executed = 0;
        const tools = {
          removeFile: ai.tool({
            description: 'Remove a file',
            inputSchema: z.object({ path: z.string() }),
            needsApproval: true,
            execute: async () => (executed++, 'removed'),
          }),
        };
        const messages = [{ role: 'user', content: 'Remove /tmp/a' }];
        const first = await ai.generateText({ model: langdock('gpt-4.1'), tools, messages });
        const approvals = first.content.filter((part) => part.type === 'tool-approval-request');
        assert.deepEqual(
          approvals.map((part) => part.toolCall.toolCallId),
          ['call_rm'],
        );
        // As ai's docs show: the response messages, then a tool message with a `tool-approval-response`.
        messages.push(...(first.responseMessages ?? first.response.messages));
        messages.push({
          role: 'tool',
          content: [
            {
              type: 'tool-approval-response',
              approvalId: approvals[0].approvalId,
              approved: false,
              reason: 'not now',
            },
          ],
        });
        const second = await ai.generateText({ model: langdock('gpt-4.1'), tools, messages });
        assert.equal(second.text, 'Understood, I left it.');
        assert.equal(executed, 0, 'a denied tool does not run');
        assert.equal(server.requests.length, 2);
        const sent = server.requests[1].body.messages;
        assert.deepEqual(sent.slice(0, 2), [
          { role: 'user', content: 'Remove /tmp/a' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_rm',
                type: 'function',
                function: { name: 'removeFile', arguments: '{"path":"/tmp/a"}' },
              },
            ],
          },
        ]);
        const answers = sent.filter((message) => message.role === 'tool');
        assert.equal(answers.length, 1, `tool messages sent: ${JSON.stringify(answers)}`);
        assert.equal(answers[0].tool_call_id, 'call_rm');
        assert.equal(typeof answers[0].content, 'string');
        assert.ok(answers[0].content.length > 0, 'the tool message has content');
        assert.match(answers[0].content, /not now/, 'the reason for the denial reaches the model');
        facts.deniedToolMessage = answers[0].content;
      },
    ],

    // Before the response, only the provider can stop the request (the signal must reach its fetch); mid-stream, ai cancels the stream too.
    [
      'abortSignal before the response and mid-stream ends the stream as an abort',
      all,
      async () => {
        const pending = hold(null);
        const streaming = hold([
          chunk({ role: 'assistant', content: '' }),
          chunk({ content: 'Once upon' }),
        ]);
        const langdock = await langdockOn(pending.reply, streaming.reply);
        const abortedStream = async (abortWhen) => {
          const controller = new AbortController();
          let onAbortCalls = 0;
          const result = ai.streamText({
            model: langdock('gpt-4.1'),
            prompt: 'Tell a long story.',
            abortSignal: controller.signal,
            onAbort: () => void onAbortCalls++,
            onError: () => {}, // an error would show up as an `error` part below
          });
          const parts = [];
          const consumed = (async () => {
            for await (const part of result.fullStream) {
              parts.push(part.type);
              if (abortWhen === 'text-delta' && part.type === 'text-delta') controller.abort();
            }
          })();
          if (abortWhen === 'request arrived') await pending.arrived.then(() => controller.abort());
          await consumed;
          assert.equal(parts.at(-1), 'abort', `parts: ${parts.join(', ')}`);
          assert.deepEqual(
            parts.filter((type) => type === 'error' || type === 'finish'),
            [],
            `parts: ${parts.join(', ')}`,
          );
          assert.equal(onAbortCalls, 1);
          return parts;
        };
        const before = await abortedStream('request arrived');
        assert.equal(
          await pending.closed,
          false,
          'the server saw the request end before it answered',
        );
        assert.equal(before.filter((type) => type === 'text-delta').length, 0);
        const during = await abortedStream('text-delta');
        assert.equal(
          await streaming.closed,
          false,
          'the server saw the request end before its response did',
        );
        assert.equal(during.filter((type) => type === 'text-delta').length, 1);
      },
    ],

    // No finish reason before the stream ended: V4 says `interrupted`; the older specs have no such reason, so it is an error.
    [
      'a stream cut off before its finish reason',
      all,
      async () => {
        const cutOff = (_request, response) => {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.end(
            `data: ${JSON.stringify(chunk({ role: 'assistant', content: 'Half a sen' }))}\n\n`,
          );
        };
        const langdock = await langdockOn(cutOff);
        const errors = [];
        const result = ai.streamText({
          model: langdock('gpt-4.1'),
          prompt: 'Hi',
          onError: ({ error }) => void errors.push(error),
        });
        const parts = [];
        for await (const part of result.fullStream) parts.push(part.type);
        assert.equal(await result.text, 'Half a sen');
        if (spec === 'v4') {
          assert.equal(await result.finishReason, 'interrupted');
          assert.deepEqual(errors, []);
        } else {
          assert.equal(await result.finishReason, 'error');
          assert.deepEqual(
            errors.map((error) => error.message),
            ['The Langdock stream ended without a finish reason: the answer may be truncated.'],
          );
        }
        assert.equal(parts.at(-1), 'finish', `parts: ${parts.join(', ')}`);
      },
    ],

    [
      'listModels',
      all,
      async () => {
        // The chat route and the Anthropic route are asked together: each reply answers by path.
        const byPath = (request, response) =>
          json(
            request.path.startsWith('/anthropic/')
              ? {
                  data: [
                    {
                      type: 'model',
                      id: 'claude-haiku-4-5-20251001',
                      display_name: 'Claude Haiku 4.5',
                      created_at: '2025-10-01T00:00:00Z',
                    },
                  ],
                  has_more: false,
                }
              : {
                  object: 'list',
                  data: [
                    { id: 'gpt-4.1', object: 'model', created: 1764000000, owned_by: 'system' },
                  ],
                },
          )(request, response);
        const langdock = await langdockOn(byPath, byPath);
        const models = await langdock.listModels();
        assert.deepEqual(
          models.map(({ id, route, created, ownedBy, displayName }) => ({
            id,
            route,
            created: created?.toISOString(),
            ownedBy,
            displayName,
          })),
          [
            {
              id: 'gpt-4.1',
              route: 'chat',
              created: '2025-11-24T16:00:00.000Z',
              ownedBy: 'system',
              displayName: undefined,
            },
            {
              id: 'claude-haiku-4-5-20251001',
              route: 'messages',
              created: '2025-10-01T00:00:00.000Z',
              ownedBy: undefined,
              displayName: 'Claude Haiku 4.5',
            },
          ],
        );
        assert.deepEqual(server.requests.map(({ method, path }) => `${method} ${path}`).sort(), [
          'GET /anthropic/eu/v1/models',
          'GET /openai/eu/v1/models',
        ]);
      },
    ],

    // ai@7's `reasoning` call option becomes Langdock's reasoning_effort (ai@7 passes it to V2 and V3 models too).
    [
      "ai@7 reasoning: 'high' sends reasoning_effort",
      () => aiMajor >= 7,
      async () => {
        const langdock = await langdockOn(json(completion('42')));
        const result = await ai.generateText({
          model: langdock('o4-mini'),
          prompt: 'Think hard.',
          reasoning: 'high',
        });
        assert.equal(result.text, '42');
        const { body } = server.requests[0];
        assert.equal(body.model, 'o4-mini');
        assert.equal(body.reasoning_effort, 'high');
        assert.deepEqual(result.warnings ?? [], []);
      },
    ],

    // An https image is Langdock's to fetch: no download, no media type needed (`.invalid` never resolves).
    [
      'image part by URL without a media type',
      all,
      async () => {
        const url = 'https://images.invalid/cat.png';
        const parts = [{ type: 'image', image: new URL(url) }];
        // ai@7's own spelling: a file part with only the top-level media type.
        if (aiMajor >= 7) parts.push({ type: 'file', data: new URL(url), mediaType: 'image' });
        const langdock = await langdockOn(json(completion('A cat.')));
        const result = await ai.generateText({
          model: langdock('gpt-4.1'),
          messages: [
            { role: 'user', content: [{ type: 'text', text: 'What is this?' }, ...parts] },
          ],
        });
        assert.equal(result.text, 'A cat.');
        assert.deepEqual(server.requests[0].body.messages, [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              ...parts.map(() => ({ type: 'image_url', image_url: { url } })),
            ],
          },
        ]);
      },
    ],

    [
      'wrapLanguageModel: streamText through a middleware',
      () => native,
      async () => {
        const langdock = await langdockOn(
          sse([chunk({ role: 'assistant', content: 'Wrapped.' }, 'stop')]),
        );
        const version =
          aiMajor === 5
            ? { middlewareVersion: 'v2' }
            : { specificationVersion: aiMajor === 6 ? 'v3' : 'v4' };
        const middleware = {
          ...version,
          transformParams: async ({ params }) => ({ ...params, temperature: 0.25 }),
        };
        const model = ai.wrapLanguageModel({ model: langdock('gpt-4.1'), middleware });
        const result = ai.streamText({ model, prompt: 'Hi' });
        assert.equal(await result.text, 'Wrapped.');
        assert.equal(server.requests[0].body.temperature, 0.25, 'the middleware changed the call');
        assert.equal(server.requests[0].body.stream, true);
      },
    ],

    [
      'customProvider and createProviderRegistry',
      () => native,
      async () => {
        const langdock = await langdockOn(
          json(completion('fast')),
          json(embeddingList(1)),
          json(completion('direct')),
        );
        const custom = ai.customProvider({
          languageModels: { fast: langdock('gpt-4.1-mini') },
          [aiMajor >= 6 ? 'embeddingModels' : 'textEmbeddingModels']: {
            small: langdock.embeddingModel('text-embedding-3-small'),
          },
          fallbackProvider: langdock,
        });
        const registry = ai.createProviderRegistry({ langdock, custom });
        assert.equal(
          (await ai.generateText({ model: registry.languageModel('custom:fast'), prompt: 'Hi' }))
            .text,
          'fast',
        );
        const embedded = await ai.embed({
          model: embeddingModelFrom(registry, 'langdock:text-embedding-3-small'),
          value: 'x',
        });
        assert.deepEqual(embedded.embedding, [0, 0.5]);
        assert.equal(
          (
            await ai.generateText({
              model: registry.languageModel('langdock:gpt-4.1'),
              prompt: 'Hi',
            })
          ).text,
          'direct',
        );
        assert.deepEqual(
          server.requests.map(({ path, body }) => `${path.split('/').at(-1)} ${body.model}`),
          ['completions gpt-4.1-mini', 'embeddings text-embedding-3-small', 'completions gpt-4.1'],
        );
      },
    ],

    [
      '401 is an APICallError with Langdock text',
      all,
      async () => {
        const langdock = await langdockOn(
          json({ message: 'The provided API key is invalid.' }, 401),
        );
        const error = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' }).then(
          () => assert.fail('generateText resolved on a 401'),
          (caught) => caught,
        );
        assert.equal(
          ai.APICallError.isInstance(error),
          true,
          `expected APICallError, got ${error?.name}: ${error?.message}`,
        );
        assert.equal(error.statusCode, 401);
        assert.match(
          error.message,
          /Langdock API error 401: The provided API key is invalid\. Check the API key/,
        );
        assert.equal(error.isRetryable, false);
        assert.ok(
          !JSON.stringify({ message: error.message, body: error.responseBody }).includes(API_KEY),
          'the key never appears in the error',
        );
        assert.equal(server.requests.length, 1);
        facts.apiCallErrorInstanceofAi = error instanceof ai.APICallError; // false when ai ships another @ai-sdk/provider major
      },
    ],

    [
      '429 with retry-after: 0 is retried',
      all,
      async () => {
        const langdock = await langdockOn(
          json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after': '0' }),
          json(completion('after retry')),
        );
        const started = Date.now();
        const result = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
        assert.equal(result.text, 'after retry');
        assert.equal(server.requests.length, 2);
        facts.retryMs = Date.now() - started;
      },
    ],

    // README.md promises both `langdock-ai-provider/emulator` and `npx langdock-emulator`.
    [
      'published emulator (./emulator subpath and bin)',
      all,
      async () => {
        assert.notEqual(
          manifest.exports?.['./emulator'],
          undefined,
          'package.json exports no "./emulator", which README.md promises',
        );
        const bins =
          typeof manifest.bin === 'string'
            ? { [manifest.name]: manifest.bin }
            : (manifest.bin ?? {});
        assert.ok(
          'langdock-emulator' in bins,
          `package.json has no "langdock-emulator" bin, which README.md promises (bins: ${JSON.stringify(bins)})`,
        );
        const { module, resolved } = await loadEmulator();
        assert.match(
          resolved,
          loader === 'esm' ? /dist[\\/]emulator\.js$/ : /dist[\\/]emulator\.cjs$/,
        );
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
          const help = spawnSync(process.execPath, [join(packageDir, path), '--help'], {
            encoding: 'utf8',
            timeout: 10_000,
          });
          assert.equal(help.status, 0, `${name} --help exited ${help.status}: ${help.stderr}`);
          assert.match(help.stdout, /--help/);
        }
        facts.emulator = 'ok';
      },
    ],

    // In the spec's own words: V2 names the setting, V3 and V4 the unsupported feature. Compat mode passes V2's through.
    [
      'provider warnings reach result.warnings in the spec shape',
      all,
      async () => {
        const langdock = await langdockOn(json(completion('ok')));
        const result = await ai.generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', topK: 3 });
        const details = 'Langdock chat completions have no top_k.';
        const expected =
          spec === 'v2'
            ? { type: 'unsupported-setting', setting: 'topK', details }
            : { type: 'unsupported', feature: 'topK', details };
        assert.deepEqual(result.warnings, [expected]);
        facts.topKWarning = result.warnings[0];
      },
    ],

    // Issue #15 (agents.cjs): langdock.agent, agentResponse and attachments on the published emulator, in native cells.
    ...agents.map(([name, scenario]) => [name, () => native, scenario]),

    // Issue #19 (models.cjs): gpt-5-mini and a Claude id, classic and through the gateway, on the published emulator.
    ...models.map(([name, scenario]) => [name, () => native, scenario]),

    // Last: every warning `ai` logged during this cell (the logger sees each call's warnings, and ai's own).
    [
      native
        ? 'no compatibility warning in any call; logged warnings in the spec shape'
        : 'compatibility mode is reported',
      all,
      async () => {
        assert.ok(logged.length > 0, 'the logger saw the topK warnings at least');
        if (native) {
          assert.deepEqual(
            compatWarnings(),
            [],
            `a native ${spec} model on ai@${aiMajor} ran in compatibility mode`,
          );
          for (const warning of loggedWarnings())
            assertSpecWarning(warning, aiMajor === 5 ? 'v2' : aiMajor === 6 ? 'v3' : 'v4');
        } else {
          assert.ok(
            compatWarnings().length > 0,
            'ai wrapped a V2 model without a compatibility warning',
          );
        }
      },
    ],
  ];

  const results = [];
  for (const [name, applies, scenario] of scenarios) {
    if (!applies()) continue;
    const started = Date.now();
    try {
      await withTimeout(scenario(), name);
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({
        name,
        ok: false,
        ms: Date.now() - started,
        error: String(error?.stack ?? error),
      });
    } finally {
      await server?.close();
      server = undefined;
    }
  }
  facts.compatWarningsLogged = compatWarnings().length;
  facts.loggerArgument =
    logged.length === 0
      ? 'none'
      : Array.isArray(logged[0])
        ? 'Warning[]'
        : `{ ${Object.keys(logged[0]).join(', ')} }`;
  facts.scenarios = results.length;
  const passedOf = (list) =>
    `${results.filter((result) => result.ok && list.some(([name]) => name === result.name)).length} of ${list.length}`;
  if (native) {
    facts.agentScenarios = passedOf(agents);
    facts.modelScenarios = passedOf(models);
  }
  facts.loggedWarningTypes = [...new Set(loggedWarnings().map((warning) => warning.type))];
  for (const result of results)
    console.log(
      result.ok
        ? `ok ${result.name} (${result.ms} ms)`
        : `not ok ${result.name}\n${result.error.replace(/^/gm, '  ')}`,
    );
  console.log(`FACTS ${JSON.stringify(facts)}`);
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
}

module.exports = { runScenarios };
