// Agents (#15) on the root entry as an ai@5 TypeScript user writes them: `agent()` is the LanguageModelV2 ai@5
// takes (the type from ai's own @ai-sdk/provider), with streamText and generateObject; `agentTools` names the
// agent's tools for ai@5; agentResponse is a Response; the attachment calls return the id and nothing.
import type { LanguageModelV2 } from '@ai-sdk/provider';
import { generateObject, streamText, type LanguageModel } from 'ai';
import { z } from 'zod';
import {
  createLangdock,
  type LangdockAgentOptions,
  type LangdockProvider,
} from 'langdock-ai-provider';

const provider: LangdockProvider = createLangdock({
  apiKey: 'key',
  baseURL: 'http://127.0.0.1:1/openai/eu/v1',
});
const agent: LanguageModelV2 = provider.agent('research', { maxSteps: 3 });
const specificationVersion: 'v2' = provider.agent('research').specificationVersion;
const temporary: LanguageModel = provider.agent({
  name: 'Helper',
  instructions: 'Answer briefly.',
  capabilities: { webSearch: true },
});

streamText({ model: agent, prompt: 'Berlin news', tools: provider.agentTools('web_search') });
streamText({
  model: temporary,
  prompt: 'Hi',
  providerOptions: { langdock: { maxSteps: 2 } satisfies LangdockAgentOptions },
});
async function structured(): Promise<number> {
  const { object } = await generateObject({
    model: provider.agent('helper'),
    schema: z.object({ population: z.number() }),
    prompt: 'Berlin',
  });
  return object.population;
}

const response: Response = provider.agentResponse({ agentId: 'research', messages: [] });
async function attachments(): Promise<void> {
  const id: string = await provider.uploadAttachment(new Uint8Array([1, 2]), {
    filename: 'a.txt',
    mediaType: 'text/plain',
  });
  const deleted: void = await provider.deleteAttachment(id);
  return deleted;
}

void [specificationVersion, structured, response, attachments];

// @ts-expect-error an agent is a saved agent's id or a temporary agent's configuration
provider.agent(42);
