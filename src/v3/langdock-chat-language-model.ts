import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider-v3';
import type { LangdockLanguageModelCore } from '../core/langdock-call';
import { toLangdockUnifiedGenerateResult } from '../core/langdock-unified-results';
import { toLangdockCall, v3StreamSpec } from './langdock-v3-mapping';

/** A Langdock chat model as `LanguageModelV3`, for AI SDK 6. */
export class LangdockChatLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider: string;
  readonly supportedUrls: Record<string, RegExp[]>;
  readonly modelId: string;

  constructor(private readonly chat: LangdockLanguageModelCore) {
    this.modelId = chat.modelId;
    this.provider = chat.providerName;
    this.supportedUrls = chat.supportedUrls;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const result = await this.chat.generate(toLangdockCall(options));
    return {
      ...toLangdockUnifiedGenerateResult(result, false),
      request: { body: result.request.body },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { stream, request, response } = await this.chat.stream(
      toLangdockCall(options),
      v3StreamSpec,
    );
    return { stream, request: { body: request.body }, response };
  }
}
