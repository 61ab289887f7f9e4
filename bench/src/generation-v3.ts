// The ai@6 generation (LanguageModelV3): our /v3 entry, @ai-sdk/openai-compatible@2 and @ai-sdk/openai@3; Claude against @ai-sdk/anthropic@3.
import { createAnthropic } from '@ai-sdk/anthropic-ai6';
import { createOpenAI } from '@ai-sdk/openai-ai6';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible-ai6';
import type { LanguageModelV3 } from '@ai-sdk/provider-v3';
import { createLangdock } from '../../src/v3/index';
import {
  anthropicBaseURL,
  baseURL,
  installedLabel,
  type Contender,
  type Generation,
  type MessagesProviderName,
  type ProviderName,
} from './contenders';

const contenders: Record<ProviderName, Contender<LanguageModelV3>> = {
  ours: {
    label: 'langdock-ai-provider/v3 (src/v3/index.ts)',
    create: (fetch) => createLangdock({ apiKey: 'k', baseURL, fetch })('gpt-4.1'),
  },
  'openai-compatible': {
    label: installedLabel('@ai-sdk/openai-compatible-ai6'),
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
    label: installedLabel('@ai-sdk/openai-ai6'),
    create: (fetch) => createOpenAI({ apiKey: 'k', baseURL, fetch }).chat('gpt-4.1'),
  },
};

// A Claude id: ours routes it to Anthropic Messages, deriving …/anthropic/eu/v1/messages from the chat base URL.
const messages: Record<MessagesProviderName, Contender<LanguageModelV3>> = {
  ours: {
    label: 'langdock-ai-provider/v3 (src/v3/index.ts)',
    create: (fetch) => createLangdock({ apiKey: 'k', baseURL, fetch })('claude-sonnet-4-6-default'),
  },
  anthropic: {
    label: installedLabel('@ai-sdk/anthropic-ai6'),
    create: (fetch) =>
      createAnthropic({ apiKey: 'k', baseURL: anthropicBaseURL, fetch })('claude-sonnet-4-6'),
  },
};

export const generationV3: Generation = {
  id: 'v3',
  entry: 'langdock-ai-provider/v3',
  spec: 'LanguageModelV3',
  ai: 'ai@6',
  minimumNode: 18,
  contenders,
  messages,
  // compat/.work/ai6 has one after `npm run test:compat`; the benchmark measures only what the repo installs.
  streamText: {
    missing: 'ai@6 is not installed in the repo (the root has ai@5, the examples workspace ai@7)',
  },
};
