import {
  APICallError,
  InvalidArgumentError,
  type LanguageModelV2StreamPart,
} from '@ai-sdk/provider';
import { generateObject, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLangdock } from '../../src/index';
import { readSseFixture, uiStream } from '../helpers/agent-stream';
import { json, serverPerTest, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-agent-test-key-0123';
const servers = serverPerTest();

const raw =
  (text: string): Reply =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' }).end(text);
  };

const webSearchAnswer = uiStream([
  { type: 'data-conversation-id', data: null },
  { type: 'start', messageId: 'm1', messageMetadata: { modelName: 'GPT-4.1' } },
  { type: 'start-step' },
  {
    type: 'tool-input-available',
    toolCallId: 'call_1',
    toolName: 'web_search',
    input: { query: 'Berlin' },
  },
  { type: 'tool-output-available', toolCallId: 'call_1', output: { results: [] } },
  { type: 'finish-step' },
  { type: 'start-step' },
  { type: 'source-url', sourceId: 's1', url: 'https://example.com/berlin', title: 'Berlin' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Berlin is the capital.' },
  { type: 'text-end', id: 't' },
  { type: 'finish-step' },
  { type: 'finish' },
]);

async function agentOn(
  replies: Reply[],
  target: Parameters<ReturnType<typeof createLangdock>['agent']>[0] = 'agent-1',
) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL }).agent(target);
}

