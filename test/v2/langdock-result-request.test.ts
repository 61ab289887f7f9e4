import type { LanguageModelV2StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import { uiStream } from '../helpers/agent-stream';
import { json, serverPerTest, sse, type Reply } from '../helpers/test-server';

// Each entry returns the request fields its spec declares: V2 has only `body`, so every V2 model, chat
// and agent, generate and stream, returns { body } and nothing the AI SDK of its time does not know.
// (#20: the peer suite saw /v4 carry request.url while /v3 did not.)

const servers = serverPerTest();
const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];
const completion = {
  id: 'r',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
};
const chunk = {
  id: 'r',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: 'stop' }],
};
const agentAnswer: Reply = (_request, response) => {
  response
    .writeHead(200, { 'content-type': 'text/event-stream' })
    .end(uiStream([{ type: 'text-delta', id: 't', delta: 'Hello' }, { type: 'finish' }]));
};

async function providerOn(reply: Reply) {
  const server = await servers.start(reply);
  return createLangdock({ apiKey: 'ld-test-key-0123456789', baseURL: server.baseURL });
}

async function drain(stream: ReadableStream<LanguageModelV2StreamPart>) {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

/** The path is not part of a V2 request: the spec has no `url`. */
const expected = (_path: string) => ({ body: servers.current.requests[0]!.body });

describe('request on every V2 entry', () => {
  it('chat doGenerate', async () => {
    const model = (await providerOn(json(completion)))('gpt-4.1');
    const { request } = await model.doGenerate({ prompt });
    expect(request).toEqual(expected('/openai/eu/v1/chat/completions'));
  });

  it('chat doStream', async () => {
    const model = (await providerOn(sse([chunk])))('gpt-4.1');
    const { stream, request } = await model.doStream({ prompt });
    await drain(stream);
    expect(request).toEqual(expected('/openai/eu/v1/chat/completions'));
  });

  it('agent doGenerate', async () => {
    const model = (await providerOn(agentAnswer)).agent('agent-1');
    const { request } = await model.doGenerate({ prompt });
    expect(request).toEqual(expected('/agent/v1/chat/completions'));
  });

  it('agent doStream', async () => {
    const model = (await providerOn(agentAnswer)).agent('agent-1');
    const { stream, request } = await model.doStream({ prompt });
    await drain(stream);
    expect(request).toEqual(expected('/agent/v1/chat/completions'));
  });
});
