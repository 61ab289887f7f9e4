// ai@5 runs LanguageModelV2 only: the /v3 and /v4 entries' models must be compile errors there. An
// expected error that does not occur fails tsc ("unused directive"); the same lines with the root
// entry's models compile, so the only error those lines can have is the model's type.
import { embed, generateText, type EmbeddingModel, type LanguageModel } from 'ai';
import { langdock } from 'langdock-ai-provider';
import { langdock as langdockV3 } from 'langdock-ai-provider/v3';
import { langdock as langdockV4 } from 'langdock-ai-provider/v4';

const control: LanguageModel = langdock('gpt-4.1');
const controlEmbedder: EmbeddingModel<string> = langdock.embeddingModel('text-embedding-3-small');
void generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
void embed({ model: langdock.embeddingModel('text-embedding-3-small'), value: 'x' });

// @ts-expect-error ai@5 knows no LanguageModelV3
const v3: LanguageModel = langdockV3('gpt-4.1');
// @ts-expect-error ai@5 knows no EmbeddingModelV3
const v3Embedder: EmbeddingModel<string> = langdockV3.embeddingModel('text-embedding-3-small');
// @ts-expect-error ai@5 knows no LanguageModelV3
void generateText({ model: langdockV3('gpt-4.1'), prompt: 'Hi' });
// @ts-expect-error ai@5 knows no EmbeddingModelV3
void embed({ model: langdockV3.embeddingModel('text-embedding-3-small'), value: 'x' });

// @ts-expect-error ai@5 knows no LanguageModelV4
const v4: LanguageModel = langdockV4('gpt-4.1');
// @ts-expect-error ai@5 knows no LanguageModelV4
void generateText({ model: langdockV4('gpt-4.1'), prompt: 'Hi' });

void [control, controlEmbedder, v3, v3Embedder, v4];
