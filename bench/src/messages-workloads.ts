// The SSE byte streams the Messages contenders read: Anthropic Messages events as Langdock's Anthropic route
// sends them (`event: <type>` then `data: <json>`), generated here in the shapes of real recorded streams.
import { count, word, type Workload } from './workloads';

function event(data: { type: string } & Record<string, unknown>): string {
  return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function messageStart(): string {
  return event({
    type: 'message_start',
    message: {
      model: 'claude-sonnet-4-6',
      id: 'msg_bench',
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: 20,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: 1,
        service_tier: 'standard',
      },
    },
  });
}

function* messageEnd(stopReason: 'end_turn' | 'tool_use', outputTokens: number): Generator<string> {
  yield event({
    type: 'message_delta',
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: {
      input_tokens: 20,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: outputTokens,
    },
  });
  yield event({ type: 'message_stop' });
}

const blockDelta = (index: number, delta: object) =>
  event({ type: 'content_block_delta', index, delta });

function* textBlock(index: number, deltas: number): Generator<string> {
  yield event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
  for (let i = 0; i < deltas; i++) yield blockDelta(index, { type: 'text_delta', text: word(i) });
  yield event({ type: 'content_block_stop', index });
}

const lengthOf = (deltas: number) => {
  let length = 0;
  for (let i = 0; i < deltas; i++) length += word(i).length;
  return length;
};

/** A long answer: one text block of `deltas` `text_delta`s. */
export function messagesTextWorkload(deltas: number): Workload {
  return {
    name: `text, ${count(deltas)} text_deltas`,
    chunks: deltas,
    expected: {
      textLength: lengthOf(deltas),
      reasoningLength: 0,
      toolCalls: 0,
      toolInputLength: 0,
      finishReason: 'stop',
    },
    *events() {
      yield messageStart();
      const blocks = textBlock(0, deltas);
      yield blocks.next().value as string;
      // Anthropic's keep-alive, as real streams send one after the first block opens.
      yield event({ type: 'ping' });
      yield* blocks;
      yield* messageEnd('end_turn', deltas);
    },
  };
}

/** One tool call whose input arrives in `deltas` `input_json_delta`s (after the empty first one real streams send). */
export function messagesToolWorkload(deltas: number): Workload {
  const piece = (i: number) =>
    `${i === 0 ? '{"text":"' : ''}${JSON.stringify(word(i)).slice(1, -1)}${i === deltas - 1 ? '"}' : ''}`;
  let toolInputLength = 0;
  for (let i = 0; i < deltas; i++) toolInputLength += piece(i).length;
  return {
    name: `tool, 1 call x ${count(deltas)} input_json_deltas`,
    chunks: deltas,
    expected: {
      textLength: 0,
      reasoningLength: 0,
      toolCalls: 1,
      toolInputLength,
      finishReason: 'tool-calls',
    },
    *events() {
      yield messageStart();
      yield event({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'toolu_bench', name: 'write_document', input: {} },
      });
      yield blockDelta(0, { type: 'input_json_delta', partial_json: '' });
      yield event({ type: 'ping' });
      for (let i = 0; i < deltas; i++)
        yield blockDelta(0, { type: 'input_json_delta', partial_json: piece(i) });
      yield event({ type: 'content_block_stop', index: 0 });
      yield* messageEnd('tool_use', deltas);
    },
  };
}

/** Extended thinking: a thinking block of `thinkingDeltas` `thinking_delta`s and its signature, then the answer. */
export function messagesThinkingWorkload(thinkingDeltas: number, textDeltas: number): Workload {
  return {
    name: `thinking, ${count(thinkingDeltas)} thinking_deltas + ${count(textDeltas)} text_deltas`,
    chunks: thinkingDeltas + textDeltas,
    expected: {
      textLength: lengthOf(textDeltas),
      reasoningLength: lengthOf(thinkingDeltas),
      toolCalls: 0,
      toolInputLength: 0,
      finishReason: 'stop',
    },
    *events() {
      yield messageStart();
      yield event({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      });
      yield event({ type: 'ping' });
      for (let i = 0; i < thinkingDeltas; i++)
        yield blockDelta(0, { type: 'thinking_delta', thinking: word(i) });
      // Signatures are opaque base64 of a few hundred characters.
      yield blockDelta(0, {
        type: 'signature_delta',
        signature: 'RXZRQkNrWUlDeGdDS2tBeGhENE5VS0Z6'.repeat(12),
      });
      yield event({ type: 'content_block_stop', index: 0 });
      yield* textBlock(1, textDeltas);
      yield* messageEnd('end_turn', thinkingDeltas + textDeltas);
    },
  };
}
