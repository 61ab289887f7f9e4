// Turns a finished reply into OpenAI's `chat.completion` object or its `chat.completion.chunk` sequence.
import type { CompletionOutcome } from './chat-finish-reply';
import { splitText } from '../generation/token-estimate';
import type {
  AzurePromptFilterChunk,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ContentFilterResults,
  ChunkDelta,
} from './chat-completions-wire';

export interface ResponseIdentity {
  id: string;
  /** Seconds since the epoch. */
  created: number;
  model: string;
}

export interface ChunkOptions {
  /** Start with Azure's prompt-filter chunk and add `content_filter_results` to choices. */
  azureFilterChunk: boolean;
  /** End with a usage chunk, as OpenAI does for `stream_options.include_usage`. */
  usage: boolean;
}

export type StreamChunk = ChatCompletionChunk | AzurePromptFilterChunk;

export const SYSTEM_FINGERPRINT = 'fp_langdock_emulator';
// Argument deltas use odd sizes so they split JSON tokens mid-way, as real streams do.
const ARGUMENT_PIECE_SIZES = [7, 5, 9, 3];
const FILTER_CATEGORIES = ['hate', 'self_harm', 'sexual', 'violence'];

export function buildChatCompletion(
  outcome: CompletionOutcome,
  identity: ResponseIdentity,
): ChatCompletion {
  const toolCalls = outcome.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
  const [legacyCall] = outcome.callStyle === 'function_call' ? outcome.toolCalls : [];
  const legacy =
    legacyCall === undefined
      ? undefined
      : { function_call: { name: legacyCall.name, arguments: legacyCall.arguments } };
  const calls = legacy ?? (toolCalls.length > 0 ? { tool_calls: toolCalls } : {});
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: outcome.content,
          refusal: null,
          annotations: [],
          ...(outcome.reasoning === null ? {} : { reasoning_content: outcome.reasoning }),
          ...calls,
        },
        logprobs: outcome.logprobs,
        finish_reason: outcome.finishReason,
      },
    ],
    usage: outcome.usage,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

export function buildChunks(
  outcome: CompletionOutcome,
  identity: ResponseIdentity,
  options: ChunkOptions,
): StreamChunk[] {
  const filters = options.azureFilterChunk ? safeFilterResults() : undefined;
  const chunk = (
    delta: ChunkDelta,
    extra: Partial<ChatCompletionChunkChoice> = {},
  ): ChatCompletionChunk => ({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        delta,
        finish_reason: null,
        logprobs: null,
        ...(filters === undefined ? {} : { content_filter_results: {} }),
        ...extra,
      },
    ],
  });
  const chunks: StreamChunk[] = [];
  if (options.azureFilterChunk) chunks.push(azurePromptFilterChunk());
  const hasToolCalls = outcome.toolCalls.length > 0;
  chunks.push(chunk({ role: 'assistant', content: hasToolCalls ? null : '', refusal: null }));
  const filterExtra = filters === undefined ? {} : { content_filter_results: filters };
  for (const piece of outcome.reasoning === null ? [] : splitText(outcome.reasoning))
    chunks.push(chunk({ reasoning_content: piece }, filterExtra));
  outcome.contentPieces.forEach((piece, i) => {
    const logprobs =
      outcome.logprobs === null
        ? null
        : { content: outcome.logprobs.content.slice(i, i + 1), refusal: null };
    chunks.push(chunk({ content: piece }, { logprobs, ...filterExtra }));
  });
  outcome.toolCalls.forEach((call, index) => {
    if (outcome.callStyle === 'function_call') {
      chunks.push(chunk({ function_call: { name: call.name, arguments: '' } }, filterExtra));
      for (const piece of splitText(call.arguments, ARGUMENT_PIECE_SIZES))
        chunks.push(chunk({ function_call: { arguments: piece } }, filterExtra));
      return;
    }
    chunks.push(
      chunk(
        {
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        },
        filterExtra,
      ),
    );
    for (const piece of splitText(call.arguments, ARGUMENT_PIECE_SIZES)) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, filterExtra));
    }
  });
  chunks.push(chunk({}, { finish_reason: outcome.finishReason }));
  if (!options.usage) return chunks;
  chunks.push({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [],
    usage: outcome.usage,
  });
  return chunks;
}

function safeFilterResults(): ContentFilterResults {
  return Object.fromEntries(
    FILTER_CATEGORIES.map((category) => [category, { filtered: false, severity: 'safe' as const }]),
  );
}

export function azurePromptFilterChunk(): AzurePromptFilterChunk {
  return {
    id: '',
    object: '',
    created: 0,
    model: '',
    choices: [],
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: safeFilterResults() }],
  };
}
