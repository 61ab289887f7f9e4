// ai@6 runs LanguageModelV3 (and V2 in compatibility mode) but knows no V4: the /v4 entry's models must be
// compile errors there. An expected error that does not occur fails tsc ("unused directive"); the same
// lines with the /v3 entry's models compile, so the only error those lines can have is the model's type.
import { embed, generateText, type EmbeddingModel, type LanguageModel } from 'ai';
import { langdock as langdockV3 } from 'langdock-ai-provider/v3';
import { langdock as langdockV4 } from 'langdock-ai-provider/v4';

const control: LanguageModel = langdockV3('gpt-4.1');
const controlEmbedder: EmbeddingModel = langdockV3.embeddingModel('text-embedding-3-small');
void generateText({ model: langdockV3('gpt-4.1'), prompt: 'Hi' });
void embed({ model: langdockV3.embeddingModel('text-embedding-3-small'), value: 'x' });

// @ts-expect-error ai@6 knows no LanguageModelV4
const v4: LanguageModel = langdockV4('gpt-4.1');
// @ts-expect-error ai@6 knows no EmbeddingModelV4
const v4Embedder: EmbeddingModel = langdockV4.embeddingModel('text-embedding-3-small');
// @ts-expect-error ai@6 knows no LanguageModelV4
void generateText({ model: langdockV4('gpt-4.1'), prompt: 'Hi' });
// @ts-expect-error ai@6 knows no EmbeddingModelV4
void embed({ model: langdockV4.embeddingModel('text-embedding-3-small'), value: 'x' });

void [control, controlEmbedder, v4, v4Embedder];
