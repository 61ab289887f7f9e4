import {
  InvalidResponseDataError,
  type LanguageModelV2,
  type LanguageModelV2CallOptions,
  type LanguageModelV2StreamPart,
} from '@ai-sdk/provider';
import { combineHeaders, isAbortError, postJsonToApi } from '@ai-sdk/provider-utils';
import { buildLangdockChatRequest } from './build-langdock-chat-request';
import { langdockChatOptionsSchema, type LangdockChatModelId } from './langdock-chat-options';
import { createLangdockErrorHandler, langdockStreamInterruptedError } from './langdock-error';
import { getLangdockModelCapabilities, type LangdockModelCapabilities } from './langdock-model-capabilities';
import { LANGDOCK_MAX_RESPONSE_BYTES, langdockChatResponseHandler, langdockEventStreamHandler } from './langdock-response-handlers';
import { SseDecoder } from './langdock-sse-decoder';
import { LangdockStreamProcessor } from './langdock-stream-processor';
import { mapLangdockChatResponse } from './map-langdock-chat-response';
import type { LangdockRequestConfig } from './langdock-request-config';
import { parseLangdockProviderOptions } from './parse-langdock-options';

export interface LangdockChatModelSettings {
  /**
   * Treat the model as a reasoning model (`max_completion_tokens`, no sampling settings,
   * `reasoning_effort` sent) or not. By default this is derived from the model id.
   */
  reasoningModel?: boolean;
}

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

  private async prepare(options: LanguageModelV2CallOptions) {
    const langdockOptions = parseLangdockProviderOptions(langdockChatOptionsSchema, options.providerOptions);
    const { body, warnings } = buildLangdockChatRequest({
      modelId: this.modelId,
      capabilities: this.capabilities,
      options,
      langdockOptions,
    });
    const apiKey = this.config.apiKey();
    return {
      body,
      warnings,
      url: `${this.config.baseURL()}/chat/completions`,
      headers: combineHeaders(this.config.headers(apiKey), options.headers),
      failedResponseHandler: createLangdockErrorHandler(apiKey),
    };
  }

  async doGenerate(options: LanguageModelV2CallOptions): Promise<Awaited<ReturnType<LanguageModelV2['doGenerate']>>> {
    const { body, warnings, url, headers, failedResponseHandler } = await this.prepare(options);
    const { value, rawValue, responseHeaders } = await postJsonToApi({
      url,
      headers,
      body,
      failedResponseHandler,
      successfulResponseHandler: langdockChatResponseHandler,
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
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
    const prepared = await this.prepare(options);
    const body = { ...prepared.body, stream: true };
    const { value: eventStream, responseHeaders } = await postJsonToApi({
      url: prepared.url,
      headers: prepared.headers,
      body,
      failedResponseHandler: prepared.failedResponseHandler,
      successfulResponseHandler: langdockEventStreamHandler,
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    });

    const { warnings } = prepared;
    const { generateId } = this.config;
    const bytes = eventStream.getReader();
    let decoder: SseDecoder;
    let processor: LangdockStreamProcessor;
    // Pulls the body itself rather than piping it through a TransformStream: a pipe costs several
    // promises per read, which dominates when each token arrives in a read of its own.
    const stream = new ReadableStream<LanguageModelV2StreamPart>({
      start(controller) {
        processor = new LangdockStreamProcessor({
          emit: (part) => controller.enqueue(part),
          generateId,
          includeRawChunks: options.includeRawChunks,
          url: prepared.url,
          requestBodyValues: body,
        });
        decoder = new SseDecoder((data) => processor.push(data), LANGDOCK_MAX_RESPONSE_BYTES);
        controller.enqueue({ type: 'stream-start', warnings });
      },
      // Reads until the consumer has parts waiting, so backpressure still reaches the socket.
      async pull(controller) {
        try {
          do {
            const { done, value } = await bytes.read();
            if (done) {
              decoder.end();
              processor.finish();
              controller.close();
              return;
            }
            decoder.push(value);
          } while ((controller.desiredSize ?? 0) > 0);
        } catch (error) {
          // The caller's abort ends the stream as an abort; any other break becomes an error part.
          if (isAbortError(error) || options.abortSignal?.aborted) throw error;
          await bytes.cancel().catch(() => {});
          processor.interrupt(
            InvalidResponseDataError.isInstance(error) ? error : langdockStreamInterruptedError({ cause: error, url: prepared.url, requestBodyValues: body }),
          );
          controller.close();
        }
      },
      cancel(reason) {
        return bytes.cancel(reason);
      },
    });
    return { stream, request: { body }, response: { headers: responseHeaders } };
  }
}
