import { InvalidArgumentError } from '@ai-sdk/provider';
import type { LangdockChatCall } from '../../../src/core/langdock-call';
import { describe, expect, it } from 'vitest';
import { buildLangdockChatRequest } from '../../../src/core/chat/build-langdock-chat-request';
import type { LangdockChatOptions } from '../../../src/core/chat/langdock-chat-options';
import { getLangdockModelCapabilities } from '../../../src/core/chat/langdock-chat-model-capabilities';

const prompt: LangdockChatCall['prompt'] = [
  { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
];

function build(
  options: Partial<LangdockChatCall> = {},
  langdockOptions?: LangdockChatOptions,
  modelId = 'gpt-4.1',
) {
  return buildLangdockChatRequest({
    modelId,
    capabilities: getLangdockModelCapabilities(modelId),
    options: { prompt, ...options },
    langdockOptions,
  });
}

describe('buildLangdockChatRequest', () => {
  it('sends only model and messages by default', () => {
    expect(build()).toEqual({
      body: { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] },
      warnings: [],
    });
  });

  it.each<[string, Partial<LangdockChatCall>, object]>([
    ['maxOutputTokens', { maxOutputTokens: 100 }, { max_tokens: 100 }],
    ['temperature', { temperature: 0.3 }, { temperature: 0.3 }],
    ['topP', { topP: 0.9 }, { top_p: 0.9 }],
    ['frequencyPenalty', { frequencyPenalty: 0.5 }, { frequency_penalty: 0.5 }],
    ['presencePenalty', { presencePenalty: -0.5 }, { presence_penalty: -0.5 }],
    ['stopSequences', { stopSequences: ['a', 'b', 'c', 'd'] }, { stop: ['a', 'b', 'c', 'd'] }],
    ['seed', { seed: 42 }, { seed: 42 }],
    ['responseFormat text', { responseFormat: { type: 'text' } }, {}],
  ])('sends %s', (_name, options, expected) => {
    const { body, warnings } = build(options);
    expect(body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
      ...expected,
    });
    expect(warnings).toEqual([]);
  });

  it.each<[string, LangdockChatOptions, object]>([
    ['reasoningEffort', { reasoningEffort: 'minimal' }, { reasoning_effort: 'minimal' }],
    ['user', { user: 'user-123' }, { user: 'user-123' }],
    ['maxCompletionTokens', { maxCompletionTokens: 300 }, { max_completion_tokens: 300 }],
  ])(
    'sends providerOptions.langdock.%s on a reasoning model',
    (_name, langdockOptions, expected) => {
      const { body, warnings } = build({}, langdockOptions, 'gpt-5-mini');
      expect(body).toEqual({
        model: 'gpt-5-mini',
        messages: [{ role: 'user', content: 'Hi' }],
        ...expected,
      });
      expect(warnings).toEqual([]);
    },
  );

  it.each<[string, LangdockChatOptions, object]>([
    ['logitBias', { logitBias: { '50256': -100 } }, { logit_bias: { '50256': -100 } }],
    ['logprobs true', { logprobs: true }, { logprobs: true }],
    ['logprobs as a count', { logprobs: 5 }, { logprobs: true, top_logprobs: 5 }],
    ['logprobs false', { logprobs: false }, {}],
    ['maxCompletionTokens', { maxCompletionTokens: 300 }, { max_completion_tokens: 300 }],
    ['user', { user: 'u' }, { user: 'u' }],
  ])('sends providerOptions.langdock.%s on a chat model', (_name, langdockOptions, expected) => {
    const { body, warnings } = build({}, langdockOptions);
    expect(body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
      ...expected,
    });
    expect(warnings).toEqual([]);
  });

  it('sends system messages with the role systemMessageMode names', () => {
    const { body } = build(
      { prompt: [{ role: 'system', content: 'S' }, ...prompt] },
      { systemMessageMode: 'developer' },
    );
    expect(body.messages[0]).toEqual({ role: 'developer', content: 'S' });
  });

  it('sends tools and toolChoice', () => {
    const { body } = build({
      tools: [{ type: 'function', name: 't', inputSchema: { type: 'object', properties: {} } }],
      toolChoice: { type: 'required' },
    });
    expect(body.tools).toEqual([
      { type: 'function', function: { name: 't', parameters: { type: 'object', properties: {} } } },
    ]);
    expect(body.tool_choice).toBe('required');
  });

  it.each(['n', 'serviceTier', 'parallelToolCalls', 'streamOptions'] as const)(
    'warns about %s and never sends it',
    (option) => {
      const { body, warnings } = build({}, { [option]: option === 'n' ? 2 : true });
      expect(body).toEqual({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] });
      expect(JSON.stringify(body)).not.toMatch(
        /"n"|service_tier|parallel_tool_calls|stream_options/,
      );
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: `providerOptions.langdock.${option}`,
          details: expect.stringMatching(/^Langdock refuses requests with \w+; it was not sent\.$/),
        },
      ]);
    },
  );

  it('warns about topK and does not send it', () => {
    const { body, warnings } = build({ topK: 5 });
    expect(body).not.toHaveProperty('top_k');
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'topK',
        details: 'Langdock chat completions have no top_k.',
      },
    ]);
  });

  describe('reasoning models', () => {
    it('send maxOutputTokens as max_completion_tokens, never max_tokens', () => {
      const { body } = build({ maxOutputTokens: 500 }, {}, 'o4-mini');
      expect(body).toEqual({
        model: 'o4-mini',
        messages: [{ role: 'user', content: 'Hi' }],
        max_completion_tokens: 500,
      });
    });

    it('drop sampling settings with a warning each', () => {
      const { body, warnings } = build(
        { temperature: 0.2, topP: 0.5, frequencyPenalty: 1, presencePenalty: 1 },
        {},
        'gpt-5',
      );
      expect(body).toEqual({ model: 'gpt-5', messages: [{ role: 'user', content: 'Hi' }] });
      expect(
        warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting),
      ).toEqual(['temperature', 'topP', 'frequencyPenalty', 'presencePenalty']);
    });

    it('drop logprobs and logitBias with warnings', () => {
      const { body, warnings } = build({}, { logprobs: 3, logitBias: { '1': 5 } }, 'o3');
      expect(body).toEqual({ model: 'o3', messages: [{ role: 'user', content: 'Hi' }] });
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.logprobs',
          details: 'o3 is a reasoning model, which accepts no logprobs; it was not sent.',
        },
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.logitBias',
          details: 'o3 is a reasoning model, which accepts no logitBias; it was not sent.',
        },
      ]);
    });

    it.each([
      ['gpt-5.1', { reasoningEffort: 'none' as const }, true],
      ['gpt-5.1', {}, true],
      ['gpt-5.2-2025-12-11', { reasoningEffort: 'none' as const }, true],
      ['gpt-5.1', { reasoningEffort: 'low' as const }, false],
      ['gpt-5', { reasoningEffort: 'minimal' as const }, false],
    ])('%s with %j keeps sampling settings: %s', (modelId, langdockOptions, kept) => {
      const request = build(
        { temperature: 0.4, topP: 0.9 },
        { ...langdockOptions, logprobs: true },
        modelId,
      );
      if (kept) {
        expect(request.body).toMatchObject({ temperature: 0.4, top_p: 0.9, logprobs: true });
        expect(request.warnings).toEqual([]);
      } else {
        expect(request.body).not.toHaveProperty('temperature');
        expect(request.body).not.toHaveProperty('logprobs');
        expect(
          request.warnings.map((warning) =>
            warning.type === 'unsupported-setting' ? warning.setting : warning.type,
          ),
        ).toEqual(['temperature', 'topP', 'providerOptions.langdock.logprobs']);
      }
    });

    it('sends an explicit reasoningEffort the model is known to refuse as the closest it takes, with a warning', () => {
      const { body, warnings } = build({}, { reasoningEffort: 'xhigh' }, 'gpt-5-mini');
      expect(body.reasoning_effort).toBe('high');
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.reasoningEffort',
          details:
            "gpt-5-mini: reasoningEffort 'xhigh' was sent as 'high', the closest of the values gpt-5-mini accepts (minimal, low, medium, high).",
        },
      ]);
    });

    it('sends an explicit reasoningEffort as given to a reasoning model of unknown family', () => {
      const request = buildLangdockChatRequest({
        modelId: 'my-deployment',
        capabilities: getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }),
        options: { prompt },
        langdockOptions: { reasoningEffort: 'xhigh' },
      });
      expect(request.body.reasoning_effort).toBe('xhigh');
      expect(request.warnings).toEqual([]);
    });

    it('sends max_tokens, no reasoning_effort and no temperature to DeepSeek-R1, and keeps its logprobs', () => {
      const { body, warnings } = build(
        { maxOutputTokens: 100, temperature: 0.3 },
        { reasoningEffort: 'high', logprobs: true },
        'DeepSeek-R1',
      );
      expect(body).toEqual({
        model: 'DeepSeek-R1',
        messages: [{ role: 'user', content: 'Hi' }],
        max_tokens: 100,
        logprobs: true,
      });
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.reasoningEffort',
          details:
            "DeepSeek-R1: reasoningEffort 'high' was not sent: DeepSeek-R1 takes no reasoning_effort.",
        },
        {
          type: 'unsupported-setting',
          setting: 'temperature',
          details:
            'DeepSeek-R1 is a reasoning model, which accepts no temperature; it was not sent.',
        },
      ]);
    });

    it('keeps only the sampling settings gpt-5.1 documents at effort none', () => {
      const { body, warnings } = build(
        { temperature: 0.3, presencePenalty: 0.5 },
        { logitBias: { '50256': -100 } },
        'gpt-5.1',
      );
      expect(body).toMatchObject({ temperature: 0.3 });
      expect(body).not.toHaveProperty('presence_penalty');
      expect(body).not.toHaveProperty('logit_bias');
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'presencePenalty',
          details:
            'gpt-5.1 is a reasoning model, which accepts no presencePenalty; it was not sent.',
        },
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.logitBias',
          details: 'gpt-5.1 is a reasoning model, which accepts no logitBias; it was not sent.',
        },
      ]);
    });

    it('follow the model setting that overrides detection', () => {
      const request = buildLangdockChatRequest({
        modelId: 'my-deployment',
        capabilities: getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }),
        options: { prompt, maxOutputTokens: 10 },
        langdockOptions: { reasoningEffort: 'low' },
      });
      expect(request.body).toMatchObject({ max_completion_tokens: 10, reasoning_effort: 'low' });
      expect(request.body).not.toHaveProperty('max_tokens');
    });

    it('keep everything on a *-chat variant', () => {
      const { body, warnings } = build({ temperature: 0.2, maxOutputTokens: 5 }, {}, 'gpt-5-chat');
      expect(body).toMatchObject({ temperature: 0.2, max_tokens: 5 });
      expect(warnings).toEqual([]);
    });
  });

  describe('reasoning with function tools (#20)', () => {
    const functionTool = {
      type: 'function' as const,
      name: 'weather',
      inputSchema: { type: 'object', properties: {} },
    };
    const withTools = (
      modelId: string,
      options: Partial<LangdockChatCall> = {},
      langdockOptions: LangdockChatOptions = {},
    ) => build({ tools: [functionTool], ...options }, langdockOptions, modelId);

    it.each(['gpt-5.2', 'gpt-5.3', 'gpt-5.4-mini', 'azure/gpt-5.5', 'gpt-5.6-terra'])(
      'sends %s an explicit effort as none, with a warning that says why and how to force it',
      (modelId) => {
        const { body, warnings } = withTools(modelId, {}, { reasoningEffort: 'high' });
        expect(body.reasoning_effort).toBe('none');
        expect(warnings).toEqual([
          {
            type: 'unsupported-setting',
            setting: 'providerOptions.langdock.reasoningEffort',
            details: `${modelId}: reasoningEffort 'high' was sent as 'none': ${modelId} refuses any other reasoning_effort together with function tools (Langdock answers 400). Set providerOptions.langdock.forceReasoningEffort: true to send it anyway.`,
          },
        ]);
      },
    );

    it("sends the spec's reasoning as none too, with a reasoning warning", () => {
      const { body, warnings } = withTools('gpt-5.4', { reasoning: 'max' });
      expect(body.reasoning_effort).toBe('none');
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'reasoning',
          details:
            "gpt-5.4: reasoning 'max' was sent as 'none': gpt-5.4 refuses any other reasoning_effort together with function tools (Langdock answers 400). Set providerOptions.langdock.forceReasoningEffort: true to send it anyway.",
        },
      ]);
    });

    it.each<[string, Partial<LangdockChatCall>, LangdockChatOptions]>([
      ['nothing asked', {}, {}],
      ['provider-default', { reasoning: 'provider-default' }, {}],
      ['none asked', {}, { reasoningEffort: 'none' }],
    ])(
      'sends none without a warning when %s (the family default is refused with tools too)',
      (_name, options, langdockOptions) => {
        const { body, warnings } = withTools('gpt-5.6', options, langdockOptions);
        expect(body.reasoning_effort).toBe('none');
        expect(warnings).toEqual([]);
      },
    );

    it('keeps the sampling settings gpt-5.2 and later take at effort none', () => {
      const { body, warnings } = withTools('gpt-5.5', { temperature: 0.3 });
      expect(body).toMatchObject({ reasoning_effort: 'none', temperature: 0.3 });
      expect(warnings).toEqual([]);
    });

    it('sends the effort as chosen with forceReasoningEffort, without a warning', () => {
      const { body, warnings } = withTools(
        'gpt-5.4',
        {},
        { reasoningEffort: 'xhigh', forceReasoningEffort: true },
      );
      expect(body.reasoning_effort).toBe('xhigh');
      expect(warnings).toEqual([]);
    });

    it('leaves the effort out with forceReasoningEffort and nothing asked', () => {
      const { body } = withTools('gpt-5.4', {}, { forceReasoningEffort: true });
      expect(body).not.toHaveProperty('reasoning_effort');
    });

    it.each<[string, Partial<LangdockChatCall>]>([
      ['gpt-5.1', { tools: [functionTool] }],
      ['gpt-5', { tools: [functionTool] }],
      ['o3', { tools: [functionTool] }],
      ['gpt-5.4', {}],
      ['gpt-5.4', { tools: [{ type: 'provider', name: 'web_search', id: 'openai.web_search' }] }],
    ])(
      'keeps the effort on %s with %j (no refusal seen, or no function tool sent)',
      (modelId, options) => {
        const { body } = build(options, { reasoningEffort: 'high' }, modelId);
        expect(body.reasoning_effort).toBe('high');
      },
    );
  });

  it('does not send reasoningEffort to a model that is not a reasoning model, and says how to override', () => {
    const { body, warnings } = build({}, { reasoningEffort: 'high' });
    expect(body).not.toHaveProperty('reasoning_effort');
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'providerOptions.langdock.reasoningEffort',
        details:
          "gpt-4.1 is not a reasoning model; reasoning_effort 'high' was not sent. If it is one, create it with langdock(modelId, { reasoningModel: true }).",
      },
    ]);
  });

  it('lets maxCompletionTokens win over maxOutputTokens, with a warning', () => {
    const { body, warnings } = build({ maxOutputTokens: 10 }, { maxCompletionTokens: 20 });
    expect(body).toMatchObject({ max_completion_tokens: 20 });
    expect(body).not.toHaveProperty('max_tokens');
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'maxOutputTokens',
        details: expect.stringContaining('takes precedence'),
      },
    ]);
  });

  describe('JSON mode', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' } } };

    it('sends json_object and tells the model the schema', () => {
      const { body } = build({ responseFormat: { type: 'json', schema } });
      expect(body.response_format).toEqual({ type: 'json_object' });
      expect(body.messages[0]).toEqual({
        role: 'system',
        content: expect.stringContaining(JSON.stringify(schema)),
      });
    });

    it('sends a strict json_schema with structuredOutputs and keeps the JSON instruction (#20)', () => {
      const { body, warnings } = build(
        { responseFormat: { type: 'json', schema, name: 'thing' } },
        { structuredOutputs: true },
      );
      expect(body.response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'thing', schema, strict: true },
      });
      expect(body.messages).toEqual([
        { role: 'system', content: expect.stringContaining('Answer with a single JSON object') },
        { role: 'user', content: 'Hi' },
      ]);
      expect(body.messages[0]!.content).toContain(JSON.stringify(schema));
      expect(warnings).toEqual([]);
    });

    it('sends strict: false when strictJsonSchema is false', () => {
      const { body } = build(
        { responseFormat: { type: 'json', schema } },
        { structuredOutputs: true, strictJsonSchema: false },
      );
      expect(body.response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'response', schema, strict: false },
      });
    });

    it('warns that structuredOutputs does nothing outside JSON mode', () => {
      const { body, warnings } = build({}, { structuredOutputs: true });
      expect(body).not.toHaveProperty('response_format');
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.structuredOutputs',
          details:
            'structuredOutputs applies only in JSON mode with a schema (generateObject, streamObject); json_schema was not sent.',
        },
      ]);
    });

    it('warns that strictJsonSchema does nothing without json_schema', () => {
      const { warnings } = build(
        { responseFormat: { type: 'json', schema } },
        { strictJsonSchema: true },
      );
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.strictJsonSchema',
          details:
            'strictJsonSchema applies only with structuredOutputs: true and a JSON schema; it was not sent.',
        },
      ]);
    });
  });

  describe('refuses bad settings before any request', () => {
    it.each<[string, Partial<LangdockChatCall>, string]>([
      [
        'five stop sequences',
        { stopSequences: ['a', 'b', 'c', 'd', 'e'] },
        'Langdock accepts at most 4 stop sequences; got 5',
      ],
      [
        'temperature above 2',
        { temperature: 2.5 },
        'temperature must be a number from 0 to 2 on Langdock; got 2.5',
      ],
      ['negative temperature', { temperature: -1 }, 'temperature must be a number from 0 to 2'],
      ['topP above 1', { topP: 1.5 }, 'topP must be a number from 0 to 1'],
      [
        'frequencyPenalty below -2',
        { frequencyPenalty: -3 },
        'frequencyPenalty must be a number from -2 to 2',
      ],
      [
        'presencePenalty NaN',
        { presencePenalty: Number.NaN },
        'presencePenalty must be a number from -2 to 2',
      ],
      [
        'fractional maxOutputTokens',
        { maxOutputTokens: 1.5 },
        'maxOutputTokens must be an integer',
      ],
      ['zero maxOutputTokens', { maxOutputTokens: 0 }, 'maxOutputTokens must be at least 1'],
      ['fractional seed', { seed: 0.5 }, 'seed must be an integer'],
    ])('%s', (_name, options, message) => {
      expect(() => build(options)).toThrow(InvalidArgumentError);
      expect(() => build(options)).toThrow(message);
    });
  });
});

