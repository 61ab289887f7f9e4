// The ai@5 generation (LanguageModelV2): our root entry, @ai-sdk/openai-compatible@1 and @ai-sdk/openai@2; Claude against @ai-sdk/anthropic@2.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV2 } from '@ai-sdk/provider';
import { jsonSchema, streamText, tool } from 'ai';
import { createLangdock } from '../../src/index';
import {
  anthropicBaseURL,
  baseURL,
  emptySummary,
  installedLabel,
  streamingFetch,
  type Contender,
  type Generation,
  type MessagesProviderName,
  type ProviderName,
  type Summary,
} from './contenders';

const tools = {
  write_document: tool({
    inputSchema: jsonSchema<{ text: string }>({
      type: 'object',
      properties: { text: { type: 'string' } },
    }),
  }),
};

/** What users call: `streamText` from ai@5, its full stream drained. */
async function runStreamText(model: LanguageModelV2): Promise<Summary> {
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

const contenders: Record<ProviderName, Contender<LanguageModelV2>> = {
  ours: {
    label: 'langdock-ai-provider (src/index.ts)',
    create: (fetch) => createLangdock({ apiKey: 'k', baseURL, fetch })('gpt-4.1'),
  },
  'openai-compatible': {
    label: installedLabel('@ai-sdk/openai-compatible'),
    create: (fetch) =>
      createOpenAICompatible({
        name: 'bench',
        apiKey: 'k',
        baseURL,
        fetch,
        includeUsage: true,
      }).chatModel('gpt-4.1'),
  },
  'openai chat': {
    label: installedLabel('@ai-sdk/openai'),
    create: (fetch) => createOpenAI({ apiKey: 'k', baseURL, fetch }).chat('gpt-4.1'),
  },
};

// A Claude id: ours routes it to Anthropic Messages, deriving …/anthropic/eu/v1/messages from the chat base URL.
const messages: Record<MessagesProviderName, Contender<LanguageModelV2>> = {
  ours: {
    label: 'langdock-ai-provider (src/index.ts)',
    create: (fetch) => createLangdock({ apiKey: 'k', baseURL, fetch })('claude-sonnet-4-6-default'),
  },
  anthropic: {
    label: installedLabel('@ai-sdk/anthropic'),
    create: (fetch) =>
      createAnthropic({ apiKey: 'k', baseURL: anthropicBaseURL, fetch })('claude-sonnet-4-6'),
  },
};

export const generationV2: Generation = {
  id: 'v2',
  entry: 'langdock-ai-provider',
  spec: 'LanguageModelV2',
  ai: 'ai@5',
  minimumNode: 18,
  contenders,
  messages,
  streamText: {
    label: installedLabel('ai'),
    run: (name, source) => runStreamText(contenders[name].create(streamingFetch(source))),
  },
};
