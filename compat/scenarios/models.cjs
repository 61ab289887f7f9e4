'use strict';
// Issue #19's scenarios: a GPT id and a Claude id, each on the classic routes and through the Model Gateway, in
// every native cell, against the emulator the tarball publishes (`langdock-ai-provider/emulator`, classic and
// `gateway: true`), loaded the consumer's way. `langdock(id)` routes by id: gpt-5-mini to chat completions, the
// Claude id to Anthropic Messages (Langdock's Anthropic route, or the gateway's /v1/messages).
//
// The emulator answers deterministically: the last user text echoed in a fixed template; a tool call when the
// prompt names the tool's topic (Claude says `I will call <tool>.` first), then `Based on the tool results: ...`;
// in JSON mode an object of the schema with the values the prompt names; signed thinking when asked for. The
// expected answers below are spelled out, not read from the emulator.

const assert = require('node:assert/strict');

const MODELS = [
  { id: 'gpt-5-mini', route: 'chat' },
  { id: 'claude-sonnet-4-6-default', route: 'messages' },
];
const DESTINATIONS = ['classic', 'gateway'];
const ANTHROPIC_VERSION = '2023-06-01';
const GREETING = 'Say hello.';
const GREETING_ANSWER =
  'You said: "Say hello.". This is a deterministic reply from the Langdock emulator.';
const WEATHER_QUESTION = 'What is the weather in Berlin?';
const WEATHER_CITY = { city: 'Berlin' };
const WEATHER = { ...WEATHER_CITY, celsius: 21 };
const WEATHER_ANSWER = `Based on the tool results: weather returned ${JSON.stringify(WEATHER)}.`;

/** The path a model's calls must reach on a destination. */
function routePath(model, destination) {
  if (destination === 'gateway')
    return model.route === 'chat' ? '/v1/chat/completions' : '/v1/messages';
  return model.route === 'chat' ? '/openai/eu/v1/chat/completions' : '/anthropic/eu/v1/messages';
}

/**
 * @param {{ ai: any, z: any, createLangdock: Function, aiMajor: number, apiKey: string,
 *   loadEmulator: () => Promise<{ module: any }>, stepCount: Function, compatWarnings: () => object[],
 *   facts: Record<string, unknown> }} context
 * @returns {Array<[string, () => Promise<void>]>}
 */
