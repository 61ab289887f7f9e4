import type { LanguageModelV2, LanguageModelV2StreamPart } from '@ai-sdk/provider';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import { serverPerTest } from '../helpers/test-server';

// Parts must leave as soon as their bytes arrive: the server below holds the rest of the answer back
// until the consumer has seen the first delta, so a pipeline that buffers gets the order wrong.

const encoder = new TextEncoder();
const head = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
};
const event = (choice: object) =>
  `data: ${JSON.stringify({ ...head, choices: [{ index: 0, finish_reason: null, ...choice }] })}\n\n`;
const REST_SENT = '-- rest of the stream sent --';

const cases = [
  {
    name: 'text',
    first: event({ delta: { role: 'assistant', content: 'Hel' } }),
    rest: [
      event({ delta: { content: 'lo' } }),
      event({ delta: {}, finish_reason: 'stop' }),
      'data: [DONE]\n\n',
    ],
    firstDelta: 'text-delta',
    expected: [
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta Hel',
      REST_SENT,
      'text-delta lo',
      'text-end',
      'finish stop',
    ],
  },
  {
    name: 'tool call',
    first: event({
      delta: {
        tool_calls: [
          {
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"ci' },
          },
        ],
      },
    }),
    rest: [
      event({ delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Berlin"}' } }] } }),
      event({ delta: {}, finish_reason: 'tool_calls' }),
      'data: [DONE]\n\n',
    ],
    firstDelta: 'tool-input-delta',
    expected: [
      'stream-start',
      'response-metadata',
      'tool-input-start',
      'tool-input-delta {"ci',
      REST_SENT,
      'tool-input-delta ty":"Berlin"}',
      'tool-input-end',
      'tool-call {"city":"Berlin"}',
      'finish tool-calls',
    ],
  },
];

/** Sends `first`, then waits for `release` before the rest; a deadline turns a buffering pipeline into a wrong order, not a hang. */
function heldBack(first: string, rest: string[], log: string[]) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const restAfterRelease = async () => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 2000))]);
    log.push(REST_SENT);
    return rest;
  };
  return { first, restAfterRelease, release };
}

/** Drains the stream, logging each part; the first delta of the given type lets the rest of the response go. */
async function drain(
  model: LanguageModelV2,
  log: string[],
  firstDelta: string,
  release: () => void,
): Promise<void> {
  const { stream } = await model.doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  });
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    log.push(label(next.value));
    if (next.value.type === firstDelta) release();
  }
}

function label(part: LanguageModelV2StreamPart): string {
  switch (part.type) {
    case 'text-delta':
    case 'tool-input-delta':
      return `${part.type} ${part.delta}`;
    case 'tool-call':
      return `tool-call ${part.input}`;
    case 'finish':
      return `finish ${part.finishReason}`;
    default:
      return part.type;
  }
}

const servers = serverPerTest();

describe('time to first part', () => {
  it.each(cases)(
    '$name: a custom fetch whose body holds the rest back',
    async ({ first, rest, firstDelta, expected }) => {
      const log: string[] = [];
      const held = heldBack(first, rest, log);
      let sentFirst = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!sentFirst) {
            sentFirst = true;
            controller.enqueue(encoder.encode(held.first));
            return;
          }
          for (const text of await held.restAfterRelease())
            controller.enqueue(encoder.encode(text));
          controller.close();
        },
      });
      const fetch = async () =>
        new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      const model = createLangdock({
        apiKey: 'k',
        baseURL: 'http://bench.local/openai/eu/v1',
        fetch,
      })('gpt-4.1');

      await drain(model, log, firstDelta, held.release);

      expect(log).toEqual(expected);
    },
  );

  it.each(cases)(
    '$name: a real HTTP server that holds the rest back',
    async ({ first, rest, firstDelta, expected }) => {
      const log: string[] = [];
      const held = heldBack(first, rest, log);
      const server = await servers.start(async (_request, response: ServerResponse) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(held.first);
        for (const text of await held.restAfterRelease()) response.write(text);
        response.end();
      });
      const model = createLangdock({ apiKey: 'k', baseURL: server.baseURL })('gpt-4.1');

      await drain(model, log, firstDelta, held.release);

      expect(log).toEqual(expected);
    },
  );
});
