import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { v4AgentStreamSpec } from '../../src/v4/langdock-v4-agent-mapping';
import { agentPartsFromSse } from '../helpers/agent-stream';

// However Langdock frames the agent's events (a blank line between them, two glued on one line as in the real
// capture, or two data lines with no blank line between), whatever line ends it uses, and however the network
// cuts the bytes, the agent path reads the same chunks in the same order.

const SEED = 20260823;
const RUNS = 1500;

// Text that looks like framing: the decoder must never split inside a JSON string.
const trickyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('data: ', 'data:', '\n', '\r\n', '}data: {', '"', '\\', '[DONE]', '\u2026'),
    ),
    { maxLength: 5 },
  )
  .map((pieces) => pieces.join(''));

const chunk: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  trickyText.map((delta) => ({ type: 'text-delta', id: 'msg_1', delta })),
  trickyText.map((delta) => ({ type: 'reasoning-delta', id: 'rs_1', delta })),
  fc.record({ query: trickyText, n: fc.integer() }).map((input) => ({
    type: 'tool-input-available',
    toolCallId: 'call_1',
    toolName: 'web_search',
    input,
  })),
  trickyText.map((title) => ({
    type: 'source-url',
    sourceId: 's1',
    url: 'https://example.com',
    title,
  })),
  fc.constant({ type: 'start-step' }),
  fc.constant({ type: 'data-conversation-id', data: null }),
);

type Separator = 'blank-line' | 'glued' | 'no-blank-line';

const framing = fc.record({
  lineEnd: fc.constantFrom('\n', '\r\n'),
  spaceAfterColon: fc.boolean(),
});

/** Every `data:` event's text with the separator before the next event; the stream ends with `[DONE]`. */
function frame(
  events: string[],
  separators: Separator[],
  { lineEnd, spaceAfterColon }: { lineEnd: string; spaceAfterColon: boolean },
): string {
  const field = spaceAfterColon ? 'data: ' : 'data:';
  let text = '';
  events.forEach((event, index) => {
    text += `${field}${event}`;
    const separator =
      index === events.length - 1 ? 'blank-line' : separators[index % separators.length]!;
    if (separator === 'blank-line') text += lineEnd + lineEnd;
    else if (separator === 'no-blank-line') text += lineEnd;
  });
  return text;
}

/** Cuts the bytes at arbitrary offsets, inside multi-byte characters too. */
function cut(text: string, offsets: number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const positions = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort(
    (a, b) => a - b,
  );
  const pieces: Uint8Array[] = [];
  let last = 0;
  for (const position of [...positions, bytes.length]) {
    pieces.push(bytes.subarray(last, position));
    last = position;
  }
  return pieces;
}

describe('agent streams: glued and unseparated events (property)', () => {
  it('yields every chunk in order, whatever the framing and the byte boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(chunk, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom<Separator>('blank-line', 'glued', 'no-blank-line'), {
          minLength: 1,
          maxLength: 8,
        }),
        framing,
        fc.array(fc.nat(), { maxLength: 6 }),
        (chunks, separators, style, offsets) => {
          const events = [
            ...chunks.map((value) => JSON.stringify(value)),
            JSON.stringify({ type: 'finish' }),
            '[DONE]',
          ];
          const parts = agentPartsFromSse(
            cut(frame(events, separators, style), offsets),
            v4AgentStreamSpec,
            { includeRawChunks: true },
          );
          const raw = parts
            .filter((part) => (part as { type: string }).type === 'raw')
            .map((part) => (part as { rawValue: unknown }).rawValue);
          expect(raw).toEqual([...chunks, { type: 'finish' }]);
          expect(parts.some((part) => (part as { type: string }).type === 'error')).toBe(false);
          expect((parts.at(-1) as { finishReason: { unified: string } }).finishReason.unified).toBe(
            'stop',
          );
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('joins the text deltas back into exactly the text that was sent', () => {
    fc.assert(
      fc.property(
        fc.array(trickyText, { minLength: 1, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (deltas, glue, offsets) => {
          const events = [
            ...deltas.map((delta) => JSON.stringify({ type: 'text-delta', id: 'm', delta })),
            '{"type":"finish"}',
            '[DONE]',
          ];
          const separators = glue.map((glued): Separator => (glued ? 'glued' : 'blank-line'));
          const parts = agentPartsFromSse(
            cut(frame(events, separators, { lineEnd: '\n', spaceAfterColon: true }), offsets),
            v4AgentStreamSpec,
          );
          const text = parts
            .filter((part) => (part as { type: string }).type === 'text-delta')
            .map((part) => (part as { delta: string }).delta)
            .join('');
          expect(text).toBe(deltas.join(''));
        },
      ),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
