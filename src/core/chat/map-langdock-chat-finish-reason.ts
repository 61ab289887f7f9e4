/** The finish reasons every spec shares; `undefined` for one it has no name for (V2 `unknown`, V3/V4 `other`). */
export type LangdockUnifiedFinishReason =
  'stop' | 'length' | 'content-filter' | 'tool-calls' | undefined;

export function mapLangdockFinishReason(
  finishReason: string | null | undefined,
): LangdockUnifiedFinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return undefined;
  }
}
