import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentFlag } from '../../../emulator/agents/agent-registry';
import { parseCliArgs } from '../../../emulator/server/cli-args';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { API_KEY, call, sseData } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({
    apiKeys: [API_KEY],
    rateLimit: { models: { 'gpt-4o-mini': { rpm: 1 } } },
    agents: [
      'helper',
      { id: 'research', name: 'Researcher', webSearch: true, model: 'gpt-4o', modelName: 'GPT-4o' },
      { id: 'private', shared: false },
      { id: 'auto-agent', model: 'auto' },
      { id: 'flaky', errorAfter: 6, errorText: 'Knowledge folder unavailable' },
      { id: 'glued', gluedEvents: true },
      { id: 'limited', model: 'gpt-4o-mini' },
    ],
  });
});
afterAll(() => emulator.close());

const agentURL = (dedicated = false) =>
  `${emulator.agentBaseURLFor({ dedicated })}/agent/v1/chat/completions`;
const ask = (
  body: Record<string, unknown>,
  options: { key?: string | null; dedicated?: boolean } = {},
) =>
  call(agentURL(options.dedicated), {
    body: { stream: true, ...body },
    ...(options.key !== undefined && { key: options.key }),
  });
const userMessage = (text: string, extra: Record<string, unknown> = {}) => ({
  id: 'u1',
  role: 'user',
  parts: [{ type: 'text', text }],
  ...extra,
});
const chunksOf = (text: string) =>
  sseData(text).map((data) => (data === '[DONE]' ? data : (JSON.parse(data) as { type: string })));

