import { generateObject, generateText, stepCountIs, streamObject, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLangdock } from '../src/v2/index';
import { json, sse, serverPerTest, type Reply } from './helpers/test-server';

// The provider as users meet it: through the AI SDK 5 functions, against a real local server.

const servers = serverPerTest();

async function langdockOn(...replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: 'k', baseURL: server.baseURL });
}

const chunk = (delta: object, finish_reason: string | null = null) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta, finish_reason }],
});
const message = (content: string) => ({
  id: 'r',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});

describe('AI SDK 5', () => {
  it('generateText returns the text', async () => {
    const langdock = await langdockOn(json(message('Hello from Langdock')));
    const result = await generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' });
    expect(result.text).toBe('Hello from Langdock');
    expect(servers.current.requests[0]!.body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  it('streamText runs a tool loop with stopWhen and sends the tool result back', async () => {
    const langdock = await langdockOn(
      sse([
        chunk({
          role: 'assistant',
          tool_calls: [
            {
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '' },
            },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"Berlin"}' } }] }),
        chunk({}, 'tool_calls'),
      ]),
      sse([chunk({ content: 'It is 21°C in ' }), chunk({ content: 'Berlin.' }, 'stop')]),
    );
    const result = streamText({
      model: langdock('gpt-4.1'),
      prompt: 'Weather in Berlin?',
      tools: {
        weather: tool({
          description: 'Current weather in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => ({ city, celsius: 21 }),
        }),
      },
      stopWhen: stepCountIs(3),
    });
    expect(await result.text).toBe('It is 21°C in Berlin.');
    const steps = await result.steps;
    expect(steps).toHaveLength(2);
    expect(steps[0]!.toolCalls).toMatchObject([
      { toolCallId: 'call_1', toolName: 'weather', input: { city: 'Berlin' } },
    ]);
    expect(steps[0]!.toolResults).toMatchObject([
      { toolCallId: 'call_1', output: { city: 'Berlin', celsius: 21 } },
    ]);

    const second = servers.current.requests[1]!.body as { messages: unknown[]; tools: unknown[] };
    expect(second.messages).toEqual([
      { role: 'user', content: 'Weather in Berlin?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Berlin"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"city":"Berlin","celsius":21}' },
    ]);
    expect(second.tools).toHaveLength(1);
  });

  it('generateObject uses json_object and tells the model the schema', async () => {
    const langdock = await langdockOn(json(message('{"name":"Ada","age":36}')));
    const { object } = await generateObject({
      model: langdock('gpt-4.1'),
      schema: z.object({ name: z.string(), age: z.number() }),
      prompt: 'Invent a person.',
    });
    expect(object).toEqual({ name: 'Ada', age: 36 });
    const body = servers.current.requests[0]!.body as {
      response_format: unknown;
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]!.role).toBe('system');
    expect(body.messages[0]!.content).toContain('JSON');
    expect(body.messages[0]!.content).toContain('"name":{"type":"string"}');
    expect(body.messages[1]).toEqual({ role: 'user', content: 'Invent a person.' });
  });

  it('streamObject streams a partial object in JSON mode', async () => {
    const langdock = await langdockOn(
      sse([chunk({ content: '{"items":["a",' }), chunk({ content: '"b"]}' }, 'stop')]),
    );
    const result = streamObject({
      model: langdock('gpt-4.1'),
      schema: z.object({ items: z.array(z.string()) }),
      prompt: 'List two letters.',
    });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    expect(await result.object).toEqual({ items: ['a', 'b'] });
    expect(partials.length).toBeGreaterThan(0);
  });

  it('generateObject with structuredOutputs sends json_schema', async () => {
    const langdock = await langdockOn(json(message('{"ok":true}')));
    await generateObject({
      model: langdock('gpt-4.1'),
      schema: z.object({ ok: z.boolean() }),
      schemaName: 'status',
      prompt: 'Status?',
      providerOptions: { langdock: { structuredOutputs: true } },
    });
    expect(
      (
        servers.current.requests[0]!.body as {
          response_format: { type: string; json_schema: { name: string } };
        }
      ).response_format,
    ).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'status' },
    });
  });

  it('retries a 429 after the retry-after the server asks for', async () => {
    const langdock = await langdockOn(
      json({ message: 'Rate limit for public API exceeded' }, 429, { 'retry-after': '0' }),
      json(message('after retry')),
    );
    const result = await generateText({ model: langdock('gpt-4.1'), prompt: 'Hi', maxRetries: 1 });
    expect(result.text).toBe('after retry');
    expect(servers.current.requests).toHaveLength(2);
  });

  it('does not retry a 401 and surfaces the hint', async () => {
    const langdock = await langdockOn(json({ message: 'The provided API key is invalid.' }, 401));
    await expect(generateText({ model: langdock('gpt-4.1'), prompt: 'Hi' })).rejects.toThrow(
      'Check the API key',
    );
    expect(servers.current.requests).toHaveLength(1);
  });

  it('passes warnings to the result', async () => {
    const langdock = await langdockOn(json(message('ok')));
    const result = await generateText({ model: langdock('o3'), prompt: 'Hi', temperature: 0.5 });
    expect(result.warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'temperature',
        details: 'o3 is a reasoning model, which accepts no temperature; it was not sent.',
      },
    ]);
  });
});
