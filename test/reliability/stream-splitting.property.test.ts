import type { LanguageModelV2StreamPart } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../helpers/fixtures';
import { partsFromSse } from '../helpers/stream-parts';

// However the network cuts the bytes (inside a multi-byte character, inside `data:`), whatever line
// ends the server uses, and whatever comments or blank lines it interleaves, the parts are the same.

const SEED = 20261125;
const RUNS = 2000;

interface StreamSpec {
  text: string[];
  toolCalls: Array<{ id: string; name: string; argumentPieces: string[] }>;
  azureFilterChunk: boolean;
  usage: boolean;
}

const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });

/** Splits a string into 1..n pieces at arbitrary character (UTF-16 code unit safe) positions. */
const splitString = (value: string) =>
  fc.array(fc.nat({ max: Math.max(0, [...value].length) }), { maxLength: 4 }).map((cuts) => {
    const chars = [...value];
    const positions = [...new Set(cuts)].sort((a, b) => a - b);
    const pieces: string[] = [];
    let last = 0;
    for (const position of [...positions, chars.length]) {
      if (position > last) pieces.push(chars.slice(last, position).join(''));
      last = position;
    }
    return pieces.length > 0 ? pieces : [value];
  });

const toolCall = (index: number) =>
  fc.record({ city: unicodeText, count: fc.integer(), flag: fc.boolean() }).chain((args) =>
    splitString(JSON.stringify(args)).map((argumentPieces) => ({
      id: `call_${index}`,
      name: `tool_${index}`,
      argumentPieces,
    })),
  );

const streamSpec: fc.Arbitrary<StreamSpec> = fc.record({
  text: fc.array(unicodeText, { maxLength: 6 }),
  toolCalls: fc
    .integer({ min: 0, max: 3 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => toolCall(i)))),
  azureFilterChunk: fc.boolean(),
  usage: fc.boolean(),
});

function chunk(delta: object | undefined, extra: object = {}) {
  return JSON.stringify({
    id: 'chatcmpl-p',
    object: 'chat.completion.chunk',
    created: 1764000000,
    model: 'gpt-4.1',
    choices: [{ index: 0, ...(delta && { delta }), finish_reason: null }],
    ...extra,
  });
}

/** The `data` of each event, with tool-call deltas interleaved round-robin across calls. */
function eventsFor(spec: StreamSpec): string[] {
  const events: string[] = [];
  if (spec.azureFilterChunk)
    events.push(
      JSON.stringify({
        choices: [],
        created: 0,
        id: '',
        model: '',
        object: '',
        prompt_filter_results: [{ prompt_index: 0 }],
      }),
    );
  events.push(chunk({ role: 'assistant', content: '' }));
  for (const text of spec.text) events.push(chunk({ content: text }));
  spec.toolCalls.forEach((call, index) =>
    events.push(
      chunk({
        tool_calls: [
          { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
        ],
      }),
    ),
  );
  const longest = Math.max(0, ...spec.toolCalls.map((call) => call.argumentPieces.length));
  for (let piece = 0; piece < longest; piece++) {
    spec.toolCalls.forEach((call, index) => {
      const args = call.argumentPieces[piece];
      if (args !== undefined)
        events.push(chunk({ tool_calls: [{ index, function: { arguments: args } }] }));
    });
  }
  events.push(
    JSON.stringify({
      id: 'chatcmpl-p',
      created: 1764000000,
      model: 'gpt-4.1',
      choices: [
        { index: 0, delta: {}, finish_reason: spec.toolCalls.length > 0 ? 'tool_calls' : 'stop' },
      ],
    }),
  );
  if (spec.usage)
    events.push(
      JSON.stringify({
        id: 'chatcmpl-p',
        choices: [],
        usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
      }),
    );
  events.push('[DONE]');
  return events;
}

interface Framing {
  lineEnd: string;
  comments: boolean;
  extraBlankLines: boolean;
  noSpaceAfterColon: boolean;
}

const framing: fc.Arbitrary<Framing> = fc.record({
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  comments: fc.boolean(),
  extraBlankLines: fc.boolean(),
  noSpaceAfterColon: fc.boolean(),
});

function serialize(
  events: string[],
  { lineEnd, comments, extraBlankLines, noSpaceAfterColon }: Framing,
): string {
  return events
    .map(
      (data) =>
        `${comments ? `: keep-alive${lineEnd}` : ''}data:${noSpaceAfterColon ? '' : ' '}${data}${lineEnd}${lineEnd}${extraBlankLines ? lineEnd : ''}`,
    )
    .join('');
}

const cutPositions = (length: number) =>
  fc
    .array(fc.nat({ max: length }), { maxLength: 24 })
    .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b));

