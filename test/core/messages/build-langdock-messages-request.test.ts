import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type {
  LangdockCallTool,
  LangdockChatCall,
  LangdockReasoning,
  LangdockWarning,
} from '../../../src/core/langdock-call';
import { buildLangdockMessagesRequest } from '../../../src/core/messages/build-langdock-messages-request';
import { getLangdockMessagesModelCapabilities } from '../../../src/core/messages/langdock-messages-model-capabilities';
import type { LangdockMessagesOptions } from '../../../src/core/messages/langdock-messages-options';

const prompt: LangdockChatCall['prompt'] = [
  { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
];
const messages = [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }];

const SONNET_46 = 'claude-sonnet-4-6-default';
const OPUS_48 = 'claude-opus-4-8-default';
const OPUS_46 = 'claude-opus-4-6-default';
const OPUS_5 = 'claude-opus-5-default';
const SONNET_5 = 'claude-sonnet-5-default';
const HAIKU_45 = 'claude-haiku-4-5-20251001';
const OPUS_41 = 'claude-opus-4-1-20250805';
const SONNET_37 = 'claude-3-7-sonnet-20250219';
const HAIKU_35 = 'claude-3-5-haiku-20241022';

function build(
  options: Partial<LangdockChatCall> = {},
  langdockOptions?: LangdockMessagesOptions,
  modelId = HAIKU_45,
) {
  return buildLangdockMessagesRequest({
    modelId,
    capabilities: getLangdockMessagesModelCapabilities(modelId),
    options: { prompt, ...options },
    langdockOptions,
  });
}

const setting = (name: string, details: string): LangdockWarning => ({
  type: 'unsupported-setting',
  setting: name,
  details,
});

const weather: LangdockCallTool = {
  type: 'function',
  name: 'weather',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
};
const sentWeather = {
  name: 'weather',
  input_schema: { type: 'object', properties: { city: { type: 'string' } } },
};

