import type { EmbeddingModelV2 } from '@ai-sdk/provider';
import { postJsonToApi } from '@ai-sdk/provider-utils';
import { buildLangdockEmbeddingRequest } from '../core/build-langdock-embedding-request';
import {
  LANGDOCK_MAX_EMBEDDINGS_PER_CALL,
  langdockEmbeddingModelSupportsDimensions,
  langdockEmbeddingOptionsSchema,
  type LangdockEmbeddingModelId,
  type LangdockEmbeddingModelSettings,
} from '../core/langdock-embedding-options';
import { orderLangdockEmbeddings, validateLangdockEmbeddingResponse } from '../core/langdock-embedding-response';
import { prepareLangdockRequest, type LangdockRequestConfig } from '../core/langdock-request-config';
import { createLangdockJsonResponseHandler, LANGDOCK_MAX_RESPONSE_BYTES } from '../core/langdock-response-handlers';
import { parseLangdockProviderOptions } from '../core/parse-langdock-options';

// A 3,072-dimension vector as pretty-printed JSON floats is about 100 KiB: the body may grow by that per input.
const MAX_EMBEDDING_JSON_BYTES = 128 * 1024;

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
    const request = prepareLangdockRequest(this.config, { path: '/embeddings', headers });
    const { value, rawValue, responseHeaders } = await postJsonToApi({
      url: request.url,
      headers: request.headers,
      body,
      failedResponseHandler: request.failedResponseHandler,
      successfulResponseHandler: createLangdockJsonResponseHandler({
        what: 'embedding list',
        validate: (raw) => validateLangdockEmbeddingResponse(raw, values.length),
        redact: request.redact,
        maxBytes: LANGDOCK_MAX_RESPONSE_BYTES + values.length * MAX_EMBEDDING_JSON_BYTES,
      }),
      abortSignal,
      fetch: request.fetch,
    });
    const tokens = value.usage?.prompt_tokens ?? value.usage?.total_tokens;
    return {
      embeddings: orderLangdockEmbeddings(value),
      ...(typeof tokens === 'number' && { usage: { tokens } }),
      response: { headers: responseHeaders, body: rawValue },
    };
  }
}
