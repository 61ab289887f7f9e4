import { APICallError } from '@ai-sdk/provider';
import { generateObject, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AGENT_MESSAGES } from '../../emulator/index';
import { resolveLangdockAgentBaseURL } from '../../src/core/agent/langdock-agent-base-url';
import { splitLangdockGluedEvents } from '../../src/core/agent/split-langdock-agent-glued-events';
import { createLangdock } from '../../src/index';
import { live, report } from './live-env';

// The agent assumptions, checked against real Langdock: `npm run test:live` with LANGDOCK_API_KEY (Agent API
// scope) and LANGDOCK_AGENT_ID (an agent shared with the key, on a fixed model). Optional:
// LANGDOCK_AGENT_WEB_SEARCH=1 when that agent has web search, LANGDOCK_AGENT_ATTACHMENTS=1 when the key may upload.
// Each check says which assumption it settles; probes print what Langdock sent as `live-check:` lines.

// Without them the suite is skipped; live-global-setup.ts says so in its one line.
const { apiKey, agentId } = live;
const webSearch = process.env.LANGDOCK_AGENT_WEB_SEARCH === '1';
const attachments = process.env.LANGDOCK_AGENT_ATTACHMENTS === '1';

const userMessage = (text: string, id = 'u1') => ({
  id,
  role: 'user',
  parts: [{ type: 'text', text }],
});

