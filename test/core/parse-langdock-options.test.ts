import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { langdockChatOptionsSchema } from '../../src/core/chat/langdock-chat-options';
import {
  langdockEmbeddingModelSettingsSchema,
  langdockEmbeddingOptionsSchema,
} from '../../src/core/embedding/langdock-embedding-options';
import {
  parseLangdockProviderOptions,
  parseLangdockSettings,
} from '../../src/core/parse-langdock-options';

describe('parseLangdockProviderOptions', () => {
  it('returns the validated options, and {} when there are none', () => {
    expect(
      parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, {
        langdock: { dimensions: 256, user: 'u' },
      }),
    ).toEqual({ dimensions: 256, user: 'u' });
    expect(parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, undefined)).toEqual({});
    expect(
      parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, { openai: { dimensions: 'x' } }),
    ).toEqual({});
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown option',
      { dimension: 3 },
      'providerOptions.langdock: Unrecognized key: "dimension"',
    ],
    ['a fractional dimensions', { dimensions: 1.5 }, 'providerOptions.langdock.dimensions:'],
    ['zero dimensions', { dimensions: 0 }, 'providerOptions.langdock.dimensions:'],
    ['an empty user', { user: '' }, 'providerOptions.langdock.user:'],
  ])('names %s by its full path', (_name, langdock, message) => {
    const parse = () =>
      parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, { langdock: langdock as never });
    expect(parse).toThrow(InvalidArgumentError);
    expect(parse).toThrow(message);
    expect(parse).toThrow('See the options table in the README.');
  });

  it('validates chat options the same way', () => {
    expect(() =>
      parseLangdockProviderOptions(langdockChatOptionsSchema, {
        langdock: { reasoningEffort: 'max' },
      }),
    ).toThrow(/^Invalid Langdock provider options\. providerOptions\.langdock\.reasoningEffort: /);
  });
});

describe('options a chat call may carry (#12)', () => {
  it('reads null as unset', () => {
    expect(
      parseLangdockProviderOptions(langdockChatOptionsSchema, {
        langdock: { reasoningEffort: null, store: null, user: 'u' } as never,
      }),
    ).toEqual({ user: 'u' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'metadata with 17 pairs',
      { metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) },
      'providerOptions.langdock.metadata: metadata holds at most 16 pairs',
    ],
    [
      'a metadata value over 512 characters',
      { metadata: { k: 'x'.repeat(513) } },
      'providerOptions.langdock.metadata.k: metadata values are at most 512 characters',
    ],
    [
      'a verbosity Langdock does not know',
      { verbosity: 'verbose' },
      'providerOptions.langdock.verbosity:',
    ],
    [
      'a prediction of another type',
      { prediction: { type: 'text', content: 'x' } },
      'providerOptions.langdock.prediction.type:',
    ],
    ['a store that is no boolean', { store: 'yes' }, 'providerOptions.langdock.store:'],
  ])('refuses %s', (_name, langdock, message) => {
    expect(() =>
      parseLangdockProviderOptions(langdockChatOptionsSchema, { langdock: langdock as never }),
    ).toThrow(message);
  });
});

describe('parseLangdockSettings', () => {
  it('uses the given argument, description and help', () => {
    const parse = () =>
      parseLangdockSettings(
        langdockEmbeddingModelSettingsSchema,
        { maxEmbeddingsPerCall: 4096 },
        { argument: 'settings', what: 'embedding settings', help: 'Help.' },
      );
    expect(parse).toThrow(
      /^Invalid embedding settings\. settings\.maxEmbeddingsPerCall: .*\. Help\.$/,
    );
  });
});
