import { describe, expect, it } from 'vitest';
import { mapLangdockMessagesStopReason } from '../../../src/core/messages/map-langdock-messages-stop-reason';

describe('mapLangdockMessagesStopReason', () => {
  it.each([
    ['end_turn', false, 'stop'],
    ['stop_sequence', false, 'stop'],
    ['tool_use', false, 'tool-calls'],
    ['tool_use', true, 'stop'],
    ['max_tokens', false, 'length'],
    ['model_context_window_exceeded', false, 'length'],
    ['refusal', false, 'content-filter'],
    ['pause_turn', false, undefined],
    ['compaction', false, undefined],
    ['something_new', false, undefined],
    [null, false, undefined],
    [undefined, false, undefined],
  ] as const)('%s (answered by the JSON tool: %s) is %s', (stopReason, byJsonTool, expected) => {
    expect(mapLangdockMessagesStopReason(stopReason, { answeredByJsonTool: byJsonTool })).toBe(
      expected,
    );
  });

  it('end_turn stays stop whether or not the JSON tool answered', () => {
    expect(mapLangdockMessagesStopReason('end_turn', { answeredByJsonTool: true })).toBe('stop');
    expect(mapLangdockMessagesStopReason('max_tokens', { answeredByJsonTool: true })).toBe(
      'length',
    );
  });
});
