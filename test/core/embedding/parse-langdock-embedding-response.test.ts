import { describe, expect, it } from 'vitest';
import {
  orderLangdockEmbeddings,
  validateLangdockEmbeddingResponse,
} from '../../../src/core/embedding/parse-langdock-embedding-response';

const item = (index: number, embedding: unknown = [index, 0.5]) => ({
  object: 'embedding',
  index,
  embedding,
});

describe('validateLangdockEmbeddingResponse', () => {
  it('accepts OpenAI shape with usage, and without', () => {
    const body = {
      object: 'list',
      data: [item(0), item(1)],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 3, total_tokens: 3 },
    };
    expect(validateLangdockEmbeddingResponse(body, 2)).toEqual({ success: true, value: body });
    expect(validateLangdockEmbeddingResponse({ data: [item(0)], usage: null }, 1).success).toBe(
      true,
    );
  });

  it.each<[string, unknown, number, string]>([
    ['not an object', [item(0)], 1, 'response must be an object'],
    ['no data', { object: 'list' }, 1, 'response.data must be an array'],
    [
      'fewer embeddings than inputs',
      { data: [item(0)] },
      2,
      'response.data has 1 embeddings for 2 inputs',
    ],
    [
      'more embeddings than inputs',
      { data: [item(0), item(1)] },
      1,
      'response.data has 2 embeddings for 1 inputs',
    ],
    [
      'an entry that is no object',
      { data: [item(0), 'x'] },
      2,
      'response.data[1] must be an object',
    ],
    [
      'a missing index',
      { data: [{ embedding: [1] }] },
      1,
      'response.data[0].index must be an integer from 0 to 0',
    ],
    [
      'an index out of range',
      { data: [item(0), item(2)] },
      2,
      'response.data[1].index must be an integer from 0 to 1',
    ],
    [
      'a fractional index',
      { data: [item(0.5)] },
      1,
      'response.data[0].index must be an integer from 0 to 0',
    ],
    ['a repeated index', { data: [item(1), item(1)] }, 2, 'response.data has index 1 twice'],
    [
      'a base64 embedding',
      { data: [item(0, 'AAAAAA==')] },
      1,
      'response.data[0].embedding must be a non-empty array of numbers',
    ],
    [
      'an empty embedding',
      { data: [item(0, [])] },
      1,
      'response.data[0].embedding must be a non-empty array of numbers',
    ],
    [
      'a string in the vector',
      { data: [item(0, [0.1, '0.2'])] },
      1,
      'response.data[0].embedding[1] must be a number',
    ],
    [
      'a model that is no string',
      { data: [item(0)], model: 3 },
      1,
      'response.model must be a string',
    ],
    [
      'usage that is no object',
      { data: [item(0)], usage: 3 },
      1,
      'response.usage must be an object',
    ],
    [
      'a token count that is no number',
      { data: [item(0)], usage: { prompt_tokens: '3' } },
      1,
      'response.usage.prompt_tokens must be a number',
    ],
  ])('refuses %s', (_name, body, count, problem) => {
    expect(validateLangdockEmbeddingResponse(body, count)).toEqual({ success: false, problem });
  });
});

describe('orderLangdockEmbeddings', () => {
  it('puts each vector where its index says', () => {
    const data = [
      { index: 2, embedding: [2] },
      { index: 0, embedding: [0] },
      { index: 1, embedding: [1] },
    ];
    expect(orderLangdockEmbeddings({ data })).toEqual([[0], [1], [2]]);
  });
});
