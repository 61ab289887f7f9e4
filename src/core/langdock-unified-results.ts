import type { JSONValue } from '@ai-sdk/provider';
import type {
  LangdockFinish,
  LangdockGenerateResult,
  LangdockStreamSpec,
  LangdockTokenUsage,
  LangdockWarning,
} from './langdock-call';

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

/**
 * `noCache` = input − cache reads − cache writes, `text` = output − reasoning (never below 0: some backends
 * count reasoning beyond the output), `raw` = the server's usage object as sent.
 */
export function toLangdockNestedUsage(usage: LangdockTokenUsage | undefined): LangdockNestedUsage {
  const input = usage?.inputTokens;
  const output = usage?.outputTokens;
  const cacheRead = usage?.cacheReadTokens;
  const cacheWrite = usage?.cacheWriteTokens;
  const reasoning = usage?.reasoningTokens;
  return {
    inputTokens: {
      total: input,
      noCache:
        input === undefined ? undefined : Math.max(0, input - (cacheRead ?? 0) - (cacheWrite ?? 0)),
      cacheRead,
      cacheWrite,
    },
    outputTokens: {
      total: output,
      text: output === undefined ? undefined : Math.max(0, output - (reasoning ?? 0)),
      reasoning,
    },
    ...(usage !== undefined && { raw: usage.raw }),
  };
}

export type LangdockUnifiedFinishReasonName =
  'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'interrupted' | 'other';

/** The finish reason names of a spec: `interrupted` only where the spec has it (V4). */
export type LangdockSpecFinishReasonName<INTERRUPTED extends boolean> = INTERRUPTED extends true
  ? LangdockUnifiedFinishReasonName
  : Exclude<LangdockUnifiedFinishReasonName, 'interrupted'>;

/** `{ unified, raw }`; `interrupted` only where the spec has it (V4), else such an end is an `error`. */
export function toLangdockUnifiedFinishReason<INTERRUPTED extends boolean>(
  finish: LangdockFinish,
  hasInterrupted: INTERRUPTED,
): { unified: LangdockSpecFinishReasonName<INTERRUPTED>; raw: string | undefined } {
  type Unified = LangdockSpecFinishReasonName<INTERRUPTED>;
  const unified =
    finish.outcome === 'failed'
      ? 'error'
      : finish.outcome === 'interrupted'
        ? hasInterrupted
          ? 'interrupted'
          : 'error'
        : (finish.reason ?? 'other');
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
