// The ai@7 generation (LanguageModelV4): our /v4 entry, @ai-sdk/openai-compatible@3 and @ai-sdk/openai@4; Claude against @ai-sdk/anthropic@4.
// Their packages and ai@7 declare Node >= 22: bench.ts runs this generation on Node 24.
import { createAnthropic } from '@ai-sdk/anthropic-ai7';
import { createOpenAI } from '@ai-sdk/openai-ai7';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible-ai7';
import type { LanguageModelV4 } from '@ai-sdk/provider-v4';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLangdock } from '../../src/v4/index';
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
import { repoRoot } from './settings';

// ai@7 lives in the examples workspace (the root keeps ai@5), so it is loaded from there, not bundled.
type AI7 = typeof import('../../examples/node_modules/ai');

function findAi7(): { label: string; url: string } | { missing: string } {
  const require = createRequire(join(repoRoot(), 'examples', 'package.json'));
  let manifestPath: string;
  try {
    manifestPath = require.resolve('ai/package.json');
  } catch {
    return { missing: 'ai@7 is not installed in examples/node_modules (run `npm ci` at the root)' };
  }
  const manifest = require(manifestPath) as { version: string };
  if (!manifest.version.startsWith('7.'))
    return { missing: `the examples workspace has ai@${manifest.version}, not ai@7` };
  if (Number(process.versions.node.split('.')[0]) < 22)
    return { missing: `ai@7 needs Node 22 or later; this is Node ${process.version}` };
  return { label: `ai@${manifest.version}`, url: pathToFileURL(require.resolve('ai')).href };
}

function streamTextWithAi7(ai7Url: string): (model: LanguageModelV4) => Promise<Summary> {
  let loaded: Promise<AI7> | undefined;
  return async (model) => {
    loaded ??= import(ai7Url) as Promise<AI7>;
    const { jsonSchema, streamText, tool } = await loaded;
    const tools = {
      write_document: tool({
        inputSchema: jsonSchema<{ text: string }>({
          type: 'object',
          properties: { text: { type: 'string' } },
        }),
      }),
    };
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
  };
}

const ai7 = findAi7();

const contenders: Record<ProviderName, Contender<LanguageModelV4>> = {
  ours: {
    label: 'langdock-ai-provider/v4 (src/v4/index.ts)',
    create: (fetch) => createLangdock({ apiKey: 'k', baseURL, fetch })('gpt-4.1'),
  },
  'openai-compatible': {
    label: installedLabel('@ai-sdk/openai-compatible-ai7'),
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
    label: installedLabel('@ai-sdk/openai-ai7'),
    create: (fetch) => createOpenAI({ apiKey: 'k', baseURL, fetch }).chat('gpt-4.1'),
  },
};

// A Claude id: ours routes it to Anthropic Messages, deriving …/anthropic/eu/v1/messages from the chat base URL.
const messages: Record<MessagesProviderName, Contender<LanguageModelV4>> = {
  ours: {
    label: 'langdock-ai-provider/v4 (src/v4/index.ts)',
    create: (fetch) => createLangdock({ apiKey: 'k', baseURL, fetch })('claude-sonnet-4-6-default'),
  },
  anthropic: {
    label: installedLabel('@ai-sdk/anthropic-ai7'),
    create: (fetch) =>
      createAnthropic({ apiKey: 'k', baseURL: anthropicBaseURL, fetch })('claude-sonnet-4-6'),
  },
};

function streamTextRunner(
  ai7Url: string,
): (name: ProviderName, source: Iterator<Uint8Array>) => Promise<Summary> {
  const run = streamTextWithAi7(ai7Url);
  return (name, source) => run(contenders[name].create(streamingFetch(source)));
}

export const generationV4: Generation = {
  id: 'v4',
  entry: 'langdock-ai-provider/v4',
  spec: 'LanguageModelV4',
  ai: 'ai@7',
  minimumNode: 22,
  contenders,
  messages,
  streamText: 'missing' in ai7 ? ai7 : { label: ai7.label, run: streamTextRunner(ai7.url) },
};
