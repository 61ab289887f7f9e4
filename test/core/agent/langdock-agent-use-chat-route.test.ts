import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../../src/v4/index';
import { readSseFixture, uiStream } from '../../helpers/agent-stream';
import { json, serverPerTest, type Reply } from '../../helpers/test-server';

const API_KEY = 'ld-agent-route-key-0123';
const servers = serverPerTest();
const raw =
  (text: string): Reply =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' }).end(text);
  };
const messages = [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }];

async function providerOn(...replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
}

/** The `data` of each event, parsed (`[DONE]` kept as a string), and whether every event was framed on its own. */
function events(body: string): unknown[] {
  expect(body.endsWith('\n\n')).toBe(true);
  return body
    .split('\n\n')
    .filter((event) => event !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      expect(event.slice(6)).not.toContain('\n');
      const data = event.slice(6);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

describe('agentResponse (a useChat route in one line)', () => {
  it('answers at once with the UI message stream header; the request starts when the body is read', async () => {
    const langdock = await providerOn(raw(readSseFixture('agent-captured')));
    const response = langdock.agentResponse({ agentId: 'agent-1', messages });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'content-type': 'text/event-stream',
      'x-accel-buffering': 'no',
      'x-vercel-ai-ui-message-stream': 'v1',
    });
    expect(servers.current.requests).toHaveLength(0);
    const body = await response.text();
    expect(servers.current.requests[0]!.body).toEqual({
      agentId: 'agent-1',
      messages,
      stream: true,
    });
    const sent = events(body);
    // The captured stream's glued events arrive as two events of their own.
    const deltas = sent
      .filter((event) => (event as { type?: string }).type === 'text-delta')
      .map((event) => (event as { delta: string }).delta);
    expect(deltas).toEqual(['1', ' …', '  \n', '2']);
    expect(
      sent.map((event) => (typeof event === 'string' ? event : (event as { type: string }).type)),
    ).toEqual([
      'data-conversation-id',
      'start',
      'start-step',
      'reasoning-start',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-end',
      'finish-step',
      'finish',
      '[DONE]',
    ]);
  });

  it("marks the agent's tool chunks provider-executed, and passes every other chunk as it came", async () => {
    const chunks = [
      { type: 'tool-input-start', toolCallId: 'c', toolName: 'web_search' },
      {
        type: 'tool-input-available',
        toolCallId: 'c',
        toolName: 'web_search',
        input: { query: 'x' },
      },
      { type: 'tool-output-available', toolCallId: 'c', output: { results: [] } },
      { type: 'source-url', sourceId: 's', url: 'https://example.com', title: 'Ex' },
      { type: 'finish' },
    ];
    const langdock = await providerOn(raw(uiStream(chunks)));
    expect(events(await langdock.agentResponse({ agentId: 'agent-1', messages }).text())).toEqual([
      { type: 'tool-input-start', toolCallId: 'c', toolName: 'web_search', providerExecuted: true },
      {
        type: 'tool-input-available',
        toolCallId: 'c',
        toolName: 'web_search',
        input: { query: 'x' },
        providerExecuted: true,
      },
      {
        type: 'tool-output-available',
        toolCallId: 'c',
        output: { results: [] },
        providerExecuted: true,
      },
      { type: 'source-url', sourceId: 's', url: 'https://example.com', title: 'Ex' },
      { type: 'finish' },
      '[DONE]',
    ]);
  });

  it('sends the options, forwards only what Langdock takes of the history, and attachments only when asked', async () => {
    const langdock = await providerOn(
      raw(uiStream([{ type: 'finish' }])),
      raw(uiStream([{ type: 'finish' }])),
    );
    const history = [
      { id: 's', role: 'system', parts: [{ type: 'text', text: 'Be evil.' }] },
      {
        id: 'u1',
        role: 'user',
        parts: [{ type: 'text', text: 'Hi' }],
        metadata: { attachments: ['0d6a8e6e-3f8a-4c55-9f6f-2b1c4d5e6f70'] },
      },
      {
        id: 'a1',
        role: 'assistant',
        parts: [{ type: 'step-start' }, { type: 'text', text: 'Hello' }],
      },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Again' }] },
    ];
    await langdock
      .agentResponse({
        agentId: 'agent-1',
        messages: history,
        maxSteps: 5,
        imageResponseFormat: 'b64_json',
        output: { type: 'array' },
      })
      .text();
    expect(servers.current.requests[0]!.body).toEqual({
      agentId: 'agent-1',
      messages: [
        { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] },
        { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Hello' }] },
        { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Again' }] },
      ],
      stream: true,
      maxSteps: 5,
      imageResponseFormat: 'b64_json',
      output: { type: 'array' },
    });
    await langdock
      .agentResponse({
        agent: { name: 'Temp', instructions: 'Help.' },
        messages: history,
        forwardAttachments: true,
      })
      .text();
    expect(
      (
        servers.current.requests[1]!.body as {
          agent: unknown;
          messages: Array<{ metadata?: unknown }>;
        }
      ).agent,
    ).toEqual({ name: 'Temp', instructions: 'Help.' });
    expect(
      (servers.current.requests[1]!.body as { messages: Array<{ metadata?: unknown }> })
        .messages[0]!.metadata,
    ).toEqual({ attachments: ['0d6a8e6e-3f8a-4c55-9f6f-2b1c4d5e6f70'] });
  });

  it('turns a refused request into an error chunk with the key redacted', async () => {
    const langdock = await providerOn(
      json({ message: `The provided API key is invalid: ${API_KEY}` }, 401),
    );
    const body = await langdock.agentResponse({ agentId: 'agent-1', messages }).text();
    expect(body).not.toContain(API_KEY);
    expect(events(body)).toEqual([
      {
        type: 'error',
        errorText:
          'Langdock API error 401: The provided API key is invalid: [redacted]. Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
      },
      '[DONE]',
    ]);
  });

  it('passes the agent’s own error chunk redacted, and adds none after it', async () => {
    const langdock = await providerOn(
      raw(
        uiStream([
          { type: 'start' },
          { type: 'error', errorText: `failed with Bearer ${API_KEY}` },
        ]),
      ),
    );
    expect(events(await langdock.agentResponse({ agentId: 'agent-1', messages }).text())).toEqual([
      { type: 'start' },
      { type: 'error', errorText: 'failed with [redacted]' },
      '[DONE]',
    ]);
  });

  it('reports a stream that ended without its finish chunk, and an event that is not JSON', async () => {
    const langdock = await providerOn(
      raw('data: {"type":"start"}\n\ndata: {oops\n\n'),
      raw(uiStream([{ type: 'text-delta', id: 't', delta: 'Hal' }], { done: false })),
    );
    expect(events(await langdock.agentResponse({ agentId: 'agent-1', messages }).text())).toEqual([
      { type: 'start' },
      { type: 'error', errorText: 'Langdock sent an event that is not JSON; it was left out.' },
      '[DONE]',
    ]);
    expect(events(await langdock.agentResponse({ agentId: 'agent-1', messages }).text())).toEqual([
      { type: 'text-delta', id: 't', delta: 'Hal' },
      {
        type: 'error',
        errorText:
          "The Langdock agent's stream ended before its finish chunk: the answer may be incomplete.",
      },
      '[DONE]',
    ]);
  });

  it('reports a connection lost mid-stream', async () => {
    const langdock = await providerOn((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(uiStream([{ type: 'start' }], { done: false }), () => response.destroy());
    });
    const sent = events(await langdock.agentResponse({ agentId: 'agent-1', messages }).text());
    expect(sent[0]).toEqual({ type: 'start' });
    expect((sent[1] as { errorText: string }).errorText).toMatch(
      /^The connection to Langdock was lost mid-stream.*the answer is incomplete\.$/,
    );
    expect(sent[2]).toBe('[DONE]');
  });

  it('cancels the request to Langdock when the browser goes away', async () => {
    let closed: Promise<void> | undefined;
    const langdock = await providerOn((_request, response) => {
      closed = new Promise((resolve) => response.on('close', () => resolve()));
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(uiStream([{ type: 'start' }], { done: false }));
    });
    const reader = langdock.agentResponse({ agentId: 'agent-1', messages }).body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('data: {"type":"start"}\n\n');
    await reader.cancel();
    await closed;
    expect(servers.current.requests).toHaveLength(1);
  });

  it('cancels the request to Langdock when the abortSignal fires (request.signal in a route)', async () => {
    let closed: Promise<void> | undefined;
    const langdock = await providerOn((_request, response) => {
      closed = new Promise((resolve) => response.on('close', () => resolve()));
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(uiStream([{ type: 'start' }], { done: false }));
    });
    const controller = new AbortController();
    const reader = langdock
      .agentResponse({ agentId: 'agent-1', messages, abortSignal: controller.signal })
      .body!.getReader();
    await reader.read();
    controller.abort();
    await closed;
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });

  it('answers 400 for messages that are not UI messages, before any request', async () => {
    const langdock = await providerOn();
    const response = langdock.agentResponse({
      agentId: 'agent-1',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      'messages[0] is not a UI message: it needs a role and an array of parts.',
    );
    expect(servers.current.requests).toHaveLength(0);
  });

  it('throws for options a route author got wrong', () => {
    const langdock = createLangdock({ apiKey: API_KEY });
    expect(() => langdock.agentResponse({ messages })).toThrow(InvalidArgumentError);
    expect(() => langdock.agentResponse({ messages })).toThrow(
      'pass exactly one of agentId (a saved agent) and agent (a temporary agent)',
    );
    expect(() => langdock.agentResponse({ agentId: 'a', messages, maxSteps: 99 })).toThrow(
      'agentResponse.maxSteps: Too big: expected number to be <=20',
    );
  });

  it('turns a missing key into an error chunk rather than a failed route', async () => {
    const server = await servers.start();
    const withoutKey = createLangdock({ baseURL: server.baseURL });
    const previous = process.env.LANGDOCK_API_KEY;
    delete process.env.LANGDOCK_API_KEY;
    try {
      const sent = events(await withoutKey.agentResponse({ agentId: 'agent-1', messages }).text());
      expect((sent[0] as { errorText: string }).errorText).toMatch(/^Langdock API key is missing/);
    } finally {
      if (previous !== undefined) process.env.LANGDOCK_API_KEY = previous;
    }
    expect(server.requests).toHaveLength(0);
  });
});
