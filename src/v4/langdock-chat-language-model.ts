import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider-v4';
import type { LangdockLanguageModelCore } from '../core/langdock-call';
import { toLangdockUnifiedGenerateResult } from '../core/langdock-unified-results';
import { toLangdockCall, v4StreamSpec } from './langdock-v4-mapping';

/** A Langdock chat model as `LanguageModelV4`, for AI SDK 7. */
export class LangdockChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly provider: string;
  readonly supportedUrls: Record<string, RegExp[]>;
  readonly modelId: string;

  constructor(private readonly chat: LangdockLanguageModelCore) {
    this.modelId = chat.modelId;
    this.provider = chat.providerName;
    this.supportedUrls = chat.supportedUrls;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const result = await this.chat.generate(toLangdockCall(options));
    return { ...toLangdockUnifiedGenerateResult(result, true), request: result.request };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { stream, request, response } = await this.chat.stream(
      toLangdockCall(options),
      v4StreamSpec,
    );
    return { stream, request, response };
  }
}
