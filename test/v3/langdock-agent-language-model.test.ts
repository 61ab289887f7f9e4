import type { LanguageModelV3StreamPart } from '@ai-sdk/provider-v3';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v3/index';
import { uiStream } from '../helpers/agent-stream';
import { serverPerTest, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-agent-test-key-0123';
const servers = serverPerTest();
const raw =
  (text: string): Reply =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' }).end(text);
  };
const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Berlin?' }] }];
const noUsage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};
const answer = uiStream([
  { type: 'start', messageId: 'm1', messageMetadata: { modelName: 'GPT-4.1' } },
  {
    type: 'tool-input-available',
    toolCallId: 'call_1',
    toolName: 'web_search',
    input: { query: 'Berlin' },
  },
  { type: 'tool-output-available', toolCallId: 'call_1', output: { results: [] } },
  { type: 'source-url', sourceId: 's1', url: 'https://example.com/berlin' },
  { type: 'text-delta', id: 't', delta: 'Capital.' },
  { type: 'finish' },
]);

async function agentOn(replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({
    apiKey: API_KEY,
    baseURL: server.baseURL.replace('/openai/eu/v1', '/api/public/openai/eu/v1'),
  }).agent('agent-1');
}

async function collect(stream: ReadableStream<LanguageModelV3StreamPart>) {
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

describe('langdock.agent on /v3 (LanguageModelV3, AI SDK 6)', () => {
  it('streams V3 parts: a dynamic provider-executed tool call and result, a source, a bare finish as stop without usage', async () => {
    const model = await agentOn([raw(answer)]);
    expect(model).toMatchObject({
      specificationVersion: 'v3',
      provider: 'langdock.agent',
      modelId: 'agent-1',
    });
    const { stream } = await model.doStream({ prompt });
    // A dedicated deployment: the agent API sits under /api/public beside /openai/eu/v1.
    expect(servers.current.requests[0]!.path).toBe('/api/public/agent/v1/chat/completions');
    expect(await collect(stream)).toEqual([
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', id: 'm1' },
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: '{"query":"Berlin"}',
        providerExecuted: true,
        dynamic: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'web_search',
        result: { results: [] },
        dynamic: true,
      },
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com/berlin' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Capital.' },
      { type: 'text-end', id: 't' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: undefined },
        usage: noUsage,
        providerMetadata: { langdock: { messageMetadata: { modelName: 'GPT-4.1' } } },
      },
    ]);
  });

  it('doGenerate: content in stream order, V3 warnings for a system message and a function tool', async () => {
    const model = await agentOn([raw(answer)]);
    const result = await model.doGenerate({
      prompt: [{ role: 'system', content: 'Be brief.' }, ...prompt],
      tools: [{ type: 'function', name: 'weather', inputSchema: { type: 'object' } }],
    });
    expect(result.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: '{"query":"Berlin"}',
        providerExecuted: true,
        dynamic: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'web_search',
        result: { results: [] },
        dynamic: true,
      },
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com/berlin' },
      { type: 'text', text: 'Capital.' },
    ]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: undefined });
    expect(result.usage).toEqual(noUsage);
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'tool weather',
        details:
          'Function tools cannot run inside a Langdock agent, so it was not sent. Give the agent an action in Langdock instead, or call a chat model with this tool.',
      },
      {
        type: 'other',
        message:
          '1 system message(s) were not sent: a Langdock agent has its own instructions. Set them in the agent in Langdock, or in agent.instructions of a temporary agent.',
      },
    ]);
    expect(servers.current.requests[0]!.body).toEqual({
      agentId: 'agent-1',
      messages: [
        { id: expect.any(String), role: 'user', parts: [{ type: 'text', text: 'Berlin?' }] },
      ],
      stream: true,
    });
  });
});
