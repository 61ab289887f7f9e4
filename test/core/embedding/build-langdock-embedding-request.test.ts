import { InvalidArgumentError, TooManyEmbeddingValuesForCallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  buildLangdockEmbeddingRequest,
  MAX_UTF8_BYTES_PER_TOKEN,
} from '../../../src/core/embedding/build-langdock-embedding-request';
import { LANGDOCK_MAX_EMBEDDING_INPUT_TOKENS } from '../../../src/core/embedding/langdock-embedding-options';

const MAX_BYTES = LANGDOCK_MAX_EMBEDDING_INPUT_TOKENS * MAX_UTF8_BYTES_PER_TOKEN;

const build = (overrides: Partial<Parameters<typeof buildLangdockEmbeddingRequest>[0]> = {}) =>
  buildLangdockEmbeddingRequest({
    provider: 'langdock.embedding',
    modelId: 'text-embedding-3-small',
    values: ['a', 'b'],
    langdockOptions: {},
    maxEmbeddingsPerCall: 2048,
    supportsDimensions: true,
    ...overrides,
  });

/** The error a build throws, so tests can assert on its class and words. */
function buildError(overrides: Parameters<typeof build>[0]): Error {
  try {
    build(overrides);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the build to fail');
}

describe('buildLangdockEmbeddingRequest', () => {
  it('sends the values as an array with float encoding, and nothing unset', () => {
    expect(build()).toEqual({
      model: 'text-embedding-3-small',
      input: ['a', 'b'],
      encoding_format: 'float',
    });
  });

  it.each([
    ['dimensions', { dimensions: 256 }, { dimensions: 256 }],
    ['user', { user: 'user-42' }, { user: 'user-42' }],
    ['both', { dimensions: 1024, user: 'u' }, { dimensions: 1024, user: 'u' }],
  ])('sends %s', (_name, langdockOptions, expected) => {
    expect(build({ langdockOptions })).toEqual({
      model: 'text-embedding-3-small',
      input: ['a', 'b'],
      encoding_format: 'float',
      ...expected,
    });
  });

  it('refuses dimensions for a model that cannot shorten its vectors, pointing at supportsDimensions', () => {
    const error = buildError({
      modelId: 'text-embedding-ada-002',
      supportsDimensions: false,
      langdockOptions: { dimensions: 256 },
    });
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(
      'text-embedding-ada-002 does not take dimensions; only text-embedding-3 models',
    );
    expect(error.message).toContain('{ supportsDimensions: true }');
  });

  it('sends user to a model without dimensions', () => {
    expect(
      build({
        modelId: 'text-embedding-ada-002',
        supportsDimensions: false,
        langdockOptions: { user: 'u' },
      }),
    ).toMatchObject({ user: 'u' });
  });

  it('throws TooManyEmbeddingValuesForCallError above the limit, and accepts exactly the limit', () => {
    const values = ['a', 'b', 'c'];
    const error = buildError({ values, maxEmbeddingsPerCall: 2 });
    expect(TooManyEmbeddingValuesForCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'langdock.embedding',
      modelId: 'text-embedding-3-small',
      maxEmbeddingsPerCall: 2,
      values,
    });
    expect(build({ values, maxEmbeddingsPerCall: 3 }).input).toEqual(values);
  });

  it.each<[string, unknown[], string]>([
    ['no values', [], 'There is nothing to embed'],
    ['an empty string', ['a', ''], 'values[1] is an empty string, which Langdock refuses'],
    ['a number', [42], 'values[0] is number; Langdock embeds strings only.'],
    ['null', ['a', 'b', null], 'values[2] is null; Langdock embeds strings only.'],
  ])('refuses %s', (_name, values, message) => {
    const error = buildError({ values });
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(message);
  });

  it.each<[string, string, boolean]>([
    ['ASCII at the byte limit', 'a'.repeat(MAX_BYTES), true],
    ['ASCII one byte over', 'a'.repeat(MAX_BYTES + 1), false],
    ['a typical 32,000-character chunk of English', 'word '.repeat(6_400), true],
    // 3 bytes each: the rule counts UTF-8 bytes, not characters.
    ['CJK at the byte limit', '語'.repeat(MAX_BYTES / 3), true],
    ['CJK one character over', '語'.repeat(MAX_BYTES / 3 + 1), false],
    // 4 bytes each, 2 UTF-16 code units each.
    ['emoji one character over', '😀'.repeat(MAX_BYTES / 4 + 1), false],
  ])('input length rule: %s passes = %s', (_name, value, passes) => {
    if (passes) {
      expect(build({ values: ['ok', value] }).input[1]).toBe(value);
    } else {
      const error = buildError({ values: ['ok', value] });
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toMatch(
        /^values\[1\] is too long to embed: Langdock takes at most 8192 tokens per input, and its \d+ UTF-8 bytes are at least 819[3-9] tokens/,
      );
      expect(error.message).toContain('Split it into smaller chunks.');
    }
  });
});
