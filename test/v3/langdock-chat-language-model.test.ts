import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider-v3';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v3/index';
import { json, sse, serverPerTest, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-test-key-0123456789';
const prompt: LanguageModelV3Prompt = [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }];
const servers = serverPerTest();

async function modelOn(replies: Reply[], modelId = 'gpt-4.1') {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL })(modelId);
}

async function collect(stream: ReadableStream<LanguageModelV3StreamPart>) {
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) => ({
  id: 'c',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta, finish_reason }],
});
const completion = {
  id: 'r',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'length' },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
};

describe('LanguageModelV3', () => {
  it('maps a completion to V3 content, finish reason, nested usage and warnings', async () => {
    const model = await modelOn([json(completion)]);
    expect(model.specificationVersion).toBe('v3');
    const result = await model.doGenerate({ prompt, topK: 4 });
    expect(result.content).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(result.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(result.usage).toEqual({
      inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 2, text: 2, reasoning: undefined },
      raw: completion.usage,
    });
    expect(result.warnings).toEqual([
      { type: 'unsupported', feature: 'topK', details: 'Langdock chat completions have no top_k.' },
    ]);
    expect(result.request).toEqual({
      body: { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] },
    });
  });

  it('sends V3 file data (raw bytes, a URL) and a provider tool only as a warning', async () => {
    const model = await modelOn([json(completion)]);
    const result = await model.doGenerate({
      prompt: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image/*',
              data: Uint8Array.of(0x47, 0x49, 0x46, 0x38, 0x39, 0x61),
            },
            { type: 'file', mediaType: 'image/png', data: new URL('https://example.com/a.png') },
          ],
        },
      ],
      tools: [{ type: 'provider', id: 'openai.file_search', name: 'file_search', args: {} }],
    });
    expect(servers.current.requests[0]!.body).toEqual({
      model: 'gpt-4.1',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'data:image/gif;base64,R0lGODlh' } },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          ],
        },
      ],
    });
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'tool file_search',
        details: 'Langdock runs no provider tools; openai.file_search was not sent.',
      },
    ]);
  });

  it('sends the text of V3 tool-result content and names the items it drops', async () => {
    const model = await modelOn([json(completion)]);
    const result = await model.doGenerate({
      prompt: [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 't1', toolName: 'chart', input: {} }],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 't1',
              toolName: 'chart',
              output: {
                type: 'content',
                value: [
                  { type: 'text', text: 'Chart:' },
                  { type: 'image-data', data: 'AQID', mediaType: 'image/png' },
                  { type: 'file-url', url: 'https://x.example/f.pdf' },
                ],
              },
            },
          ],
        },
      ],
    });
    expect((servers.current.requests[0]!.body as { messages: unknown[] }).messages[1]).toEqual({
      role: 'tool',
      tool_call_id: 't1',
      content: 'Chart:\n[image/png not sent]\n[file-url not sent]',
    });
    expect(result.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('media in tool results were not sent') },
    ]);
  });

  it('streams V3 parts and ends a stream without a finish reason as error, with an error part that says so', async () => {
    const model = await modelOn([sse([chunk({ content: 'Hi' })], { done: false })]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.map((part) => part.type)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'error',
      'finish',
    ]);
    expect((parts[5] as { error: Error }).error.message).toBe(
      'The Langdock stream ended without a finish reason: the answer may be truncated.',
    );
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'error', raw: undefined },
    });
  });

  it('reads the reasoning setting AI SDK 7 passes to a V3 model, and never sends an unknown one', async () => {
    const model = await modelOn([json(completion), json(completion)], 'o4-mini');
    await model.doGenerate({ prompt, ...{ reasoning: 'high' } });
    await model.doGenerate({ prompt, ...{ reasoning: 'ultra' } });
    expect(
      servers.current.requests.map(
        (request) => (request.body as { reasoning_effort?: string }).reasoning_effort,
      ),
    ).toEqual(['high', undefined]);
  });
});

describe('LanguageModelV3: what the peer suite checks (#20)', () => {
  const oddUsage = {
    prompt_tokens: 10,
    completion_tokens: 5,
    total_tokens: 15,
    completion_tokens_details: {
      reasoning_tokens: 8,
      accepted_prediction_tokens: 3,
      rejected_prediction_tokens: 1,
    },
  };
  const expectedUsage = {
    inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 5, text: 0, reasoning: 8 },
    raw: oddUsage,
  };
  const predictionMetadata = {
    langdock: { acceptedPredictionTokens: 3, rejectedPredictionTokens: 1 },
  };

  it('never reports negative text tokens, and puts prediction counts in provider metadata, in doGenerate', async () => {
    const model = await modelOn([json({ ...completion, usage: oddUsage })]);
    const result = await model.doGenerate({ prompt });
    expect(result.usage).toEqual(expectedUsage);
    expect(result.providerMetadata).toEqual(predictionMetadata);
  });

  it('does the same in doStream', async () => {
    const model = await modelOn([
      sse([chunk({ content: 'x' }, 'stop'), { ...chunk({}), choices: [], usage: oddUsage }]),
    ]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: expectedUsage,
      providerMetadata: predictionMetadata,
    });
  });
});
