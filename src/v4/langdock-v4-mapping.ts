import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import type { LangdockChatCall } from '../core/langdock-call';
import type { LangdockStreamSpec } from '../core/langdock-call';
import { langdockUnifiedStreamSpec } from '../core/langdock-unified-results';

// LanguageModelV4 (AI SDK 7) in and out of the core. Its prompt is the core's prompt as it is (tagged file
// data, `reasoning` among the call options), so nothing is copied on the way in.

export function toLangdockCall(options: LanguageModelV4CallOptions): LangdockChatCall {
  return options;
}

type V4Start = Extract<LanguageModelV4StreamPart, { type: 'stream-start' }>;
type V4Finish = Extract<LanguageModelV4StreamPart, { type: 'finish' }>;

export const v4StreamSpec: LangdockStreamSpec<V4Start, V4Finish> = langdockUnifiedStreamSpec(true);
