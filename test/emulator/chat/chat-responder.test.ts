import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../../emulator/chat/chat-request';
import { buildCatalog } from '../../../emulator/models/model-catalog';
import { respond, toolScore } from '../../../emulator/chat/chat-responder';
import { validateChatRequest } from '../../../emulator/chat/chat-request-rules';

const catalog = buildCatalog();

function request(body: Record<string, unknown>): ChatRequest {
  const result = validateChatRequest(
    { model: 'gpt-4o', ...body },
    { catalog, allowJsonSchema: true },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city'],
    },
  },
};
const stockTool = {
  type: 'function',
  function: {
    name: 'lookupStockPrice',
    description: 'Look up the latest stock price for a ticker symbol',
    parameters: {
      type: 'object',
      properties: { ticker: { type: 'string' } },
      required: ['ticker'],
    },
  },
};

describe('respond: text', () => {
  it('echoes the last user message in a fixed template', () => {
    expect(
      respond(
        request({
          messages: [
            { role: 'user', content: 'First' },
            { role: 'assistant', content: 'ok' },
            { role: 'user', content: ' Tell me a joke ' },
          ],
        }),
      ),
    ).toEqual({
      type: 'text',
      text: 'You said: "Tell me a joke". This is a deterministic reply from the Langdock emulator.',
    });
  });

  it('mentions attachments and greets without a user message', () => {
    const withImage = request({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:,' } },
          ],
        },
      ],
    });
    expect(respond(withImage)).toEqual({
      type: 'text',
      text: 'You said: "What is this?" (with 1 attachment). This is a deterministic reply from the Langdock emulator.',
    });
    expect(respond(request({ messages: [{ role: 'system', content: 'Be nice.' }] }))).toEqual({
      type: 'text',
      text: 'Hello! This is the Langdock emulator. How can I help you?',
    });
  });

  it('gives the same answer to the same request', () => {
    const body = {
      messages: [{ role: 'user', content: 'What is the weather in Rome?' }],
      tools: [weatherTool],
    };
    expect(respond(request(body))).toEqual(respond(request(body)));
  });
});

