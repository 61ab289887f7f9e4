import type { LangdockFinishReasonName } from '../langdock-call';

/** Chat completions' `finish_reason` in the specs' shared words; undefined for one they have no name for. */
export function mapLangdockChatFinishReason(
  finishReason: string | null | undefined,
): LangdockFinishReasonName | undefined {
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