describe('emulator: the Agents API', () => {
  it('streams the chunk order of the real capture, with the UI message stream header', async () => {
    const response = await ask({ agentId: 'helper', messages: [userMessage('Count to two')] });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const chunks = chunksOf(response.text);
    expect(chunks.map((chunk) => (typeof chunk === 'string' ? chunk : chunk.type))).toEqual([
      'data-conversation-id',
      'start',
      'start-step',
      'reasoning-start',
      'reasoning-end',
      'text-start',
      ...Array(8).fill('text-delta'),
      'text-end',
      'finish-step',
      'finish',
      '[DONE]',
    ]);
    expect(chunks[0]).toEqual({ type: 'data-conversation-id', data: null });
    expect(chunks[1]).toMatchObject({ type: 'start', messageMetadata: { modelName: 'GPT-4.1' } });
    expect(chunks.at(-2)).toEqual({ type: 'finish' });
    const text = chunks
      .filter((chunk) => typeof chunk !== 'string' && chunk.type === 'text-delta')
      .map((chunk) => (chunk as unknown as { delta: string }).delta);
    expect(text.join('')).toBe('Agent helper here. You said: "Count to two".');
  });

  it('serves the dedicated-deployment prefix /api/public too', async () => {
    const response = await ask(
      { agentId: 'helper', messages: [userMessage('Hi')] },
      { dedicated: true },
    );
    expect(response.status).toBe(200);
    expect(emulator.requests.at(-1)!.path).toBe('/api/public/agent/v1/chat/completions');
  });

  it('an agent with web search calls its tool, gets its output and cites two sources before the text', async () => {
    const chunks = chunksOf(
      (await ask({ agentId: 'research', messages: [userMessage('Berlin news')] })).text,
    ).filter((chunk) => typeof chunk !== 'string');
    const types = chunks.map((chunk) => chunk.type);
    expect(types.slice(5, 16)).toEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-available',
      'tool-output-available',
      'finish-step',
      'start-step',
      'source-url',
      'source-url',
      'text-start',
      'text-delta',
    ]);
    expect(chunks[8]).toMatchObject({
      type: 'tool-input-available',
      toolName: 'web_search',
      input: { query: 'Berlin news' },
    });
    expect(chunks[12]).toMatchObject({
      type: 'source-url',
      url: 'https://example.com/search/1?q=Berlin%20news',
      title: 'Emulated result 1 for "Berlin news"',
    });
    expect(chunks[1]).toMatchObject({ messageMetadata: { modelName: 'GPT-4o' } });
  });

  it('answers structured output as JSON text: an object from the schema, an enum value the prompt names', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, population: { type: 'integer' } },
      required: ['city', 'population'],
    };
    const text = (chunks: Array<{ type: string } | string>) =>
      chunks
        .filter((chunk) => typeof chunk !== 'string' && chunk.type === 'text-delta')
        .map((chunk) => (chunk as unknown as { delta: string }).delta)
        .join('');
    const object = JSON.parse(
      text(
        chunksOf(
          (
            await ask({
              agentId: 'helper',
              messages: [userMessage('Facts about Berlin')],
              output: { type: 'object', schema },
            })
          ).text,
        ),
      ),
    );
    expect(object).toEqual({ city: expect.any(String), population: expect.any(Number) });
    const choice = JSON.parse(
      text(
        chunksOf(
          (
            await ask({
              agentId: 'helper',
              messages: [userMessage('Is it positive?')],
              output: { type: 'enum', enum: ['negative', 'positive'] },
            })
          ).text,
        ),
      ),
    );
    expect(choice).toBe('positive');
  });

  it('answers without stream as one UIMessage, with output when asked (the shape the API reference documents)', async () => {
    const response = await call(agentURL(), {
      body: { agentId: 'helper', messages: [userMessage('Hi')], output: { type: 'array' } },
    });
    expect(response.json).toEqual({
      id: expect.stringMatching(/^emulator-message-/),
      role: 'assistant',
      parts: [{ type: 'text', text: '["Hi"]' }],
      output: ['Hi'],
    });
  });

  it('scripted faults: an error chunk mid-answer, and glued events', async () => {
    const flaky = chunksOf(
      (await ask({ agentId: 'flaky', messages: [userMessage('Hi there')] })).text,
    );
    expect(flaky.slice(-2)).toEqual([
      { type: 'error', errorText: 'Knowledge folder unavailable' },
      '[DONE]',
    ]);
    expect(flaky.some((chunk) => typeof chunk !== 'string' && chunk.type === 'finish')).toBe(false);
    const glued = (await ask({ agentId: 'glued', messages: [userMessage('one two three four')] }))
      .text;
    expect(glued).toMatch(/"delta":"[^"]*"\}data: \{"type":"text-delta"/);
  });

  it.each([
    {
      name: 'an unknown agent',
      body: { agentId: 'nobody', messages: [userMessage('x')] },
      status: 400,
      message: 'Agent not found',
    },
    {
      name: 'an agent not shared with the key',
      body: { agentId: 'private', messages: [userMessage('x')] },
      status: 400,
      message: 'Agent not found',
    },
    {
      name: 'an agent on the "Auto" model',
      body: { agentId: 'auto-agent', messages: [userMessage('x')] },
      status: 400,
      message:
        'INVALID REQUEST: No valid model in the request, and no default model set for this workspace.',
    },
    {
      name: 'both agentId and agent',
      body: {
        agentId: 'helper',
        agent: { name: 'x', instructions: 'y' },
        messages: [userMessage('x')],
      },
      status: 400,
      message: 'Provide either agentId or agent.',
    },
    {
      name: 'a message without an id',
      body: {
        agentId: 'helper',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'x' }] }],
      },
      status: 400,
      message: 'messages[0].id is required: every UI message has an id.',
    },
    {
      name: 'an undocumented part in history',
      body: {
        agentId: 'helper',
        messages: [
          userMessage('x'),
          { id: 'a', role: 'assistant', parts: [{ type: 'step-start' }] },
        ],
      },
      status: 400,
      message: "messages[1].parts[0]: a assistant message takes no 'step-start' parts.",
    },
    {
      name: 'an attachment never uploaded',
      body: {
        agentId: 'helper',
        messages: [
          userMessage('x', { metadata: { attachments: ['99999999-0000-4000-8000-000000000000'] } }),
        ],
      },
      status: 400,
      message:
        'messages[0].metadata.attachments: attachment 99999999-0000-4000-8000-000000000000 was not found; upload it first.',
    },
    {
      name: 'maxSteps over 20',
      body: { agentId: 'helper', messages: [userMessage('x')], maxSteps: 21 },
      status: 400,
      message: 'maxSteps must be a whole number from 1 to 20.',
    },
    {
      name: 'an old Assistants field',
      body: { assistantId: 'helper', messages: [userMessage('x')] },
      status: 400,
      message: 'Unknown field(s) in the request body: assistantId.',
    },
    {
      name: 'a temporary agent with create-endpoint names',
      body: { agent: { name: 'x', instruction: 'y' }, messages: [userMessage('x')] },
      status: 400,
      message: 'Unknown field(s) in agent: instruction.',
    },
  ])('refuses $name in Langdock’s {message} shape', async ({ body, status, message }) => {
    const response = await ask(body);
    expect(response.status).toBe(status);
    expect(response.json).toEqual({ message });
  });

  it('answers 401 and 429 in the shapes of the other routes', async () => {
    const unauthorized = await ask(
      { agentId: 'helper', messages: [userMessage('x')] },
      { key: 'wrong-key' },
    );
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.json).toEqual({ message: 'The provided API key is invalid.' });
    expect((await ask({ agentId: 'limited', messages: [userMessage('x')] })).status).toBe(200);
    const limited = await ask({ agentId: 'limited', messages: [userMessage('x')] });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: 'Rate limit for public API exceeded' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('takes a temporary agent, with web search as a capability', async () => {
    const chunks = chunksOf(
      (
        await ask({
          agent: { name: 'Scout', instructions: 'Search.', capabilities: { webSearch: true } },
          messages: [userMessage('Rhine')],
        })
      ).text,
    );
    expect(
      chunks.some((chunk) => typeof chunk !== 'string' && chunk.type === 'tool-input-available'),
    ).toBe(true);
  });
});