function splitBytes(bytes: Uint8Array, positions: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let last = 0;
  for (const position of [...positions, bytes.length]) {
    pieces.push(bytes.subarray(last, position));
    last = position;
  }
  return pieces;
}

function text(parts: LanguageModelV2StreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
}

describe('stream parts do not depend on how the bytes arrive (property)', () => {
  it('generated streams: text, interleaved tool calls, unicode, Azure filter and usage chunks, any framing and split', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        streamSpec.chain((spec) =>
          framing.chain((frame) => {
            const bytes = encoder.encode(serialize(eventsFor(spec), frame));
            return cutPositions(bytes.length).map((cuts) => ({ spec, bytes, cuts }));
          }),
        ),
        ({ spec, bytes, cuts }) => {
          const whole = partsFromSse([bytes]);
          const split = partsFromSse(splitBytes(bytes, cuts));
          expect(split).toEqual(whole);

          // And the parts say what the generator sent.
          expect(text(whole)).toBe(spec.text.join(''));
          const calls = whole.filter((part) => part.type === 'tool-call');
          expect(calls).toEqual(
            spec.toolCalls.map((call) => ({
              type: 'tool-call',
              toolCallId: call.id,
              toolName: call.name,
              input: call.argumentPieces.join(''),
            })),
          );
          expect(whole.filter((part) => part.type === 'error')).toEqual([]);
          expect(whole.at(-1)).toMatchObject({
            type: 'finish',
            finishReason: spec.toolCalls.length > 0 ? 'tool-calls' : 'stop',
          });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.each(['text', 'azure-text', 'tool-calls-interleaved', 'tool-call-no-id-no-args'])(
    'recorded fixture %s, split anywhere, with CRLF',
    (name) => {
      const events = readFixture(name);
      const encoder = new TextEncoder();
      for (const lineEnd of ['\n', '\r\n']) {
        const bytes = encoder.encode(
          events.map((data) => `data: ${data}${lineEnd}${lineEnd}`).join(''),
        );
        const whole = partsFromSse([bytes]);
        fc.assert(
          fc.property(cutPositions(bytes.length), (cuts) => {
            expect(partsFromSse(splitBytes(bytes, cuts))).toEqual(whole);
          }),
          { seed: SEED, numRuns: 500 },
        );
      }
    },
  );

  it('every single-byte cut of a unicode tool stream, including inside multi-byte characters', () => {
    const events = [
      chunk({
        tool_calls: [
          {
            index: 0,
            id: 'c',
            type: 'function',
            function: { name: 'say', arguments: '{"text":"Grüße 🌍 ' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: 'نعم 日本"}' } }] }),
      JSON.stringify({
        id: 'chatcmpl-p',
        choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
      }),
    ];
    const bytes = new TextEncoder().encode(events.map((data) => `data: ${data}\n\n`).join(''));
    const whole = partsFromSse([bytes]);
    expect(whole.filter((part) => part.type === 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'c',
        toolName: 'say',
        input: '{"text":"Grüße 🌍 نعم 日本"}',
      },
    ]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(partsFromSse([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    }
  });
});
