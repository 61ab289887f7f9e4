// The root entry as an ESM TypeScript user writes it (module/moduleResolution nodenext), on every ai:
// the package's "import" types must resolve, and its LanguageModelV2 must be accepted as the installed
// ai's LanguageModel (natively on ai@5, in compatibility mode on ai@6 and ai@7).
import { generateObject, streamText, tool, stepCountIs, type LanguageModel } from 'ai';
import { z } from 'zod';
import {
  createLangdock,
  langdock,
  type LangdockChatOptions,
  type LangdockProvider,
} from 'langdock-ai-provider';

const provider: LangdockProvider = createLangdock({
  apiKey: 'key',
  baseURL: 'http://127.0.0.1:1/openai/eu/v1',
});
const model: LanguageModel = provider('gpt-4.1');

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
  providerOptions: {
    langdock: { reasoningEffort: 'low', user: 'u-1' } satisfies LangdockChatOptions,
  },
});
// Options kept in a typed variable must be accepted where providerOptions expects JSON.
const options: LangdockChatOptions = { logprobs: 3, parallelToolCalls: false };
streamText({ model, prompt: 'Hi', providerOptions: { langdock: options } });
generateObject({
  model: langdock.chat('gpt-5-mini'),
  schema: z.object({ name: z.string() }),
  prompt: 'Invent a person.',
});

// @ts-expect-error regions are 'eu' | 'us' (fails as "unused" if the package's types degrade to any)
createLangdock('mars');
