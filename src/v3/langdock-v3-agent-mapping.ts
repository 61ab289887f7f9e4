import type { LanguageModelV3StreamPart } from '@ai-sdk/provider-v3';
import type { LangdockAgentStreamSpec } from '../core/agent/langdock-agent-parts';
import {
  parseLangdockDataUrl,
  toLangdockAgentUnifiedFinishReason,
} from '../core/agent/langdock-agent-results';
import { toLangdockNestedUsage, toLangdockUnifiedWarnings } from '../core/langdock-unified-results';

type V3Start = Extract<LanguageModelV3StreamPart, { type: 'stream-start' }>;
type V3Finish = Extract<LanguageModelV3StreamPart, { type: 'finish' }>;
type V3File = Extract<LanguageModelV3StreamPart, { type: 'file' }>;

/** An agent stream in LanguageModelV3 parts (AI SDK 6): the agent's tools are dynamic, provider-executed calls. */
export const v3AgentStreamSpec: LangdockAgentStreamSpec<V3Start, V3Finish, V3File> = {
  startPart: (warnings) => ({
    type: 'stream-start',
    warnings: toLangdockUnifiedWarnings(warnings),
  }),
  finishPart: (finish) => ({
    type: 'finish',
    finishReason: toLangdockAgentUnifiedFinishReason(finish, false),
    // The UI message stream carries no usage.
    usage: toLangdockNestedUsage(undefined),
    ...(finish.providerMetadata !== undefined && {
      providerMetadata: { langdock: finish.providerMetadata },
    }),
  }),
  reportsInterruption: false,
  tools: { dynamic: true, markResults: false, preliminaryResults: true },
  filePart: (file) => {
    // V3 files are bytes: a link (imageResponseFormat 'url') stays in provider metadata.
    const inline = parseLangdockDataUrl(file.url);
    return inline === undefined
      ? undefined
      : { type: 'file', mediaType: file.mediaType, data: inline.base64 };
  },
};
