import { z } from 'zod/v4';

/** Embedding model ids OpenAI and Azure serve. Which ones a workspace offers varies; any other id works too. */
export type LangdockEmbeddingModelId =
  'text-embedding-3-small' | 'text-embedding-3-large' | 'text-embedding-ada-002' | (string & {});

/** OpenAI's documented maximum number of inputs in one embeddings request. */
export const LANGDOCK_MAX_EMBEDDINGS_PER_CALL = 2048;

/** OpenAI's documented maximum length of one embeddings input. */
export const LANGDOCK_MAX_EMBEDDING_INPUT_TOKENS = 8192;

export interface LangdockEmbeddingModelSettings {
  /**
   * Inputs per request, 1..2048 (default 2048). Lower it when long inputs would put one request over the
   * workspace budget of 60,000 tokens per minute per model: `embedMany` then sends smaller batches.
   */
  maxEmbeddingsPerCall?: number;
  /**
   * Whether the model takes `dimensions`. By default true for ids containing `text-embedding-3`; set it
   * for deployments whose names hide the family.
   */
  supportsDimensions?: boolean;
}

export const langdockEmbeddingModelSettingsSchema = z
  .object({
    maxEmbeddingsPerCall: z.number().int().min(1).max(LANGDOCK_MAX_EMBEDDINGS_PER_CALL).optional(),
    supportsDimensions: z.boolean().optional(),
  })
  .strict();

/** Per-call options, passed as `providerOptions.langdock` to `embed` / `embedMany`. */
export const langdockEmbeddingOptionsSchema = z
  .object({
    /** Length of the returned vectors, sent as `dimensions`; text-embedding-3 models only. */
    dimensions: z.number().int().positive().optional(),
    /** End-user id, sent as `user`, for abuse monitoring. */
    user: z.string().min(1).optional(),
  })
  .strict();

export type LangdockEmbeddingOptions = z.infer<typeof langdockEmbeddingOptionsSchema>;

/** text-embedding-3 models are the ones that can shorten their vectors; ada-002 refuses `dimensions`. */
export function langdockEmbeddingModelSupportsDimensions(modelId: string): boolean {
  return modelId.toLowerCase().includes('text-embedding-3');
}
