import { NoSuchModelError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { LangdockProviderSettings } from '../../src/core/langdock-provider-settings';
import { json, serverPerTest } from './test-server';

export const embeddingList = (count: number, dimensions: number) => ({
  object: 'list',
  data: Array.from({ length: count }, (_, index) => ({
    object: 'embedding',
    index,
    embedding: new Array<number>(dimensions).fill(0.5),
  })),
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 4, total_tokens: 4 },
});

interface SpecProvider {
  (modelId: string): { specificationVersion: string };
  specificationVersion: string;
  chat(modelId: string): unknown;
  languageModel(modelId: string): unknown;
  embeddingModel(modelId: string): {
    doEmbed(options: {
      values: string[];
      providerOptions?: Record<string, Record<string, number>>;
    }): PromiseLike<{ embeddings: number[][]; usage?: { tokens: number }; warnings: unknown[] }>;
  };
  textEmbeddingModel(modelId: string): unknown;
  embedding(modelId: string): unknown;
  imageModel(modelId: string): unknown;
}

/** What the V3 and V4 providers promise alike, each in its own spec's version and warning shape. */
export function describeProviderContract(
  version: 'v3' | 'v4',
  createLangdock: (settings: LangdockProviderSettings) => SpecProvider,
) {
  const servers = serverPerTest();

  describe(`the ${version} provider`, () => {
    it('is a provider of its spec, with every name the AI SDK looks models up by', () => {
      const provider = createLangdock({ apiKey: 'k' });
      expect(provider.specificationVersion).toBe(version);
      for (const model of [
        provider('gpt-4.1'),
        provider.chat('gpt-4.1'),
        provider.languageModel('gpt-4.1'),
      ]) {
        expect(model).toMatchObject({
          specificationVersion: version,
          provider: 'langdock.chat',
          modelId: 'gpt-4.1',
        });
      }
      for (const model of [
        provider.embeddingModel('text-embedding-3-small'),
        provider.textEmbeddingModel('text-embedding-3-small'),
        provider.embedding('text-embedding-3-small'),
      ]) {
        expect(model).toMatchObject({
          specificationVersion: version,
          provider: 'langdock.embedding',
          modelId: 'text-embedding-3-small',
          supportsParallelCalls: false,
        });
      }
      expect(() => provider.imageModel('dall-e-3')).toThrow(NoSuchModelError);
      expect(() => new (provider as unknown as new (id: string) => unknown)('gpt-4.1')).toThrow(
        'without `new`',
      );
    });

    it('embeds with warnings in its shape: dimensions a model cannot take are not sent', async () => {
      const server = await servers.start(json(embeddingList(2, 1536)));
      const model = createLangdock({
        apiKey: 'ld-key-12345678',
        baseURL: server.baseURL,
      }).embeddingModel('text-embedding-ada-002');
      const result = await model.doEmbed({
        values: ['a', 'b'],
        providerOptions: { langdock: { dimensions: 256 } },
      });
      expect(result.embeddings).toHaveLength(2);
      expect(result.usage).toEqual({ tokens: 4 });
      expect(server.requests[0]!.body).toEqual({
        model: 'text-embedding-ada-002',
        input: ['a', 'b'],
        encoding_format: 'float',
      });
      expect(result.warnings).toEqual([
        {
          type: 'unsupported',
          feature: 'dimensions',
          details:
            'text-embedding-ada-002 does not take dimensions, so its vectors keep their full length: only text-embedding-3 models can shorten them. If this deployment is a text-embedding-3 model under another name, create it with embeddingModel(modelId, { supportsDimensions: true }).',
        },
      ]);
    });
  });
}
