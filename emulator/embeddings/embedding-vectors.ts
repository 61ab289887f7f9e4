// Deterministic bag-of-words embedding vectors, and the embeddings list answer.
import { createHash } from 'node:crypto';
import type { CatalogModel } from '../models/model-catalog';
import { estimateTokens } from '../generation/token-estimate';
import type { EmbeddingRequest } from './embedding-request';

export interface EmbeddingObject {
  object: 'embedding';
  index: number;
  embedding: number[] | string;
}

export interface EmbeddingList {
  object: 'list';
  data: EmbeddingObject[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

// The whole text contributes a little so different texts with the same words still differ.
const TEXT_WEIGHT = 0.25;

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
