import type { LanguageModelV2CallOptions, LanguageModelV2StreamPart } from '@ai-sdk/provider';
import type { LangdockAgentStreamSpec } from '../core/agent/langdock-agent-parts';
import {
  langdockAgentFinishReasonName,
  parseLangdockDataUrl,
} from '../core/agent/langdock-agent-results';
import { toV2Warnings } from './langdock-v2-mapping';

type V2Start = Extract<LanguageModelV2StreamPart, { type: 'stream-start' }>;
type V2Finish = Extract<LanguageModelV2StreamPart, { type: 'finish' }>;
type V2File = Extract<LanguageModelV2StreamPart, { type: 'file' }>;

/**
 * An agent stream in LanguageModelV2 parts (AI SDK 5). ai@5 breaks on a provider-executed call of a tool its
 * `tools` do not name (streamText emits a TypeError part, generateText throws), so only calls of tools the call
 * names become tool parts (`langdock.agentTools(...)` names them); the rest go to provider metadata.
 */
export function v2AgentStreamSpec(
  tools: LanguageModelV2CallOptions['tools'],
): LangdockAgentStreamSpec<V2Start, V2Finish, V2File> {
  const named = new Set((tools ?? []).map((tool) => tool.name));
  return {
    startPart: (warnings) => ({ type: 'stream-start', warnings: toV2Warnings(warnings, tools) }),
    finishPart: (finish) => ({
      type: 'finish',
      finishReason: langdockAgentFinishReasonName(finish),
      // The UI message stream carries no usage.
      usage: { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined },
      ...(finish.providerMetadata !== undefined && {
        providerMetadata: { langdock: finish.providerMetadata },
      }),
    }),
    reportsInterruption: false,
    tools: {
      dynamic: false,
      markResults: true,
      preliminaryResults: false,
      passes: (toolName) => named.has(toolName),
    },
    filePart: (file) => {
      // V2 files are bytes: a link (imageResponseFormat 'url') stays in provider metadata.
      const inline = parseLangdockDataUrl(file.url);
      return inline === undefined
        ? undefined
        : { type: 'file', mediaType: file.mediaType, data: inline.base64 };
    },
  };
}
