import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider-v3';
import { readLangdockReasoning, type LangdockChatCall } from '../core/langdock-call';
import type { LangdockStreamSpec } from '../core/langdock-call';
import { tagLangdockFileData } from '../core/tag-langdock-file-data';
import { langdockUnifiedStreamSpec } from '../core/langdock-unified-results';

// LanguageModelV3 (AI SDK 6) in and out of the core. AI SDK 7 runs V3 models natively and passes its
// `reasoning` along: it is read, as on the V4 entry.

export function toLangdockCall(options: LanguageModelV3CallOptions): LangdockChatCall {
  return {
    ...options,
    prompt: tagLangdockFileData(options.prompt),
    reasoning: readLangdockReasoning(options),
  };
}

type V3Start = Extract<LanguageModelV3StreamPart, { type: 'stream-start' }>;
type V3Finish = Extract<LanguageModelV3StreamPart, { type: 'finish' }>;

export const v3StreamSpec: LangdockStreamSpec<V3Start, V3Finish> = langdockUnifiedStreamSpec(false);
