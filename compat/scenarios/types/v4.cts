// The /v4 entry for a CommonJS TypeScript user: its "require" types (v4.d.cts) must resolve.
import { embed, generateText, type LanguageModel } from 'ai';
import { createLangdock, type LangdockProvider } from 'langdock-ai-provider/v4';

const provider: LangdockProvider = createLangdock('us');
const model: LanguageModel = provider.languageModel('gpt-4.1');
void generateText({ model, prompt: 'Hi', reasoning: 'low' });
void generateText({ model: provider.agent('research'), prompt: 'Hi' });
void embed({
  model: provider.embeddingModel('text-embedding-3-small'),
  value: 'x',
  dimensions: 256,
});

// @ts-expect-error regions are 'eu' | 'us'
createLangdock({ region: 'mars' });
