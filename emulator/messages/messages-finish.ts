// Applies stop sequences and `max_tokens` to a Messages reply, and works out its stop reason and usage.
import { TokenTally } from '../generation/token-estimate';
import type { AnthropicContentBlock, AnthropicUsage, MessagesStopReason } from './messages-wire';
import type { MessagesRequest } from './messages-request';
import type { MessagesReply, PlannedBlock } from './messages-responder';
import type { CacheUsage } from './prompt-cache';
import { signThinking } from './thinking-signature';

export interface MessagesOutcome {
  content: AnthropicContentBlock[];
  stopReason: MessagesStopReason;
  stopSequence: string | null;
  usage: AnthropicUsage;
}

/**
 * Blocks are generated in order and count against `max_tokens` (thinking too); a text block is cut at the budget
 * or at the earliest stop sequence, a tool_use block that does not fit is left out, and nothing follows a cut.
 */
export function finishMessagesReply(
  reply: MessagesReply,
  request: MessagesRequest,
  cache: CacheUsage,
  cost: ((usage: AnthropicUsage) => number) | undefined,
): MessagesOutcome {
  const tally = new TokenTally();
  const content: AnthropicContentBlock[] = [];
  let cut: { reason: 'max_tokens' } | { reason: 'stop_sequence'; sequence: string } | undefined;
  for (const block of reply.blocks) {
    const finished = finishBlock(block, request, tally);
    if (finished.block !== undefined) content.push(finished.block);
    cut = finished.cut;
    if (cut !== undefined) break;
  }
  const stopReason: MessagesStopReason = reply.refusal
    ? 'refusal'
    : (cut?.reason ??
      (content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'));
  const usage: AnthropicUsage = {
    input_tokens: cache.inputTokens,
    cache_creation_input_tokens: cache.cacheWrite5mTokens + cache.cacheWrite1hTokens,
    cache_read_input_tokens: cache.cacheReadTokens,
    cache_creation: {
      ephemeral_5m_input_tokens: cache.cacheWrite5mTokens,
      ephemeral_1h_input_tokens: cache.cacheWrite1hTokens,
    },
    output_tokens: tally.tokens,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
  if (cost !== undefined) usage.cost = cost(usage);
  return {
    content,
    stopReason,
    stopSequence: cut?.reason === 'stop_sequence' ? cut.sequence : null,
    usage,
  };
}

interface FinishedBlock {
  block: AnthropicContentBlock | undefined;
  cut: { reason: 'max_tokens' } | { reason: 'stop_sequence'; sequence: string } | undefined;
}

function finishBlock(
  block: PlannedBlock,
  request: MessagesRequest,
  tally: TokenTally,
): FinishedBlock {
  const budget = request.maxTokens;
  switch (block.type) {
    case 'thinking': {
      const thinking = tally.addWithin(block.thinking, budget);
      const kept = { type: 'thinking' as const, thinking, signature: signThinking(thinking) };
      return {
        block: kept,
        cut: thinking === block.thinking ? undefined : { reason: 'max_tokens' },
      };
    }
    case 'redacted_thinking':
      // Opaque data cannot be cut: a block that does not fit is left out.
      return tally.addWithin(block.data, budget) === block.data
        ? { block, cut: undefined }
        : { block: undefined, cut: { reason: 'max_tokens' } };
    case 'text': {
      const stop = earliestStop(block.text, request.stopSequences);
      const wanted = stop === undefined ? block.text : block.text.slice(0, stop.at);
      const text = tally.addWithin(wanted, budget);
      const cut: FinishedBlock['cut'] =
        text !== wanted
          ? { reason: 'max_tokens' }
          : stop === undefined
            ? undefined
            : { reason: 'stop_sequence', sequence: stop.sequence };
      return { block: text === '' ? undefined : { type: 'text', text }, cut };
    }
    case 'tool_use': {
      // The part generated before the budget ran out still counts as output.
      const whole = `${block.name}${JSON.stringify(block.input)}`;
      return tally.addWithin(whole, budget) === whole
        ? { block, cut: undefined }
        : { block: undefined, cut: { reason: 'max_tokens' } };
    }
  }
}

function earliestStop(
  text: string,
  sequences: readonly string[],
): { at: number; sequence: string } | undefined {
  let best: { at: number; sequence: string } | undefined;
  for (const sequence of sequences) {
    if (sequence === '') continue;
    const at = text.indexOf(sequence);
    if (at !== -1 && (best === undefined || at < best.at)) best = { at, sequence };
  }
  return best;
}
