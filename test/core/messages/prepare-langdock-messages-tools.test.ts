import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { LangdockCallTool, LangdockChatCall } from '../../../src/core/langdock-call';
import { prepareLangdockMessagesTools } from '../../../src/core/messages/prepare-langdock-messages-tools';

const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const weather: LangdockCallTool = {
  type: 'function',
  name: 'weather',
  description: 'Weather for a city',
  inputSchema: schema,
};
const sentWeather = { name: 'weather', description: 'Weather for a city', input_schema: schema };

describe('prepareLangdockMessagesTools', () => {
  it('sends function tools with their schema as input_schema', () => {
    expect(
      prepareLangdockMessagesTools({
        tools: [weather, { type: 'function', name: 'time', inputSchema: { type: 'object' } }],
      }),
    ).toEqual({
      tools: [sentWeather, { name: 'time', input_schema: { type: 'object' } }],
      toolChoice: undefined,
      warnings: [],
    });
  });

  it.each<[string, LangdockChatCall['toolChoice'], unknown]>([
    ['auto', { type: 'auto' }, { type: 'auto' }],
    ['required', { type: 'required' }, { type: 'any' }],
    ['none', { type: 'none' }, { type: 'none' }],
    ['a named tool', { type: 'tool', toolName: 'weather' }, { type: 'tool', name: 'weather' }],
  ])('maps toolChoice %s', (_name, toolChoice, expected) => {
    expect(prepareLangdockMessagesTools({ tools: [weather], toolChoice })).toEqual({
      tools: [sentWeather],
      toolChoice: expected,
      warnings: [],
    });
  });

  it('refuses a toolChoice that names a tool not offered', () => {
    const prepare = () =>
      prepareLangdockMessagesTools({
        tools: [weather],
        toolChoice: { type: 'tool', toolName: 'stocks' },
      });
    expect(prepare).toThrow(InvalidArgumentError);
    expect(prepare).toThrow(
      'toolChoice names the tool "stocks", which is not among the tools offered (weather).',
    );
  });

  it('leaves out provider tools with an unsupported-tool warning', () => {
    expect(
      prepareLangdockMessagesTools({
        tools: [
          weather,
          { type: 'provider', name: 'web_search', id: 'anthropic.web_search_20250305' },
        ],
      }),
    ).toEqual({
      tools: [sentWeather],
      toolChoice: undefined,
      warnings: [
        {
          type: 'unsupported-tool',
          toolName: 'web_search',
          details: 'Langdock runs no provider tools; anthropic.web_search_20250305 was not sent.',
        },
      ],
    });
  });

  it.each<[string, LangdockChatCall['toolChoice'], number]>([
    ['auto', { type: 'auto' }, 0],
    ['required', { type: 'required' }, 1],
    ['none', { type: 'none' }, 1],
  ])(
    'without tools, toolChoice %s is not sent (warning when it meant something)',
    (_n, toolChoice, count) => {
      const result = prepareLangdockMessagesTools({ tools: [], toolChoice });
      expect(result.tools).toBeUndefined();
      expect(result.toolChoice).toBeUndefined();
      expect(result.warnings).toHaveLength(count);
      if (count > 0) {
        expect(result.warnings[0]).toEqual({
          type: 'unsupported-setting',
          setting: 'toolChoice',
          details:
            'toolChoice applies only with function tools; none were sent, so it was not sent either.',
        });
      }
    },
  );

  it('warns that strict is not sent, only when a tool asks for it', () => {
    const strict = prepareLangdockMessagesTools({ tools: [{ ...weather, strict: true }] });
    expect(strict.tools).toEqual([sentWeather]);
    expect(strict.warnings).toEqual([
      {
        type: 'other',
        message:
          'strict was not sent for tools: Claude on Langdock does not enforce tool input schemas, so check tool inputs yourself.',
      },
    ]);
    expect(
      prepareLangdockMessagesTools({ tools: [{ ...weather, strict: false }] }).warnings,
    ).toEqual([]);
  });

  it.each([
    ['langdock', { langdock: { cacheControl: { type: 'ephemeral', ttl: '1h' } } }],
    ['anthropic', { anthropic: { cacheControl: { type: 'ephemeral', ttl: '1h' } } }],
  ])('sends a tool cache breakpoint from providerOptions.%s', (_name, providerOptions) => {
    const tool = { ...weather, providerOptions } as LangdockCallTool;
    expect(prepareLangdockMessagesTools({ tools: [tool] }).tools).toEqual([
      { ...sentWeather, cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('refuses an invalid tool cacheControl, naming the tool', () => {
    const tool = {
      ...weather,
      providerOptions: { langdock: { cacheControl: { type: 'ephemeral', ttl: '1d' } } },
    } as LangdockCallTool;
    expect(() => prepareLangdockMessagesTools({ tools: [tool] })).toThrow(
      /tools\[0\]\.providerOptions\.langdock\.cacheControl\.ttl/,
    );
  });
});
