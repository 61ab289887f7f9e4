'use strict';
// Issue #15's scenarios: a Langdock agent as a model (`langdock.agent`) and as a useChat route
// (`langdock.agentResponse`), plus attachments, run in every native cell against the emulator the tarball
// publishes (`langdock-ai-provider/emulator`), loaded the consumer's way (ESM or CJS).
//
// The emulator's agents answer deterministically: `Agent <name> here. You said: "<last user text>"`, then
// `(with N attachment(s))` when a message refers to uploads, then `.`; an agent with web search first calls
// `web_search` (input `{query}`, the user's text) and cites two results as `source-url` chunks, and its text
// ends with the two result titles. The expected answers below are spelled out, not read from the emulator.

const assert = require('node:assert/strict');

const AGENTS = [
  { id: 'research', webSearch: true },
  { id: 'helper' },
  { id: 'flaky', errorAfter: 8, errorText: 'Knowledge folder unavailable' },
  { id: 'auto-agent', model: 'auto' },
];
const QUESTION = 'Berlin news';
const searchResult = (rank) => ({
  title: `Emulated result ${rank} for "${QUESTION}"`,
  url: `https://example.com/search/${rank}?q=Berlin%20news`,
  snippet: `What an emulated web page ${rank} says about ${QUESTION}.`,
});
const RESEARCH_ANSWER = `Agent research here. You said: "${QUESTION}". I searched the web and found: ${searchResult(1).title}; ${searchResult(2).title}.`;
const SYSTEM_WARNING =
  '1 system message(s) were not sent: a Langdock agent has its own instructions. Set them in the agent in Langdock, or in agent.instructions of a temporary agent.';
const TOOL_WARNING =
  'Function tools cannot run inside a Langdock agent, so it was not sent. Give the agent an action in Langdock instead, or call a chat model with this tool.';
const AGENT_HINT =
  'Check the agent id, and that the agent is shared with this API key (a workspace admin shares it in Langdock).';
const AUTO_HINT =
  'The agent\'s model is "Auto" and the workspace has no default model: choose a fixed model in the agent\'s settings in Langdock.';

/** An error text as the library writes it: Langdock's words, the hint, then the emulator's `x-request-id`. */
function assertErrorText(actual, expected) {
  const suffix = / \(request id req_emulator\d{8}\)$/;
  assert.match(actual, suffix, 'the error names the request id Langdock sent');
  assert.equal(actual.replace(suffix, ''), expected);
}

/**
 * Throws unless `body` is exactly an agent request with one user text message (its id any non-empty string),
 * plus `extra` at the top and `messageExtra` on the message.
 */
function assertAgentBody(body, agentId, text, { extra = {}, messageExtra = {} } = {}) {
  const message = body?.messages?.[0];
  assert.equal(typeof message?.id, 'string', `the message has an id: ${JSON.stringify(body)}`);
  assert.ok(message.id.length > 0, 'the message id is not empty');
  assert.deepEqual(body, {
    agentId,
    messages: [{ id: message.id, role: 'user', parts: [{ type: 'text', text }], ...messageExtra }],
    stream: true,
    ...extra,
  });
}