describe('buildLangdockMessagesRequest: settings', () => {
  it('sends model, the family default max_tokens and messages by default', () => {
    expect(build()).toEqual({
      body: { model: HAIKU_45, max_tokens: 16_000, messages },
      warnings: [],
    });
  });

  it.each<[string, string, number]>([
    [SONNET_46, SONNET_46, 16_000],
    [SONNET_37, SONNET_37, 8_192],
    [HAIKU_35, HAIKU_35, 8_192],
    ['claude-3-haiku-20240307', 'claude-3-haiku-20240307', 4_096],
  ])('default max_tokens for %s', (_name, modelId, maxTokens) => {
    expect(build({}, undefined, modelId).body.max_tokens).toBe(maxTokens);
  });

  it.each<[string, Partial<LangdockChatCall>, object]>([
    ['maxOutputTokens', { maxOutputTokens: 500 }, { max_tokens: 500 }],
    ['temperature', { temperature: 0.3 }, { temperature: 0.3 }],
    ['temperature 0', { temperature: 0 }, { temperature: 0 }],
    ['topP', { topP: 0.8 }, { top_p: 0.8 }],
    ['topK', { topK: 40 }, { top_k: 40 }],
    ['stopSequences', { stopSequences: ['END', 'STOP'] }, { stop_sequences: ['END', 'STOP'] }],
    ['empty stopSequences', { stopSequences: [] }, {}],
    ['responseFormat text', { responseFormat: { type: 'text' } }, {}],
  ])('sends %s', (_name, options, expected) => {
    expect(build(options)).toEqual({
      body: { model: HAIKU_45, max_tokens: 16_000, messages, ...expected },
      warnings: [],
    });
  });

  it('sends system blocks and tools', () => {
    const { body } = build({
      prompt: [{ role: 'system', content: 'Be brief.' }, ...prompt],
      tools: [weather],
      toolChoice: { type: 'required' },
    });
    expect(body).toEqual({
      model: HAIKU_45,
      max_tokens: 16_000,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages,
      tools: [sentWeather],
      tool_choice: { type: 'any' },
    });
  });

  it.each<[string, Partial<LangdockChatCall>, object, LangdockWarning[]]>([
    [
      'temperature above 1 (clamped)',
      { temperature: 1.5 },
      { temperature: 1 },
      [setting('temperature', 'Claude takes a temperature from 0 to 1; 1.5 was sent as 1.')],
    ],
    ['seed', { seed: 7 }, {}, [setting('seed', 'The Messages API has no seed; it was not sent.')]],
    [
      'presencePenalty',
      { presencePenalty: 0.5 },
      {},
      [setting('presencePenalty', 'The Messages API has no presencePenalty; it was not sent.')],
    ],
    [
      'frequencyPenalty',
      { frequencyPenalty: 0.5 },
      {},
      [setting('frequencyPenalty', 'The Messages API has no frequencyPenalty; it was not sent.')],
    ],
    [
      'maxOutputTokens above the family limit',
      { maxOutputTokens: 100_000 },
      { max_tokens: 64_000 },
      [
        setting(
          'maxOutputTokens',
          `${HAIKU_45} writes at most 64000 output tokens; maxOutputTokens 100000 was sent as 64000.`,
        ),
      ],
    ],
  ])('warns for %s', (_name, options, expected, warnings) => {
    expect(build(options)).toEqual({
      body: { model: HAIKU_45, max_tokens: 16_000, messages, ...expected },
      warnings,
    });
  });

  it('leaves maxOutputTokens uncapped for a family it does not know', () => {
    expect(build({ maxOutputTokens: 300_000 }, undefined, 'claude-opus-6-default')).toEqual({
      body: { model: 'claude-opus-6-default', max_tokens: 300_000, messages },
      warnings: [],
    });
  });

  it.each<[string, Partial<LangdockChatCall>, string]>([
    [
      'a negative temperature',
      { temperature: -0.1 },
      'temperature must be a number from 0 to 1 for Claude; got -0.1.',
    ],
    ['topP above 1', { topP: 1.2 }, 'topP must be a number from 0 to 1 for Claude; got 1.2.'],
    ['topK of 0', { topK: 0 }, 'topK must be a positive integer for Claude; got 0.'],
    ['a fractional topK', { topK: 2.5 }, 'topK must be a positive integer for Claude; got 2.5.'],
    [
      'maxOutputTokens of 0',
      { maxOutputTokens: 0 },
      'maxOutputTokens must be a positive integer for Claude; got 0.',
    ],
  ])('refuses %s', (_name, options, message) => {
    expect(() => build(options)).toThrow(InvalidArgumentError);
    expect(() => build(options)).toThrow(message);
  });

  it.each([OPUS_48, SONNET_5, OPUS_5])(
    '%s refuses sampling settings: each is dropped with a warning',
    (modelId) => {
      const refused = `${modelId} refuses sampling settings (as Claude Opus 4.7 and later do); it was not sent.`;
      const { body, warnings } = build(
        { temperature: 0.2, topP: 0.9, topK: 5 },
        undefined,
        modelId,
      );
      expect(body).not.toHaveProperty('temperature');
      expect(body).not.toHaveProperty('top_p');
      expect(body).not.toHaveProperty('top_k');
      expect(warnings).toEqual([
        setting('temperature', refused),
        setting('topP', refused),
        setting('topK', refused),
      ]);
    },
  );
});

