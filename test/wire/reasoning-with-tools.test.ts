// Issue #20, reasoning with function tools against the emulator's gpt-5.2+ rows: the library sends effort 'none'
// with a warning, so the call passes; forced, the effort meets the 400 those models answer.
import { APICallError } from '@ai-sdk/provider';
import { generateText, jsonSchema, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { emulatorPerTest, failure, langdockOn, requestsTo } from './wire-emulator';

const emulators = emulatorPerTest();
const tools = {
  get_weather: tool({
    description: 'Weather for a city',
    inputSchema: jsonSchema<{ city: string }>({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    }),
  }),
};
const PROMPT = 'What is the weather in Berlin? Use get_weather.';
const sentEffort = (emulator: Parameters<typeof requestsTo>[0]) =>
  requestsTo(emulator, '/chat/completions').map(
    (request) => (request.body as { reasoning_effort?: string }).reasoning_effort,
  );

describe('an effort with function tools on the families that refuse the pair', () => {
  it.each(['gpt-5.2', 'gpt-5.4', 'gpt-5.5', 'gpt-5.6'])(
    '%s: sent as none with a warning, and the tool is called',
    async (model) => {
      const emulator = await emulators.start();
      const result = await generateText({
        model: langdockOn(emulator)(model),
        prompt: PROMPT,
        tools,
        providerOptions: { langdock: { reasoningEffort: 'high' } },
      });
      expect(result.toolCalls.map((call) => [call.toolName, call.input])).toEqual([
        ['get_weather', { city: 'Berlin' }],
      ]);
      expect(sentEffort(emulator)).toEqual(['none']);
      const warning = result.warnings?.find(
        (item) => item.type === 'other' && item.message.includes('reasoningEffort'),
      );
      expect(warning).toEqual({
        type: 'other',
        message: `providerOptions.langdock.reasoningEffort: ${model}: reasoningEffort 'high' was sent as 'none': ${model} refuses any other reasoning_effort together with function tools (Langdock answers 400). Set providerOptions.langdock.forceReasoningEffort: true to send it anyway.`,
      });
    },
  );

  it('gpt-5.6 without an effort: none is sent explicitly, which is all gpt-5.6 takes with tools', async () => {
    const emulator = await emulators.start();
    const result = await generateText({
      model: langdockOn(emulator)('gpt-5.6'),
      prompt: PROMPT,
      tools,
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(sentEffort(emulator)).toEqual(['none']);
  });

  it.each([
    {
      model: 'gpt-5.4',
      refusal:
        'Function tools with reasoning_effort are not supported for gpt-5.4 in /v1/chat/completions. Please use /v1/responses instead',
    },
    {
      model: 'gpt-5.6',
      refusal:
        "Function tools with reasoning_effort are not supported for gpt-5.6 in /v1/chat/completions. To use function tools, use /v1/responses or set reasoning_effort to 'none'",
    },
  ])(
    '$model with forceReasoningEffort: the effort is sent and refused with 400',
    async ({ model, refusal }) => {
      const emulator = await emulators.start();
      const error = await failure(
        generateText({
          model: langdockOn(emulator)(model),
          prompt: PROMPT,
          tools,
          providerOptions: { langdock: { reasoningEffort: 'high', forceReasoningEffort: true } },
        }),
      );
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect({ status: apiError.statusCode, retryable: apiError.isRetryable }).toEqual({
        status: 400,
        retryable: false,
      });
      expect(apiError.message).toContain(`Langdock API error 400: ${refusal}`);
      expect(sentEffort(emulator)).toEqual(['high']);
    },
  );

  it('gpt-5.1 keeps the effort with tools: it takes the pair', async () => {
    const emulator = await emulators.start();
    const result = await generateText({
      model: langdockOn(emulator)('gpt-5.1'),
      prompt: PROMPT,
      tools,
      providerOptions: { langdock: { reasoningEffort: 'high' } },
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(sentEffort(emulator)).toEqual(['high']);
    expect(result.warnings ?? []).toEqual([]);
  });
});
