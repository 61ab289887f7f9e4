import type { LanguageModelV2, LanguageModelV2CallOptions } from '@ai-sdk/provider';
import { postJsonToApi } from '@ai-sdk/provider-utils';
import { buildLangdockChatRequest } from '../core/build-langdock-chat-request';
import { langdockChatOptionsSchema, type LangdockChatModelId, type LangdockChatModelSettings } from '../core/langdock-chat-options';
import { createLangdockPartStream } from '../core/langdock-event-stream';
import { getLangdockModelCapabilities, type LangdockModelCapabilities } from '../core/langdock-model-capabilities';
import { prepareLangdockRequest, type LangdockRequestConfig } from '../core/langdock-request-config';
import { createLangdockEventStreamHandler, createLangdockJsonResponseHandler } from '../core/langdock-response-handlers';
import { mapLangdockChatResponse } from '../core/map-langdock-chat-response';
import { parseLangdockProviderOptions } from '../core/parse-langdock-options';
import { validateLangdockChatResponse } from '../core/validate-langdock-response';

export class LangdockChatLanguageModel implements LanguageModelV2 {
  readonly specificationVersion = 'v2';
  readonly provider = 'langdock.chat';
  // Langdock fetches https images itself; anything else the AI SDK downloads and sends inline.
  readonly supportedUrls: Record<string, RegExp[]> = { 'image/*': [/^https:\/\/.+$/i] };
  private readonly capabilities: LangdockModelCapabilities;

  constructor(
    readonly modelId: LangdockChatModelId,
    settings: LangdockChatModelSettings,
    private readonly config: LangdockRequestConfig,
  ) {
    this.capabilities = getLangdockModelCapabilities(modelId, { isReasoningModel: settings.reasoningModel });
  }

  private prepare(options: LanguageModelV2CallOptions) {
    const langdockOptions = parseLangdockProviderOptions(langdockChatOptionsSchema, options.providerOptions);
    const { body, warnings } = buildLangdockChatRequest({
      modelId: this.modelId,
      capabilities: this.capabilities,
      options,
      langdockOptions,
    });
    return { body, warnings, request: prepareLangdockRequest(this.config, { path: '/chat/completions', headers: options.headers }) };
  }

  async doGenerate(options: LanguageModelV2CallOptions): Promise<Awaited<ReturnType<LanguageModelV2['doGenerate']>>> {
    const { body, warnings, request } = this.prepare(options);
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
      abortSignal: options.abortSignal,
      fetch: request.fetch,
    });
    const mapped = mapLangdockChatResponse(value, this.config.generateId);
    return {
      content: mapped.content,
      finishReason: mapped.finishReason,
      usage: mapped.usage,
      ...(mapped.providerMetadata !== undefined && { providerMetadata: mapped.providerMetadata }),
      request: { body },
      response: { ...mapped.metadata, headers: responseHeaders, body: rawValue },
      warnings,
    };
  }

  async doStream(options: LanguageModelV2CallOptions): Promise<Awaited<ReturnType<LanguageModelV2['doStream']>>> {
    const prepared = this.prepare(options);
    const { request } = prepared;
    const body = { ...prepared.body, stream: true };
    const { value: eventStream, responseHeaders } = await postJsonToApi({
      url: request.url,
      headers: request.headers,
      body,
      failedResponseHandler: request.failedResponseHandler,
      successfulResponseHandler: createLangdockEventStreamHandler(request.redact),
      abortSignal: options.abortSignal,
      fetch: request.fetch,
    });
    const stream = createLangdockPartStream({
      body: eventStream,
      warnings: prepared.warnings,
      abortSignal: options.abortSignal,
      generateId: this.config.generateId,
      includeRawChunks: options.includeRawChunks,
      redact: request.redact,
      url: request.url,
      requestBodyValues: body,
    });
    return { stream, request: { body }, response: { headers: responseHeaders } };
  }
}
