import type { LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v4/index';
import { uiStream } from '../helpers/agent-stream';
import { serverPerTest, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-agent-test-key-0123';
const servers = serverPerTest();
const raw =
  (text: string): Reply =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' }).end(text);
  };
const prompt = [
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Draw Berlin' }] },
];
const noUsage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

async function agentOn(replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL }).agent({
    name: 'Painter',
    instructions: 'Draw.',
    capabilities: { imageGeneration: true },
  });
}

async function collect(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

describe('langdock.agent on /v4 (LanguageModelV4, AI SDK 7)', () => {
  it('sends a temporary agent and streams files as V4 file parts, inline or as links', async () => {
    const model = await agentOn([
      raw(
        uiStream([
          { type: 'file', url: 'data:image/png;base64,iVBORw0KGgo=', mediaType: 'image/png' },
          { type: 'file', url: 'https://files.example.com/signed/1.png', mediaType: 'image/png' },
          { type: 'finish', finishReason: 'stop' },
        ]),
      ),
    ]);
    expect(model).toMatchObject({
      specificationVersion: 'v4',
      provider: 'langdock.agent',
      modelId: 'Painter',
    });
    const { stream, request } = await model.doStream({
      prompt,
      providerOptions: { langdock: { imageResponseFormat: 'url' } },
    });
    expect(request).toEqual({
      url: `${servers.current.url}/agent/v1/chat/completions`,
      body: servers.current.requests[0]!.body,
    });
    expect(servers.current.requests[0]!.body).toEqual({
      agent: { name: 'Painter', instructions: 'Draw.', capabilities: { imageGeneration: true } },
      messages: [
        { id: expect.any(String), role: 'user', parts: [{ type: 'text', text: 'Draw Berlin' }] },
      ],
      stream: true,
      imageResponseFormat: 'url',
    });
    expect(await collect(stream)).toEqual([
      { type: 'stream-start', warnings: [] },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      {
        type: 'file',
        mediaType: 'image/png',
        data: { type: 'url', url: new URL('https://files.example.com/signed/1.png') },
      },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: noUsage },
    ]);
  });

  it('ends a stream cut before its finish chunk as interrupted, in doStream and doGenerate', async () => {
    const cut = uiStream(
      [{ type: 'start' }, { type: 'text-delta', id: 't', delta: 'Half an ans' }],
      { done: false },
    );
    const model = await agentOn([raw(cut), raw(cut)]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'interrupted', raw: undefined },
      usage: noUsage,
    });
    expect(parts.some((part) => part.type === 'error')).toBe(false);
    const generated = await model.doGenerate({ prompt });
    expect(generated.content).toEqual([{ type: 'text', text: 'Half an ans' }]);
    expect(generated.finishReason).toEqual({ unified: 'interrupted', raw: undefined });
  });

  it('warns for reasoning and sampling settings, which belong to the agent', async () => {
    const model = await agentOn([raw(uiStream([{ type: 'finish' }]))]);
    const { warnings } = await model.doGenerate({ prompt, reasoning: 'high', temperature: 0.3 });
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'temperature',
        details:
          'A Langdock agent takes no temperature per call: its model settings are part of the agent. It was not sent.',
      },
      {
        type: 'unsupported',
        feature: 'reasoning',
        details: "A Langdock agent's reasoning is set by its model in Langdock. It was not sent.",
      },
    ]);
  });

  it('a caller abort ends the stream as an abort and closes the request', async () => {
    let closed: Promise<void> | undefined;
    const model = await agentOn([
      (request, response) => {
        closed = new Promise((resolve) => response.on('close', () => resolve()));
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(uiStream([{ type: 'text-delta', id: 't', delta: 'Hel' }], { done: false }));
      },
    ]);
    const controller = new AbortController();
    const { stream } = await model.doStream({ prompt, abortSignal: controller.signal });
    const reader = stream.getReader();
    const seen: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      seen.push(next.value.type);
      if (next.value.type === 'text-delta') break;
    }
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await closed;
    expect(seen).toEqual(['stream-start', 'text-start', 'text-delta']);
  });
});