function modelScenarios({
  ai,
  z,
  createLangdock,
  aiMajor,
  apiKey,
  loadEmulator,
  stepCount,
  compatWarnings,
  facts,
}) {
  /**
   * Runs `scenario` against a fresh emulator of the destination with only `apiKey` accepted; every request it got
   * must be on the model's route, carry the key, and (on Messages) anthropic-version; no call may warn.
   */
  const on = (model, destination, scenario) => async () => {
    const { module } = await loadEmulator();
    const gateway = destination === 'gateway';
    const emulator = await module.startLangdockEmulator({ apiKeys: [apiKey], gateway });
    const langdock = createLangdock(
      gateway
        ? { apiKey, gateway: true, baseURL: emulator.gatewayBaseURL }
        : { apiKey, baseURL: emulator.baseURL },
    );
    const before = compatWarnings().length;
    try {
      const warnings = await scenario({
        emulator,
        model: langdock(model.id),
        bodies: () => emulator.requests.map((request) => request.body),
      });
      assert.deepEqual(warnings, [], 'the call warned');
      assert.ok(emulator.requests.length > 0, 'the emulator got the calls');
      for (const request of emulator.requests) {
        assert.equal(`${request.method} ${request.path}`, `POST ${routePath(model, destination)}`);
        assert.equal(request.headers.authorization, `Bearer ${apiKey}`);
        assert.equal(
          request.headers['anthropic-version'],
          model.route === 'messages' ? ANTHROPIC_VERSION : undefined,
        );
        assert.equal(request.body.model, model.id);
        if (model.route === 'messages') assert.equal(typeof request.body.max_tokens, 'number');
      }
      assert.deepEqual(
        compatWarnings().slice(before),
        [],
        `a native model on ai@${aiMajor} ran in compatibility mode`,
      );
    } finally {
      await emulator.close();
    }
  };

  const weatherTool = () =>
    ai.tool({
      description: 'Current weather in a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, celsius: 21 }),
    });

  const scenariosFor = (model, destination) => {
    const name = `${model.id} ${destination}`;
    const claude = model.route === 'messages';
    return [
      [
        `${name}: streamText`,
        on(model, destination, async ({ emulator, model: languageModel, bodies }) => {
          const result = ai.streamText({ model: languageModel, prompt: GREETING });
          const deltas = [];
          for await (const delta of result.textStream) deltas.push(delta);
          assert.ok(deltas.length > 1, 'the text came in several deltas');
          assert.equal(deltas.join(''), GREETING_ANSWER);
          assert.equal(await result.finishReason, 'stop');
          const usage = await result.usage;
          // A classic chat completions stream carries no usage (Langdock refuses stream_options); the others do.
          if (model.route === 'chat' && destination === 'classic')
            assert.equal(usage.outputTokens, undefined);
          else assert.ok(usage.outputTokens > 0, `usage: ${JSON.stringify(usage)}`);
          const metadata = (await result.providerMetadata)?.langdock;
          assert.match(metadata?.requestId ?? '', /^req_emulator\d+$/);
          if (destination === 'gateway') {
            assert.equal(typeof metadata.cost, 'number');
            facts.gatewayCost ??= {};
            facts.gatewayCost[model.id] = metadata.cost;
          }
          assert.deepEqual(
            bodies(),
            claude
              ? [
                  {
                    model: model.id,
                    max_tokens: 16000,
                    messages: [{ role: 'user', content: [{ type: 'text', text: GREETING }] }],
                    stream: true,
                  },
                ]
              : [
                  {
                    model: model.id,
                    messages: [{ role: 'user', content: GREETING }],
                    stream: true,
                  },
                ],
          );
          assert.equal(emulator.requests.length, 1);
          return result.warnings;
        }),
      ],
      [
        `${name}: generateText tool loop with stopWhen`,
        on(model, destination, async ({ model: languageModel, bodies }) => {
          const result = await ai.generateText({
            model: languageModel,
            prompt: WEATHER_QUESTION,
            tools: { weather: weatherTool() },
            stopWhen: stepCount(3),
          });
          assert.equal(result.text, WEATHER_ANSWER);
          assert.deepEqual(
            result.steps.map((step) => step.finishReason),
            ['tool-calls', 'stop'],
          );
          const [call] = result.steps[0].toolCalls;
          assert.deepEqual([call.toolName, call.input], ['weather', { city: 'Berlin' }]);
          const sent = bodies();
          assert.equal(sent.length, 2);
          const toolResult = JSON.stringify(WEATHER);
          if (claude) {
            assert.deepEqual(sent[1].messages.slice(1), [
              {
                role: 'assistant',
                content: [
                  { type: 'text', text: 'I will call weather.' },
                  { type: 'tool_use', id: call.toolCallId, name: 'weather', input: WEATHER_CITY },
                ],
              },
              {
                role: 'user',
                content: [
                  { type: 'tool_result', tool_use_id: call.toolCallId, content: toolResult },
                ],
              },
            ]);
          } else {
            assert.deepEqual(sent[1].messages.slice(1), [
              {
                role: 'assistant',
                content: null,
                tool_calls: [
                  {
                    id: call.toolCallId,
                    type: 'function',
                    function: { name: 'weather', arguments: JSON.stringify(WEATHER_CITY) },
                  },
                ],
              },
              { role: 'tool', tool_call_id: call.toolCallId, content: toolResult },
            ]);
          }
          return result.steps.flatMap((step) => step.warnings ?? []);
        }),
      ],
      [
        `${name}: ${aiMajor >= 6 ? 'generateText with Output.object' : 'generateObject'}`,
        on(model, destination, async ({ model: languageModel, bodies }) => {
          const schema = z.object({ city: z.string(), celsius: z.number() });
          const prompt = 'Report the weather in Berlin.';
          let object;
          let warnings;
          if (aiMajor >= 6) {
            const result = await ai.generateText({
              model: languageModel,
              prompt,
              output: ai.Output.object({ schema }),
            });
            ({ output: object, warnings } = result);
          } else {
            ({ object, warnings } = await ai.generateObject({
              model: languageModel,
              schema,
              prompt,
            }));
          }
          assert.equal(object.city, 'Berlin');
          assert.equal(typeof object.celsius, 'number');
          const [body] = bodies();
          if (claude) {
            // Messages has no JSON mode: the schema is a tool the model must call, its input the answer.
            assert.deepEqual(
              body.tools.map((tool) => [tool.name, Object.keys(tool.input_schema.properties)]),
              [['json', ['city', 'celsius']]],
            );
            assert.deepEqual(body.tool_choice, {
              type: 'tool',
              name: 'json',
              disable_parallel_tool_use: true,
            });
          } else {
            assert.deepEqual(body.response_format, { type: 'json_object' });
            assert.equal(body.messages[0].role, 'system');
            assert.match(body.messages[0].content, /"city":\{"type":"string"\}/);
          }
          return warnings;
        }),
      ],
      [
        `${name}: a reasoning call (${aiMajor >= 7 ? "reasoning: 'high'" : claude ? 'providerOptions.langdock.thinking' : 'providerOptions.langdock.reasoningEffort'})`,
        on(model, destination, async ({ model: languageModel, bodies }) => {
          const reasoning =
            aiMajor >= 7
              ? { reasoning: 'high' }
              : {
                  providerOptions: {
                    langdock: claude
                      ? { thinking: { type: 'adaptive', effort: 'high' } }
                      : { reasoningEffort: 'high' },
                  },
                };
          const prompt = 'Is 7919 a prime number?';
          const result = await ai.generateText({ model: languageModel, prompt, ...reasoning });
          assert.equal(
            result.text,
            `You said: "${prompt}". This is a deterministic reply from the Langdock emulator.`,
          );
          const [body] = bodies();
          if (claude) {
            assert.deepEqual(
              [body.thinking, body.output_config],
              [{ type: 'adaptive' }, { effort: 'high' }],
            );
            assert.ok(result.reasoningText.length > 0, 'the thinking came back as reasoning');
            const signature = result.reasoning[0].providerMetadata?.langdock?.signature;
            assert.equal(typeof signature, 'string', 'the thinking carries its signature');
          } else {
            assert.equal(body.reasoning_effort, 'high');
            assert.equal(result.reasoningText, undefined);
          }
          return result.warnings;
        }),
      ],
    ];
  };

  return MODELS.flatMap((model) =>
    DESTINATIONS.flatMap((destination) => scenariosFor(model, destination)),
  );
}

module.exports = { modelScenarios };
