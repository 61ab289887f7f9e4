// The /v4 entry (LanguageModelV4) as an ESM TypeScript user of ai@7 writes it, with ai@7's own call options.
import {
  createProviderRegistry,
  customProvider,
  embed,
  embedMany,
  generateText,
  Output,
  stepCountIs,
  streamText,
  tool,
  wrapLanguageModel,
  type EmbeddingModel,
  type LanguageModel,
} from 'ai';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { z } from 'zod';
import {
  createLangdock,
  langdock,
  type LangdockChatOptions,
  type LangdockProvider,
} from 'langdock-ai-provider/v4';

const provider: LangdockProvider = createLangdock({
  apiKey: 'key',
  baseURL: 'http://127.0.0.1:1/openai/eu/v1',
});
const specificationVersion: 'v4' = provider.specificationVersion;
const model: LanguageModel = provider('gpt-4.1');
const embedder: EmbeddingModel = provider.embeddingModel('text-embedding-3-small');

streamText({
  model,
  prompt: 'Weather in Berlin?',
  tools: {
    weather: tool({
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, celsius: 21 }),
    }),
  },
  stopWhen: stepCountIs(3),
  providerOptions: { langdock: { user: 'u-1' } satisfies LangdockChatOptions },
});
// ai@7's reasoning call option, and an image by URL with only its top-level media type.
streamText({
  model: provider('o4-mini'),
  reasoning: 'high',
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'file', data: new URL('https://example.com/cat.png'), mediaType: 'image' },
      ],
    },
  ],
});

async function jsonMode(): Promise<number> {
  const { output } = await generateText({
    model: langdock.chat('gpt-5-mini'),
    output: Output.object({ schema: z.object({ celsius: z.number() }) }),
    prompt: 'Weather?',
  });
  return output.celsius;
}

const wrapped = wrapLanguageModel({
  model: provider.languageModel('gpt-4.1'),
  middleware: {
    specificationVersion: 'v4',
    transformParams: async ({ params }) => ({ ...params, temperature: 0.2 }),
  },
});
streamText({ model: wrapped, prompt: 'Hi' });

const custom = customProvider({
  languageModels: { fast: provider('gpt-4.1-mini') },
  embeddingModels: { small: provider.textEmbeddingModel('text-embedding-3-small') },
  fallbackProvider: provider,
});
const registry = createProviderRegistry({ langdock: provider, custom });
streamText({ model: registry.languageModel('custom:fast'), prompt: 'Hi' });

async function embeddings(): Promise<number[][]> {
  const { embedding } = await embed({
    model: registry.embeddingModel('langdock:text-embedding-3-small'),
    value: 'sunny day',
    dimensions: 256,
  });
  const { embeddings } = await embedMany({ model: embedder, values: ['a', 'b'], dimensions: 256 });
  return [embedding, ...embeddings];
}

void [specificationVersion, jsonMode, embeddings];

// Agents (#15): `agent()` is the LanguageModelV4 of ai's own @ai-sdk/provider, with streamText and Output.object;
// agentResponse is a Response. agentTools is the root entry's alone (ai@5's workaround): here it is a compile error.
async function agents(): Promise<string> {
  const agent: LanguageModelV4 = provider.agent('research', { maxSteps: 3 });
  const agentSpecificationVersion: 'v4' = agent.specificationVersion;
  streamText({ model: agent, prompt: 'Berlin news' });
  const { output } = await generateText({
    model: provider.agent('helper'),
    output: Output.object({ schema: z.object({ city: z.string() }) }),
    prompt: 'Berlin',
  });
  const response: Response = provider.agentResponse({ agentId: 'research', messages: [] });
  const id: string = await provider.uploadAttachment(new Blob(['x'], { type: 'text/plain' }), {
    filename: 'x.txt',
  });
  await provider.deleteAttachment(id);
  void [agentSpecificationVersion, response];
  // @ts-expect-error no agentTools on /v4: its agent tool calls are dynamic
  provider.agentTools('web_search');
  return output.city;
}
void agents;

// @ts-expect-error regions are 'eu' | 'us' (fails as "unused" if the package's types degrade to any)
createLangdock('mars');
