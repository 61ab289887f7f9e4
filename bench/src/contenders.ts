// What every contender shares: a fetch that hands out the same bytes, one way to drain a part stream and
// check it, and the two floors. The models themselves come from one module per AI SDK generation.
import type { LanguageModelV2, LanguageModelV2StreamPart } from '@ai-sdk/provider';
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider-v3';
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import { createRequire } from 'node:module';

export const baseURL = 'http://bench.local/openai/eu/v1';
/** Where ours derives the Anthropic route from `baseURL`; `@ai-sdk/anthropic` is pointed at it. */
export const anthropicBaseURL = 'http://bench.local/anthropic/eu/v1';

/** Any model a `doStream` can be timed on: the three specs share the call and the part names the summary reads. */
export type BenchModel = LanguageModelV2 | LanguageModelV3 | LanguageModelV4;
type BenchPart = LanguageModelV2StreamPart | LanguageModelV3StreamPart | LanguageModelV4StreamPart;

export type ProviderName = 'ours' | 'openai-compatible' | 'openai chat';
export const providerNames: ProviderName[] = ['ours', 'openai-compatible', 'openai chat'];
export const isProviderName = (value: string): value is ProviderName =>
  providerNames.some((name) => name === value);

/** Claude through Anthropic Messages: ours (routed there by the model id) and the generation's `@ai-sdk/anthropic`. */
export type MessagesProviderName = 'ours' | 'anthropic';
export const messagesProviderNames: MessagesProviderName[] = ['ours', 'anthropic'];

export interface Contender<MODEL extends BenchModel = BenchModel> {
  /** The package and version, as printed. */
  label: string;
  create: (fetch: typeof globalThis.fetch) => MODEL;
}

/** One AI SDK generation: our entry for its spec and the generic providers built for the same spec. */
export interface Generation {
  id: 'v2' | 'v3' | 'v4';
  /** How users import ours for this generation. */
  entry: string;
  spec: string;
  ai: string;
  /** The Node major the generation's packages ask for (`engines`). */
  minimumNode: number;
  contenders: Record<ProviderName, Contender>;
  messages: Record<MessagesProviderName, Contender>;
  /** `streamText` from the generation's `ai` on one contender's model, when the repo has that `ai` installed. */
  streamText:
    | { label: string; run: (name: ProviderName, source: Iterator<Uint8Array>) => Promise<Summary> }
    | { missing: string };
}

/** `@ai-sdk/openai-compatible@1.0.61`, read from the installed package (aliases such as `-ai6` show their real name). */
export function installedLabel(packageName: string): string {
  const manifest = createRequire(import.meta.url)(`${packageName}/package.json`) as {
    name: string;
    version: string;
  };
  return `${manifest.name}@${manifest.version}`;
}

/** What came out of a stream: enough to tell a correct parse from a wrong one without keeping the parts. */
export interface Summary {
  textLength: number;
  reasoningLength: number;
  toolCalls: number;
  toolInputLength: number;
  errors: number;
  finishReason: string | undefined;
}

export const emptySummary = (): Summary => ({
  textLength: 0,
  reasoningLength: 0,
  toolCalls: 0,
  toolInputLength: 0,
  errors: 0,
  finishReason: undefined,
});

/** A fetch that answers every request with an event stream pulled read by read from `source`. */
export function streamingFetch(source: Iterator<Uint8Array>): typeof fetch {
  return async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = source.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}

export function createModel(
  generation: Generation,
  name: ProviderName,
  source: Iterator<Uint8Array>,
): BenchModel {
  return generation.contenders[name].create(streamingFetch(source));
}

export function createMessagesModel(
  generation: Generation,
  name: MessagesProviderName,
  source: Iterator<Uint8Array>,
): BenchModel {
  return generation.messages[name].create(streamingFetch(source));
}

/** `doStream` drained with a reader; `onPart` lets the memory run sample while parts flow. */
export async function runDoStream(
  model: BenchModel,
  onPart?: (count: number) => void,
): Promise<Summary> {
  const result = await model.doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  });
  const stream: ReadableStream<BenchPart> = result.stream;
  const reader = stream.getReader();
  const summary = emptySummary();
  let count = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return summary;
    addPart(summary, value);
    if (onPart !== undefined) onPart(++count);
  }
}

function addPart(summary: Summary, part: BenchPart): void {
  switch (part.type) {
    case 'text-delta':
      summary.textLength += part.delta.length;
      break;
    case 'reasoning-delta':
      summary.reasoningLength += part.delta.length;
      break;
    case 'tool-input-delta':
      summary.toolInputLength += part.delta.length;
      break;
    case 'tool-call':
      summary.toolCalls++;
      break;
    case 'error':
      summary.errors++;
      break;
    case 'finish':
      // V2 gives the reason as a string, V3 and V4 as `{ unified, raw }`.
      summary.finishReason =
        typeof part.finishReason === 'string' ? part.finishReason : part.finishReason.unified;
      break;
  }
}

/**
 * Splits decoded text into SSE events and JSON.parses each; returns the unsplit rest. The floor's whole work.
 * An event is `data: <json>`, or `event: <name>` then `data: <json>` as Anthropic sends them.
 */
function parseEvents(buffer: string, onValue: (value: unknown) => void): string {
  let start = 0;
  for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
    const line = buffer.charCodeAt(start) === 101 /* e */ ? buffer.indexOf('\n', start) + 1 : start;
    const data = buffer.slice(line + 'data: '.length, end);
    if (data !== '[DONE]') onValue(JSON.parse(data));
    start = end + 2;
  }
  return buffer.slice(start);
}

/** The floor: a plain loop that decodes, splits events and JSON.parses each; nothing else. Returns the event count. */
export function floor(source: Iterable<Uint8Array>): number {
  const decoder = new TextDecoder();
  let buffer = '';
  let events = 0;
  for (const bytes of source)
    buffer = parseEvents(buffer + decoder.decode(bytes, { stream: true }), () => events++);
  return events;
}

/**
 * The floor plus the two web streams a language model cannot avoid: the fetch body read in, one object per
 * event read out. What is left between this and a provider is the provider's own work.
 */
export async function streamFloor(source: Iterator<Uint8Array>): Promise<number> {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  }).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const parsed = new ReadableStream<unknown>({
    async pull(controller) {
      do {
        const { done, value } = await body.read();
        if (done) return controller.close();
        buffer = parseEvents(buffer + decoder.decode(value, { stream: true }), (event) =>
          controller.enqueue(event),
        );
      } while ((controller.desiredSize ?? 0) > 0);
    },
  }).getReader();
  let events = 0;
  while (!(await parsed.read()).done) events++;
  return events;
}
