import type { LanguageModelV2CallOptions } from '@ai-sdk/provider';
import { describe, expect, it, vi } from 'vitest';
import { createLangdock } from '../../src/v2/index';

// AI SDK 6 and 7 run the root entry through compatibility adapters that pass newer shapes along: the
// root entry reads them as the native entries do.

const completion = {
  id: 'x',
  created: 1,
  model: 'o4-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
};
const embeddingList = { data: [{ index: 0, embedding: new Array<number>(256).fill(0.1) }] };

function recording(reply: unknown) {
  const bodies: Array<Record<string, unknown>> = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return new Response(JSON.stringify(reply), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { bodies, provider: createLangdock({ apiKey: 'ld-key-12345678', fetch }) };
}

/** Call options as an adapter hands them over: a V2 object with newer fields in it. */
const asV2 = (options: Record<string, unknown>) => options as unknown as LanguageModelV2CallOptions;

describe('the root entry under a compatibility adapter', () => {
  it('reads a top-level reasoning setting like providerOptions.langdock.reasoningEffort', async () => {
    const { bodies, provider } = recording(completion);
    const result = await provider('o4-mini').doGenerate(
      asV2({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
        reasoning: 'none',
      }),
    );
    expect(bodies[0]!.reasoning_effort).toBe('low');
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          "reasoning: o4-mini: reasoning 'none' was sent as 'low', the closest of the values o4-mini accepts (low, medium, high).",
      },
    ]);
  });

  it('ignores a reasoning value it does not know rather than sending it', async () => {
    const { bodies, provider } = recording(completion);
    await provider('o4-mini').doGenerate(
      asV2({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
        reasoning: 'ultra',
      }),
    );
    expect(bodies[0]).not.toHaveProperty('reasoning_effort');
  });

  it('takes tagged file data, a top-level image type, execution-denied outputs and provider tools', async () => {
    const { bodies, provider } = recording(completion);
    const tool = { type: 'provider', id: 'openai.web_search', name: 'web_search', args: {} };
    const result = await provider('gpt-4.1').doGenerate(
      asV2({
        prompt: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                mediaType: 'image',
                data: { type: 'url', url: new URL('https://example.com/cat') },
              },
            ],
          },
          {
            role: 'assistant',
            content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'pay', input: {} }],
          },
          {
            role: 'tool',
            content: [
              {
                type: 'tool-result',
                toolCallId: 'c1',
                toolName: 'pay',
                output: { type: 'execution-denied' },
              },
            ],
          },
        ],
        tools: [tool],
      }),
    );
    expect(bodies[0]!.messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat' } }],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'pay', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'The tool was not run: the user denied it.' },
    ]);
    expect(bodies[0]).not.toHaveProperty('tools');
    expect(result.warnings).toEqual([
      {
        type: 'unsupported-tool',
        tool,
        details: 'Langdock runs no provider tools; openai.web_search was not sent.',
      },
    ]);
  });

  it('sends image bytes of a top-level image type with the type told from the bytes', async () => {
    const { bodies, provider } = recording(completion);
    await provider('gpt-4.1').doGenerate({
      prompt: [
        {
          role: 'user',
          content: [
            { type: 'file', mediaType: 'image/*', data: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) },
          ],
        },
      ],
    });
    expect(bodies[0]!.messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4A==' } }],
      },
    ]);
  });

  it('reads the dimensions call option of an embedding call like providerOptions.langdock.dimensions', async () => {
    const { bodies, provider } = recording(embeddingList);
    const model = provider.embeddingModel('text-embedding-3-small');
    await model.doEmbed({ values: ['a'], ...{ dimensions: 256 } });
    expect(bodies[0]).toEqual({
      model: 'text-embedding-3-small',
      input: ['a'],
      encoding_format: 'float',
      dimensions: 256,
    });
  });
});
