import { postJsonToApi } from '@ai-sdk/provider-utils';
import {
  estimateLangdockChatReservation,
  estimateLangdockChatTokens,
} from '../rate-limit/estimate-langdock-tokens';
import { langdockUsageTokens, settleFailedLease } from '../rate-limit/langdock-rate-limit-lease';
import type { LangdockChatRequestBody } from './langdock-chat-api-types';
import { buildLangdockChatRequest } from './build-langdock-chat-request';
import type {
  LangdockChatCall,
  LangdockFinish,
  LangdockGenerateResult,
  LangdockLanguageModelCore,
  LangdockStreamPart,
  LangdockStreamResult,
  LangdockStreamSpec,
} from '../langdock-call';
import { langdockSupportedUrls } from '../langdock-supported-urls';
import { withLangdockResponseMetadata } from '../langdock-response-metadata';
import { collectLangdockStream, langdockCollectingStreamSpec } from '../collect-langdock-stream';
import {
  langdockChatOptionsSchema,
  type LangdockChatModelId,
  type LangdockChatModelSettings,
} from './langdock-chat-options';
import { createLangdockChatPartStream } from './langdock-chat-part-stream';
import {
  getLangdockModelCapabilities,
  type LangdockModelCapabilities,
} from './langdock-chat-model-capabilities';
import {
  prepareLangdockRequest,
  type LangdockRequestConfig,
} from '../http/langdock-request-config';
import {
  createLangdockEventStreamHandler,
  createLangdockJsonResponseHandler,
} from '../http/langdock-response-handlers';
import { mapLangdockChatResponse } from './map-langdock-chat-response';
import { parseLangdockProviderOptions } from '../parse-langdock-options';
import { validateLangdockChatResponse } from './validate-langdock-chat-response';

type PreparedChatCall = ReturnType<LangdockChat['prepare']>;

/**
 * One chat model on Langdock's chat completions endpoint, in no spec's terms: a call in, Langdock's
 * content, finish and parts out. Each spec's model class wraps one and maps only the edges.
 */
export class LangdockChat implements LangdockLanguageModelCore {
  readonly providerName = 'langdock.chat';
  readonly supportedUrls = langdockSupportedUrls();
  readonly capabilities: LangdockModelCapabilities;

  constructor(
    readonly modelId: LangdockChatModelId,
    settings: LangdockChatModelSettings,
    private readonly config: LangdockRequestConfig,
  ) {
    this.capabilities = getLangdockModelCapabilities(modelId, {
      isReasoningModel: settings.reasoningModel,
    });
  }

  private prepare(call: LangdockChatCall) {
    const langdockOptions = parseLangdockProviderOptions(
      langdockChatOptionsSchema,
      call.providerOptions,
      {
        help: 'See the options table in the README; a chat completions parameter without an option goes in extraBody, by its wire name.',
      },
    );
    const { body, warnings } = buildLangdockChatRequest({
      modelId: this.modelId,
      capabilities: this.capabilities,
      options: call,
      langdockOptions,
    });
    return {
      body,
      warnings,
      // Off by default: Langdock's chat completions streams carry no usage, and exact usage matters more to most.
      streamGenerate: langdockOptions.streamGenerate ?? false,
      request: prepareLangdockRequest(this.config, {
        path: '/chat/completions',
        headers: call.headers,
      }),
    };
  }