async function collect(stream: ReadableStream<LanguageModelV2StreamPart>) {
  const parts: LanguageModelV2StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

describe('langdock.agent on the root entry (LanguageModelV2, AI SDK 5)', () => {
  it('is a V2 model named after the agent', async () => {
    const model = await agentOn([]);
    expect(model).toMatchObject({
      specificationVersion: 'v2',
      provider: 'langdock.agent',
      modelId: 'agent-1',
      supportedUrls: {},
    });
    const temporary = createLangdock({ apiKey: API_KEY }).agent({
      name: 'Helper',
      instructions: 'Be nice.',
    });
    expect(temporary.modelId).toBe('Helper');
  });

  it('posts UIMessages to /agent/v1/chat/completions beside the chat base URL, always streaming, with the key', async () => {
    const model = await agentOn([raw(readSseFixture('agent-captured'))]);
    const { stream, request } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Count to 2' }] }],
    });
    const parts = await collect(stream);
    const sent = servers.current.requests[0]!;
    expect(sent.path).toBe('/agent/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.body).toEqual({
      agentId: 'agent-1',
      messages: [
        { id: expect.any(String), role: 'user', parts: [{ type: 'text', text: 'Count to 2' }] },
      ],
      stream: true,
    });
    expect(request?.body).toEqual(sent.body);
    expect(parts.map((part) => part.type)).toEqual([
      'stream-start',
      'response-metadata',
      'reasoning-start',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined },
      providerMetadata: {
        langdock: {
          messageMetadata: { modelName: 'GPT-5.6 Luna' },
          data: [{ type: 'data-conversation-id', data: null }],
        },
      },
    });
  });

  it('streamText: text, a source, and the web search in provider metadata when the call does not name the tool (ai@5 would break on it)', async () => {
    const model = await agentOn([raw(webSearchAnswer)]);
    const result = streamText({ model, prompt: 'Tell me about Berlin' });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types).toEqual([
      'start',
      'start-step',
      'source',
      'text-start',
      'text-delta',
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(await result.text).toBe('Berlin is the capital.');
    expect(await result.sources).toEqual([
      {
        type: 'source',
        sourceType: 'url',
        id: 's1',
        url: 'https://example.com/berlin',
        title: 'Berlin',
      },
    ]);
    expect((await result.providerMetadata)?.langdock?.toolCalls).toEqual([
      {
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: { query: 'Berlin' },
        output: { results: [] },
      },
    ]);
  });

  it('streamText and generateText with agentTools: the web search is a provider-executed call with its result, run by nobody here', async () => {
    const server = await servers.start(raw(webSearchAnswer), raw(webSearchAnswer));
    const langdock = createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
    const streamed = streamText({
      model: langdock.agent('agent-1'),
      prompt: 'Berlin?',
      tools: langdock.agentTools('web_search'),
    });
    const types: string[] = [];
    for await (const part of streamed.fullStream) types.push(part.type);
    expect(types).toEqual([
      'start',
      'start-step',
      'tool-call',
      'tool-result',
      'source',
      'text-start',
      'text-delta',
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(await streamed.toolResults).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: { query: 'Berlin' },
        output: { results: [] },
        providerExecuted: true,
      },
    ]);
    const generated = await generateText({
      model: langdock.agent('agent-1'),
      prompt: 'Berlin?',
      tools: langdock.agentTools('web_search'),
    });
    expect(generated.text).toBe('Berlin is the capital.');
    expect(generated.steps).toHaveLength(1);
    expect(generated.toolCalls).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: { query: 'Berlin' },
        providerExecuted: true,
      },
    ]);
    // The agent tools are only names for ai@5: nothing of them goes to Langdock.
    expect(Object.keys(server.requests[1]!.body as object).sort()).toEqual([
      'agentId',
      'messages',
      'stream',
    ]);
    expect(generated.warnings).toEqual([]);
  });

  it('doGenerate assembles the streamed answer and never calls the non-streaming API', async () => {
    const model = await agentOn([raw(readSseFixture('agent-captured'))]);
    const result = await model.doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Count' }] }],
    });
    expect((servers.current.requests[0]!.body as { stream: boolean }).stream).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: '1 …  \n2' }]);
    expect(result.finishReason).toBe('stop');
    expect(result.response).toMatchObject({ id: '5f56521c' });
  });

  it('generateObject: the schema goes as output, the streamed JSON text is the object', async () => {
    const model = await agentOn([
      raw(
        uiStream([
          { type: 'text-delta', id: 't', delta: '{"city":"Berlin",' },
          { type: 'text-delta', id: 't', delta: '"population":3850000}' },
          { type: 'finish' },
        ]),
      ),
    ]);
    const { object } = await generateObject({
      model,
      schema: z.object({ city: z.string(), population: z.number() }),
      prompt: 'Biggest German city',
    });
    expect(object).toEqual({ city: 'Berlin', population: 3850000 });
    expect((servers.current.requests[0]!.body as { output: unknown }).output).toEqual({
      type: 'object',
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { city: { type: 'string' }, population: { type: 'number' } },
        required: ['city', 'population'],
        additionalProperties: false,
      },
    });
  });

  it('sends maxSteps, imageResponseFormat and an enum output from provider options', async () => {
    const model = await agentOn([
      raw(uiStream([{ type: 'text-delta', id: 't', delta: 'yes' }, { type: 'finish' }])),
    ]);
    await generateText({
      model,
      prompt: 'Is Berlin big?',
      providerOptions: {
        langdock: {
          maxSteps: 4,
          imageResponseFormat: 'url',
          output: { type: 'enum', enum: ['yes', 'no'] },
        },
      },
    });
    expect(servers.current.requests[0]!.body).toMatchObject({
      maxSteps: 4,
      imageResponseFormat: 'url',
      output: { type: 'enum', enum: ['yes', 'no'] },
    });
  });

  it('refuses options agents do not have, naming the path', async () => {
    const model = await agentOn([]);
    const call = model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
      providerOptions: { langdock: { maxSteps: 50, reasoningEffort: 'high' } },
    });
    await expect(call).rejects.toThrow(InvalidArgumentError);
    await expect(
      model.doStream({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
        providerOptions: { langdock: { maxSteps: 50 } },
      }),
    ).rejects.toThrow('providerOptions.langdock.maxSteps: Too big: expected number to be <=20');
    expect(servers.current.requests).toHaveLength(0);
  });

  it('explains a 400 for an agent on "Auto" and an unshared agent, with the key never in the error', async () => {
    const model = await agentOn([
      json(
        {
          message:
            'INVALID REQUEST: No valid model in the request, and no default model set for this workspace.',
        },
        400,
      ),
      json({ message: `Agent not found for key ${API_KEY}` }, 400),
    ]);
    const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'x' }] }];
    const auto = await Promise.resolve(model.doStream({ prompt })).catch((error: unknown) => error);
    expect(APICallError.isInstance(auto)).toBe(true);
    expect((auto as APICallError).message).toBe(
      'Langdock API error 400: INVALID REQUEST: No valid model in the request, and no default model set for this workspace. The agent\'s model is "Auto" and the workspace has no default model: choose a fixed model in the agent\'s settings in Langdock.',
    );
    const unshared = (await Promise.resolve(model.doStream({ prompt })).catch(
      (error: unknown) => error,
    )) as APICallError;
    expect(unshared.message).toBe(
      'Langdock API error 400: Agent not found for key [redacted]. Check the agent id, and that the agent is shared with this API key (a workspace admin shares it in Langdock).',
    );
    expect(JSON.stringify(unshared)).not.toContain(API_KEY);
  });

  it('doGenerate throws the error chunk of a stream that failed after a 200', async () => {
    const model = await agentOn([
      raw(uiStream([{ type: 'start' }, { type: 'error', errorText: 'Knowledge search failed' }])),
    ]);
    await expect(
      model.doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] }),
    ).rejects.toThrow('The Langdock agent reported an error: Knowledge search failed');
  });

  it('refuses a bad agent or settings when the model is made', () => {
    const langdock = createLangdock({ apiKey: API_KEY });
    expect(() => langdock.agent('  ')).toThrow('langdock.agent takes an agent id');
    expect(() => langdock.agent({ name: 'x', instruction: 'old name' } as never)).toThrow(
      /agent\.instructions: Invalid input.*Unrecognized key: "instruction".*not the create\/update endpoints' \(instruction, creativity\)/,
    );
    expect(() => langdock.agent('a', { maxSteps: 0 })).toThrow(
      'settings.maxSteps: Too small: expected number to be >=1',
    );
  });
});
