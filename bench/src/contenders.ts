// The parsers under comparison, each fed the same bytes through a custom fetch and drained the same way.
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV2, LanguageModelV2StreamPart } from '@ai-sdk/provider';
import { jsonSchema, streamText, tool } from 'ai';
import { createLangdock } from '../../src/v2/index';

const baseURL = 'http://bench.local/openai/eu/v1';

export type ProviderName = 'ours' | 'openai-compatible' | 'openai chat';
export const providerNames: ProviderName[] = ['ours', 'openai-compatible', 'openai chat'];

/** What came out of a stream: enough to tell a correct parse from a wrong one without keeping the parts. */
export interface Summary {
  textLength: number;
  toolCalls: number;
  toolInputLength: number;
  errors: number;
  finishReason: string | undefined;
}

const emptySummary = (): Summary => ({ textLength: 0, toolCalls: 0, toolInputLength: 0, errors: 0, finishReason: undefined });

/** A fetch that answers every request with an event stream pulled read by read from `source`. */
function streamingFetch(source: Iterator<Uint8Array>): typeof fetch {
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

export function createModel(name: ProviderName, source: Iterator<Uint8Array>): LanguageModelV2 {
  const fetch = streamingFetch(source);
  switch (name) {
    case 'ours':
      return createLangdock({ apiKey: 'k', baseURL, fetch })('gpt-4.1');
    case 'openai-compatible':
      return createOpenAICompatible({ name: 'bench', apiKey: 'k', baseURL, fetch, includeUsage: true }).chatModel('gpt-4.1');
    case 'openai chat':
      return createOpenAI({ apiKey: 'k', baseURL, fetch }).chat('gpt-4.1');
  }
}

/** `doStream` drained with a reader; `onPart` lets the memory run sample while parts flow. */
export async function runDoStream(model: LanguageModelV2, onPart?: (count: number) => void): Promise<Summary> {
  const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
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

function addPart(summary: Summary, part: LanguageModelV2StreamPart): void {
  switch (part.type) {
    case 'text-delta':
      summary.textLength += part.delta.length;
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
      summary.finishReason = part.finishReason;
      break;
  }
}

const tools = {
  write_document: tool({ inputSchema: jsonSchema<{ text: string }>({ type: 'object', properties: { text: { type: 'string' } } }) }),
};

/** What users call: `streamText` from ai@5, its full stream drained. */
export async function runStreamText(model: LanguageModelV2): Promise<Summary> {
  const result = streamText({ model, prompt: 'Hi', tools, onError: () => {} });
  const summary = emptySummary();
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') summary.textLength += part.text.length;
    else if (part.type === 'tool-input-delta') summary.toolInputLength += part.delta.length;
    else if (part.type === 'tool-call') summary.toolCalls++;
    else if (part.type === 'error') summary.errors++;
    else if (part.type === 'finish') summary.finishReason = part.finishReason;
  }
  return summary;
}

/** Splits decoded text into SSE events and JSON.parses each; returns the unsplit rest. The floor's whole work. */
function parseEvents(buffer: string, onValue: (value: unknown) => void): string {
  let start = 0;
  for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
    const data = buffer.slice(start + 'data: '.length, end);
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
  for (const bytes of source) buffer = parseEvents(buffer + decoder.decode(bytes, { stream: true }), () => events++);
  return events;
}

/**
 * The floor plus the two web streams a LanguageModelV2 cannot avoid: the fetch body read in, one object per
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
        buffer = parseEvents(buffer + decoder.decode(value, { stream: true }), (event) => controller.enqueue(event));
      } while ((controller.desiredSize ?? 0) > 0);
    },
  }).getReader();
  let events = 0;
  while (!(await parsed.read()).done) events++;
  return events;
}
