// The embeddings endpoint: OpenAI's request rules and deterministic bag-of-words vectors.
import { createHash } from 'node:crypto';
import { isArray, isInteger, isRecord } from './guards';
import type { CatalogModel } from './models';
import { estimateTokens } from './tokens';
import {
  checkRules,
  fail,
  rejectUnknownParameters,
  requireModel,
  type RuleResult,
} from './violation';
import type { EmbeddingList } from './wire';

export interface EmbeddingRequest {
  model: CatalogModel;
  inputs: string[];
  dimensions: number;
  encodingFormat: 'float' | 'base64';
}

export const MAX_INPUT_TOKENS = 8192;
const MAX_INPUTS = 2048;
const EMBEDDING_PARAMETERS = new Set(['model', 'input', 'encoding_format', 'dimensions', 'user']);
// The whole text contributes a little so different texts with the same words still differ.
const TEXT_WEIGHT = 0.25;

export function validateEmbeddingRequest(
  body: unknown,
  catalog: ReadonlyMap<string, CatalogModel>,
): RuleResult<EmbeddingRequest> {
  return checkRules(() => {
    if (!isRecord(body)) fail('Request body must be a JSON object.');
    const model = requireModel(body.model, catalog, 'embedding');
    rejectUnknownParameters(body, EMBEDDING_PARAMETERS);
    const inputs = parseInputs(body.input);
    const encodingFormat = body.encoding_format ?? 'float';
    if (encodingFormat !== 'float' && encodingFormat !== 'base64')
      fail("'encoding_format' must be 'float' or 'base64'.", { param: 'encoding_format' });
    if (body.user !== undefined && body.user !== null && typeof body.user !== 'string')
      fail("'user' must be a string.", { param: 'user', code: 'invalid_type' });
    return { model, inputs, dimensions: parseDimensions(body.dimensions, model), encodingFormat };
  });
}

function parseInputs(value: unknown): string[] {
  const inputs = typeof value === 'string' ? [value] : value;
  if (!isArray(inputs) || inputs.length === 0 || inputs.length > MAX_INPUTS) {
    fail(`'input' must be a string or an array of 1 to ${MAX_INPUTS} strings.`, { param: 'input' });
  }
  return inputs.map((input: unknown, index) => {
    if (typeof input !== 'string' || input === '')
      fail(`'input[${index}]' must be a non-empty string.`, { param: `input[${index}]` });
    const tokens = estimateTokens(input);
    if (tokens > MAX_INPUT_TOKENS) {
      fail(
        `'input[${index}]' has about ${tokens} tokens; the maximum is ${MAX_INPUT_TOKENS} tokens per input.`,
        { param: `input[${index}]` },
      );
    }
    return input;
  });
}

function parseDimensions(value: unknown, model: CatalogModel): number {
  if (value === undefined || value === null) return model.dimensions;
  if (!model.acceptsDimensions) {
    fail(
      `'dimensions' is not supported by model '${model.id}'; only text-embedding-3 models take it.`,
      { param: 'dimensions', code: 'unsupported_parameter' },
    );
  }
  if (!isInteger(value) || value < 1 || value > model.dimensions) {
    fail(
      `'dimensions' must be an integer between 1 and ${model.dimensions} for model '${model.id}'.`,
      { param: 'dimensions' },
    );
  }
  return value;
}

export function embeddingPromptTokens(request: EmbeddingRequest): number {
  return request.inputs.reduce((sum, input) => sum + estimateTokens(input), 0);
}

export function buildEmbeddingList(request: EmbeddingRequest): EmbeddingList {
  const tokens = embeddingPromptTokens(request);
  return {
    object: 'list',
    data: request.inputs.map((input, index) => {
      const vector = embed(input, request.model, request.dimensions);
      return {
        object: 'embedding',
        index,
        embedding: request.encodingFormat === 'base64' ? toBase64(vector) : vector,
      };
    }),
    model: request.model.id,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/** A unit vector from hashed words: texts sharing words get a higher cosine similarity. */
export function embed(text: string, model: CatalogModel, dimensions: number): number[] {
  const full = new Float64Array(model.dimensions);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [word, count] of counts)
    addRandomVector(full, `${model.id}\nword\n${word}`, Math.sqrt(count));
  addRandomVector(
    full,
    `${model.id}\ntext\n${text}`,
    words.length === 0 ? 1 : TEXT_WEIGHT * Math.sqrt(words.length),
  );
  // Shortening keeps the leading values and renormalizes, as text-embedding-3 does.
  return normalize(full.subarray(0, dimensions));
}

function addRandomVector(target: Float64Array, seedText: string, weight: number): void {
  const next = randomSource(seedText);
  for (let i = 0; i < target.length; i += 1)
    target[i] = (target[i] ?? 0) + (next() * 2 - 1) * weight;
}

/** Marsaglia's xorshift32 seeded from SHA-256: fast, and the same text always gives the same numbers. */
function randomSource(seedText: string): () => number {
  let state = createHash('sha256').update(seedText).digest().readUInt32LE(0) | 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function normalize(values: Float64Array): number[] {
  let sumOfSquares = 0;
  for (const value of values) sumOfSquares += value * value;
  const length = Math.sqrt(sumOfSquares) || 1;
  // Float32 precision makes the float and base64 encodings carry identical numbers.
  return Array.from(values, (value) => Math.fround(value / length));
}

function toBase64(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
