import { postJsonToApi } from '@ai-sdk/provider-utils';
import type {
  LangdockChatCall,
  LangdockFinish,
  LangdockGenerateResult,
  LangdockLanguageModelCore,
  LangdockStreamPart,
  LangdockStreamResult,
  LangdockStreamSpec,
} from '../langdock-call';
import { withLangdockResponseMetadata } from '../langdock-response-metadata';
import { collectLangdockStream, langdockCollectingStreamSpec } from '../collect-langdock-stream';
import {
  prepareLangdockRequest,
  type LangdockRequestConfig,
} from '../http/langdock-request-config';
import {
  createLangdockEventStreamHandler,
  createLangdockJsonResponseHandler,
} from '../http/langdock-response-handlers';
import {
  LANGDOCK_DEFAULT_OUTPUT_TOKENS,
  langdockTokenReservation,
} from '../rate-limit/langdock-rate-limit';
import { estimateLangdockMessagesTokens } from '../rate-limit/estimate-langdock-tokens';
import { langdockUsageTokens, settleFailedLease } from '../rate-limit/langdock-rate-limit-lease';
import {
  LANGDOCK_ANTHROPIC_VERSION,
  type LangdockMessagesRequestBody,
} from './langdock-messages-api-types';
import { buildLangdockMessagesRequest } from './build-langdock-messages-request';
import {
  getLangdockMessagesModelCapabilities,
  type LangdockMessagesModelCapabilities,
} from './langdock-messages-model-capabilities';
import { parseLangdockMessagesOptions } from './langdock-messages-options';
import { createLangdockMessagesPartStream } from './langdock-messages-part-stream';
import { mapLangdockMessagesResponse } from './map-langdock-messages-response';
import { validateLangdockMessagesResponse } from './validate-langdock-messages-response';

type PreparedMessagesCall = ReturnType<LangdockMessages['prepare']>;

/**
 * One Claude model on Langdock's Anthropic route (or the gateway's `/messages`), in no spec's terms: the
 * same call in and the same content, finish and parts out as the chat completions model.
 */
export class LangdockMessages implements LangdockLanguageModelCore {
  readonly providerName = 'langdock.messages';
  // Inline only: whether Bedrock and Vertex fetch URL sources behind Langdock is not documented, so the AI SDK
  // downloads files and they are sent as base64 [assumed; test:live tries a URL image].
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly capabilities: LangdockMessagesModelCapabilities;

  constructor(
    readonly modelId: string,
    private readonly config: LangdockRequestConfig,
  ) {
    this.capabilities = getLangdockMessagesModelCapabilities(modelId);
  }

  private prepare(call: LangdockChatCall) {
    const langdockOptions = parseLangdockMessagesOptions(call.providerOptions);
    const { body, warnings, jsonToolName } = buildLangdockMessagesRequest({
      modelId: this.modelId,
      capabilities: this.capabilities,
      options: call,
      langdockOptions,
    });
    const request = prepareLangdockRequest(this.config, {
      baseURL: this.config.messagesBaseURL(),
      path: '/messages',
      defaultHeaders: { 'anthropic-version': LANGDOCK_ANTHROPIC_VERSION },
      headers: call.headers,
    });
    // The reservation is what the user allows, not the max_tokens the format forces on every request.
    const estimate = (outputTokens = call.maxOutputTokens ?? LANGDOCK_DEFAULT_OUTPUT_TOKENS) =>
      estimateLangdockMessagesTokens(body, outputTokens);
    // Streamed by default: Messages streams carry usage, so nothing is lost, and a stream outlives the proxy's 100 s.
    const streamGenerate = langdockOptions.streamGenerate ?? true;
    return { body, warnings, jsonToolName, request, estimate, streamGenerate };
  }

  async generate(call: LangdockChatCall): Promise<LangdockGenerateResult> {
    const prepared = this.prepare(call);
    if (prepared.streamGenerate) {
      return collectLangdockStream(
        await this.streamPrepared(
          { ...call, includeRawChunks: false },
          prepared,
          langdockCollectingStreamSpec,
        ),
      );
    }
    const { body, warnings, jsonToolName, request, estimate } = prepared;
    const lease = await request.budget(
      this.modelId,
      () => langdockTokenReservation(estimate(0), call.maxOutputTokens),
      call.abortSignal,
    );
    const { value, rawValue, responseHeaders } = await postJsonToApi({
      url: request.url,
      headers: request.headers,
      body,
      failedResponseHandler: request.failedResponseHandler,
      successfulResponseHandler: createLangdockJsonResponseHandler({
        what: 'Messages response',
        validate: validateLangdockMessagesResponse,
        redact: request.redact,
      }),
      abortSignal: call.abortSignal,
      fetch: request.fetch,
    }).catch(settleFailedLease(lease));
    lease?.responded(responseHeaders);
    const mapped = mapLangdockMessagesResponse(value, this.config.generateId, { jsonToolName });
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

  stream<START, FINISH>(
    call: LangdockChatCall,
    spec: LangdockStreamSpec<START, FINISH>,
  ): Promise<LangdockStreamResult<LangdockStreamPart | START | FINISH>> {
    return this.streamPrepared(call, this.prepare(call), spec);
  }

  private async streamPrepared<START, FINISH>(
    call: LangdockChatCall,
    prepared: PreparedMessagesCall,
    spec: LangdockStreamSpec<START, FINISH>,
  ): Promise<LangdockStreamResult<LangdockStreamPart | START | FINISH>> {
    const { request, estimate } = prepared;
    const body: LangdockMessagesRequestBody = { ...prepared.body, stream: true };
    const lease = await request.budget(
      this.modelId,
      () => langdockTokenReservation(estimate(0), call.maxOutputTokens),
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
    // Messages streams report usage, so a lease is settled with it; the estimate covers a stream cut short.
    const finishPart = (finish: LangdockFinish) => {
      lease?.settle(langdockUsageTokens(finish.usage) ?? estimate(finish.outputTokens ?? 0));
      return spec.finishPart(
        withLangdockResponseMetadata(finish, { gateway, headers: responseHeaders }),
      );
    };
    const stream = createLangdockMessagesPartStream({
      body: eventStream,
      startPart: spec.startPart(prepared.warnings),
      finishPart,
      jsonToolName: prepared.jsonToolName,
      countOutputTokens: lease !== undefined,
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
