// The SSE byte streams the chat contenders read: OpenAI-style chat completion chunks, as Langdock sends them;
// and how any event stream is cut into reads.

const encoder = new TextEncoder();

/** Bytes per read handed to the parsers: roughly what a socket delivers from a fast server. */
export const READ_SIZE = 16 * 1024;

const head = {
  id: 'chatcmpl-bench',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  system_fingerprint: 'fp_bench',
};

// Token-sized pieces with the characters that cost extra: escapes, non-ASCII, surrogate pairs.
const words = [
  'The',
  ' quick',
  ' brown',
  ' fox',
  ' jumps',
  ' over',
  ' the',
  ' lazy',
  ' dog',
  '.',
  ' Grüße',
  ' "quoted"',
  '\n',
  ' 🌍',
  ' naïve',
  ' tab\there',
  ' 42',
  ',',
];

export const word = (i: number): string => words[i % words.length]!;

function event(choice: object | undefined, extra: object = {}): string {
  const chunk = {
    ...head,
    choices: choice === undefined ? [] : [{ index: 0, ...choice, logprobs: null }],
    ...extra,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

const usage = {
  usage: {
    prompt_tokens: 20,
    completion_tokens: 100,
    total_tokens: 120,
    prompt_tokens_details: { cached_tokens: 0 },
  },
};

/** What a correct parser must report for a workload: compared with every contender's summary. */
export interface Expected {
  textLength: number;
  reasoningLength: number;
  toolCalls: number;
  toolInputLength: number;
  /** The unified finish reason (`stop`, `tool-calls`). */
  finishReason: string;
}

export interface Workload {
  name: string;
  /** The unit the per-chunk costs are given in: content chunks or argument deltas. */
  chunks: number;
  /** One SSE event at a time, generated on demand so a long stream is never held in memory. */
  events: () => Generator<string>;
  expected: Expected;
}

export function textWorkload(chunks: number): Workload {
  let textLength = 0;
  for (let i = 0; i < chunks; i++) textLength += word(i).length;
  return {
    name: `text, ${count(chunks)} chunks`,
    chunks,
    expected: {
      textLength,
      reasoningLength: 0,
      toolCalls: 0,
      toolInputLength: 0,
      finishReason: 'stop',
    },
    *events() {
      yield event({ delta: { role: 'assistant', content: '' }, finish_reason: null });
      for (let i = 0; i < chunks; i++)
        yield event({ delta: { content: word(i) }, finish_reason: null });
      yield event({ delta: {}, finish_reason: 'stop' });
      yield event(undefined, usage);
      yield 'data: [DONE]\n\n';
    },
  };
}

/** `calls` tool calls whose arguments arrive in `deltasPerCall` pieces each, interleaved round-robin. */
export function toolWorkload(calls: number, deltasPerCall: number): Workload {
  const piece = (call: number, i: number) =>
    `${i === 0 ? '{"text":"' : ''}${JSON.stringify(word(i + call)).slice(1, -1)}${i === deltasPerCall - 1 ? '"}' : ''}`;
  let toolInputLength = 0;
  for (let call = 0; call < calls; call++)
    for (let i = 0; i < deltasPerCall; i++) toolInputLength += piece(call, i).length;
  const toolCall = (index: number, fields: object) => ({
    delta: { tool_calls: [{ index, ...fields }] },
    finish_reason: null,
  });
  return {
    name:
      calls === 1
        ? `tool, 1 call x ${count(deltasPerCall)} deltas`
        : `tools, ${calls} calls x ${count(deltasPerCall)} interleaved`,
    chunks: calls * deltasPerCall,
    expected: {
      textLength: 0,
      reasoningLength: 0,
      toolCalls: calls,
      toolInputLength,
      finishReason: 'tool-calls',
    },
    *events() {
      yield event({ delta: { role: 'assistant', content: null }, finish_reason: null });
      for (let call = 0; call < calls; call++) {
        yield event(
          toolCall(call, {
            id: `call_${call}`,
            type: 'function',
            function: { name: 'write_document', arguments: '' },
          }),
        );
      }
      for (let i = 0; i < deltasPerCall; i++) {
        for (let call = 0; call < calls; call++)
          yield event(toolCall(call, { function: { arguments: piece(call, i) } }));
      }
      yield event({ delta: {}, finish_reason: 'tool_calls' });
      yield event(undefined, usage);
      yield 'data: [DONE]\n\n';
    },
  };
}

/**
 * `reasoning_content` deltas (how Azure-hosted reasoning models stream their thinking), then the answer's
 * content deltas: the chat counterpart of a Messages stream that thinks before it answers.
 */
export function reasoningWorkload(reasoningChunks: number, textChunks: number): Workload {
  let [reasoningLength, textLength] = [0, 0];
  for (let i = 0; i < reasoningChunks; i++) reasoningLength += word(i).length;
  for (let i = 0; i < textChunks; i++) textLength += word(i).length;
  return {
    name: `reasoning, ${count(reasoningChunks)} + text ${count(textChunks)} chunks`,
    chunks: reasoningChunks + textChunks,
    expected: {
      textLength,
      reasoningLength,
      toolCalls: 0,
      toolInputLength: 0,
      finishReason: 'stop',
    },
    *events() {
      yield event({ delta: { role: 'assistant', content: '' }, finish_reason: null });
      for (let i = 0; i < reasoningChunks; i++)
        yield event({ delta: { reasoning_content: word(i) }, finish_reason: null });
      for (let i = 0; i < textChunks; i++)
        yield event({ delta: { content: word(i) }, finish_reason: null });
      yield event({ delta: {}, finish_reason: 'stop' });
      yield event(undefined, usage);
      yield 'data: [DONE]\n\n';
    },
  };
}

/** One read per event: a model producing tokens slower than the network carries them. */
export function* eventReads(events: Iterable<string>): Generator<Uint8Array> {
  for (const text of events) yield encoder.encode(text);
}

/** Packs events into reads of exactly `readSize` bytes (the last may be shorter), cut wherever a socket might cut. */
export function* reads(events: Iterable<string>, readSize = READ_SIZE): Generator<Uint8Array> {
  let read = new Uint8Array(readSize);
  let filled = 0;
  for (const text of events) {
    const bytes = encoder.encode(text);
    for (let offset = 0; offset < bytes.length;) {
      const n = Math.min(readSize - filled, bytes.length - offset);
      read.set(bytes.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === readSize) {
        yield read;
        read = new Uint8Array(readSize);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield read.subarray(0, filled);
}

export function count(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}
