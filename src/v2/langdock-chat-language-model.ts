import type { LanguageModelV2, LanguageModelV2CallOptions } from '@ai-sdk/provider';
import type { LangdockLanguageModelCore } from '../core/langdock-call';
import {
  toLangdockCall,
  toV2FinishReason,
  toV2Usage,
  toV2Warnings,
  v2StreamSpec,
} from './langdock-v2-mapping';

/** A Langdock chat model as `LanguageModelV2`, for AI SDK 5. */
export class LangdockChatLanguageModel implements LanguageModelV2 {
  readonly specificationVersion = 'v2';
  readonly provider: string;
  readonly supportedUrls: Record<string, RegExp[]>;
  readonly modelId: string;

  constructor(private readonly chat: LangdockLanguageModelCore) {
    this.modelId = chat.modelId;
    this.provider = chat.providerName;
    this.supportedUrls = chat.supportedUrls;
  }

  async doGenerate(
    options: LanguageModelV2CallOptions,
  ): Promise<Awaited<ReturnType<LanguageModelV2['doGenerate']>>> {
    const result = await this.chat.generate(toLangdockCall(options));
    return {
      content: result.content,
      finishReason: toV2FinishReason(result.finish),
      usage: toV2Usage(result.finish.usage),
      ...(result.finish.providerMetadata !== undefined && {
        providerMetadata: { langdock: result.finish.providerMetadata },
      }),
      request: { body: result.request.body },
      response: { ...result.metadata, ...result.response },
      warnings: toV2Warnings(result.warnings, options.tools),
    };
  }

  async doStream(
    options: LanguageModelV2CallOptions,
  ): Promise<Awaited<ReturnType<LanguageModelV2['doStream']>>> {
    const { stream, request, response } = await this.chat.stream(
      toLangdockCall(options),
      v2StreamSpec(options.tools),
    );
    return { stream, request: { body: request.body }, response };
  }
}