/** A raw request to the Agents API: the status, headers and (for a stream) every chunk, glued events split. */
async function probe(body: Record<string, unknown>, key = apiKey!) {
  const response = await fetch(`${resolveLangdockAgentBaseURL({})}/agent/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const events = text
    .split(/\r?\n\r?\n/)
    .flatMap((event) =>
      event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.replace(/^data:\s?/, '')),
    )
    .flatMap((data) => {
      try {
        JSON.parse(data);
        return [data];
      } catch {
        return splitLangdockGluedEvents(data) ?? [data];
      }
    });
  const chunks = events
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as { type: string } & Record<string, unknown>);
  return {
    status: response.status,
    headers: response.headers,
    text,
    chunks,
    done: events.at(-1) === '[DONE]',
  };
}

describe.skipIf(!apiKey || !agentId)(`live Langdock agent ${agentId}`, () => {
  const langdock = createLangdock();

  it('streams the AI SDK UI message stream: header, a start, text, a bare finish without usage, [DONE] (open questions 2)', async () => {
    const { status, headers, chunks, done } = await probe({
      agentId,
      messages: [userMessage('Reply with the single word: pong')],
      stream: true,
    });
    report('response headers', {
      contentType: headers.get('content-type'),
      uiMessageStream: headers.get('x-vercel-ai-ui-message-stream'),
    });
    report(
      'chunk types',
      chunks.map((chunk) => chunk.type),
    );
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(done).toBe(true);
    expect(chunks.map((chunk) => chunk.type)).toContain('start');
    const finish = chunks.find((chunk) => chunk.type === 'finish');
    report('finish chunk', finish);
    // The library reports undefined usage because the finish has none: a finish with usage would be worth mapping.
    expect(finish).toBeDefined();
    expect(finish!.usage).toBeUndefined();
  });

  it('the model path: streamText and generateText through the derived agent base URL, history with assistant text (open question 5)', async () => {
    const result = streamText({
      model: langdock.agent(agentId!),
      prompt: 'Reply with the single word: pong',
    });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text.toLowerCase()).toContain('pong');
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).totalTokens).toBeUndefined();
    const { text: second } = await generateText({
      model: langdock.agent(agentId!),
      messages: [
        { role: 'user', content: 'Remember the number 7.' },
        { role: 'assistant', content: 'I will remember 7.' },
        { role: 'user', content: 'Which number? Answer with the digit only.' },
      ],
    });
    expect(second).toContain('7');
  });

  it('structured output streams as the JSON text (open question 4): generateObject and an enum output', async () => {
    const schema = z.object({ city: z.string(), country: z.string() });
    const { object } = await generateObject({
      model: langdock.agent(agentId!),
      schema,
      prompt: 'The capital of France, as city and country.',
    });
    expect(schema.safeParse(object).success).toBe(true);
    const { chunks } = await probe({
      agentId,
      messages: [userMessage('Is the sky blue on a clear day?')],
      stream: true,
      output: { type: 'enum', enum: ['yes', 'no'] },
    });
    report(
      'enum output chunks',
      chunks.filter((chunk) => !['text-delta', 'reasoning-delta'].includes(chunk.type)),
    );
    const text = chunks
      .filter((chunk) => chunk.type === 'text-delta')
      .map((chunk) => chunk.delta)
      .join('');
    expect(['yes', '"yes"']).toContain(text.trim());
  });

  it('takes maxSteps and imageResponseFormat (open question 4: their defaults are not documented)', async () => {
    const { status } = await probe({
      agentId,
      messages: [userMessage('Say ok.')],
      stream: true,
      maxSteps: 2,
      imageResponseFormat: 'url',
    });
    expect(status).toBe(200);
  });

  it('runs a temporary agent from `agent` (the variant the OpenAPI copy does not list)', async () => {
    const { text } = await generateText({
      model: langdock.agent({ name: 'Echo', instructions: 'Answer with the single word: pong' }),
      prompt: 'Go',
    });
    expect(text.toLowerCase()).toContain('pong');
  });

  it('probes which history parts Langdock takes (open question 5): the library sends text only, so nothing here can break it', async () => {
    const history = (part: Record<string, unknown>) => [
      userMessage('Hi'),
      { id: 'a1', role: 'assistant', parts: [part, { type: 'text', text: 'Hello.' }] },
      userMessage('Say ok.', 'u2'),
    ];
    for (const part of [
      { type: 'reasoning', text: 'thinking' },
      { type: 'step-start' },
      {
        type: 'tool-web_search',
        toolCallId: 'c1',
        state: 'output-available',
        input: { query: 'x' },
        output: { results: [] },
      },
      { type: 'source-url', sourceId: 's1', url: 'https://example.com' },
    ]) {
      const { status, text } = await probe({ agentId, messages: history(part), stream: true });
      report(`history with a ${part.type} part`, {
        status,
        body: status === 200 ? 'stream' : text.slice(0, 200),
      });
      expect([200, 400]).toContain(status);
    }
  });

  it("answers an unknown agent with 400 and the emulator's message (the emulator assumes 'Agent not found')", async () => {
    const { status, text } = await probe({
      agentId: '00000000-0000-4000-8000-000000000000',
      messages: [userMessage('x')],
      stream: true,
    });
    report('unknown agent', { status, text: text.slice(0, 300) });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ message: AGENT_MESSAGES.agentNotFound });
  });

  it('answers a wrong key with 401 {message} (the shape of the other routes)', async () => {
    const { status, text } = await probe(
      { agentId, messages: [userMessage('x')], stream: true },
      'ld-not-a-real-key-123',
    );
    expect(status).toBe(401);
    expect(JSON.parse(text)).toEqual({ message: 'The provided API key is invalid.' });
    const error = await generateText({
      model: createLangdock({ apiKey: 'ld-not-a-real-key-123' }).agent(agentId!),
      prompt: 'x',
      maxRetries: 0,
    }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error) && error.statusCode).toBe(401);
  });

  it('reports what the non-streaming answer looks like (open question 1; the library never uses it)', async () => {
    const { status, text } = await probe({
      agentId,
      messages: [userMessage('Say ok.')],
      stream: false,
    });
    const body = status === 200 ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    report('non-streaming body keys', body === undefined ? { status } : Object.keys(body));
    expect(status).toBe(200);
  });

  it.skipIf(!webSearch)(
    'shows web search as tool chunks and sources (open question 3: names and order)',
    async () => {
      const { chunks } = await probe({
        agentId,
        messages: [
          userMessage('Search the web: what is the latest news about Berlin today? Cite sources.'),
        ],
        stream: true,
      });
      const interesting = chunks.filter(
        (chunk) => chunk.type.startsWith('tool-') || chunk.type.startsWith('source-'),
      );
      report(
        'web search chunks',
        interesting.map((chunk) => ({
          type: chunk.type,
          toolName: chunk.toolName,
          providerExecuted: chunk.providerExecuted,
        })),
      );
      expect(interesting.length).toBeGreaterThan(0);
      const result = streamText({
        model: langdock.agent(agentId!),
        prompt: 'Search the web: the latest news about Berlin today.',
        tools: langdock.agentTools(
          ...new Set(
            interesting.flatMap((chunk) =>
              typeof chunk.toolName === 'string' ? [chunk.toolName] : [],
            ),
          ),
        ),
      });
      for await (const part of result.fullStream) if (part.type === 'error') throw part.error;
      expect((await result.toolResults).length + (await result.sources).length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!attachments)(
    'uploads a file, refers to it from a message, and deletes it (the upload scope and id format)',
    async () => {
      const id = await langdock.uploadAttachment(
        new TextEncoder().encode('The secret word is marmalade.\n'),
        { filename: 'secret.txt', mediaType: 'text/plain' },
      );
      report('attachment id', id);
      expect(id).toMatch(/^[0-9a-f-]{36}$/i);
      try {
        const { text } = await generateText({
          model: langdock.agent(agentId!),
          messages: [
            {
              role: 'user',
              content: 'What is the secret word in the attached file? One word.',
              providerOptions: { langdock: { attachments: [id] } },
            },
          ],
        });
        expect(text.toLowerCase()).toContain('marmalade');
      } finally {
        await langdock.deleteAttachment(id);
      }
    },
  );

  it('agentResponse streams a useChat body that ends with [DONE]', async () => {
    const response = langdock.agentResponse({
      agentId: agentId!,
      messages: [userMessage('Say ok.')],
    });
    const body = await response.text();
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(body).not.toContain('"type":"error"');
  });
});