describe('the parameter surface (#12)', () => {
  it.each<[string, LangdockChatOptions, object]>([
    ['promptCacheKey', { promptCacheKey: 'tenant-7:faq' }, { prompt_cache_key: 'tenant-7:faq' }],
    [
      'metadata',
      { metadata: { tenant: '7', flow: 'faq' } },
      { metadata: { tenant: '7', flow: 'faq' } },
    ],
    ['store', { store: false }, { store: false }],
    [
      'prediction',
      { prediction: { type: 'content', content: 'const x = 1;' } },
      { prediction: { type: 'content', content: 'const x = 1;' } },
    ],
    [
      'prediction as parts',
      { prediction: { type: 'content', content: [{ type: 'text', text: 'a' }] } },
      { prediction: { type: 'content', content: [{ type: 'text', text: 'a' }] } },
    ],
    ['safetyIdentifier', { safetyIdentifier: 'u-4f2a' }, { safety_identifier: 'u-4f2a' }],
    [
      'extraBody',
      { extraBody: { modalities: ['text'], web_search_options: { search_context_size: 'low' } } },
      { modalities: ['text'], web_search_options: { search_context_size: 'low' } },
    ],
  ])('sends providerOptions.langdock.%s', (_name, langdockOptions, expected) => {
    const { body, warnings } = build({}, langdockOptions);
    expect(body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
      ...expected,
    });
    expect(warnings).toEqual([]);
  });

  it.each(['n', 'service_tier', 'parallel_tool_calls', 'stream_options'])(
    'keeps %s out of extraBody too, with a warning',
    (name) => {
      const { body, warnings } = build({}, { extraBody: { [name]: 1, top_k: 3 } });
      expect(body).toEqual({
        model: 'gpt-4.1',
        messages: [{ role: 'user', content: 'Hi' }],
        top_k: 3,
      });
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: `providerOptions.langdock.extraBody.${name}`,
          details: `Langdock refuses requests with ${name}; it was not sent.`,
        },
      ]);
    },
  );

  it.each([
    ['temperature', 'temperature'],
    ['reasoning_effort', 'reasoning or providerOptions.langdock.reasoningEffort'],
    ['messages', 'the prompt'],
    ['prompt_cache_key', 'providerOptions.langdock.promptCacheKey'],
  ])('refuses %s in extraBody, naming the option that sets it', (name, option) => {
    expect(() => build({}, { extraBody: { [name]: 'x' } })).toThrow(
      `providerOptions.langdock.extraBody.${name}: ${name} is set through ${option}; extraBody is for parameters without an option of their own.`,
    );
  });

  it('leaves out null values in extraBody', () => {
    expect(build({}, { extraBody: { audio: null } }).body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });
});

