import {
  InvalidArgumentError,
  UnsupportedFunctionalityError,
  type LanguageModelV2CallOptions,
} from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createLangdock } from '../../src/v2/index';

// Bad input never reaches Langdock: it fails before any request with an error that names the setting.

const API_KEY = 'ld-bad-input-key-1234567';
const prompt: LanguageModelV2CallOptions['prompt'] = [
  { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
];
const okBody = JSON.stringify({
  id: 'x',
  choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }],
});

function modelWithRecordingFetch(modelId = 'gpt-4.1') {
  const bodies: unknown[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    return new Response(okBody, { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return {
    model: createLangdock({ apiKey: API_KEY, baseURL: 'https://langdock.test/v1', fetch })(modelId),
    fetch,
    bodies,
  };
}

const tool = (name: string) => ({
  type: 'function' as const,
  name,
  inputSchema: { type: 'object' as const, properties: {} },
});

describe('bad settings fail before any request', () => {
  it.each<[string, Partial<LanguageModelV2CallOptions>, new (...args: never[]) => Error, string]>([
    [
      'five stop sequences',
      { stopSequences: ['1', '2', '3', '4', '5'] },
      InvalidArgumentError,
      'at most 4 stop sequences',
    ],
    [
      '129 tools',
      { tools: Array.from({ length: 129 }, (_, i) => tool(`t${i}`)) },
      InvalidArgumentError,
      'at most 128 tools',
    ],
    [
      'temperature 3',
      { temperature: 3 },
      InvalidArgumentError,
      'temperature must be a number from 0 to 2',
    ],
    [
      'temperature as a string',
      { temperature: '0.5' as unknown as number },
      InvalidArgumentError,
      'temperature must be a number',
    ],
    ['topP -0.1', { topP: -0.1 }, InvalidArgumentError, 'topP must be a number from 0 to 1'],
    [
      'presencePenalty Infinity',
      { presencePenalty: Infinity },
      InvalidArgumentError,
      'presencePenalty must be a number from -2 to 2',
    ],
    [
      'maxOutputTokens -5',
      { maxOutputTokens: -5 },
      InvalidArgumentError,
      'maxOutputTokens must be at least 1',
    ],
    ['seed 1.5', { seed: 1.5 }, InvalidArgumentError, 'seed must be an integer'],
    [
      'toolChoice naming a missing tool',
      { tools: [tool('a')], toolChoice: { type: 'tool', toolName: 'b' } },
      InvalidArgumentError,
      'toolChoice names the tool "b"',
    ],
    [
      'a PDF file',
      {
        prompt: [
          {
            role: 'user',
            content: [{ type: 'file', mediaType: 'application/pdf', data: 'JVBERi0=' }],
          },
        ],
      },
      UnsupportedFunctionalityError,
      'take images only; got a file of type application/pdf',
    ],
    [
      'an audio file',
      {
        prompt: [
          { role: 'user', content: [{ type: 'file', mediaType: 'audio/mpeg', data: 'AAAA' }] },
        ],
      },
      UnsupportedFunctionalityError,
      'got a file of type audio/mpeg',
    ],
  ])('%s', async (_name, options, errorClass, message) => {
    const { model, fetch } = modelWithRecordingFetch();
    const failure = await Promise.resolve(model.doGenerate({ prompt, ...options })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(errorClass);
    expect((failure as Error).message).toContain(message);
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'unknown option',
      { reasoningEfort: 'low' },
      `providerOptions.langdock: Unrecognized key: "reasoningEfort"`,
    ],
    [
      'reasoningEffort out of the enum',
      { reasoningEffort: 'max' },
      'providerOptions.langdock.reasoningEffort',
    ],
    [
      'logprobs 21',
      { logprobs: 21 },
      'providerOptions.langdock.logprobs: Too big: expected number to be <=20',
    ],
    ['logprobs 0', { logprobs: 0 }, 'providerOptions.langdock.logprobs'],
    [
      'logitBias out of range',
      { logitBias: { '42': 101 } },
      'providerOptions.langdock.logitBias.42',
    ],
    ['logitBias with a word as key', { logitBias: { hello: 5 } }, 'logitBias keys are token ids'],
    [
      'maxCompletionTokens 0',
      { maxCompletionTokens: 0 },
      'providerOptions.langdock.maxCompletionTokens',
    ],
    ['user as a number', { user: 7 }, 'providerOptions.langdock.user'],
    [
      'systemMessageMode unknown',
      { systemMessageMode: 'assistant' },
      'providerOptions.langdock.systemMessageMode',
    ],
    [
      'structuredOutputs as a string',
      { structuredOutputs: 'yes' },
      'providerOptions.langdock.structuredOutputs',
    ],
  ])('provider option: %s', async (_name, langdock, message) => {
    const { model, fetch } = modelWithRecordingFetch();
    const call = Promise.resolve(
      model.doGenerate({
        prompt,
        providerOptions: { langdock } as LanguageModelV2CallOptions['providerOptions'],
      }),
    );
    await expect(call).rejects.toThrow(InvalidArgumentError);
    await expect(
      Promise.resolve(
        model.doGenerate({
          prompt,
          providerOptions: { langdock } as LanguageModelV2CallOptions['providerOptions'],
        }),
      ),
    ).rejects.toThrow(message);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('provider options fuzz', () => {
  const knownWireKeys = new Set([
    'model',
    'messages',
    'reasoning_effort',
    'user',
    'logit_bias',
    'logprobs',
    'top_logprobs',
    'max_completion_tokens',
    'response_format',
  ]);
  const optionValue = fc.oneof(
    fc.constantFrom(
      'none',
      'minimal',
      'low',
      'medium',
      'high',
      'xhigh',
      'system',
      'developer',
      'auto',
    ),
    fc.string(),
    fc.integer({ min: -200, max: 200 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.dictionary(
      fc.oneof(fc.constantFrom('1', '50256'), fc.string()),
      fc.oneof(fc.integer({ min: -150, max: 150 }), fc.string()),
    ),
  );
  const optionName = fc.constantFrom(
    'reasoningEffort',
    'user',
    'logitBias',
    'logprobs',
    'maxCompletionTokens',
    'structuredOutputs',
    'strictJsonSchema',
    'systemMessageMode',
    'parallelToolCalls',
    'serviceTier',
    'n',
    'streamOptions',
    'unknownOption',
    '__proto__',
    'constructor',
  );

  it('either sends only valid wire fields or fails with an InvalidArgumentError naming providerOptions.langdock', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(optionName, optionValue, { maxKeys: 5 }),
        fc.constantFrom('gpt-4.1', 'o4-mini'),
        async (langdock, modelId) => {
          const { model, fetch, bodies } = modelWithRecordingFetch(modelId);
          const outcome = await Promise.resolve(
            model.doGenerate({
              prompt,
              providerOptions: { langdock } as LanguageModelV2CallOptions['providerOptions'],
            }),
          ).then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          );
          if ('error' in outcome) {
            expect(outcome.error).toBeInstanceOf(InvalidArgumentError);
            expect((outcome.error as Error).message).toContain('providerOptions.langdock');
            expect(fetch).not.toHaveBeenCalled();
            return;
          }
          const body = bodies[0] as Record<string, unknown>;
          for (const key of Object.keys(body)) expect(knownWireKeys).toContain(key);
          expect(body).not.toHaveProperty('n');
          expect(body).not.toHaveProperty('service_tier');
          expect(body).not.toHaveProperty('parallel_tool_calls');
          expect(body).not.toHaveProperty('stream_options');
          if (modelId === 'o4-mini') {
            expect(body).not.toHaveProperty('logprobs');
            expect(body).not.toHaveProperty('logit_bias');
          } else {
            expect(body).not.toHaveProperty('reasoning_effort');
          }
          if (body.top_logprobs !== undefined)
            expect(body.top_logprobs).toSatisfy(
              (n: number) => Number.isInteger(n) && n >= 1 && n <= 20,
            );
          expect(JSON.stringify(outcome.result.warnings)).not.toContain(API_KEY);
        },
      ),
      { seed: 20261125, numRuns: 1500 },
    );
  });
});
