import { InvalidArgumentError, type LanguageModelV2FunctionTool } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { prepareLangdockTools } from '../../../src/core/chat/prepare-langdock-chat-tools';

const weather: LanguageModelV2FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Weather in a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const wireWeather = {
  type: 'function',
  function: { name: 'weather', description: 'Weather in a city', parameters: weather.inputSchema },
};

describe('prepareLangdockTools', () => {
  it('sends nothing without tools', () => {
    expect(prepareLangdockTools({ tools: undefined, toolChoice: { type: 'auto' } })).toEqual({
      tools: undefined,
      toolChoice: undefined,
      warnings: [],
    });
    expect(prepareLangdockTools({ tools: [], toolChoice: undefined })).toEqual({
      tools: undefined,
      toolChoice: undefined,
      warnings: [],
    });
  });

  it.each([
    [undefined, undefined],
    [{ type: 'auto' as const }, 'auto'],
    [{ type: 'none' as const }, 'none'],
    [{ type: 'required' as const }, 'required'],
    [
      { type: 'tool' as const, toolName: 'weather' },
      { type: 'function', function: { name: 'weather' } },
    ],
  ])('maps toolChoice %j', (toolChoice, expected) => {
    expect(prepareLangdockTools({ tools: [weather], toolChoice })).toEqual({
      tools: [wireWeather],
      toolChoice: expected,
      warnings: [],
    });
  });

  it('warns that a toolChoice without tools is not sent', () => {
    expect(prepareLangdockTools({ tools: [], toolChoice: { type: 'required' } })).toEqual({
      tools: undefined,
      toolChoice: undefined,
      warnings: [
        {
          type: 'unsupported-setting',
          setting: 'toolChoice',
          details: expect.stringContaining('applies only with function tools'),
        },
      ],
    });
  });

  it('warns about a toolChoice when every tool was provider-defined', () => {
    const providerTool = {
      type: 'provider-defined' as const,
      id: 'openai.web_search' as const,
      name: 'web_search',
      args: {},
    };
    const result = prepareLangdockTools({
      tools: [providerTool],
      toolChoice: { type: 'required' },
    });
    expect(result.tools).toBeUndefined();
    expect(result.warnings.map((warning) => warning.type)).toEqual([
      'unsupported-tool',
      'unsupported-setting',
    ]);
  });

  it.each([true, false])("sends a tool's strict: %s as function.strict", (strict) => {
    const { tools } = prepareLangdockTools({
      tools: [{ ...weather, strict }],
      toolChoice: undefined,
    });
    expect(tools).toEqual([{ type: 'function', function: { ...wireWeather.function, strict } }]);
  });

  it('leaves out a missing description', () => {
    const { tools } = prepareLangdockTools({
      tools: [{ ...weather, description: undefined }],
      toolChoice: undefined,
    });
    expect(tools).toEqual([
      { type: 'function', function: { name: 'weather', parameters: weather.inputSchema } },
    ]);
  });

  it.each(['provider-defined' as const, 'provider' as const])(
    'warns about %s tools (V2 and V3/V4 names) and does not send them',
    (type) => {
      const providerTool = { type, id: 'openai.web_search', name: 'web_search', args: {} };
      const result = prepareLangdockTools({
        tools: [weather, providerTool],
        toolChoice: undefined,
      });
      expect(result.tools).toEqual([wireWeather]);
      expect(result.warnings).toEqual([
        {
          type: 'unsupported-tool',
          toolName: 'web_search',
          details: 'Langdock runs no provider tools; openai.web_search was not sent.',
        },
      ]);
    },
  );

  it('refuses more than 128 tools', () => {
    const tools = Array.from({ length: 129 }, (_, i) => ({ ...weather, name: `t${i}` }));
    expect(() => prepareLangdockTools({ tools, toolChoice: undefined })).toThrow(
      InvalidArgumentError,
    );
    expect(() => prepareLangdockTools({ tools, toolChoice: undefined })).toThrow(
      'at most 128 tools per request; got 129',
    );
    expect(
      prepareLangdockTools({ tools: tools.slice(0, 128), toolChoice: undefined }).tools,
    ).toHaveLength(128);
  });

  it('refuses a toolChoice that names a tool not offered', () => {
    expect(() =>
      prepareLangdockTools({ tools: [weather], toolChoice: { type: 'tool', toolName: 'nope' } }),
    ).toThrow('toolChoice names the tool "nope", which is not among the tools offered (weather)');
  });
});
