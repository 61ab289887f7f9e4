import type { LanguageModelV2StreamPart } from '@ai-sdk/provider';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v2/index';

// 500 streams at once, 2,000 chunks each, through one process: every stream must arrive complete and
// intact, and the memory must return near where it started. Figures print; bench/README.md keeps them.

const STREAMS = Number(process.env.LOAD_STREAMS ?? 500);
const CHUNKS = Number(process.env.LOAD_CHUNKS ?? 2000);
const TOOL_PIECES = 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const wordFor = (stream: number, i: number) => `s${stream}w${i} `;
const argumentsFor = (stream: number) =>
  JSON.stringify({ stream, city: `Zürich-${stream}`, note: '🌍'.repeat(3) });

/** One stream's SSE bytes, written in a few large writes like a busy server would. */
function* sseFor(stream: number): Generator<string> {
  const head = {
    id: `chatcmpl-${stream}`,
    object: 'chat.completion.chunk',
    created: 1764000000,
    model: 'gpt-4.1',
  };
  let batch = '';
  const push = (choice: object) => {
    batch += `data: ${JSON.stringify({ ...head, choices: [{ index: 0, ...choice }] })}\n\n`;
  };
  const textChunks = CHUNKS - TOOL_PIECES - 2;
  for (let i = 0; i < textChunks; i++) {
    push({ delta: { content: wordFor(stream, i) }, finish_reason: null });
    if (batch.length > 16_384) {
      yield batch;
      batch = '';
    }
  }
  const args = argumentsFor(stream);
  const size = Math.ceil(args.length / TOOL_PIECES);
  push({
    delta: {
      tool_calls: [
        {
          index: 0,
          id: `call_${stream}`,
          type: 'function',
          function: { name: 'lookup', arguments: '' },
        },
      ],
    },
    finish_reason: null,
  });
  for (let i = 0; i < TOOL_PIECES; i++) {
    push({
      delta: {
        tool_calls: [{ index: 0, function: { arguments: args.slice(i * size, (i + 1) * size) } }],
      },
      finish_reason: null,
    });
  }
  push({ delta: {}, finish_reason: 'tool_calls' });
  yield `${batch}data: [DONE]\n\n`;
}

let baseURL = '';
const server = createServer((request, response) => {
  const stream = Number(request.headers['x-stream']);
  request.resume();
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const pieces = sseFor(stream);
  const write = () => {
    for (let next = pieces.next(); !next.done; next = pieces.next()) {
      if (!response.write(next.value)) return void response.once('drain', write);
    }
    response.end();
  };
  write();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openai/eu/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function consume(stream: ReadableStream<LanguageModelV2StreamPart>) {
  let text = '';
  let deltas = 0;
  const toolCalls: Array<{ toolCallId: string; input: string }> = [];
  const errors: unknown[] = [];
  let finishReason: string | undefined;
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const part = next.value;
    if (part.type === 'text-delta') {
      text += part.delta;
      deltas++;
    } else if (part.type === 'tool-call')
      toolCalls.push({ toolCallId: part.toolCallId, input: part.input });
    else if (part.type === 'error') errors.push(part.error);
    else if (part.type === 'finish') finishReason = part.finishReason;
  }
  return { text, deltas, toolCalls, errors, finishReason };
}

describe(`load: ${STREAMS} concurrent streams of ${CHUNKS} chunks`, () => {
  it('delivers every stream complete and intact, and gives the memory back', async () => {
    const model = createLangdock({ apiKey: 'ld-load-test-key-000000', baseURL })('gpt-4.1');
    const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'go' }] }];
    const textChunks = CHUNKS - TOOL_PIECES - 2;

    gc();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();

    // Every part stream must be collectable once consumed: a registry counts the ones the GC reclaimed.
    let reclaimed = 0;
    const registry = new FinalizationRegistry<number>(() => {
      reclaimed++;
    });
    const results = await Promise.all(
      Array.from({ length: STREAMS }, async (_, stream) => {
        const { stream: parts } = await model.doStream({
          prompt,
          headers: { 'x-stream': String(stream) },
        });
        registry.register(parts, stream);
        return consume(parts);
      }),
    );
    const elapsed = performance.now() - started;
    clearInterval(sampler);

    results.forEach((result, stream) => {
      expect(result.errors).toEqual([]);
      expect(result.finishReason).toBe('tool-calls');
      expect(result.deltas).toBe(textChunks);
      expect(result.text).toBe(
        Array.from({ length: textChunks }, (_, i) => wordFor(stream, i)).join(''),
      );
      expect(result.toolCalls).toEqual([
        { toolCallId: `call_${stream}`, input: argumentsFor(stream) },
      ]);
    });
    results.length = 0;

    for (let round = 0; round < 20 && reclaimed < STREAMS; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const after = process.memoryUsage();
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `load: ${STREAMS} streams x ${CHUNKS} chunks = ${STREAMS * CHUNKS} chunks in ${(elapsed / 1000).toFixed(2)} s ` +
        `(${((elapsed * 1000) / (STREAMS * CHUNKS)).toFixed(2)} µs/chunk); heap ${mib(baseline.heapUsed)} -> ${mib(after.heapUsed)} MiB after GC; ` +
        `peak RSS +${mib(peakRss - baseline.rss)} MiB; ${reclaimed}/${STREAMS} part streams reclaimed`,
    );
    // Nothing the provider keeps (a cache, a listener, a timer) holds on to a finished stream.
    expect(reclaimed).toBe(STREAMS);
  }, 120_000);
});
