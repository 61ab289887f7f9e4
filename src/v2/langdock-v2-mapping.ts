import type {
  LanguageModelV2CallOptions,
  LanguageModelV2CallWarning,
  LanguageModelV2FinishReason,
  LanguageModelV2StreamPart,
  LanguageModelV2Usage,
} from '@ai-sdk/provider';
import {
  readLangdockReasoning,
  type LangdockChatCall,
  type LangdockFinish,
  type LangdockStreamSpec,
  type LangdockTokenUsage,
  type LangdockWarning,
} from '../core/langdock-call';
import { tagLangdockFileData } from '../core/tag-langdock-file-data';

// LanguageModelV2 in and out of the core. AI SDK 6 and 7 also run this entry through their compatibility
// adapters, which pass newer shapes through (tagged file data, `provider` tools, `reasoning`): they are read too.

export function toLangdockCall(options: LanguageModelV2CallOptions): LangdockChatCall {
  return {
    ...options,
    prompt: tagLangdockFileData(options.prompt),
    tools: options.tools,
    reasoning: readLangdockReasoning(options),
  };
}

const v2Settings: ReadonlySet<string> = new Set([
  'maxOutputTokens',
  'temperature',
  'stopSequences',
  'topP',
  'topK',
  'presencePenalty',
  'frequencyPenalty',
  'responseFormat',
  'seed',
  'tools',
  'toolChoice',
]);

export function toV2Warnings(
  warnings: LangdockWarning[],
  tools: LanguageModelV2CallOptions['tools'],
): LanguageModelV2CallWarning[] {
  return warnings.map((warning): LanguageModelV2CallWarning => {
    switch (warning.type) {
      case 'unsupported-setting':
        return v2Settings.has(warning.setting)
          ? {
              type: 'unsupported-setting',
              setting: warning.setting as keyof LanguageModelV2CallOptions,
              details: warning.details,
            }
          : { type: 'other', message: `${warning.setting}: ${warning.details}` };
      case 'unsupported-tool': {
        const tool = tools?.find((candidate) => candidate.name === warning.toolName);
        return tool
          ? { type: 'unsupported-tool', tool, details: warning.details }
          : { type: 'other', message: `Tool ${warning.toolName}: ${warning.details}` };
      }
      case 'other':
        return warning;
    }
  });
}

export function toV2FinishReason(finish: LangdockFinish): LanguageModelV2FinishReason {
  if (finish.outcome !== 'finished') return 'error';
  return finish.reason ?? 'unknown';
}

/** Missing counts stay `undefined`: a stream without usage must not read as zero tokens. */
export function toV2Usage(usage: LangdockTokenUsage | undefined): LanguageModelV2Usage {
  return {
    inputTokens: usage?.inputTokens,
    outputTokens: usage?.outputTokens,
    totalTokens: usage?.totalTokens,
    reasoningTokens: usage?.reasoningTokens,
    cachedInputTokens: usage?.cacheReadTokens,
  };
}

type V2Start = Extract<LanguageModelV2StreamPart, { type: 'stream-start' }>;
type V2Finish = Extract<LanguageModelV2StreamPart, { type: 'finish' }>;

export function v2StreamSpec(
  tools: LanguageModelV2CallOptions['tools'],
): LangdockStreamSpec<V2Start, V2Finish> {
  return {
    startPart: (warnings) => ({ type: 'stream-start', warnings: toV2Warnings(warnings, tools) }),
    finishPart: (finish) => ({
      type: 'finish',
      finishReason: toV2FinishReason(finish),
      usage: toV2Usage(finish.usage),
      ...(finish.providerMetadata !== undefined && {
        providerMetadata: { langdock: finish.providerMetadata },
      }),
    }),
    reportsInterruption: false,
  };
}
