import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { langdockChatOptionsSchema } from '../../src/core/langdock-chat-options';
import { langdockEmbeddingModelSettingsSchema, langdockEmbeddingOptionsSchema } from '../../src/core/langdock-embedding-options';
import { parseLangdockProviderOptions, parseLangdockSettings } from '../../src/core/parse-langdock-options';

describe('parseLangdockProviderOptions', () => {
  it('returns the validated options, and {} when there are none', () => {
    expect(parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, { langdock: { dimensions: 256, user: 'u' } })).toEqual({ dimensions: 256, user: 'u' });
    expect(parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, undefined)).toEqual({});
    expect(parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, { openai: { dimensions: 'x' } })).toEqual({});
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown option', { dimension: 3 }, 'providerOptions.langdock: Unrecognized key: "dimension"'],
    ['a fractional dimensions', { dimensions: 1.5 }, 'providerOptions.langdock.dimensions:'],
    ['zero dimensions', { dimensions: 0 }, 'providerOptions.langdock.dimensions:'],
    ['an empty user', { user: '' }, 'providerOptions.langdock.user:'],
  ])('names %s by its full path', (_name, langdock, message) => {
    const parse = () => parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, { langdock: langdock as never });
    expect(parse).toThrow(InvalidArgumentError);
    expect(parse).toThrow(message);
    expect(parse).toThrow('See the options table in the README.');
  });

  it('validates chat options the same way', () => {
    expect(() => parseLangdockProviderOptions(langdockChatOptionsSchema, { langdock: { reasoningEffort: 'max' } })).toThrow(
      /^Invalid Langdock provider options\. providerOptions\.langdock\.reasoningEffort: /,
    );
  });
});

describe('parseLangdockSettings', () => {
  it('uses the given argument, description and help', () => {
    const parse = () => parseLangdockSettings(langdockEmbeddingModelSettingsSchema, { maxEmbeddingsPerCall: 4096 }, { argument: 'settings', what: 'embedding settings', help: 'Help.' });
    expect(parse).toThrow(/^Invalid embedding settings\. settings\.maxEmbeddingsPerCall: .*\. Help\.$/);
  });
});
