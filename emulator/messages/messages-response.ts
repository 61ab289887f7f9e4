// Turns a finished Messages reply into Anthropic's `message` object or its stream events, in the order the
// recorded streams have them: message_start, a ping, then per block start/deltas/stop, message_delta, message_stop.
import { splitText } from '../generation/token-estimate';
import type { MessagesOutcome } from './messages-finish';
import type {
  AnthropicContentBlock,
  AnthropicDeltaUsage,
  ContentBlockDelta,
  AnthropicMessage,
  MessagesStreamEvent,
} from './messages-wire';

export interface MessageIdentity {
  id: string;
  model: string;
}

// Input JSON deltas use odd sizes so they split JSON tokens mid-way, as real streams do.
const INPUT_JSON_PIECE_SIZES = [7, 5, 9, 3];
// Text and thinking arrive in a few words per delta, as in the recorded streams.
const TEXT_PIECE_SIZES = [16, 11, 20, 9];
/** Overloaded, as Anthropic words it. */
export const OVERLOADED = { type: 'overloaded_error', message: 'Overloaded' } as const;

export function buildMessage(
  outcome: MessagesOutcome,
  identity: MessageIdentity,
): AnthropicMessage {
  return {
    model: identity.model,
    id: identity.id,
    type: 'message',
    role: 'assistant',
    content: outcome.content,
    stop_reason: outcome.stopReason,
    stop_sequence: outcome.stopSequence,
    usage: outcome.usage,
  };
}

export function buildMessageEvents(
  outcome: MessagesOutcome,
  identity: MessageIdentity,
): MessagesStreamEvent[] {
  const events: MessagesStreamEvent[] = [
    {
      type: 'message_start',
      message: {
        ...buildMessage(outcome, identity),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        // The first output token is counted at the start, as Anthropic's streams do.
        usage: {
          ...withoutCost(outcome.usage),
          output_tokens: Math.min(1, outcome.usage.output_tokens),
        },
      },
    },
  ];
  if (outcome.content.length === 0) events.push({ type: 'ping' });
  outcome.content.forEach((block, index) => {
    events.push({ type: 'content_block_start', index, content_block: startOf(block) });
    if (index === 0) events.push({ type: 'ping' });
    events.push(
      ...deltasOf(block).map((delta) => ({ type: 'content_block_delta' as const, index, delta })),
    );
    events.push({ type: 'content_block_stop', index });
  });
  const { usage } = outcome;
  const deltaUsage: AnthropicDeltaUsage = {
    input_tokens: usage.input_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    output_tokens: usage.output_tokens,
    ...(usage.cost === undefined ? {} : { cost: usage.cost }),
  };
  events.push(
    {
      type: 'message_delta',
      delta: { stop_reason: outcome.stopReason, stop_sequence: outcome.stopSequence },
      usage: deltaUsage,
    },
    { type: 'message_stop' },
  );
  return events;
}

/**
 * The fault of a stream that breaks off: the events up to and including the first content delta, then Anthropic's
 * `error` event (overloaded) and no message_stop.
 */
export function breakOffEvents(events: readonly MessagesStreamEvent[]): MessagesStreamEvent[] {
  const firstDelta = events.findIndex((event) => event.type === 'content_block_delta');
  const kept = firstDelta === -1 ? events.slice(0, 1) : events.slice(0, firstDelta + 1);
  return [...kept, { type: 'error', error: { ...OVERLOADED } }];
}

function withoutCost<T extends { cost?: number }>(usage: T): Omit<T, 'cost'> {
  const { cost: _cost, ...rest } = usage;
  return rest;
}

/** A block as `content_block_start` opens it: empty text, thinking and input; redacted data whole. */
function startOf(block: AnthropicContentBlock): AnthropicContentBlock {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: {} };
    default:
      return block;
  }
}

function deltasOf(block: AnthropicContentBlock): ContentBlockDelta[] {
  switch (block.type) {
    case 'text':
      return splitText(block.text, TEXT_PIECE_SIZES).map((text) => ({
        type: 'text_delta' as const,
        text,
      }));
    case 'thinking':
      return [
        ...splitText(block.thinking, TEXT_PIECE_SIZES).map((thinking) => ({
          type: 'thinking_delta' as const,
          thinking,
        })),
        { type: 'signature_delta' as const, signature: block.signature },
      ];
    case 'tool_use': {
      // An empty first delta, as every recorded tool_use stream starts; `{}` input sends nothing more.
      const json = JSON.stringify(block.input);
      const pieces = json === '{}' ? [] : splitText(json, INPUT_JSON_PIECE_SIZES);
      return ['', ...pieces].map((partial_json) => ({
        type: 'input_json_delta' as const,
        partial_json,
      }));
    }
    default:
      return [];
  }
}
