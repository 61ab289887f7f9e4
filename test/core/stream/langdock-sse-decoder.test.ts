import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../../src/core/stream/langdock-sse-decoder';

function decodeAll(pieces: Array<string | Uint8Array>): string[] {
  const events: string[] = [];
  const decoder = new SseDecoder((data) => events.push(data));
  for (const piece of pieces) {
    if (typeof piece === 'string') decoder.pushText(piece);
    else decoder.push(piece);
  }
  decoder.end();
  return events;
}

describe('SseDecoder', () => {
  it.each([
    ['LF', 'data: a\n\ndata: b\n\n', ['a', 'b']],
    ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n', ['a', 'b']],
    ['CR', 'data: a\r\rdata: b\r\r', ['a', 'b']],
    ['no space after colon', 'data:a\n\n', ['a']],
    ['only one leading space is stripped', 'data:  a\n\n', [' a']],
    ['multi-line data joined with LF', 'data: {"a":\ndata: 1}\n\n', ['{"a":\n1}']],
    ['comments ignored', ': keep-alive\n\ndata: a\n: note\n\n', ['a']],
    ['event, id and retry lines ignored', 'event: message\nid: 7\nretry: 100\ndata: a\n\n', ['a']],
    ['unknown field ignored', 'foo: bar\ndata: a\n\n', ['a']],
    ['field without colon', 'data\n\n', ['']],
    ['data-like field name is not data', 'datax: a\n\n', []],
    ['blank lines without data dispatch nothing', '\n\n\n', []],
    ['last event without blank line is still delivered', 'data: a\n\ndata: b', ['a', 'b']],
    ['colon inside the value', 'data: {"url":"https://x"}\n\n', ['{"url":"https://x"}']],
  ])('%s', (_name, input, expected) => {
    expect(decodeAll([input])).toEqual(expected);
  });

  it('joins a CRLF split across reads into one line end', () => {
    expect(decodeAll(['data: a\r', '\n\r', '\ndata: b\r\n\r\n'])).toEqual(['a', 'b']);
    // Were the LF read as a second line end, the blank line would end the event after its first line.
    expect(decodeAll(['data: a\r', '\ndata: b\r\n\r\n'])).toEqual(['a\nb']);
  });

  it('decodes a multi-byte character split across reads', () => {
    const bytes = new TextEncoder().encode('data: "Grüße 🌍"\n\n');
    const pieces = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(decodeAll(pieces)).toEqual(['"Grüße 🌍"']);
  });

  it('keeps a line that spans many reads, and refuses an event past the size bound', () => {
    const events: string[] = [];
    const decoder = new SseDecoder((data) => events.push(data), 100);
    decoder.pushText('data: ');
    for (let i = 0; i < 9; i++) decoder.pushText('0123456789');
    decoder.pushText('\n\n');
    expect(events).toEqual(['0123456789'.repeat(9)]);
    expect(() => decoder.pushText(`data: ${'x'.repeat(101)}`)).toThrow(
      'A Langdock stream event is larger than 100 characters',
    );
  });

  it('gives the same events however the bytes are split (property)', () => {
    const event = fc
      .string({ unit: 'grapheme', maxLength: 20 })
      .map((text) => JSON.stringify(text));
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (events, lineEnd, withComments, cuts) => {
          const text = events
            .map(
              (data) =>
                `${withComments ? `: ping${lineEnd}` : ''}data: ${data}${lineEnd}${lineEnd}`,
            )
            .join('');
          const bytes = new TextEncoder().encode(text);
          const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const pieces: Uint8Array[] = [];
          let last = 0;
          for (const position of [...positions, bytes.length]) {
            pieces.push(bytes.subarray(last, position));
            last = position;
          }
          expect(decodeAll(pieces)).toEqual(events);
        },
      ),
      { seed: 20261125, numRuns: 1000 },
    );
  });
});
