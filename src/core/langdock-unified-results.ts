import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockUsage } from './chat/langdock-chat-api-types';
import type { LangdockGenerateResult, LangdockStreamSpec } from './chat/langdock-chat';
import type { LangdockFinish, LangdockWarning } from './langdock-call';
import { mapLangdockFinishReason } from './chat/map-langdock-chat-finish-reason';

// Result shapes that the V3 and V4 specs share word for word, built once here in the core's own types.

export interface LangdockNestedUsage {
  inputTokens: {
    total: number | undefined;
    noCache: number | undefined;
    cacheRead: number | undefined;
    cacheWrite: number | undefined;
  };
  outputTokens: {
    total: number | undefined;
    text: number | undefined;
    reasoning: number | undefined;
  };
  raw?: Record<string, JSONValue>;
}

/** `noCache` = prompt − cached, `text` = completion − reasoning, `raw` = Langdock's usage object as sent. */
export function toLangdockNestedUsage(usage: LangdockUsage | undefined): LangdockNestedUsage {
  const prompt = usage?.prompt_tokens ?? undefined;
  const completion = usage?.completion_tokens ?? undefined;
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? undefined;
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens ?? undefined;
  return {
    inputTokens: {
      total: prompt,
      noCache: prompt === undefined ? undefined : prompt - (cached ?? 0),
      cacheRead: cached,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: completion,
      text: completion === undefined ? undefined : completion - (reasoning ?? 0),
      reasoning,
    },
    ...(usage !== undefined && { raw: usage as Record<string, JSONValue> }),
  };
}

export type LangdockUnifiedFinishReasonName =
  'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'interrupted' | 'other';

/** `{ unified, raw }`; `interrupted` only where the spec has it (V4), else such an end is an `error`. */
export function toLangdockUnifiedFinishReason<INTERRUPTED extends boolean>(
  finish: LangdockFinish,
  hasInterrupted: INTERRUPTED,
): {
  unified: INTERRUPTED extends true
    ? LangdockUnifiedFinishReasonName
    : Exclude<LangdockUnifiedFinishReasonName, 'interrupted'>;
  raw: string | undefined;
} {
  type Unified = INTERRUPTED extends true
    ? LangdockUnifiedFinishReasonName
    : Exclude<LangdockUnifiedFinishReasonName, 'interrupted'>;
  const unified =
    finish.outcome === 'failed'
      ? 'error'
      : finish.outcome === 'interrupted'
        ? hasInterrupted
          ? 'interrupted'
          : 'error'
        : (mapLangdockFinishReason(finish.finishReason) ?? 'other');
  return { unified: unified as Unified, raw: finish.finishReason };
}

export type LangdockUnifiedWarning =
  { type: 'unsupported'; feature: string; details: string } | { type: 'other'; message: string };

/** Warnings as V3 and V4 word them: a setting or tool not sent is an unsupported feature. */
export function toLangdockUnifiedWarnings(warnings: LangdockWarning[]): LangdockUnifiedWarning[] {
  return warnings.map((warning) => {
    switch (warning.type) {
      case 'unsupported-setting':
        return { type: 'unsupported', feature: warning.setting, details: warning.details };
      case 'unsupported-tool':
        return {
          type: 'unsupported',
          feature: `tool ${warning.toolName}`,
          details: warning.details,
        };
      case 'other':
        return warning;
    }
  });
}

/** The `stream-start` and `finish` parts of V3 and V4 (`interrupted` only where the spec has it, V4). */
export function langdockUnifiedStreamSpec<INTERRUPTED extends boolean>(
  hasInterrupted: INTERRUPTED,
) {
  const spec = {
    startPart: (warnings: LangdockWarning[]) => ({
      type: 'stream-start' as const,
      warnings: toLangdockUnifiedWarnings(warnings),
    }),
    finishPart: (finish: LangdockFinish) => ({
      type: 'finish' as const,
      finishReason: toLangdockUnifiedFinishReason(finish, hasInterrupted),
      usage: toLangdockNestedUsage(finish.usage),
      ...(finish.providerMetadata !== undefined && {
        providerMetadata: { langdock: finish.providerMetadata },
      }),
    }),
    // Where the spec says `interrupted` for a stream that ended without a finish reason, no error part is added for it.
    reportsInterruption: hasInterrupted,
  } satisfies LangdockStreamSpec<unknown, unknown>;
  return spec;
}

/** What V3 and V4 `doGenerate` results share; each spec adds its own `request`. */
export function toLangdockUnifiedGenerateResult<INTERRUPTED extends boolean>(
  result: LangdockGenerateResult,
  hasInterrupted: INTERRUPTED,
) {
  return {
    content: result.content,
    finishReason: toLangdockUnifiedFinishReason(result.finish, hasInterrupted),
    usage: toLangdockNestedUsage(result.finish.usage),
    ...(result.finish.providerMetadata !== undefined && {
      providerMetadata: { langdock: result.finish.providerMetadata },
    }),
    response: { ...result.metadata, ...result.response },
    warnings: toLangdockUnifiedWarnings(result.warnings),
  };
}
