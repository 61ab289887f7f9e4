import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildLangdockAgentRequest } from '../../../src/core/agent/build-langdock-agent-request';
import { toLangdockAgentMessages } from '../../../src/core/agent/convert-to-langdock-agent-messages';
import type { LangdockChatCall, LangdockPrompt } from '../../../src/core/langdock-call';
import { counterIds } from '../../helpers/stream-parts';

const user = (text: string): LangdockPrompt[number] => ({
  role: 'user',
  content: [{ type: 'text', text }],
});
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const ATTACHMENT = '0d6a8e6e-3f8a-4c55-9f6f-2b1c4d5e6f70';

describe('toLangdockAgentMessages', () => {
  it('makes user text and files, and assistant text, UIMessages with ids; system messages are left out with a warning', () => {
    const { messages, warnings } = toLangdockAgentMessages(
      [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'file', mediaType: 'image', data: { type: 'data', data: PNG } },
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: { type: 'url', url: new URL('https://example.com/a.pdf') },
              filename: 'a.pdf',
            },
            { type: 'file', mediaType: 'text', data: { type: 'text', text: 'hello' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'hm' },
            { type: 'text', text: 'A picture.' },
            {
              type: 'tool-call',
              toolCallId: 'c',
              toolName: 'web_search',
              input: {},
              providerExecuted: true,
            },
          ],
        },
        user('Thanks'),
      ],
      counterIds('m'),
    );
    expect(messages).toEqual([
      {
        id: 'm-0',
        role: 'user',
        parts: [
          { type: 'text', text: 'What is in these?' },
          { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,iVBORw0KGgoAAAAA' },
          {
            type: 'file',
            mediaType: 'application/pdf',
            url: 'https://example.com/a.pdf',
            filename: 'a.pdf',
          },
          { type: 'file', mediaType: 'text/plain', url: 'data:text/plain;base64,aGVsbG8=' },
        ],
      },
      { id: 'm-1', role: 'assistant', parts: [{ type: 'text', text: 'A picture.' }] },
      { id: 'm-2', role: 'user', parts: [{ type: 'text', text: 'Thanks' }] },
    ]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          '1 system message(s) were not sent: a Langdock agent has its own instructions. Set them in the agent in Langdock, or in agent.instructions of a temporary agent.',
      },
      {
        type: 'other',
        message:
          'Earlier assistant messages were sent with their text only (1 reasoning, 1 tool-call part(s) left out): the Agents API documents text as assistant history.',
      },
    ]);
  });

  it('sends attachment ids as metadata.attachments: from provider options and from langdock file references', () => {
    const { messages } = toLangdockAgentMessages(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarize' },
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: {
                type: 'reference',
                reference: { langdock: '11111111-2222-4333-8444-555555555555' },
              },
            },
          ],
          providerOptions: { langdock: { attachments: [ATTACHMENT] } },
        },
      ],
      counterIds('m'),
    );
    expect(messages).toEqual([
      {
        id: 'm-0',
        role: 'user',
        parts: [{ type: 'text', text: 'Summarize' }],
        metadata: { attachments: [ATTACHMENT, '11111111-2222-4333-8444-555555555555'] },
      },
    ]);
  });

  it('leaves tool messages out with a warning', () => {
    const { warnings } = toLangdockAgentMessages(
      [
        user('x'),
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c',
              toolName: 't',
              output: { type: 'text', value: 'r' },
            },
          ],
        },
      ],
      counterIds(),
    );
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          '1 tool message(s) were not sent: a Langdock agent runs its own tools, and takes no results of tools run elsewhere.',
      },
    ]);
  });

  it.each([
    {
      name: 'an attachment id that is not a UUID',
      prompt: [{ ...user('x'), providerOptions: { langdock: { attachments: ['abc'] } } }],
      message:
        'prompt[0].providerOptions.langdock.attachments.0: attachment ids are UUIDs, as uploadAttachment returns them',
    },
    {
      name: 'an option agents do not take',
      prompt: [{ ...user('x'), providerOptions: { langdock: { name: 'bob' } } }],
      message: 'Unrecognized key: "name"',
    },
    {
      name: 'attachments on an assistant message',
      prompt: [
        user('x'),
        {
          role: 'assistant',
          content: [{ type: 'text', text: 'y' }],
          providerOptions: { langdock: { attachments: [ATTACHMENT] } },
        },
      ],
      message: 'attachments go on user messages; this is a assistant message.',
    },
    {
      name: 'a file of another provider',
      prompt: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: { type: 'reference', reference: { openai: 'file-1' } },
            },
          ],
        },
      ],
      message:
        'refers to a file of another provider (openai). Upload it with langdock.uploadAttachment',
    },
    {
      name: 'bytes without a full media type that are no image',
      prompt: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'application',
              data: { type: 'data', data: new Uint8Array([1, 2, 3]) },
            },
          ],
        },
      ],
      message: "Pass its full media type (such as 'application/pdf')",
    },
    {
      name: 'only a system message',
      prompt: [{ role: 'system', content: 'x' }],
      message: 'needs at least one user or assistant message',
    },
  ] as Array<{ name: string; prompt: LangdockPrompt; message: string }>)(
    'refuses $name',
    ({ prompt, message }) => {
      expect(() => toLangdockAgentMessages(prompt, counterIds())).toThrow(InvalidArgumentError);
      expect(() => toLangdockAgentMessages(prompt, counterIds())).toThrow(message);
    },
  );
});

