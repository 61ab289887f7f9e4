import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v4/index';
import { describeProviderContract, embeddingList } from '../helpers/provider-contract';
import { json, serverPerTest } from '../helpers/test-server';

describeProviderContract('v4', createLangdock);

describe('the v4 embedding model', () => {
  const servers = serverPerTest();

  it('sends the dimensions call option', async () => {
    const server = await servers.start(json(embeddingList(1, 256)));
    const model = createLangdock({
      apiKey: 'ld-key-12345678',
      baseURL: server.baseURL,
    }).embeddingModel('text-embedding-3-small');
    const result = await model.doEmbed({ values: ['a'], dimensions: 256 });
    expect(server.requests[0]!.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['a'],
      encoding_format: 'float',
      dimensions: 256,
    });
    expect(result.embeddings[0]).toHaveLength(256);
    expect(result.warnings).toEqual([]);
  });

  it('refuses two different dimensions before any request', async () => {
    const server = await servers.start(json(embeddingList(1, 256)));
    const model = createLangdock({
      apiKey: 'ld-key-12345678',
      baseURL: server.baseURL,
    }).embeddingModel('text-embedding-3-small');
    await expect(
      model.doEmbed({
        values: ['a'],
        dimensions: 256,
        providerOptions: { langdock: { dimensions: 512 } },
      }),
    ).rejects.toThrow(
      'dimensions is 256 but providerOptions.langdock.dimensions is 512: pass it once.',
    );
    expect(server.requests).toHaveLength(0);
  });
});
