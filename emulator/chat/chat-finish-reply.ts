// Applies stop sequences and the token budget to a reply, and estimates its usage.
import type { ChatRequest, ToolCall } from './chat-request';
import type { Reply } from './chat-responder';
import { estimateTokens, splitText, TokenTally } from '../generation/token-estimate';
import type {
  ChatUsage,
  ChoiceLogprobs,
  FinishReason,
  TokenLogprob,
} from './chat-completions-wire';

export interface CompletionOutcome {
  content: string | null;
  toolCalls: ToolCall[];
  /** `function_call` answers legacy `functions` with the first call and no id. */
  callStyle: 'tool_calls' | 'function_call';
  /** The chain of thought sent as `reasoning_content`, for models that show it. */
  reasoning: string | null;
  finishReason: FinishReason;
  usage: ChatUsage;
  /** The content split into the pieces that streaming and logprobs both use. */
  contentPieces: string[];
  logprobs: ChoiceLogprobs | null;
}

export function estimatePromptTokens(request: ChatRequest): number {
  const tally = new TokenTally();
  for (const message of request.messages) {
    tally.add(message.text);
    if (message.role === 'assistant') {
      for (const call of message.toolCalls) tally.add(call.name).add(call.arguments);
      if (message.functionCall !== undefined)
        tally.add(message.functionCall.name).add(message.functionCall.arguments);
    }
  }
  for (const tool of request.tools)
    tally.add(tool.name).add(tool.description).add(JSON.stringify(tool.parameters));
  if (request.responseFormat.type === 'json_schema')
    tally.add(JSON.stringify(request.responseFormat.schema));
  return tally.tokens;
}

export function finishReply(reply: Reply, request: ChatRequest): CompletionOutcome {
  return withPrediction(finishReasoning(reply, request), request.prediction);
}

/**
 * Predicted Outputs: the prediction's longest common prefix with the answer is accepted, the rest rejected;
 * rejected tokens are still billed as completion tokens, as OpenAI documents.
 */
function withPrediction(
  outcome: CompletionOutcome,
  prediction: string | undefined,
): CompletionOutcome {
  if (prediction === undefined) return outcome;
  const content = outcome.content ?? '';
  let common = 0;
  while (common < prediction.length && prediction[common] === content[common]) common += 1;
  const accepted = estimateTokens(prediction.slice(0, common));
  const rejected = Math.max(0, estimateTokens(prediction) - accepted);
  const completion = outcome.usage.completion_tokens + rejected;
  return {
    ...outcome,
    usage: {
      ...outcome.usage,
      completion_tokens: completion,
      total_tokens: outcome.usage.prompt_tokens + completion,
      completion_tokens_details: {
        ...outcome.usage.completion_tokens_details,
        accepted_prediction_tokens: accepted,
        rejected_prediction_tokens: rejected,
      },
    },
  };
}

/** A backend that counts hidden reasoning outside `completion_tokens`: more reasoning tokens than completion tokens. */
export function withReasoningBeyondCompletion(usage: ChatUsage): ChatUsage {
  return {
    ...usage,
    completion_tokens_details: {
      ...usage.completion_tokens_details,
      reasoning_tokens: usage.completion_tokens + REASONING_BEYOND_COMPLETION,
    },
  };
}

/** How many more reasoning tokens than completion tokens `reasoningTokensExceedCompletion` reports. */
export const REASONING_BEYOND_COMPLETION = 16;

function finishReasoning(reply: Reply, request: ChatRequest): CompletionOutcome {
  const outcome = finishContent(reply, request);
  const reasoning = reply.reasoning ?? null;
  if (reasoning === null) return outcome;
  // Shown reasoning is generated output too, so it counts as completion tokens.
  const reasoningTokens = estimateTokens(reasoning);
  const completion = outcome.usage.completion_tokens + reasoningTokens;
  const usage = {
    ...outcome.usage,
    completion_tokens: completion,
    total_tokens: outcome.usage.prompt_tokens + completion,
    completion_tokens_details: {
      ...outcome.usage.completion_tokens_details,
      reasoning_tokens: reasoningTokens,
    },
  };
  return { ...outcome, reasoning, usage };
}

function finishContent(reply: Reply, request: ChatRequest): CompletionOutcome {
  const promptTokens = estimatePromptTokens(request);
  if (reply.type === 'tool-calls') {
    const calls = request.legacyFunctions ? reply.toolCalls.slice(0, 1) : reply.toolCalls;
    const outcome = finishToolCalls(calls, request.maxTokens, promptTokens);
    if (!request.legacyFunctions) return outcome;
    return {
      ...outcome,
      callStyle: 'function_call',
      finishReason: outcome.finishReason === 'tool_calls' ? 'function_call' : outcome.finishReason,
    };
  }
  let content = reply.text;
  let finishReason: FinishReason = 'stop';
  const stopAt = earliestStop(content, request.stop);
  if (stopAt !== -1) content = content.slice(0, stopAt);
  if (request.maxTokens !== undefined && estimateTokens(content) > request.maxTokens) {
    content = new TokenTally().addWithin(content, request.maxTokens);
    finishReason = 'length';
  }
  const contentPieces = splitText(content);
  return {
    content,
    toolCalls: [],
    callStyle: 'tool_calls',
    reasoning: null,
    finishReason,
    usage: usage(promptTokens, estimateTokens(content)),
    contentPieces,
    logprobs: request.logprobs
      ? {
          content: contentPieces.map((piece, i) => tokenLogprob(piece, i, request.topLogprobs)),
          refusal: null,
        }
      : null,
  };
}

function finishToolCalls(
  toolCalls: ToolCall[],
  maxTokens: number | undefined,
  promptTokens: number,
): CompletionOutcome {
  const tally = new TokenTally();
  let truncated = false;
  const kept = toolCalls.map((call) => {
    tally.add(call.name);
    if (maxTokens === undefined) {
      tally.add(call.arguments);
      return call;
    }
    const args = tally.addWithin(call.arguments, maxTokens);
    if (args === call.arguments) return call;
    truncated = true;
    return { ...call, arguments: args };
  });
  return {
    content: null,
    toolCalls: kept,
    callStyle: 'tool_calls',
    reasoning: null,
    finishReason: truncated ? 'length' : 'tool_calls',
    usage: usage(promptTokens, tally.tokens),
    contentPieces: [],
    logprobs: null,
  };
}

function earliestStop(text: string, stop: readonly string[]): number {
  const positions = stop
    .filter((sequence) => sequence !== '')
    .map((sequence) => text.indexOf(sequence));
  const found = positions.filter((position) => position !== -1);
  return found.length === 0 ? -1 : Math.min(...found);
}

function usage(promptTokens: number, completionTokens: number): ChatUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

// Fixed, decreasing log probabilities keep logprobs deterministic while looking plausible.
function tokenLogprob(token: string, position: number, top: number): TokenLogprob {
  const logprob = -Number((0.01 + (position % 5) * 0.02).toFixed(2));
  const alternatives = Array.from({ length: top }, (_, rank) => {
    const alternative = rank === 0 ? token : `${token}~${rank}`;
    return {
      token: alternative,
      logprob: Number((logprob - rank * 1.5).toFixed(2)),
      bytes: bytesOf(alternative),
    };
  });
  return { token, logprob, bytes: bytesOf(token), top_logprobs: alternatives };
}

function bytesOf(text: string): number[] {
  return Array.from(new TextEncoder().encode(text));
}