describe('respond: tools', () => {
  it('calls the tool the user asks for, with arguments from the prompt', () => {
    const reply = respond(
      request({
        messages: [{ role: 'user', content: 'What is the weather in Berlin in celsius?' }],
        tools: [stockTool, weatherTool],
      }),
    );
    expect(reply.type).toBe('tool-calls');
    if (reply.type !== 'tool-calls') return;
    expect(reply.toolCalls).toHaveLength(1);
    expect(reply.toolCalls[0]?.name).toBe('get_weather');
    expect(JSON.parse(reply.toolCalls[0]?.arguments ?? '')).toEqual({
      city: 'Berlin',
      unit: 'celsius',
    });
    expect(reply.toolCalls[0]?.id).toMatch(/^call_[0-9a-f]{24}$/);
  });

  it('matches words from the description', () => {
    const reply = respond(
      request({
        messages: [{ role: 'user', content: 'What is the latest price of the ACME ticker?' }],
        tools: [weatherTool, stockTool],
      }),
    );
    expect(reply.type === 'tool-calls' && reply.toolCalls[0]?.name).toBe('lookupStockPrice');
  });

  it('answers in text when no tool fits', () => {
    const reply = respond(
      request({
        messages: [{ role: 'user', content: 'Write a haiku about autumn' }],
        tools: [weatherTool, stockTool],
      }),
    );
    expect(reply.type).toBe('text');
  });

  it('never calls with tool_choice none', () => {
    const reply = respond(
      request({
        messages: [{ role: 'user', content: 'weather in Oslo' }],
        tools: [weatherTool],
        tool_choice: 'none',
      }),
    );
    expect(reply.type).toBe('text');
  });

  it('forces a call with tool_choice required or a named function', () => {
    const required = respond(
      request({
        messages: [{ role: 'user', content: 'Write a haiku' }],
        tools: [weatherTool, stockTool],
        tool_choice: 'required',
      }),
    );
    expect(required.type === 'tool-calls' && required.toolCalls[0]?.name).toBe('get_weather');
    const named = respond(
      request({
        messages: [{ role: 'user', content: 'weather in Oslo' }],
        tools: [weatherTool, stockTool],
        tool_choice: { type: 'function', function: { name: 'lookupStockPrice' } },
      }),
    );
    expect(named.type === 'tool-calls' && named.toolCalls[0]?.name).toBe('lookupStockPrice');
    expect(named.type === 'tool-calls' && JSON.parse(named.toolCalls[0]?.arguments ?? '')).toEqual({
      ticker: 'example ticker',
    });
  });

  it('answers from the tool result once it is the last message', () => {
    const reply = respond(
      request({
        messages: [
          { role: 'user', content: 'What is the weather in Berlin?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_a',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Berlin"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_a', content: '{"temperature":21}' },
        ],
        tools: [weatherTool],
      }),
    );
    expect(reply).toEqual({
      type: 'text',
      text: 'Based on the tool results: get_weather returned {"temperature":21}.',
    });
  });

  it('scores name words above description words', () => {
    const tool = {
      name: 'get_weather',
      description: 'Current conditions for a city',
      parameters: {},
    };
    expect(toolScore(tool, 'weather please')).toBe(3);
    expect(toolScore(tool, 'conditions in this city')).toBe(2);
    expect(toolScore(tool, 'call get_weather')).toBe(10);
    expect(toolScore(tool, 'hello')).toBe(0);
  });
});

describe('respond: JSON mode', () => {
  it('answers with an object matching a schema found in the system message', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
      required: ['name'],
    };
    const reply = respond(
      request({
        messages: [
          {
            role: 'system',
            content: `JSON schema:\n${JSON.stringify(schema)}\nYou MUST answer with a JSON object that matches the JSON schema above.`,
          },
          { role: 'user', content: 'Invent a person aged 42' },
        ],
        response_format: { type: 'json_object' },
      }),
    );
    expect(reply.type === 'text' && JSON.parse(reply.text)).toEqual({
      name: 'example name',
      age: 42,
    });
  });

  it('wraps the answer as {"answer"} without a schema', () => {
    const reply = respond(
      request({
        messages: [{ role: 'user', content: 'Say hi in JSON' }],
        response_format: { type: 'json_object' },
      }),
    );
    expect(reply.type === 'text' && JSON.parse(reply.text)).toEqual({
      answer:
        'You said: "Say hi in JSON". This is a deterministic reply from the Langdock emulator.',
    });
  });

  const recipeFormat = (strict: boolean | undefined) => ({
    type: 'json_schema',
    json_schema: {
      name: 'recipe',
      ...(strict === undefined ? {} : { strict }),
      schema: {
        type: 'object',
        properties: { steps: { type: 'array', items: { type: 'string' } } },
      },
    },
  });

  it('answers a strict json_schema from response_format', () => {
    const reply = respond(
      request({
        messages: [{ role: 'user', content: 'Recipe please' }],
        response_format: recipeFormat(true),
      }),
    );
    expect(reply.type === 'text' && JSON.parse(reply.text)).toEqual({ steps: ['example steps'] });
  });

  it.each([false, undefined])(
    'answers a json_schema with strict %s as JSON mode: the schema in the messages, else {answer}',
    (strict) => {
      const bare = respond(
        request({
          messages: [{ role: 'user', content: 'Recipe please' }],
          response_format: recipeFormat(strict),
        }),
      );
      expect(bare.type === 'text' && JSON.parse(bare.text)).toEqual({
        answer:
          'You said: "Recipe please". This is a deterministic reply from the Langdock emulator.',
      });
      const instructed = respond(
        request({
          messages: [
            {
              role: 'system',
              content:
                'Answer with JSON conforming to this JSON schema:\n{"type":"object","properties":{"title":{"type":"string"}}}',
            },
            { role: 'user', content: 'Recipe please' },
          ],
          response_format: recipeFormat(strict),
        }),
      );
      expect(instructed.type === 'text' && Object.keys(JSON.parse(instructed.text))).toEqual([
        'title',
      ]);
    },
  );
});
