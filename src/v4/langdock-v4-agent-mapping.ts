import type { LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import type { LangdockAgentStreamSpec } from '../core/agent/langdock-agent-parts';
import {
  parseLangdockDataUrl,
  toLangdockAgentUnifiedFinishReason,
} from '../core/agent/langdock-agent-results';
import { toLangdockNestedUsage, toLangdockUnifiedWarnings } from '../core/langdock-unified-results';

type V4Start = Extract<LanguageModelV4StreamPart, { type: 'stream-start' }>;
type V4Finish = Extract<LanguageModelV4StreamPart, { type: 'finish' }>;
type V4File = Extract<LanguageModelV4StreamPart, { type: 'file' }>;

/** An agent stream in LanguageModelV4 parts (AI SDK 7): dynamic provider-executed tools, files inline or as links. */
export const v4AgentStreamSpec: LangdockAgentStreamSpec<V4Start, V4Finish, V4File> = {
  startPart: (warnings) => ({
    type: 'stream-start',
    warnings: toLangdockUnifiedWarnings(warnings),
  }),
  finishPart: (finish) => ({
    type: 'finish',
    finishReason: toLangdockAgentUnifiedFinishReason(finish, true),
    // The UI message stream carries no usage.
    usage: toLangdockNestedUsage(undefined),
    ...(finish.providerMetadata !== undefined && {
      providerMetadata: { langdock: finish.providerMetadata },
    }),
  }),
  // V4 says `interrupted` for an answer whose stream ended before its finish chunk.
  reportsInterruption: true,
  tools: { dynamic: true, markResults: false, preliminaryResults: true },
  filePart: (file) => {
    const inline = parseLangdockDataUrl(file.url);
    if (inline !== undefined)
      return {
        type: 'file',
        mediaType: file.mediaType,
        data: { type: 'data', data: inline.base64 },
      };
    let url: URL;
    try {
      url = new URL(file.url);
    } catch {
      return undefined;
    }
    return { type: 'file', mediaType: file.mediaType, data: { type: 'url', url } };
  },
};