describe('emulator: attachments', () => {
  it('uploads a multipart file, lets a message refer to it, and deletes it; 404 once gone', async () => {
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 hello'], { type: 'application/pdf' }), 'report.pdf');
    const upload = await fetch(`${emulator.agentBaseURLFor()}/attachment/v1/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}` },
      body: form,
    });
    const uploaded = (await upload.json()) as { attachmentId: string; file: unknown };
    expect(uploaded.file).toEqual({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      sizeInBytes: 14,
    });
    expect(emulator.attachments.map((attachment) => attachment.attachmentId)).toContain(
      uploaded.attachmentId,
    );
    const answer = chunksOf(
      (
        await ask({
          agentId: 'helper',
          messages: [
            userMessage('Summarize', { metadata: { attachments: [uploaded.attachmentId] } }),
          ],
        })
      ).text,
    );
    const text = answer
      .map((chunk) =>
        typeof chunk !== 'string' && chunk.type === 'text-delta'
          ? (chunk as unknown as { delta: string }).delta
          : '',
      )
      .join('');
    expect(text).toBe('Agent helper here. You said: "Summarize" (with 1 attachment(s)).');
    const remove = () =>
      call(`${emulator.agentBaseURLFor()}/attachment/v1/delete`, {
        method: 'DELETE',
        body: { attachmentId: uploaded.attachmentId },
      });
    expect((await remove()).json).toEqual({
      success: true,
      message: 'Attachment deleted successfully',
      attachmentId: uploaded.attachmentId,
    });
    const again = await remove();
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ message: 'Attachment not found' });
  });

  it('answers in the attachment API’s own shapes: 400 No file provided, 401 {error}', async () => {
    const noFile = await call(`${emulator.agentBaseURLFor()}/attachment/v1/upload`, {
      body: { file: 'x' },
    });
    expect(noFile.status).toBe(400);
    expect(noFile.json).toEqual({ error: 'No file provided' });
    const unauthorized = await call(`${emulator.agentBaseURLFor()}/attachment/v1/upload`, {
      body: {},
      key: 'wrong',
    });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.json).toEqual({ error: 'The provided API key is invalid.' });
    const badDelete = await call(`${emulator.agentBaseURLFor()}/attachment/v1/delete`, {
      method: 'DELETE',
      body: { attachmentId: 'nope' },
    });
    expect(badDelete.status).toBe(400);
  });
});

describe('emulator: registering agents', () => {
  it.each([
    { flag: 'plain', spec: { id: 'plain' } },
    {
      flag: 'research:web-search,model=gpt-4o,name=Researcher',
      spec: { id: 'research', webSearch: true, model: 'gpt-4o', name: 'Researcher' },
    },
    {
      flag: 'x:unshared,glued,error-after=3',
      spec: { id: 'x', shared: false, gluedEvents: true, errorAfter: 3 },
    },
    { flag: 'a:model=auto', spec: { id: 'a', model: 'auto' } },
  ])('--agent $flag', ({ flag, spec }) => {
    expect(parseAgentFlag(flag)).toEqual(spec);
  });

  it('refuses an unknown flag and takes several --agent', () => {
    expect(() => parseAgentFlag('x:websearch')).toThrow(
      "--agent x:websearch: unknown flag 'websearch'",
    );
    const command = parseCliArgs(['--agent', 'a', '--agent', 'b:web-search']);
    expect(command).toMatchObject({
      type: 'start',
      options: { agents: [{ id: 'a' }, { id: 'b', webSearch: true }] },
    });
  });

  it('refuses an agent registered twice', async () => {
    await expect(startLangdockEmulator({ agents: ['a', 'a'] })).rejects.toThrow(
      'Agent a is registered twice.',
    );
  });
});