describe('verbosity (#20)', () => {
  it.each(['gpt-5', 'gpt-5-mini', 'gpt-5.1', 'azure/gpt-5.4', 'gpt-5-pro'])(
    'sends every verbosity to %s',
    (modelId) => {
      for (const verbosity of ['low', 'medium', 'high'] as const) {
        const { body, warnings } = build({}, { verbosity }, modelId);
        expect(body.verbosity).toBe(verbosity);
        expect(warnings).toEqual([]);
      }
    },
  );

  it.each(['gpt-4.1', 'gpt-4o-mini', 'o3', 'o4-mini', 'DeepSeek-R1'])(
    'does not send verbosity to %s, with a warning',
    (modelId) => {
      const { body, warnings } = build({}, { verbosity: 'low' }, modelId);
      expect(body).not.toHaveProperty('verbosity');
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.verbosity',
          details: `${modelId} takes no verbosity (a gpt-5 family setting); 'low' was not sent.`,
        },
      ]);
    },
  );

  it.each(['gpt-5-chat', 'gpt-5.1-chat-latest'])(
    'sends only medium to %s, and leaves others out with a warning',
    (modelId) => {
      expect(build({}, { verbosity: 'medium' }, modelId)).toMatchObject({
        body: { verbosity: 'medium' },
        warnings: [],
      });
      const { body, warnings } = build({}, { verbosity: 'high' }, modelId);
      expect(body).not.toHaveProperty('verbosity');
      expect(warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'providerOptions.langdock.verbosity',
          details: `${modelId} takes only verbosity 'medium'; 'high' was not sent, so the model's default applies.`,
        },
      ]);
    },
  );

  it('sends verbosity as given to a reasoning model of unknown family', () => {
    const request = buildLangdockChatRequest({
      modelId: 'my-deployment',
      capabilities: getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }),
      options: { prompt },
      langdockOptions: { verbosity: 'low' },
    });
    expect(request.body.verbosity).toBe('low');
    expect(request.warnings).toEqual([]);
  });
});
