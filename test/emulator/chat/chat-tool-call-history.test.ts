import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { backendError, chat, userMessage } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ rateLimit: false });
});

afterAll(async () => {
  await emulator.close();
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

function assistantCalling(...ids: string[]): Record<string, unknown> {
  return {
    role: 'assistant',
    content: null,
    tool_calls: ids.map((id) => ({
      id,
      type: 'function',
      function: { name: 'get_weather', arguments: '{}' },
    })),
  };
}

function toolResult(id: string): Record<string, unknown> {
  return { role: 'tool', tool_call_id: id, content: 'sunny' };
}

const unanswered = (ids: string): string =>
  "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
  `The following tool_call_ids did not have response messages: ${ids}`;

const user = userMessage('weather?');

describe('tool-call history', () => {
  it.each([
    {
      rule: 'a user message right after unanswered calls',
      messages: [user, assistantCalling('call_1'), userMessage('and?')],
      message: unanswered('call_1'),
      param: 'messages',
    },
    {
      rule: 'unanswered calls at the end of the conversation',
      messages: [user, assistantCalling('call_1')],
      message: unanswered('call_1'),
      param: 'messages',
    },
    {
      rule: 'some calls answered, one not',
      messages: [
        user,
        assistantCalling('call_1', 'call_2', 'call_3'),
        toolResult('call_2'),
        userMessage('and?'),
      ],
      message: unanswered('call_1, call_3'),
      param: 'messages',
    },
    {
      rule: 'another role inside the run of tool messages',
      messages: [
        user,
        assistantCalling('call_1', 'call_2'),
        toolResult('call_1'),
        { role: 'system', content: 'hurry' },
        toolResult('call_2'),
      ],
      message: unanswered('call_2'),
      param: 'messages',
    },
    {
      rule: 'an assistant text between the calls and their results',
      messages: [
        user,
        assistantCalling('call_1'),
        { role: 'assistant', content: 'one moment' },
        toolResult('call_1'),
      ],
      message: unanswered('call_1'),
      param: 'messages',
    },
    {
      rule: 'a tool message right after a user message',
      messages: [user, toolResult('call_1')],
      message:
        "Invalid parameter: 'messages[1]' with role 'tool' must be a response to a preceding message with 'tool_calls'.",
      param: 'messages[1].role',
    },
    {
      rule: 'a tool message after an assistant text',
      messages: [user, { role: 'assistant', content: 'hi' }, toolResult('call_1')],
      message:
        "Invalid parameter: 'messages[2]' with role 'tool' must be a response to a preceding message with 'tool_calls'.",
      param: 'messages[2].role',
    },
    {
      rule: 'a tool result before its call',
      messages: [user, toolResult('call_1'), assistantCalling('call_1')],
      message:
        "Invalid parameter: 'messages[1]' with role 'tool' must be a response to a preceding message with 'tool_calls'.",
      param: 'messages[1].role',
    },
    {
      rule: 'an id the preceding assistant message did not call',
      messages: [user, assistantCalling('call_1'), toolResult('call_2')],
      message:
        "Invalid parameter: 'messages[2].tool_call_id' call_2 does not answer any of the 'tool_calls' of 'messages[1]'.",
      param: 'messages[2].tool_call_id',
    },
    {
      rule: 'an id of an earlier assistant message',
      messages: [
        user,
        assistantCalling('call_1'),
        toolResult('call_1'),
        assistantCalling('call_2'),
        toolResult('call_1'),
      ],
      message:
        "Invalid parameter: 'messages[4].tool_call_id' call_1 does not answer any of the 'tool_calls' of 'messages[3]'.",
      param: 'messages[4].tool_call_id',
    },
  ])('refuses $rule with 400', async ({ messages, message, param }) => {
    const result = await chat(emulator, { model: 'gpt-4o', messages, tools: [weatherTool] });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(backendError(message, param));
  });

  it.each([
    {
      rule: 'results in any order',
      messages: [
        user,
        assistantCalling('call_1', 'call_2'),
        toolResult('call_2'),
        toolResult('call_1'),
      ],
    },
    {
      rule: 'several rounds, each answered, then more conversation',
      messages: [
        user,
        assistantCalling('call_1'),
        toolResult('call_1'),
        assistantCalling('call_2', 'call_3'),
        toolResult('call_3'),
        toolResult('call_2'),
        { role: 'assistant', content: 'It is sunny.' },
        userMessage('thanks'),
      ],
    },
    {
      rule: 'calls alongside assistant text',
      messages: [
        user,
        { ...assistantCalling('call_1'), content: 'Checking.' },
        toolResult('call_1'),
      ],
    },
  ])('accepts $rule', async ({ messages }) => {
    const result = await chat(emulator, { model: 'gpt-4o', messages, tools: [weatherTool] });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      object: 'chat.completion',
      choices: [{ finish_reason: expect.any(String) }],
    });
  });

  it('answers from every result of the last round', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [
        user,
        assistantCalling('call_1', 'call_2'),
        { ...toolResult('call_2'), content: '21°C' },
        { ...toolResult('call_1'), content: 'dry' },
      ],
      tools: [weatherTool],
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      choices: [
        {
          message: {
            content:
              'Based on the tool results: get_weather returned 21°C; get_weather returned dry.',
          },
          finish_reason: 'stop',
        },
      ],
    });
  });
});
