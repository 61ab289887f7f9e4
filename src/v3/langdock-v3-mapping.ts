import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider-v3';
import { readLangdockReasoning, type LangdockChatCall, type LangdockFileData, type LangdockPrompt } from '../core/langdock-chat-call';
import type { LangdockStreamSpec } from '../core/langdock-chat';
import { toLangdockNestedUsage, toLangdockUnifiedFinishReason, toLangdockUnifiedWarnings } from '../core/langdock-unified-results';

// LanguageModelV3 (AI SDK 6) in and out of the core. AI SDK 7 runs V3 models natively and passes its
// `reasoning` along: it is read, as on the V4 entry.

export function toLangdockCall(options: LanguageModelV3CallOptions): LangdockChatCall {
  return { ...options, prompt: toLangdockPrompt(options.prompt), reasoning: readLangdockReasoning(options) };
}

/** Only file parts differ from the core's prompt: their raw data is tagged. Messages without files are passed as they are. */
function toLangdockPrompt(prompt: LanguageModelV3CallOptions['prompt']): LangdockPrompt {
  return prompt.map((message) => {
    if ((message.role !== 'user' && message.role !== 'assistant') || !message.content.some((part) => part.type === 'file')) return message as LangdockPrompt[number];
    const content = message.content.map((part) => (part.type === 'file' ? { ...part, data: toLangdockFileData(part.data) } : part));
    return { ...message, content } as LangdockPrompt[number];
  });
}

function toLangdockFileData(data: Uint8Array | string | URL): LangdockFileData {
  return data instanceof URL ? { type: 'url', url: data } : { type: 'data', data };
}

type V3Start = Extract<LanguageModelV3StreamPart, { type: 'stream-start' }>;
type V3Finish = Extract<LanguageModelV3StreamPart, { type: 'finish' }>;

export const v3StreamSpec: LangdockStreamSpec<V3Start, V3Finish> = {
  startPart: (warnings) => ({ type: 'stream-start', warnings: toLangdockUnifiedWarnings(warnings) }),
  finishPart: (finish) => ({
    type: 'finish',
    finishReason: toLangdockUnifiedFinishReason(finish, false),
    usage: toLangdockNestedUsage(finish.usage),
    ...(finish.providerMetadata !== undefined && { providerMetadata: { langdock: finish.providerMetadata } }),
  }),
  reportsInterruption: false,
};
