import { isJsonObject, type Validated } from '../http/langdock-json-guards';

/** Langdock's embeddings response (OpenAI's shape), as far as this package reads it. */
export interface LangdockEmbeddingResponse {
  data: Array<{ embedding: number[]; index: number }>;
  model?: string | null;
  usage?: { prompt_tokens?: number | null; total_tokens?: number | null } | null;
}

/**
 * Checks the shape and that the indexes are exactly 0..expectedCount-1, so that ordering by index
 * cannot drop, duplicate or misplace a vector. A plain loop: a full batch is millions of numbers.
 */
export function validateLangdockEmbeddingResponse(
  value: unknown,
  expectedCount: number,
): Validated<LangdockEmbeddingResponse> {
  const fail = (problem: string): Validated<LangdockEmbeddingResponse> => ({
    success: false,
    problem,
  });
  if (!isJsonObject(value)) return fail('response must be an object');
  const { data, usage } = value;
  if (!Array.isArray(data)) return fail('response.data must be an array');
  if (data.length !== expectedCount)
    return fail(`response.data has ${data.length} embeddings for ${expectedCount} inputs`);
  const seen = new Array<boolean>(expectedCount).fill(false);
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    if (!isJsonObject(item)) return fail(`response.data[${i}] must be an object`);
    const { index, embedding } = item;
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= expectedCount
    ) {
      return fail(`response.data[${i}].index must be an integer from 0 to ${expectedCount - 1}`);
    }
    if (seen[index]) return fail(`response.data has index ${index} twice`);
    seen[index] = true;
    if (!Array.isArray(embedding) || embedding.length === 0)
      return fail(`response.data[${i}].embedding must be a non-empty array of numbers`);
    for (let j = 0; j < embedding.length; j++) {
      if (typeof embedding[j] !== 'number')
        return fail(`response.data[${i}].embedding[${j}] must be a number`);
    }
  }
  if (value.model !== undefined && value.model !== null && typeof value.model !== 'string')
    return fail('response.model must be a string');
  if (usage !== undefined && usage !== null) {
    if (!isJsonObject(usage)) return fail('response.usage must be an object');
    for (const key of ['prompt_tokens', 'total_tokens'] as const) {
      if (usage[key] !== undefined && usage[key] !== null && typeof usage[key] !== 'number')
        return fail(`response.usage.${key} must be a number`);
    }
  }
  return { success: true, value: value as unknown as LangdockEmbeddingResponse };
}

/** Vectors in input order: the API may answer in any order and says where each belongs by `index`. */
export function orderLangdockEmbeddings(response: LangdockEmbeddingResponse): number[][] {
  const embeddings = new Array<number[]>(response.data.length);
  for (const item of response.data) embeddings[item.index] = item.embedding;
  return embeddings;
}
