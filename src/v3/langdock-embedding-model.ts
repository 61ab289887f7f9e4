import type {
  EmbeddingModelV3,
  EmbeddingModelV3CallOptions,
  EmbeddingModelV3Result,
} from '@ai-sdk/provider-v3';
import type { LangdockEmbedder } from '../core/embedding/langdock-embedder';
import { toLangdockUnifiedWarnings } from '../core/langdock-unified-results';

/** A Langdock embedding model as `EmbeddingModelV3`, for AI SDK 6. */
export class LangdockEmbeddingModel implements EmbeddingModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'langdock.embedding';
  readonly modelId: string;
  readonly maxEmbeddingsPerCall: number;
  // The 60,000 tokens per minute are shared by the whole workspace per model: parallel batches would only race into 429s.
  readonly supportsParallelCalls = false;

  constructor(private readonly embedder: LangdockEmbedder) {
    this.modelId = embedder.modelId;
    this.maxEmbeddingsPerCall = embedder.maxEmbeddingsPerCall;
  }

  async doEmbed(options: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
    const { embeddings, usage, warnings, providerMetadata, response } = await this.embedder.embed(
      this.provider,
      options,
      { canWarn: true },
    );
    return {
      embeddings,
      ...(usage !== undefined && { usage }),
      ...(providerMetadata !== undefined && { providerMetadata }),
      warnings: toLangdockUnifiedWarnings(warnings),
      response,
    };
  }
}