describe('buildLangdockMessagesRequest: thinking from the call reasoning', () => {
  const thinkingOf = (modelId: string, reasoning: LangdockReasoning) => {
    const { body, warnings } = build({ reasoning }, undefined, modelId);
    return {
      max_tokens: body.max_tokens,
      thinking: body.thinking,
      output_config: body.output_config,
      warnings: warnings.map((warning) =>
        warning.type === 'unsupported-setting' ? warning.details : warning,
      ),
    };
  };
  const adaptive = { type: 'adaptive' };
  const summarized = { type: 'adaptive', display: 'summarized' };
  const changed = (modelId: string, reasoning: string, effort: string, efforts: string) =>
    `${modelId}: reasoning '${reasoning}' was sent as effort '${effort}', the closest of the efforts it takes (${efforts}).`;
  const toMax = 'low, medium, high, max';
  const toXhigh = 'low, medium, high, xhigh, max';

  it.each<[string, LangdockReasoning, object]>([
    // Adaptive families without xhigh (4.6).
    [SONNET_46, 'provider-default', { max_tokens: 16_000, warnings: [] }],
    [SONNET_46, 'none', { max_tokens: 16_000, warnings: [] }],
    [
      SONNET_46,
      'minimal',
      {
        max_tokens: 16_000,
        thinking: adaptive,
        output_config: { effort: 'low' },
        warnings: [changed(SONNET_46, 'minimal', 'low', toMax)],
      },
    ],
    [
      SONNET_46,
      'low',
      { max_tokens: 16_000, thinking: adaptive, output_config: { effort: 'low' }, warnings: [] },
    ],
    [
      SONNET_46,
      'medium',
      { max_tokens: 16_000, thinking: adaptive, output_config: { effort: 'medium' }, warnings: [] },
    ],
    [
      SONNET_46,
      'high',
      { max_tokens: 16_000, thinking: adaptive, output_config: { effort: 'high' }, warnings: [] },
    ],
    [
      SONNET_46,
      'xhigh',
      {
        max_tokens: 64_000,
        thinking: adaptive,
        output_config: { effort: 'max' },
        warnings: [changed(SONNET_46, 'xhigh', 'max', toMax)],
      },
    ],
    [
      SONNET_46,
      'max',
      { max_tokens: 64_000, thinking: adaptive, output_config: { effort: 'max' }, warnings: [] },
    ],
    [
      OPUS_46,
      'high',
      { max_tokens: 16_000, thinking: adaptive, output_config: { effort: 'high' }, warnings: [] },
    ],
    // Adaptive families with xhigh, which omit thinking text unless asked (4.7 and later).
    [
      OPUS_48,
      'minimal',
      {
        max_tokens: 16_000,
        thinking: summarized,
        output_config: { effort: 'low' },
        warnings: [changed(OPUS_48, 'minimal', 'low', toXhigh)],
      },
    ],
    [
      OPUS_48,
      'medium',
      {
        max_tokens: 16_000,
        thinking: summarized,
        output_config: { effort: 'medium' },
        warnings: [],
      },
    ],
    [
      OPUS_48,
      'xhigh',
      {
        max_tokens: 64_000,
        thinking: summarized,
        output_config: { effort: 'xhigh' },
        warnings: [],
      },
    ],
    [
      OPUS_48,
      'max',
      { max_tokens: 64_000, thinking: summarized, output_config: { effort: 'max' }, warnings: [] },
    ],
    [
      SONNET_5,
      'high',
      { max_tokens: 16_000, thinking: summarized, output_config: { effort: 'high' }, warnings: [] },
    ],
    // Opus 5 thinks by default: `none` turns it off explicitly.
    [OPUS_5, 'none', { max_tokens: 16_000, thinking: { type: 'disabled' }, warnings: [] }],
    [OPUS_5, 'provider-default', { max_tokens: 16_000, warnings: [] }],
    [
      OPUS_5,
      'low',
      { max_tokens: 16_000, thinking: summarized, output_config: { effort: 'low' }, warnings: [] },
    ],
    // Budget families: the budget is added to the answer's max_tokens.
    [HAIKU_45, 'none', { max_tokens: 16_000, warnings: [] }],
    [
      HAIKU_45,
      'minimal',
      { max_tokens: 17_024, thinking: { type: 'enabled', budget_tokens: 1024 }, warnings: [] },
    ],
    [
      HAIKU_45,
      'low',
      { max_tokens: 18_048, thinking: { type: 'enabled', budget_tokens: 2048 }, warnings: [] },
    ],
    [
      HAIKU_45,
      'medium',
      { max_tokens: 24_192, thinking: { type: 'enabled', budget_tokens: 8192 }, warnings: [] },
    ],
    [
      HAIKU_45,
      'high',
      { max_tokens: 32_384, thinking: { type: 'enabled', budget_tokens: 16384 }, warnings: [] },
    ],
    [
      HAIKU_45,
      'xhigh',
      { max_tokens: 48_000, thinking: { type: 'enabled', budget_tokens: 32000 }, warnings: [] },
    ],
    [
      HAIKU_45,
      'max',
      { max_tokens: 48_000, thinking: { type: 'enabled', budget_tokens: 32000 }, warnings: [] },
    ],
    [
      SONNET_37,
      'medium',
      { max_tokens: 16_384, thinking: { type: 'enabled', budget_tokens: 8192 }, warnings: [] },
    ],
    // Opus 4.1 writes at most 32K, thinking included: the budget is lowered to fit.
    [
      OPUS_41,
      'max',
      {
        max_tokens: 32_000,
        thinking: { type: 'enabled', budget_tokens: 16_000 },
        warnings: [
          `${OPUS_41} writes at most 32000 tokens, thinking included; 16000 output tokens plus a thinking budget of 32000 would exceed it, so max_tokens was sent as 32000 with budget_tokens 16000.`,
        ],
      },
    ],
    // No extended thinking.
    [HAIKU_35, 'none', { max_tokens: 8_192, warnings: [] }],
    [
      HAIKU_35,
      'high',
      {
        max_tokens: 8_192,
        warnings: [`${HAIKU_35} has no extended thinking; reasoning 'high' was not sent.`],
      },
    ],
  ])('%s, reasoning %s', (modelId, reasoning, expected) => {
    expect(thinkingOf(modelId, reasoning)).toEqual({
      thinking: undefined,
      output_config: undefined,
      ...expected,
    });
  });

  it('keeps the asked maxOutputTokens and lowers the budget to the minimum when little room is left', () => {
    const { body, warnings } = build(
      { reasoning: 'high', maxOutputTokens: 31_500 },
      undefined,
      OPUS_41,
    );
    expect(body.max_tokens).toBe(32_000);
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(warnings).toEqual([
      setting(
        'maxOutputTokens',
        `${OPUS_41} writes at most 32000 tokens, thinking included; 31500 output tokens plus a thinking budget of 16384 would exceed it, so max_tokens was sent as 32000 with budget_tokens 1024.`,
      ),
    ]);
  });

  it('adds the budget to an asked maxOutputTokens', () => {
    expect(build({ reasoning: 'low', maxOutputTokens: 1000 }).body).toMatchObject({
      max_tokens: 3048,
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
  });

  it('an asked maxOutputTokens wins over the high-effort default', () => {
    expect(
      build({ reasoning: 'max', maxOutputTokens: 2000 }, undefined, SONNET_46).body.max_tokens,
    ).toBe(2000);
  });
});

describe('buildLangdockMessagesRequest: providerOptions.langdock.thinking', () => {
  it.each<[string, string, LangdockMessagesOptions['thinking'], object, string[]]>([
    [
      'enabled with a budget on a budget family',
      HAIKU_45,
      { type: 'enabled', budgetTokens: 4000 },
      { max_tokens: 20_000, thinking: { type: 'enabled', budget_tokens: 4000 } },
      [],
    ],
    [
      'enabled without a budget (medium, 8192)',
      HAIKU_45,
      { type: 'enabled', display: 'omitted' },
      {
        max_tokens: 24_192,
        thinking: { type: 'enabled', budget_tokens: 8192, display: 'omitted' },
      },
      [],
    ],
    [
      'enabled on an adaptive-only family',
      SONNET_46,
      { type: 'enabled', budgetTokens: 4000 },
      { max_tokens: 16_000, thinking: { type: 'adaptive' } },
      [
        `providerOptions.langdock.thinking {type: 'enabled'} was sent as {type: 'adaptive'}: ${SONNET_46} takes adaptive thinking only, so budgetTokens was not sent.`,
      ],
    ],
    [
      'adaptive on a budget family (medium budget)',
      HAIKU_45,
      { type: 'adaptive' },
      { max_tokens: 24_192, thinking: { type: 'enabled', budget_tokens: 8192 } },
      [
        `providerOptions.langdock.thinking {type: 'adaptive'} was sent as {type: 'enabled', budget_tokens: 8192}: ${HAIKU_45} takes no adaptive thinking.`,
      ],
    ],
    [
      'adaptive with an effort on a budget family (that effort’s budget)',
      HAIKU_45,
      { type: 'adaptive', effort: 'low' },
      { max_tokens: 18_048, thinking: { type: 'enabled', budget_tokens: 2048 } },
      [
        `providerOptions.langdock.thinking {type: 'adaptive'} was sent as {type: 'enabled', budget_tokens: 2048}: ${HAIKU_45} takes no adaptive thinking.`,
      ],
    ],
    [
      'adaptive with an effort',
      SONNET_46,
      { type: 'adaptive', effort: 'medium' },
      { max_tokens: 16_000, thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } },
      [],
    ],
    [
      'adaptive with an effort the family lacks',
      OPUS_46,
      { type: 'adaptive', effort: 'xhigh' },
      { max_tokens: 64_000, thinking: { type: 'adaptive' }, output_config: { effort: 'max' } },
      [
        `providerOptions.langdock.thinking.effort 'xhigh' was sent as 'max', the closest of the efforts ${OPUS_46} takes (low, medium, high, max).`,
      ],
    ],
    [
      'adaptive where thinking text is omitted by default (summarized asked)',
      OPUS_48,
      { type: 'adaptive' },
      { max_tokens: 16_000, thinking: { type: 'adaptive', display: 'summarized' } },
      [],
    ],
    [
      'adaptive with display omitted',
      OPUS_48,
      { type: 'adaptive', display: 'omitted', effort: 'xhigh' },
      {
        max_tokens: 64_000,
        thinking: { type: 'adaptive', display: 'omitted' },
        output_config: { effort: 'xhigh' },
      },
      [],
    ],
    ['disabled', SONNET_46, { type: 'disabled' }, { max_tokens: 16_000 }, []],
    [
      'disabled where thinking is on by default',
      OPUS_5,
      { type: 'disabled' },
      { max_tokens: 16_000, thinking: { type: 'disabled' } },
      [],
    ],
    [
      'enabled on a family without thinking',
      HAIKU_35,
      { type: 'enabled' },
      { max_tokens: 8_192 },
      [
        `providerOptions.langdock.thinking {type: 'enabled'} was not sent: ${HAIKU_35} has no extended thinking.`,
      ],
    ],
  ])('%s', (_name, modelId, thinking, expected, warnings) => {
    const result = build({ reasoning: 'low' }, { thinking }, modelId);
    expect(result.body).toEqual({ model: modelId, messages, ...expected });
    expect(result.warnings).toEqual(
      warnings.map((details) => setting('providerOptions.langdock.thinking', details)),
    );
  });
});

describe('buildLangdockMessagesRequest: while thinking', () => {
  it.each<[string, Partial<LangdockChatCall>, object, LangdockWarning[]]>([
    ['temperature 1 is sent', { temperature: 1 }, { temperature: 1 }, []],
    [
      'another temperature is dropped',
      { temperature: 0.5 },
      {},
      [setting('temperature', 'While Claude thinks, temperature can only be 1; 0.5 was not sent.')],
    ],
    [
      'a clamped temperature becomes 1 and is sent',
      { temperature: 1.4 },
      { temperature: 1 },
      [setting('temperature', 'Claude takes a temperature from 0 to 1; 1.4 was sent as 1.')],
    ],
    ['topP from 0.95 is sent', { topP: 0.97 }, { top_p: 0.97 }, []],
    [
      'topP below 0.95 is dropped',
      { topP: 0.9 },
      {},
      [setting('topP', 'While Claude thinks, topP must be from 0.95 to 1; 0.9 was not sent.')],
    ],
    [
      'topK is dropped',
      { topK: 10 },
      {},
      [setting('topK', 'While Claude thinks, it takes no topK; it was not sent.')],
    ],
    [
      'required toolChoice becomes auto',
      { tools: [weather], toolChoice: { type: 'required' } },
      { tools: [sentWeather], tool_choice: { type: 'auto' } },
      [
        setting(
          'toolChoice',
          "Claude refuses a forced tool choice while thinking; toolChoice 'required' was sent as auto.",
        ),
      ],
    ],
    [
      'a named toolChoice becomes auto',
      { tools: [weather], toolChoice: { type: 'tool', toolName: 'weather' } },
      { tools: [sentWeather], tool_choice: { type: 'auto' } },
      [
        setting(
          'toolChoice',
          "Claude refuses a forced tool choice while thinking; toolChoice 'weather' was sent as auto.",
        ),
      ],
    ],
    [
      'none toolChoice stays',
      { tools: [weather], toolChoice: { type: 'none' } },
      { tools: [sentWeather], tool_choice: { type: 'none' } },
      [],
    ],
  ])('%s', (_name, options, expected, warnings) => {
    const result = build({ reasoning: 'low', ...options }, undefined, SONNET_46);
    expect(result.body).toEqual({
      model: SONNET_46,
      max_tokens: 16_000,
      messages,
      thinking: { type: 'adaptive' },
      output_config: { effort: 'low' },
      ...expected,
    });
    expect(result.warnings).toEqual(warnings);
  });

  it('Opus 5 thinks without being asked: a forced tool choice becomes auto', () => {
    const result = build({ tools: [weather], toolChoice: { type: 'required' } }, undefined, OPUS_5);
    expect(result.body.tool_choice).toEqual({ type: 'auto' });
  });
});

describe('buildLangdockMessagesRequest: JSON mode', () => {
  const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
  const jsonTool = {
    name: 'json',
    description: 'Respond with a JSON object: its input is the answer.',
    input_schema: schema,
  };

  it('forces a json tool with the schema', () => {
    expect(build({ responseFormat: { type: 'json', schema } })).toEqual({
      body: {
        model: HAIKU_45,
        max_tokens: 16_000,
        messages,
        tools: [jsonTool],
        tool_choice: { type: 'tool', name: 'json', disable_parallel_tool_use: true },
      },
      warnings: [],
      jsonToolName: 'json',
    });
  });

  it('takes any JSON object without a schema, and names the object in the description', () => {
    const { body } = build({
      responseFormat: { type: 'json', name: 'person', description: 'A person' },
    });
    expect(body.tools).toEqual([
      {
        name: 'json',
        description: 'Respond with a JSON object (person: A person): its input is the answer.',
        input_schema: { type: 'object', additionalProperties: true },
      },
    ]);
  });

  it('with thinking: offers the tool (auto) and tells the model to answer through it', () => {
    expect(
      build(
        {
          prompt: [{ role: 'system', content: 'Be brief.' }, ...prompt],
          responseFormat: { type: 'json', schema },
          reasoning: 'medium',
        },
        undefined,
        SONNET_46,
      ),
    ).toEqual({
      body: {
        model: SONNET_46,
        max_tokens: 16_000,
        system: [
          { type: 'text', text: 'Be brief.' },
          {
            type: 'text',
            text: 'Give your final answer by calling the json tool once, with the answer as its input, and write no answer text.',
          },
        ],
        messages,
        tools: [jsonTool],
        tool_choice: { type: 'auto' },
        thinking: { type: 'adaptive' },
        output_config: { effort: 'medium' },
      },
      warnings: [],
      jsonToolName: 'json',
    });
  });

  it('with user tools: both are sent and any tool must be called', () => {
    expect(build({ responseFormat: { type: 'json', schema }, tools: [weather] })).toEqual({
      body: {
        model: HAIKU_45,
        max_tokens: 16_000,
        messages,
        tools: [sentWeather, jsonTool],
        tool_choice: { type: 'any' },
      },
      warnings: [],
      jsonToolName: 'json',
    });
  });

  it.each([
    [['json'], 'json_output'],
    [['json', 'json_output'], 'json_output_2'],
  ])('renames its tool when the user has tools named %j', (names, jsonName) => {
    const tools = names.map((name): LangdockCallTool => ({ ...weather, name }));
    const result = build({ responseFormat: { type: 'json', schema }, tools });
    expect(result.jsonToolName).toBe(jsonName);
    expect(result.body.tools?.map((tool) => tool.name)).toEqual([...names, jsonName]);
  });

  it("replaces a toolChoice of 'none', with a warning", () => {
    const result = build({
      responseFormat: { type: 'json', schema },
      tools: [weather],
      toolChoice: { type: 'none' },
    });
    expect(result.body.tool_choice).toEqual({ type: 'any' });
    expect(result.warnings).toEqual([
      setting(
        'toolChoice',
        "JSON mode answers through the tool json, so toolChoice 'none' was replaced.",
      ),
    ]);
  });
});

describe('buildLangdockMessagesRequest: extraBody and refused options', () => {
  it('merges other parameters by their wire names', () => {
    expect(
      build({}, { extraBody: { service_tier: 'auto', context_management: { edits: [] } } }).body,
    ).toEqual({
      model: HAIKU_45,
      max_tokens: 16_000,
      messages,
      service_tier: 'auto',
      context_management: { edits: [] },
    });
  });

  it('leaves out metadata (Langdock refuses it), from extraBody and from the option', () => {
    const result = build(
      {},
      { extraBody: { metadata: { user_id: 'u1' } }, metadata: { user_id: 'u1' } },
    );
    expect(result.body).toEqual({ model: HAIKU_45, max_tokens: 16_000, messages });
    expect(result.warnings).toEqual([
      setting(
        'providerOptions.langdock.metadata',
        'providerOptions.langdock.metadata was not sent: Langdock refuses requests with metadata.',
      ),
      setting(
        'providerOptions.langdock.extraBody.metadata',
        'providerOptions.langdock.extraBody.metadata was not sent: Langdock refuses requests with metadata.',
      ),
    ]);
  });

  it.each<[string, string]>([
    ['max_tokens', 'maxOutputTokens'],
    ['temperature', 'temperature'],
    ['top_k', 'topK'],
    ['stop_sequences', 'stopSequences'],
    ['tools', 'tools'],
    ['tool_choice', 'toolChoice'],
    ['thinking', 'reasoning or providerOptions.langdock.thinking'],
    ['system', 'system messages'],
    ['stream', 'streamText or generateText'],
  ])('refuses extraBody.%s, naming its option', (name, option) => {
    const call = () => build({}, { extraBody: { [name]: 1 } });
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(
      `providerOptions.langdock.extraBody.${name}: ${name} is set through ${option}; extraBody is for parameters without an option of their own.`,
    );
  });

  it('merges extraBody.output_config with the effort this package sets', () => {
    const { body } = build(
      { reasoning: 'high' },
      { extraBody: { output_config: { format: { type: 'json_schema' } } } },
      SONNET_46,
    );
    expect(body.output_config).toEqual({ format: { type: 'json_schema' }, effort: 'high' });
  });

  it('sends extraBody.output_config.effort when nothing else sets one (effort without thinking)', () => {
    expect(
      build({}, { extraBody: { output_config: { effort: 'low' } } }, SONNET_46).body.output_config,
    ).toEqual({
      effort: 'low',
    });
  });

  it('refuses an effort set two ways', () => {
    expect(() =>
      build({ reasoning: 'high' }, { extraBody: { output_config: { effort: 'low' } } }, SONNET_46),
    ).toThrow(/extraBody\.output_config\.effort: the effort is set through reasoning/);
  });
});

describe('buildLangdockMessagesRequest: cache breakpoints', () => {
  const ephemeral = { type: 'ephemeral' as const };
  const cached = { langdock: { cacheControl: ephemeral } };

  it('sends at most 4, the first in tools-system-messages order, with a warning', () => {
    const { body, warnings } = build({
      tools: [{ ...weather, providerOptions: cached } as LangdockCallTool],
      prompt: [
        { role: 'system', content: 'rules', providerOptions: cached },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a', providerOptions: cached },
            { type: 'text', text: 'b', providerOptions: cached },
            { type: 'text', text: 'c', providerOptions: cached },
          ],
        },
      ],
    });
    expect(body.tools).toEqual([{ ...sentWeather, cache_control: ephemeral }]);
    expect(body.system).toEqual([{ type: 'text', text: 'rules', cache_control: ephemeral }]);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a', cache_control: ephemeral },
          { type: 'text', text: 'b', cache_control: ephemeral },
          { type: 'text', text: 'c' },
        ],
      },
    ]);
    expect(warnings).toEqual([
      setting(
        'providerOptions.langdock.cacheControl',
        '5 cache breakpoints (cacheControl) were asked for; Anthropic takes at most 4, so only the first 4 (tools, then system, then messages) were sent.',
      ),
    ]);
  });

  it('sends 4 without a warning', () => {
    const { warnings } = build({
      prompt: [
        {
          role: 'user',
          content: ['a', 'b', 'c', 'd'].map((text) => ({
            type: 'text' as const,
            text,
            providerOptions: cached,
          })),
        },
      ],
    });
    expect(warnings).toEqual([]);
  });
});
