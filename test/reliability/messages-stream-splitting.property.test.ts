import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LangdockFinish } from '../../src/core/langdock-call';
import { messagesPartsFromSse, type MessagesPart } from '../helpers/messages-stream-parts';

// An Anthropic Messages stream gives the same parts however the network cuts its bytes (inside a multi-byte
// character, inside `event:` or `data:`), whatever line ends the server uses, and with comments, blank lines
// and pings between events.

const SEED = 20261126;
const RUNS = 1500;

const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 });

/** Splits a string into pieces at arbitrary character positions (never inside a surrogate pair). */
const pieces = (value: string) =>
  fc.array(fc.nat({ max: [...value].length }), { maxLength: 4 }).map((cuts) => {
    const chars = [...value];
    const out: string[] = [];
    let last = 0;
    for (const position of [...new Set(cuts)].sort((a, b) => a - b).concat(chars.length)) {
      if (position > last) out.push(chars.slice(last, position).join(''));
      last = position;
    }
    return out;
  });

interface MessageSpec {
  thinking: string[] | undefined;
  text: string[];
  citedUrls: string[];
  toolInputs: string[][];
  /** JSON mode: the last tool is the forced `json` tool, its input the answer. */
  jsonMode: boolean;
  pings: boolean;
}

const messageSpec: fc.Arbitrary<MessageSpec> = fc.record({
  thinking: fc.option(fc.array(unicodeText, { minLength: 1, maxLength: 4 }), { nil: undefined }),
  text: fc.array(unicodeText, { maxLength: 5 }),
  citedUrls: fc.array(fc.constantFrom('https://a.example/1', 'https://b.example/ü'), {
    maxLength: 3,
  }),
  toolInputs: fc.array(
    fc
      .record({ city: unicodeText, count: fc.integer(), flag: fc.boolean() })
      .chain((input) => pieces(JSON.stringify(input))),
    { maxLength: 3 },
  ),
  jsonMode: fc.boolean(),
  pings: fc.boolean(),
});

function eventsFor(spec: MessageSpec): object[] {
  const events: object[] = [
    {
      type: 'message_start',
      message: {
        id: 'msg_p',
        model: 'claude-sonnet-4-5',
        usage: { input_tokens: 7, cache_read_input_tokens: 3, output_tokens: 1 },
      },
    },
  ];
  const ping = () => spec.pings && events.push({ type: 'ping' });
  let index = 0;
  if (spec.thinking) {
    events.push({ type: 'content_block_start', index, content_block: { type: 'thinking' } });
    for (const thinking of spec.thinking)
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'thinking_delta', thinking },
      });
    events.push({
      type: 'content_block_delta',
      index,
      delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM+/=' },
    });
    events.push({ type: 'content_block_stop', index: index++ });
  }
  if (spec.text.length > 0 || spec.citedUrls.length > 0) {
    events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
    for (const url of spec.citedUrls)
      events.push({
        type: 'content_block_delta',
        index,
        delta: {
          type: 'citations_delta',
          citation: { type: 'web_search_result_location', url, title: 'T', cited_text: 'c' },
        },
      });
    for (const text of spec.text) {
      ping();
      events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    }
    events.push({ type: 'content_block_stop', index: index++ });
  }
  spec.toolInputs.forEach((input, call) => {
    const name = spec.jsonMode && call === spec.toolInputs.length - 1 ? 'json' : `tool_${call}`;
    events.push({
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id: `toolu_${call}`, name, input: {} },
    });
    for (const partial_json of ['', ...input]) {
      ping();
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json },
      });
    }
    events.push({ type: 'content_block_stop', index: index++ });
  });
  events.push({
    type: 'message_delta',
    delta: { stop_reason: spec.toolInputs.length > 0 ? 'tool_use' : 'end_turn' },
    usage: { output_tokens: 20 },
  });
  events.push({ type: 'message_stop' });
  return events;
}

interface Framing {
  lineEnd: string;
  eventLines: boolean;
  comments: boolean;
  extraBlankLines: boolean;
}

const framing: fc.Arbitrary<Framing> = fc.record({
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  eventLines: fc.boolean(),
  comments: fc.boolean(),
  extraBlankLines: fc.boolean(),
});

function serialize(events: object[], { lineEnd, eventLines, comments, extraBlankLines }: Framing) {
  return events
    .map((event) => {
      const type = (event as { type: string }).type;
      return [
        comments ? `: keep-alive${lineEnd}` : '',
        eventLines ? `event: ${type}${lineEnd}` : '',
        `data: ${JSON.stringify(event)}${lineEnd}${lineEnd}`,
        extraBlankLines ? lineEnd : '',
      ].join('');
    })
    .join('');
}

function splitBytes(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let last = 0;
  for (const position of [...cuts, bytes.length]) {
    out.push(bytes.subarray(last, position));
    last = position;
  }
  return out;
}

const cutPositions = (length: number) =>
  fc
    .array(fc.nat({ max: length }), { maxLength: 24 })
    .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b));

const joined = (parts: MessagesPart[], type: 'text-delta' | 'reasoning-delta') =>
  parts.flatMap((part) => (part.type === type ? [part.delta] : [])).join('');

describe('Messages stream parts do not depend on how the bytes arrive (property)', () => {
  it('generated messages: thinking, cited text, tool input in pieces, JSON mode, pings, any framing and split', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        messageSpec.chain((spec) =>
          framing.chain((frame) => {
            const bytes = encoder.encode(serialize(eventsFor(spec), frame));
            return cutPositions(bytes.length).map((cuts) => ({ spec, bytes, cuts }));
          }),
        ),
        ({ spec, bytes, cuts }) => {
          const options = spec.jsonMode ? { jsonToolName: 'json' } : {};
          const whole = messagesPartsFromSse([bytes], options);
          expect(messagesPartsFromSse(splitBytes(bytes, cuts), options)).toEqual(whole);

          // And the parts say what the generator sent.
          const answer = spec.toolInputs.at(-1)?.join('');
          const calls = spec.jsonMode ? spec.toolInputs.slice(0, -1) : spec.toolInputs;
          expect(joined(whole, 'text-delta')).toBe(
            spec.jsonMode ? (answer ?? '') : spec.text.join(''),
          );
          expect(joined(whole, 'reasoning-delta')).toBe((spec.thinking ?? []).join(''));
          expect(whole.filter((part) => part.type === 'tool-call')).toEqual(
            calls.map((input, call) => ({
              type: 'tool-call',
              toolCallId: `toolu_${call}`,
              toolName: `tool_${call}`,
              input: input.join(''),
            })),
          );
          expect(
            whole.flatMap((part) =>
              part.type === 'source' ? [(part as { url: string }).url] : [],
            ),
          ).toEqual(spec.jsonMode ? [] : [...new Set(spec.citedUrls)]);
          expect(whole.filter((part) => part.type === 'error')).toEqual([]);
          const finish = (whole.at(-1) as { finish: LangdockFinish }).finish;
          expect(finish).toMatchObject({
            outcome: 'finished',
            reason: calls.length > 0 ? 'tool-calls' : 'stop',
            usage: { inputTokens: 10, cacheReadTokens: 3, outputTokens: 20, totalTokens: 30 },
          });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
