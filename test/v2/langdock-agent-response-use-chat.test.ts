import {
  DefaultChatTransport,
  lastAssistantMessageIsCompleteWithToolCalls,
  readUIMessageStream,
  type UIMessage,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../emulator/index';
import { createLangdock } from '../../src/index';

// What a useChat client (AI SDK 5's own transport and message assembly) makes of agentResponse: a route whose
// whole body is `return langdock.agentResponse({ agentId, messages })`, here called through the transport's fetch.

const API_KEY = 'ld-use-chat-key-0123';
let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({
    apiKeys: [API_KEY],
    agents: [
      { id: 'research', name: 'Researcher', webSearch: true },
      { id: 'flaky', errorAfter: 7, errorText: 'Knowledge folder unavailable' },
    ],
  });
});
afterAll(() => emulator.close());

function transportFor(agentId: string, apiKey = API_KEY) {
  const langdock = createLangdock({ apiKey, baseURL: emulator.baseURL });
  return new DefaultChatTransport<UIMessage>({
    api: 'http://app.invalid/api/agent',
    // The route handler, in one line.
    fetch: async (_url, init) =>
      langdock.agentResponse({
        agentId,
        messages: (JSON.parse(String(init?.body)) as { messages: unknown }).messages,
      }),
  });
}

async function send(agentId: string, messages: UIMessage[], apiKey?: string) {
  const stream = await transportFor(agentId, apiKey).sendMessages({
    chatId: 'c',
    messages,
    trigger: 'submit-message',
    messageId: undefined,
    abortSignal: undefined,
  });
  const errors: string[] = [];
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({
    stream,
    onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
  }))
    last = message;
  return { message: last, errors };
}

const question: UIMessage = {
  id: 'u1',
  role: 'user',
  parts: [{ type: 'text', text: 'Berlin news' }],
};

describe('agentResponse under a useChat client (ai@5)', () => {
  it("assembles the agent's message: the web search as a finished provider-executed tool part, sources, text, the model name", async () => {
    const { message, errors } = await send('research', [question]);
    expect(errors).toEqual([]);
    expect(message!.metadata).toEqual({ modelName: 'GPT-4.1' });
    const parts = message!.parts.filter(
      (part) => part.type !== 'step-start' && part.type !== 'reasoning',
    );
    expect(parts.map((part) => part.type)).toEqual([
      'tool-web_search',
      'source-url',
      'source-url',
      'text',
    ]);
    expect(parts[0]).toMatchObject({
      type: 'tool-web_search',
      state: 'output-available',
      input: { query: 'Berlin news' },
      providerExecuted: true,
    });
    expect(parts[3]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^Agent Researcher here\. You said: "Berlin news"\./),
      state: 'done',
    });
    // Marked provider-executed, the finished tool call does not make the client send the conversation again.
    expect(lastAssistantMessageIsCompleteWithToolCalls({ messages: [question, message!] })).toBe(
      false,
    );
  });

  it('takes the next turn with that message in the history: only its text goes back to Langdock', async () => {
    const first = await send('research', [question]);
    const followUp: UIMessage = {
      id: 'u2',
      role: 'user',
      parts: [{ type: 'text', text: 'And Hamburg?' }],
    };
    const second = await send('research', [question, first.message!, followUp]);
    expect(second.errors).toEqual([]);
    const sent = emulator.requests.at(-1)!.body as {
      messages: Array<{ role: string; parts: Array<{ type: string }> }>;
    };
    expect(
      sent.messages.map((message) => [
        message.role,
        message.parts.map((part) => part.type).join('+'),
      ]),
    ).toEqual([
      ['user', 'text'],
      ['assistant', 'text'],
      ['user', 'text'],
    ]);
  });

  it('shows an error chunk mid-answer, and a refused request, as errors the client reports', async () => {
    const flaky = await send('flaky', [question]);
    expect(flaky.errors).toEqual(['Knowledge folder unavailable']);
    const refused = await send('research', [question], 'ld-wrong-key-000000');
    expect(refused.errors).toHaveLength(1);
    // Every emulator answer carries an x-request-id, which the message ends with for Langdock's support.
    expect(refused.errors[0]).toMatch(
      /^Langdock API error 401: The provided API key is invalid\. Check the API key \(apiKey setting or LANGDOCK_API_KEY\): it is missing, mistyped or revoked\. \(request id req_emulator\d+\)$/,
    );
  });
});
