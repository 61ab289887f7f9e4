// The same for a CommonJS TypeScript user: the package's "require" types (index.d.cts) must resolve.
import { generateText, type LanguageModel } from 'ai';
import { createLangdock, type LangdockProvider } from 'langdock-ai-provider';

const provider: LangdockProvider = createLangdock('us');
const model: LanguageModel = provider.languageModel('gpt-4.1');
void generateText({ model, prompt: 'Hi' });
void generateText({ model: provider.agent('research'), prompt: 'Hi' });

// @ts-expect-error regions are 'eu' | 'us'
createLangdock({ region: 'mars' });