  async generate(call: LangdockChatCall): Promise<LangdockGenerateResult> {
    const prepared = this.prepare(call);
    if (prepared.streamGenerate) return this.generateByStreaming(call, prepared);
    const { body, warnings, request } = prepared;
    const lease = await request.budget(
      this.modelId,
      () => estimateLangdockChatReservation(body),
      call.abortSignal,
    );
    const { value, rawValue, responseHeaders } = await postJsonToApi({
      url: request.url,
      headers: request.headers,
      body,
      failedResponseHandler: request.failedResponseHandler,
      successfulResponseHandler: createLangdockJsonResponseHandler({
        what: 'chat completion',
        validate: validateLangdockChatResponse,
        redact: request.redact,
      }),
      abortSignal: call.abortSignal,
      fetch: request.fetch,
    }).catch(settleFailedLease(lease));
    lease?.responded(responseHeaders);
    const mapped = mapLangdockChatResponse(value, this.config.generateId);
    lease?.settle(langdockUsageTokens(mapped.finish.usage) ?? lease.reserved);
    return {
      ...mapped,
      finish: withLangdockResponseMetadata(mapped.finish, {
        gateway: this.config.gateway(),
        headers: responseHeaders,
      }),
      warnings: [...warnings, ...mapped.warnings],
      request: { url: request.url, body },
      response: { headers: responseHeaders, body: rawValue },
    };
  }

  /** A streamed answer, assembled; without usage in the stream, an estimate stands in metadata. */
  private async generateByStreaming(
    call: LangdockChatCall,
    prepared: PreparedChatCall,
  ): Promise<LangdockGenerateResult> {
    const result = await collectLangdockStream(
      await this.streamPrepared(
        { ...call, includeRawChunks: false },
        prepared,
        langdockCollectingStreamSpec,
        true,
      ),
    );
    const { finish } = result;
    if (finish.usage !== undefined) return result;
    const estimatedUsage = {
      inputTokens: estimateLangdockChatTokens(prepared.body, 0),
      outputTokens: finish.outputTokens ?? 0,
    };
    return {
      ...result,
      finish: { ...finish, providerMetadata: { ...finish.providerMetadata, estimatedUsage } },
    };
  }

  stream<START, FINISH>(
    call: LangdockChatCall,
    spec: LangdockStreamSpec<START, FINISH>,
  ): Promise<LangdockStreamResult<LangdockStreamPart | START | FINISH>> {
    return this.streamPrepared(call, this.prepare(call), spec, false);
  }

  private async streamPrepared<START, FINISH>(
    call: LangdockChatCall,
    prepared: PreparedChatCall,
    spec: LangdockStreamSpec<START, FINISH>,
    countOutputTokens: boolean,
  ): Promise<LangdockStreamResult<LangdockStreamPart | START | FINISH>> {
    const { request } = prepared;
    const body: LangdockChatRequestBody = { ...prepared.body, stream: true };
    const lease = await request.budget(
      this.modelId,
      () => estimateLangdockChatReservation(body),
      call.abortSignal,
    );
    const { value: eventStream, responseHeaders } = await postJsonToApi({
      url: request.url,
      headers: request.headers,
      body,
      failedResponseHandler: request.failedResponseHandler,
      successfulResponseHandler: createLangdockEventStreamHandler(request.redact),
      abortSignal: call.abortSignal,
      fetch: request.fetch,
    }).catch(settleFailedLease(lease));
    lease?.responded(responseHeaders);
    const gateway = this.config.gateway();
    // With a lease, the finish settles it: the real usage, else the prompt's estimate plus the streamed output's.
    const finishPart = (finish: LangdockFinish) => {
      lease?.settle(
        langdockUsageTokens(finish.usage) ??
          estimateLangdockChatTokens(body, finish.outputTokens ?? 0),
      );
      return spec.finishPart(
        withLangdockResponseMetadata(finish, { gateway, headers: responseHeaders }),
      );
    };
    const stream = createLangdockChatPartStream({
      body: eventStream,
      startPart: spec.startPart(prepared.warnings),
      finishPart,
      countOutputTokens: countOutputTokens || lease !== undefined,
      reportsInterruption: spec.reportsInterruption,
      abortSignal: call.abortSignal,
      generateId: this.config.generateId,
      includeRawChunks: call.includeRawChunks,
      redact: request.redact,
      url: request.url,
      requestBodyValues: body,
    });
    return { stream, request: { url: request.url, body }, response: { headers: responseHeaders } };
  }
}
