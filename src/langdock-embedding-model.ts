import type { EmbeddingModelV2 } from '@ai-sdk/provider';
import { combineHeaders, postJsonToApi } from '@ai-sdk/provider-utils';
import { buildLangdockEmbeddingRequest } from './build-langdock-embedding-request';
import {
  LANGDOCK_MAX_EMBEDDINGS_PER_CALL,
  langdockEmbeddingModelSupportsDimensions,
  langdockEmbeddingOptionsSchema,
  type LangdockEmbeddingModelId,
  type LangdockEmbeddingModelSettings,
} from './langdock-embedding-options';
import { orderLangdockEmbeddings, validateLangdockEmbeddingResponse } from './langdock-embedding-response';
import { createLangdockErrorHandler } from './langdock-error';
import type { LangdockRequestConfig } from './langdock-request-config';
import { createLangdockJsonResponseHandler } from './langdock-response-handlers';
import { parseLangdockProviderOptions } from './parse-langdock-options';

type DoEmbedOptions = Parameters<EmbeddingModelV2<string>['doEmbed']>[0];
type DoEmbedResult = Awaited<ReturnType<EmbeddingModelV2<string>['doEmbed']>>;

export class LangdockEmbeddingModel implements EmbeddingModelV2<string> {
  readonly specificationVersion = 'v2';
  readonly provider = 'langdock.embedding';
  readonly maxEmbeddingsPerCall: number;
  // The 60,000 tokens per minute are shared by the whole workspace per model: parallel batches would only race into 429s.
  readonly supportsParallelCalls = false;
  private readonly supportsDimensions: boolean;

  constructor(
    readonly modelId: LangdockEmbeddingModelId,
    settings: LangdockEmbeddingModelSettings,
    private readonly config: LangdockRequestConfig,
  ) {
    this.maxEmbeddingsPerCall = settings.maxEmbeddingsPerCall ?? LANGDOCK_MAX_EMBEDDINGS_PER_CALL;
    this.supportsDimensions = settings.supportsDimensions ?? langdockEmbeddingModelSupportsDimensions(modelId);
  }

  async doEmbed({ values, abortSignal, providerOptions, headers }: DoEmbedOptions): Promise<DoEmbedResult> {
    const body = buildLangdockEmbeddingRequest({
      provider: this.provider,
      modelId: this.modelId,
      values,
      langdockOptions: parseLangdockProviderOptions(langdockEmbeddingOptionsSchema, providerOptions),
      maxEmbeddingsPerCall: this.maxEmbeddingsPerCall,
      supportsDimensions: this.supportsDimensions,
    });
    const apiKey = this.config.apiKey();
    const { value, rawValue, responseHeaders } = await postJsonToApi({
      url: `${this.config.baseURL()}/embeddings`,
      headers: combineHeaders(this.config.headers(apiKey), headers),
      body,
      failedResponseHandler: createLangdockErrorHandler(apiKey),
      successfulResponseHandler: createLangdockJsonResponseHandler('embedding list', (raw) => validateLangdockEmbeddingResponse(raw, values.length)),
      abortSignal,
      fetch: this.config.fetch,
    });
    const tokens = value.usage?.prompt_tokens ?? value.usage?.total_tokens;
    return {
      embeddings: orderLangdockEmbeddings(value),
      ...(typeof tokens === 'number' && { usage: { tokens } }),
      response: { headers: responseHeaders, body: rawValue },
    };
  }
}