describe('buildLangdockAgentRequest', () => {
  const build = (
    call: Partial<LangdockChatCall>,
    options = {},
    settings = {},
    target: Parameters<typeof buildLangdockAgentRequest>[0]['target'] = 'agent-1',
  ) =>
    buildLangdockAgentRequest({
      target,
      settings,
      options,
      call: { prompt: [user('Hi')], ...call },
      generateId: counterIds('m'),
    });

  it('streams a saved agent, with maxSteps and imageResponseFormat from the options, else the settings', () => {
    expect(build({}, { maxSteps: 3 }, { maxSteps: 8, imageResponseFormat: 'b64_json' })).toEqual({
      body: {
        agentId: 'agent-1',
        messages: [{ id: 'm-0', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        stream: true,
        maxSteps: 3,
        imageResponseFormat: 'b64_json',
      },
      warnings: [],
    });
  });

  it('sends a temporary agent as agent', () => {
    const agent = {
      name: 'Helper',
      instructions: 'Answer in German.',
      capabilities: { webSearch: true },
    };
    expect(build({}, {}, {}, agent).body).toEqual({
      agent,
      messages: [{ id: 'm-0', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
      stream: true,
    });
  });

  it("makes JSON mode the agent's output: an object with the schema, or any object", () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect(build({ responseFormat: { type: 'json', schema } }).body.output).toEqual({
      type: 'object',
      schema,
    });
    expect(build({ responseFormat: { type: 'json' } }).body.output).toEqual({ type: 'object' });
    expect(build({ responseFormat: { type: 'text' } }).body.output).toBeUndefined();
  });

  it('lets the output option win over JSON mode, with a warning', () => {
    const result = build(
      { responseFormat: { type: 'json', schema: { type: 'object' } } },
      { output: { type: 'enum', enum: ['yes', 'no'] } },
    );
    expect(result.body.output).toEqual({ type: 'enum', enum: ['yes', 'no'] });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          "providerOptions.langdock.output was sent as the agent's output; the JSON response format of the call was not.",
      },
    ]);
  });

  it('sends none of the settings that belong to the agent, and warns for each; function tools are not sent either', () => {
    const result = build({
      temperature: 0.2,
      maxOutputTokens: 100,
      topK: 3,
      seed: 1,
      stopSequences: ['x'],
      reasoning: 'high',
      tools: [
        { type: 'function', name: 'weather', inputSchema: { type: 'object' } },
        { type: 'provider', name: 'web_search', id: 'openai.web_search' },
        { type: 'provider-defined', name: 'web_search', id: 'langdock.agent_tool' },
      ],
      toolChoice: { type: 'required' },
    });
    expect(Object.keys(result.body).sort()).toEqual(['agentId', 'messages', 'stream']);
    expect(result.warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'maxOutputTokens',
        details:
          'A Langdock agent takes no maxOutputTokens per call: its model settings are part of the agent. It was not sent.',
      },
      {
        type: 'unsupported-setting',
        setting: 'temperature',
        details:
          'A Langdock agent takes no temperature per call: its model settings are part of the agent. It was not sent.',
      },
      {
        type: 'unsupported-setting',
        setting: 'stopSequences',
        details:
          'A Langdock agent takes no stopSequences per call: its model settings are part of the agent. It was not sent.',
      },
      {
        type: 'unsupported-setting',
        setting: 'topK',
        details:
          'A Langdock agent takes no topK per call: its model settings are part of the agent. It was not sent.',
      },
      {
        type: 'unsupported-setting',
        setting: 'seed',
        details:
          'A Langdock agent takes no seed per call: its model settings are part of the agent. It was not sent.',
      },
      {
        type: 'unsupported-setting',
        setting: 'reasoning',
        details: "A Langdock agent's reasoning is set by its model in Langdock. It was not sent.",
      },
      {
        type: 'unsupported-tool',
        toolName: 'weather',
        details:
          'Function tools cannot run inside a Langdock agent, so it was not sent. Give the agent an action in Langdock instead, or call a chat model with this tool.',
      },
      {
        type: 'unsupported-tool',
        toolName: 'web_search',
        details: 'A Langdock agent runs no provider tools; openai.web_search was not sent.',
      },
      {
        type: 'unsupported-setting',
        setting: 'toolChoice',
        details:
          'A Langdock agent decides itself which of its tools to use; toolChoice was not sent.',
      },
    ]);
  });

  it('takes the default reasoning and an auto tool choice without a warning', () => {
    expect(build({ reasoning: 'provider-default', toolChoice: { type: 'auto' } }).warnings).toEqual(
      [],
    );
  });
});
