import type { LangdockAgentFinish } from './langdock-agent-parts';
import type {
  LangdockSpecFinishReasonName,
  LangdockUnifiedFinishReasonName,
} from '../langdock-unified-results';

// How an agent's finish reads in the specs' words. The UI message stream already speaks them: a `finish`
// chunk's `finishReason` (when one is sent) is an AI SDK finish reason; a bare `finish`, as Langdock sends it,
// means the answer is complete.

const unifiedNames: ReadonlySet<string> = new Set([
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'other',
]);

/** `stop` for a bare finish, the chunk's own reason when the specs know it, else `other`. */
export function langdockAgentFinishReasonName(
  finish: LangdockAgentFinish,
): Exclude<LangdockUnifiedFinishReasonName, 'interrupted'> {
  if (finish.outcome === 'failed') return 'error';
  if (finish.outcome === 'interrupted') return 'error';
  if (finish.finishReason === undefined) return 'stop';
  return unifiedNames.has(finish.finishReason)
    ? (finish.finishReason as Exclude<LangdockUnifiedFinishReasonName, 'interrupted'>)
    : 'other';
}

/** V3/V4's `{ unified, raw }`; `interrupted` only where the spec has it (V4). */
export function toLangdockAgentUnifiedFinishReason<INTERRUPTED extends boolean>(
  finish: LangdockAgentFinish,
  hasInterrupted: INTERRUPTED,
): { unified: LangdockSpecFinishReasonName<INTERRUPTED>; raw: string | undefined } {
  type Unified = LangdockSpecFinishReasonName<INTERRUPTED>;
  const unified =
    finish.outcome === 'interrupted' && hasInterrupted
      ? 'interrupted'
      : langdockAgentFinishReasonName(finish);
  return { unified: unified as Unified, raw: finish.finishReason };
}

/** A `data:` URL's media type and base64 payload; undefined for any other URL (or a data URL that is not base64). */
export function parseLangdockDataUrl(
  url: string,
): { mediaType: string; base64: string } | undefined {
  const match = /^data:([^;,]+)(?:;[^;,]*)*;base64,(.*)$/s.exec(url);
  return match === null ? undefined : { mediaType: match[1]!, base64: match[2]! };
}