/** The `data:` events of a UI message stream body, parsed (`[DONE]` kept as the string). */
function sseEvents(text) {
  assert.ok(
    text.endsWith('\n\n'),
    `the stream ends with a blank line: ${JSON.stringify(text.slice(-40))}`,
  );
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((event) => {
      assert.ok(
        event.startsWith('data: '),
        `every event is one data line: ${JSON.stringify(event)}`,
      );
      const data = event.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

async function rejection(promise, what) {
  return promise.then(
    () => assert.fail(`${what} resolved`),
    (error) => error,
  );
}

/**
 * @param {{ ai: any, z: any, createLangdock: Function, spec: 'v2' | 'v3' | 'v4', aiMajor: number, apiKey: string,
 *   loadEmulator: () => Promise<{ module: any }>, assertSpecWarning: (warning: object, spec: string) => void,
 *   compatWarnings: () => object[], facts: Record<string, unknown> }} context
 * @returns {Array<[string, () => Promise<void>]>}
 */
function agentScenarios({
  ai,
  z,
  createLangdock,
  spec,
  aiMajor,
  apiKey,
  loadEmulator,
  assertSpecWarning,
  compatWarnings,
  facts,
}) {
  const warningSpec = aiMajor === 5 ? 'v2' : aiMajor === 6 ? 'v3' : 'v4';
  /** Runs `scenario` against a fresh emulator with the agents above and only `apiKey` accepted. */
  const onEmulator = (scenario) => async () => {
    const { module } = await loadEmulator();
    const emulator = await module.startLangdockEmulator({ apiKeys: [apiKey], agents: AGENTS });
    try {
      await scenario(emulator, createLangdock({ apiKey, baseURL: emulator.baseURL }));
    } finally {
      await emulator.close();
    }
  };
  const agentRequests = (emulator) =>
    emulator.requests.filter((request) => request.path === '/agent/v1/chat/completions');

  return [
    [
      "agent: langdock.agent('research') is a model of the entry's spec, sending the documented body",
      onEmulator(async (emulator, langdock) => {
        const model = langdock.agent('research');
        assert.deepEqual(
          [model.specificationVersion, model.provider, model.modelId],
          [spec, 'langdock.agent', 'research'],
        );
        const before = compatWarnings().length;
        const tools = aiMajor === 5 ? { tools: langdock.agentTools('web_search') } : {};
        const result = await ai.generateText({ model, prompt: QUESTION, ...tools });
        assert.equal(result.text, RESEARCH_ANSWER);
        assert.deepEqual(
          compatWarnings().slice(before),
          [],
          `a native ${spec} agent model on ai@${aiMajor} ran in compatibility mode`,
        );
        assert.deepEqual(
          emulator.requests.map(({ method, path, headers }) => [
            method,
            path,
            headers.authorization,
          ]),
          [['POST', '/agent/v1/chat/completions', `Bearer ${apiKey}`]],
          'one streamed request, no second step for the provider-executed search',
        );
        assertAgentBody(emulator.requests[0].body, 'research', QUESTION);
        // The agent's search: a call the provider executed, with its result, and no step of ai's own after it.
        assert.equal(result.steps.length, 1);
        assert.deepEqual(
          result.toolCalls.map(({ toolCallId, toolName, input, providerExecuted }) => ({
            toolCallId,
            toolName,
            input,
            providerExecuted,
          })),
          [
            {
              toolCallId: 'call_search_1',
              toolName: 'web_search',
              input: { query: QUESTION },
              providerExecuted: true,
            },
          ],
        );
        assert.deepEqual(
          result.toolResults.map(({ toolCallId, output }) => ({ toolCallId, output })),
          [
            {
              toolCallId: 'call_search_1',
              output: { results: [searchResult(1), searchResult(2)] },
            },
          ],
        );
        assert.deepEqual(result.warnings ?? [], []);
      }),
    ],

    [
      'agent: streamText gives the answer, the web search as a provider-executed call and result, the sources, stop, no usage',
      onEmulator(async (emulator, langdock) => {
        const tools = aiMajor === 5 ? { tools: langdock.agentTools('web_search') } : {};
        const result = ai.streamText({
          model: langdock.agent('research'),
          prompt: QUESTION,
          ...tools,
        });
        const parts = [];
        for await (const part of result.fullStream) parts.push(part);
        assert.deepEqual(
          parts.filter((part) => part.type === 'error'),
          [],
        );
        assert.equal(await result.text, RESEARCH_ANSWER);
        const dynamic = spec === 'v2' ? {} : { dynamic: true };
        const calls = parts.filter((part) => part.type === 'tool-call');
        assert.deepEqual(
          calls.map(
            ({ type, toolCallId, toolName, input, providerExecuted, dynamic: isDynamic }) => ({
              type,
              toolCallId,
              toolName,
              input,
              providerExecuted,
              ...(isDynamic && { dynamic: isDynamic }),
            }),
          ),
          [
            {
              type: 'tool-call',
              toolCallId: 'call_search_1',
              toolName: 'web_search',
              input: { query: QUESTION },
              providerExecuted: true,
              ...dynamic,
            },
          ],
        );
        const results = parts.filter((part) => part.type === 'tool-result');
        assert.deepEqual(
          results.map(({ toolCallId, toolName, output, providerExecuted, dynamic: isDynamic }) => ({
            toolCallId,
            toolName,
            output,
            providerExecuted,
            ...(isDynamic && { dynamic: isDynamic }),
          })),
          [
            {
              toolCallId: 'call_search_1',
              toolName: 'web_search',
              output: { results: [searchResult(1), searchResult(2)] },
              providerExecuted: true,
              ...dynamic,
            },
          ],
        );
        assert.deepEqual(
          (await result.sources).map(({ sourceType, id, url, title }) => ({
            sourceType,
            id,
            url,
            title,
          })),
          [1, 2].map((rank) => ({
            sourceType: 'url',
            id: `source_1_${rank}`,
            url: searchResult(rank).url,
            title: searchResult(rank).title,
          })),
        );
        // The search comes before the sources, the sources before the text.
        const order = parts
          .map((part) => part.type)
          .filter((type) => ['tool-call', 'tool-result', 'source', 'text-delta'].includes(type));
        assert.deepEqual([...new Set(order)], ['tool-call', 'tool-result', 'source', 'text-delta']);
        assert.equal(await result.finishReason, 'stop');
        const usage = await result.usage;
        assert.deepEqual(
          [usage.inputTokens, usage.outputTokens, usage.totalTokens],
          [undefined, undefined, undefined],
        );
        assert.equal(
          (await result.providerMetadata)?.langdock?.messageMetadata?.modelName,
          'GPT-4.1',
        );
        assert.equal(agentRequests(emulator).length, 1);
      }),
    ],

    // ai@5 breaks on a provider-executed call of a tool its `tools` do not name; without agentTools the root
    // entry keeps the agent's calls in provider metadata and the answer streams on.
    ...(aiMajor === 5
      ? [
          [
            'agent (ai@5): without agentTools the search is in providerMetadata.langdock.toolCalls, with no error part',
            onEmulator(async (emulator, langdock) => {
              const result = ai.streamText({ model: langdock.agent('research'), prompt: QUESTION });
              const types = [];
              for await (const part of result.fullStream) types.push(part.type);
              assert.deepEqual(
                types.filter((type) => type === 'error' || type.startsWith('tool-')),
                [],
                `parts: ${types.join(', ')}`,
              );
              assert.equal(await result.text, RESEARCH_ANSWER);
              assert.equal((await result.sources).length, 2);
              const { toolCalls } = (await result.providerMetadata).langdock;
              assert.deepEqual(toolCalls, [
                {
                  toolCallId: 'call_search_1',
                  toolName: 'web_search',
                  input: { query: QUESTION },
                  output: { results: [searchResult(1), searchResult(2)] },
                },
              ]);
              assertAgentBody(agentRequests(emulator)[0].body, 'research', QUESTION);
            }),
          ],
        ]
      : []),

    [
      `agent: structured output (${aiMajor === 5 ? 'generateObject' : 'Output.object'}) goes as the agent's output and parses`,
      onEmulator(async (emulator, langdock) => {
        const schema = z.object({ city: z.string(), population: z.number() });
        const prompt = 'Facts about Berlin';
        const object =
          aiMajor === 5
            ? (await ai.generateObject({ model: langdock.agent('helper'), schema, prompt })).object
            : (
                await ai.generateText({
                  model: langdock.agent('helper'),
                  output: ai.Output.object({ schema }),
                  prompt,
                })
              ).output;
        assert.deepEqual(Object.keys(object).sort(), ['city', 'population']);
        assert.equal(typeof object.city, 'string');
        assert.equal(typeof object.population, 'number');
        const { body } = agentRequests(emulator)[0];
        assert.deepEqual(Object.keys(body.output), ['type', 'schema']);
        assert.equal(body.output.type, 'object');
        const { $schema, ...jsonSchema } = body.output.schema; // the draft named differs between zod 3 and 4
        assert.equal(typeof $schema, 'string');
        assert.deepEqual(jsonSchema, {
          type: 'object',
          properties: { city: { type: 'string' }, population: { type: 'number' } },
          required: ['city', 'population'],
          additionalProperties: false,
        });
        assertAgentBody(body, 'helper', prompt, { extra: { output: body.output } });
      }),
    ],

    [
      'agent: a system message and a function tool are not sent, each with a warning in the spec shape',
      onEmulator(async (emulator, langdock) => {
        let executed = 0;
        const weather = ai.tool({
          description: 'Current weather in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async () => (executed++, { celsius: 21 }),
        });
        const result = await ai.generateText({
          model: langdock.agent('helper'),
          system: 'Be brief.',
          prompt: 'Hi',
          tools: { weather },
        });
        assert.equal(result.text, 'Agent helper here. You said: "Hi".');
        assert.equal(executed, 0);
        assertAgentBody(agentRequests(emulator)[0].body, 'helper', 'Hi');
        for (const warning of result.warnings) assertSpecWarning(warning, warningSpec);
        if (spec === 'v2') {
          assert.deepEqual(
            result.warnings.map((warning) =>
              warning.type === 'unsupported-tool'
                ? { ...warning, tool: { type: warning.tool.type, name: warning.tool.name } }
                : warning,
            ),
            [
              {
                type: 'unsupported-tool',
                tool: { type: 'function', name: 'weather' },
                details: TOOL_WARNING,
              },
              { type: 'other', message: SYSTEM_WARNING },
            ],
          );
        } else {
          assert.deepEqual(result.warnings, [
            { type: 'unsupported', feature: 'tool weather', details: TOOL_WARNING },
            { type: 'other', message: SYSTEM_WARNING },
          ]);
        }
        facts.agentWarnings = result.warnings.map((warning) => warning.type);
      }),
    ],

    [
      "agent: the flaky agent's error chunk is an error part in streamText and an APICallError from generateText",
      onEmulator(async (emulator, langdock) => {
        const errors = [];
        const streamed = ai.streamText({
          model: langdock.agent('flaky'),
          prompt: 'Hi there',
          onError: ({ error }) => void errors.push(error),
        });
        const parts = [];
        for await (const part of streamed.fullStream) parts.push(part);
        const errorParts = parts.filter((part) => part.type === 'error');
        assert.equal(errorParts.length, 1, `parts: ${parts.map((part) => part.type).join(', ')}`);
        assert.equal(
          errorParts[0].error.message,
          'The Langdock agent reported an error: Knowledge folder unavailable',
        );
        assert.equal(ai.APICallError.isInstance(errorParts[0].error), true);
        assert.deepEqual(errors, [errorParts[0].error]);
        // Eight chunks got through before the error: two words of the answer.
        assert.equal(await streamed.text, 'Agent flaky ');
        assert.equal(await streamed.finishReason, 'error');

        const error = await rejection(
          ai.generateText({ model: langdock.agent('flaky'), prompt: 'Hi there' }),
          'generateText on the flaky agent',
        );
        assert.equal(
          ai.APICallError.isInstance(error),
          true,
          `expected APICallError, got ${error?.name}: ${error?.message}`,
        );
        assert.equal(
          error.message,
          'The Langdock agent reported an error: Knowledge folder unavailable',
        );
        assert.equal(error.isRetryable, false);
        assert.equal(agentRequests(emulator).length, 2, 'generateText did not retry');
      }),
    ],

    [
      'agent: an unknown agent and an agent on "Auto" fail with the 400 and its hint',
      onEmulator(async (emulator, langdock) => {
        const unknown = await rejection(
          ai.generateText({ model: langdock.agent('nobody'), prompt: 'Hi' }),
          'generateText on an unknown agent',
        );
        assert.equal(
          ai.APICallError.isInstance(unknown),
          true,
          `expected APICallError, got ${unknown?.name}: ${unknown?.message}`,
        );
        assert.equal(unknown.statusCode, 400);
        assertErrorText(unknown.message, `Langdock API error 400: Agent not found. ${AGENT_HINT}`);
        const auto = await rejection(
          ai.generateText({ model: langdock.agent('auto-agent'), prompt: 'Hi' }),
          'generateText on an "Auto" agent',
        );
        assert.equal(auto.statusCode, 400);
        assertErrorText(
          auto.message,
          `Langdock API error 400: INVALID REQUEST: No valid model in the request, and no default model set for this workspace. ${AUTO_HINT}`,
        );
        assert.equal(agentRequests(emulator).length, 2, 'a 400 is not retried');
      }),
    ],

    [
      'agentResponse: the UI message stream for useChat, provider-executed tool chunks, [DONE]; a wrong key as one error chunk',
      onEmulator(async (emulator, langdock) => {
        const messages = [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: QUESTION }] }];
        const response = langdock.agentResponse({ agentId: 'research', messages });
        assert.ok(response instanceof Response);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('x-vercel-ai-ui-message-stream'), 'v1');
        assert.equal(response.headers.get('content-type'), 'text/event-stream');
        const text = await response.text();
        assert.ok(text.endsWith('data: [DONE]\n\n'));
        const chunks = sseEvents(text);
        assert.deepEqual(
          chunks.filter((chunk) => chunk === '[DONE]' || chunk.type === 'error'),
          ['[DONE]'],
        );
        const toolChunks = chunks.filter(
          (chunk) => typeof chunk === 'object' && chunk.type.startsWith('tool-'),
        );
        assert.deepEqual(
          toolChunks.map((chunk) => chunk.type),
          [
            'tool-input-start',
            'tool-input-delta',
            'tool-input-delta',
            'tool-input-available',
            'tool-output-available',
          ],
        );
        // Deltas carry no such flag in the protocol; every other tool chunk is marked.
        assert.deepEqual(
          toolChunks
            .filter((chunk) => chunk.type !== 'tool-input-delta')
            .map((chunk) => chunk.providerExecuted),
          [true, true, true],
        );
        const answer = chunks
          .filter((chunk) => chunk.type === 'text-delta')
          .map((chunk) => chunk.delta)
          .join('');
        assert.equal(answer, RESEARCH_ANSWER);
        assert.deepEqual(chunks.at(-2), { type: 'finish' });
        assertAgentBody(agentRequests(emulator)[0].body, 'research', QUESTION);
        assert.equal(
          agentRequests(emulator)[0].body.messages[0].id,
          'u1',
          "useChat's message id passes through",
        );

        const wrongKey = 'ld-wrong-key-9876543210';
        const refused = createLangdock({
          apiKey: wrongKey,
          baseURL: emulator.baseURL,
        }).agentResponse({ agentId: 'research', messages });
        assert.equal(refused.status, 200);
        const refusedText = await refused.text();
        const events = sseEvents(refusedText);
        assert.deepEqual(
          events.map((event) => (typeof event === 'string' ? event : Object.keys(event))),
          [['type', 'errorText'], '[DONE]'],
        );
        assert.equal(events[0].type, 'error');
        assertErrorText(
          events[0].errorText,
          'Langdock API error 401: The provided API key is invalid. Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
        );
        assert.ok(!refusedText.includes(wrongKey), 'the key never appears in the stream');
        assert.equal(
          emulator.requests.at(-1).headers.authorization,
          `Bearer ${wrongKey}`,
          'the refused request did reach the emulator',
        );
      }),
    ],

    [
      'attachments: upload, metadata.attachments on the message, delete, a second delete is a 404',
      onEmulator(async (emulator, langdock) => {
        const bytes = new TextEncoder().encode('Quarterly numbers: up.');
        const id = await langdock.uploadAttachment(bytes, {
          filename: 'notes.txt',
          mediaType: 'text/plain',
        });
        assert.deepEqual(emulator.attachments, [
          {
            attachmentId: id,
            name: 'notes.txt',
            mimeType: 'text/plain',
            sizeInBytes: bytes.length,
          },
        ]);
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        const result = await ai.generateText({
          model: langdock.agent('helper'),
          messages: [
            {
              role: 'user',
              content: 'Summarize',
              providerOptions: { langdock: { attachments: [id] } },
            },
          ],
        });
        assert.equal(
          result.text,
          'Agent helper here. You said: "Summarize" (with 1 attachment(s)).',
        );
        const { body } = agentRequests(emulator)[0];
        assertAgentBody(body, 'helper', 'Summarize', {
          messageExtra: { metadata: { attachments: [id] } },
        });

        assert.equal(await langdock.deleteAttachment(id), undefined);
        assert.deepEqual(emulator.attachments, []);
        const again = await rejection(langdock.deleteAttachment(id), 'a second delete');
        assert.equal(
          ai.APICallError.isInstance(again),
          true,
          `expected APICallError, got ${again?.name}: ${again?.message}`,
        );
        assert.equal(again.statusCode, 404);
        assert.match(again.message, /^Langdock API error 404: Attachment not found\./);
        assert.deepEqual(
          emulator.requests.map(({ method, path }) => `${method} ${path}`),
          [
            'POST /attachment/v1/upload',
            'POST /agent/v1/chat/completions',
            'DELETE /attachment/v1/delete',
            'DELETE /attachment/v1/delete',
          ],
        );
      }),
    ],
  ];
}

module.exports = { agentScenarios };
