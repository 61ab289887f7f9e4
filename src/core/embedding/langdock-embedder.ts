import { postJsonToApi } from '@ai-sdk/provider-utils';
import { estimateLangdockEmbeddingTokens } from '../rate-limit/estimate-langdock-tokens';
import { settleFailedLease } from '../rate-limit/langdock-rate-limit-lease';
import { buildLangdockEmbeddingRequest } from './build-langdock-embedding-request';
import type { LangdockProviderOptions, LangdockWarning } from '../langdock-call';
import {
  LANGDOCK_MAX_EMBEDDINGS_PER_CALL,
  langdockEmbeddingModelSupportsDimensions,
  langdockEmbeddingOptionsSchema,
  type LangdockEmbeddingModelId,
  type LangdockEmbeddingModelSettings,
} from './langdock-embedding-options';
import {
  orderLangdockEmbeddings,
  validateLangdockEmbeddingResponse,
} from './parse-langdock-embedding-response';
import {
  prepareLangdockRequest,
  type LangdockRequestConfig,
} from '../http/langdock-request-config';
import {
  createLangdockJsonResponseHandler,
  LANGDOCK_MAX_RESPONSE_BYTES,
} from '../http/langdock-response-handlers';
import { parseLangdockProviderOptions } from '../parse-langdock-options';
import { readLangdockRateLimitHeaders } from '../http/langdock-rate-limit-response';

// A 3,072-dimension vector as pretty-printed JSON floats is about 100 KiB: the body may grow by that per input.
const MAX_EMBEDDING_JSON_BYTES = 128 * 1024;

export interface LangdockEmbedCall {
  values: unknown[];
  /** The spec's own `dimensions` call option (V4); `providerOptions.langdock.dimensions` means the same. */
  dimensions?: number;
  abortSignal?: AbortSignal;
  headers?: Record<string, string | undefined>;
  providerOptions?: LangdockProviderOptions;
}

export interface LangdockEmbedResult {
  embeddings: number[][];
  usage: { tokens: number } | undefined;
  warnings: LangdockWarning[];
  /** `langdock.rateLimit`: the `x-ratelimit-*` headers the response carried, as on chat and Messages. */
  providerMetadata: { langdock: { rateLimit: Record<string, number> } } | undefined;
  response: { headers: Record<string, string> | undefined; body: unknown };
}

/** One embedding model on Langdock's embeddings endpoint, in no spec's terms. */
export class LangdockEmbedder {
  readonly maxEmbeddingsPerCall: number;
  private readonly supportsDimensions: boolean;

  constructor(
    readonly modelId: LangdockEmbeddingModelId,
    settings: LangdockEmbeddingModelSettings,
    private readonly config: LangdockRequestConfig,
  ) {
    this.maxEmbeddingsPerCall = settings.maxEmbeddingsPerCall ?? LANGDOCK_MAX_EMBEDDINGS_PER_CALL;
    this.supportsDimensions =
      settings.supportsDimensions ?? langdockEmbeddingModelSupportsDimensions(modelId);
  }

  /**
   * `canWarn`: the spec has a warnings channel. Without one (V2), `dimensions` on a model that cannot
   * shorten its vectors is an error, since vectors of another length would come back unannounced.
   */
  async embed(
    provider: string,
    { values, dimensions, abortSignal, headers, providerOptions }: LangdockEmbedCall,
    { canWarn }: { canWarn: boolean },
  ): Promise<LangdockEmbedResult> {
    const warnings: LangdockWarning[] = [];
    const body = buildLangdockEmbeddingRequest({
      provider,
      modelId: this.modelId,
      values,
      dimensions,
      langdockOptions: parseLangdockProviderOptions(
        langdockEmbeddingOptionsSchema,
        providerOptions,
      ),
      maxEmbeddingsPerCall: this.maxEmbeddingsPerCall,
      supportsDimensions: this.supportsDimensions,
      warnings: canWarn ? warnings : undefined,
    });
    const request = prepareLangdockRequest(this.config, { path: '/embeddings', headers });
    const lease = await request.budget(
      this.modelId,
      () => estimateLangdockEmbeddingTokens(body.input),
      abortSignal,
    );
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
    }).catch(settleFailedLease(lease));
    lease?.responded(responseHeaders);
    const tokens = value.usage?.prompt_tokens ?? value.usage?.total_tokens;
    lease?.settle(tokens ?? lease.reserved);
    const rateLimit = readLangdockRateLimitHeaders(responseHeaders);
    return {
      embeddings: orderLangdockEmbeddings(value),
      usage: typeof tokens === 'number' ? { tokens } : undefined,
      warnings,
      providerMetadata:
        rateLimit === undefined ? undefined : { langdock: { rateLimit: { ...rateLimit } } },
      response: { headers: responseHeaders, body: rawValue },
    };
  }
}
