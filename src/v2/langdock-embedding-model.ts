import type { EmbeddingModelV2 } from '@ai-sdk/provider';
import type { LangdockEmbedder } from '../core/embedding/langdock-embedder';

type DoEmbedOptions = Parameters<EmbeddingModelV2<string>['doEmbed']>[0];
type DoEmbedResult = Awaited<ReturnType<EmbeddingModelV2<string>['doEmbed']>>;

/** A Langdock embedding model as `EmbeddingModelV2`, for AI SDK 5. */
export class LangdockEmbeddingModel implements EmbeddingModelV2<string> {
  readonly specificationVersion = 'v2';
  readonly provider = 'langdock.embedding';
  readonly modelId: string;
  readonly maxEmbeddingsPerCall: number;
  // The 60,000 tokens per minute are shared by the whole workspace per model: parallel batches would only race into 429s.
  readonly supportsParallelCalls = false;

  constructor(private readonly embedder: LangdockEmbedder) {
    this.modelId = embedder.modelId;
    this.maxEmbeddingsPerCall = embedder.maxEmbeddingsPerCall;
  }

  async doEmbed(options: DoEmbedOptions): Promise<DoEmbedResult> {
    // AI SDK 7 runs this entry through its adapter, which passes its `dimensions` call option along.
    const dimensions = (options as { dimensions?: number }).dimensions;
    const { embeddings, usage, providerMetadata, response } = await this.embedder.embed(
      this.provider,
      { ...options, dimensions },
      { canWarn: false },
    );
    return {
      embeddings,
      ...(usage !== undefined && { usage }),
      ...(providerMetadata !== undefined && { providerMetadata }),
      response,
    };
  }
}
