import type { LangdockFinishReasonName } from '../langdock-call';

/**
 * Messages' `stop_reason` in the specs' shared words; undefined for one they have no name for. `tool_use` is
 * a `stop` when the only tool used was JSON mode's, whose input is the answer. `pause_turn` (a server tool's
 * long turn, to be sent back to continue) is no finished answer, so it gets no name, unlike `stop` in
 * @ai-sdk/anthropic.
 */
export function mapLangdockMessagesStopReason(
  stopReason: string | null | undefined,
  { answeredByJsonTool = false }: { answeredByJsonTool?: boolean } = {},
): LangdockFinishReasonName | undefined {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return answeredByJsonTool ? 'stop' : 'tool-calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    default:
      return undefined;
  }
}
