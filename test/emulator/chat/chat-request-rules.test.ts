import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { backendError, call, chat, userMessage } from '../helpers';

let emulator: LangdockEmulator;
let schemaEmulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ rateLimit: false });
  schemaEmulator = await startLangdockEmulator({ rateLimit: false, allowJsonSchema: true });
});

afterAll(async () => {
  await emulator.close();
  await schemaEmulator.close();
});

const hello = [userMessage('Hello')];
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};
const assistantCall = {
  role: 'assistant',
  content: null,
  tool_calls: [
    { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
  ],
};

interface RuleCase {
  rule: string;
  body: unknown;
  status: number;
  /** The refusal as the backend sends it, or Langdock's `{message}` for gateway refusals. */
  json: unknown;
}

const MAX_TOKENS_REFUSED =
  "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.";

const cases: RuleCase[] = [
  {
    rule: 'body must be an object',
    body: [1, 2],
    status: 400,
    json: backendError('Request body must be a JSON object.'),
  },
  {
    rule: 'model is required',
    body: { messages: hello },
    status: 400,
    json: backendError(
      "'model' is required and must be a string.",
      'model',
      'missing_required_parameter',
    ),
  },
  {
    rule: 'unknown model',
    body: { model: 'gpt-9', messages: hello },
    status: 404,
    json: backendError("Model 'gpt-9' not found.", 'model', 'model_not_found'),
  },
  {
    rule: 'embedding model cannot chat',
    body: { model: 'text-embedding-3-small', messages: hello },
    status: 400,
    json: backendError(
      "Model 'text-embedding-3-small' does not support chat completions.",
      'model',
      'unsupported_model',
    ),
  },
  ...(['n', 'service_tier', 'parallel_tool_calls', 'stream_options'] as const).map((key) => ({
    rule: `${key} is not supported (gateway)`,
    body: {
      model: 'gpt-4o',
      messages: hello,
      [key]:
        key === 'n'
          ? 1
          : key === 'parallel_tool_calls'
            ? false
            : key === 'stream_options'
              ? { include_usage: true }
              : 'auto',
    },
    status: 400,
    json: { message: `'${key}' is not supported by the Langdock API. Remove it from the request.` },
  })),
  {
    rule: 'messages must be non-empty',
    body: { model: 'gpt-4o', messages: [] },
    status: 400,
    json: backendError("'messages' must be a non-empty array.", 'messages'),
  },
  {
    rule: 'messages must be an array',
    body: { model: 'gpt-4o', messages: 'hi' },
    status: 400,
    json: backendError("'messages' must be a non-empty array.", 'messages'),
  },
  {
    rule: 'role must be known',
    body: { model: 'gpt-4o', messages: [{ role: 'robot', content: 'x' }] },
    status: 400,
    json: backendError(
      "'messages[0].role' must be one of system, developer, user, assistant, tool, function.",
      'messages[0].role',
    ),
  },
  {
    rule: 'function messages need a name',
    body: { model: 'gpt-4o', messages: [{ role: 'function', content: 'x' }] },
    status: 400,
    json: backendError("'messages[0].name' is required for function messages.", 'messages[0].name'),
  },
  {
    rule: 'message names are strings',
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'x', name: 7 }] },
    status: 400,
    json: backendError("'messages[0].name' must be a string.", 'messages[0].name'),
  },
  {
    rule: 'content must be string or parts',
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 42 }] },
    status: 400,
    json: backendError(
      "'messages[0].content' must be a string or an array of content parts.",
      'messages[0].content',
    ),
  },
  {
    rule: 'system parts must be text',
    body: {
      model: 'gpt-4o',
      messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'x' } }] }],
    },
    status: 400,
    json: backendError(
      "'messages[0].content[0].type' must be one of text.",
      'messages[0].content[0].type',
    ),
  },
  {
    rule: 'image detail is auto, low or high',
    body: {
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'x', detail: 'ultra' } }],
        },
      ],
    },
    status: 400,
    json: backendError(
      "'messages[0].content[0].image_url.detail' must be one of auto, low, high.",
      'messages[0].content[0].image_url.detail',
      'invalid_value',
    ),
  },
  {
    rule: 'assistant needs content or tool calls',
    body: { model: 'gpt-4o', messages: [userMessage('hi'), { role: 'assistant', content: null }] },
    status: 400,
    json: backendError(
      "'messages[1]' is an assistant message without content or tool_calls.",
      'messages[1]',
    ),
  },
  {
    rule: 'tool message needs tool_call_id',
    body: {
      model: 'gpt-4o',
      messages: [userMessage('hi'), assistantCall, { role: 'tool', content: 'sunny' }],
    },
    status: 400,
    json: backendError(
      "'messages[2].tool_call_id' is required for tool messages.",
      'messages[2].tool_call_id',
    ),
  },
  {
    rule: 'response_format must be text or json_object',
    body: {
      model: 'gpt-4o',
      messages: hello,
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } },
    },
    status: 400,
    json: backendError(
      "'response_format.type' must be 'text' or 'json_object'.",
      'response_format.type',
    ),
  },
  {
    rule: 'json_object needs the word json in the messages',
    body: {
      model: 'gpt-4o',
      messages: [userMessage('Give me an object')],
      response_format: { type: 'json_object' },
    },
    status: 400,
    json: backendError(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      'messages',
    ),
  },
  {
    rule: 'stop takes at most 4 sequences',
    body: { model: 'gpt-4o', messages: hello, stop: ['a', 'b', 'c', 'd', 'e'] },
    status: 400,
    json: backendError("'stop' has 5 sequences; at most 4 are allowed.", 'stop'),
  },
  {
    rule: 'stop must be strings',
    body: { model: 'gpt-4o', messages: hello, stop: [1] },
    status: 400,
    json: backendError("'stop' must be a string or an array of strings.", 'stop'),
  },
  {
    rule: 'at most 128 tools',
    body: {
      model: 'gpt-4o',
      messages: hello,
      tools: Array.from({ length: 129 }, (_, i) => ({
        type: 'function',
        function: { name: `tool_${i}` },
      })),
    },
    status: 400,
    json: backendError("'tools' has 129 entries; at most 128 are allowed.", 'tools'),
  },
  {
    rule: 'tool names follow the pattern',
    body: {
      model: 'gpt-4o',
      messages: hello,
      tools: [{ type: 'function', function: { name: 'get weather' } }],
    },
    status: 400,
    json: backendError(
      "'tools[0].function.name' must match ^[a-zA-Z0-9_-]{1,64}$.",
      'tools[0].function.name',
    ),
  },
  {
    rule: 'tool_choice needs tools',
    body: { model: 'gpt-4o', messages: hello, tool_choice: 'auto' },
    status: 400,
    json: backendError("'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice'),
  },
  {
    rule: 'tool_choice must name an offered tool',
    body: {
      model: 'gpt-4o',
      messages: hello,
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'nope' } },
    },
    status: 400,
    json: backendError(
      "'tool_choice' names function nope, which is not in 'tools'.",
      'tool_choice',
    ),
  },
  {
    rule: 'top_logprobs needs logprobs',
    body: { model: 'gpt-4o', messages: hello, top_logprobs: 2 },
    status: 400,
    json: backendError(
      "'top_logprobs' requires 'logprobs' to be true.",
      'top_logprobs',
      'invalid_value',
    ),
  },
  {
    rule: 'top_logprobs is at most 20',
    body: { model: 'gpt-4o', messages: hello, logprobs: true, top_logprobs: 21 },
    status: 400,
    json: backendError(
      "'top_logprobs' must be an integer between 0 and 20.",
      'top_logprobs',
      'invalid_value',
    ),
  },
  {
    rule: 'temperature range',
    body: { model: 'gpt-4o', messages: hello, temperature: 2.5 },
    status: 400,
    json: backendError(
      "'temperature' must be a number between 0 and 2.",
      'temperature',
      'invalid_value',
    ),
  },
  {
    rule: 'max_tokens must be a positive integer',
    body: { model: 'gpt-4o', messages: hello, max_tokens: 0 },
    status: 400,
    json: backendError("'max_tokens' must be a positive integer.", 'max_tokens', 'invalid_value'),
  },
  {
    rule: 'reasoning_effort values per model',
    body: { model: 'o3', messages: hello, reasoning_effort: 'max' },
    status: 400,
    json: backendError(
      "Unsupported value: 'reasoning_effort' does not support 'max' with this model. Supported values are: 'low', 'medium', and 'high'.",
      'reasoning_effort',
      'unsupported_value',
    ),
  },
];

// gpt-5.1 and gpt-5.2 run at effort none by default, where they take temperature; at low they refuse it.
const reasoningModels = [
  { model: 'o1' },
  { model: 'o3' },
  { model: 'o3-mini' },
  { model: 'o4-mini' },
  { model: 'gpt-5' },
  { model: 'gpt-5-mini' },
  { model: 'gpt-5-nano' },
  { model: 'gpt-5.1', reasoning_effort: 'low' },
  { model: 'gpt-5.1-chat' },
  { model: 'gpt-5.2', reasoning_effort: 'high' },
];
const reasoningCases: RuleCase[] = reasoningModels.flatMap((settings) => [
  {
    rule: `${settings.model} rejects max_tokens`,
    body: { ...settings, messages: hello, max_tokens: 100 },
    status: 400,
    json: backendError(MAX_TOKENS_REFUSED, 'max_tokens', 'unsupported_parameter'),
  },
  {
    rule: `${settings.model} rejects temperature 0.2${settings.reasoning_effort === undefined ? '' : ` at ${settings.reasoning_effort}`}`,
    body: { ...settings, messages: hello, temperature: 0.2 },
    status: 400,
    json: backendError(
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
      'temperature',
      'unsupported_value',
    ),
  },
]);
reasoningCases.push(
  {
    rule: 'reasoning models reject top_p',
    body: { model: 'o4-mini', messages: hello, top_p: 0.5 },
    status: 400,
    json: backendError(
      "Unsupported value: 'top_p' does not support 0.5 with this model. Only the default (1) value is supported.",
      'top_p',
      'unsupported_value',
    ),
  },
  {
    rule: 'reasoning models reject frequency_penalty',
    body: { model: 'gpt-5', messages: hello, frequency_penalty: 0.5 },
    status: 400,
    json: backendError(
      "Unsupported value: 'frequency_penalty' does not support 0.5 with this model. Only the default (0) value is supported.",
      'frequency_penalty',
      'unsupported_value',
    ),
  },
  {
    rule: 'reasoning models reject presence_penalty',
    body: { model: 'gpt-5', messages: hello, presence_penalty: -1 },
    status: 400,
    json: backendError(
      "Unsupported value: 'presence_penalty' does not support -1 with this model. Only the default (0) value is supported.",
      'presence_penalty',
      'unsupported_value',
    ),
  },
  {
    rule: 'reasoning models reject logprobs',
    body: { model: 'o3', messages: hello, logprobs: true },
    status: 400,
    json: backendError(
      "Unsupported parameter: 'logprobs' is not supported with this model.",
      'logprobs',
      'unsupported_parameter',
    ),
  },
  {
    rule: 'reasoning models reject logit_bias',
    body: { model: 'o3', messages: hello, logit_bias: { '50256': -100 } },
    status: 400,
    json: backendError(
      "Unsupported parameter: 'logit_bias' is not supported with this model.",
      'logit_bias',
      'unsupported_parameter',
    ),
  },
  {
    rule: 'gpt-5.1 at effort none still refuses presence_penalty (assumed)',
    body: { model: 'gpt-5.1', messages: hello, reasoning_effort: 'none', presence_penalty: 1 },
    status: 400,
    json: backendError(
      "Unsupported value: 'presence_penalty' does not support 1 with this model. Only the default (0) value is supported.",
      'presence_penalty',
      'unsupported_value',
    ),
  },
  {
    rule: 'DeepSeek-R1 refuses temperature',
    body: { model: 'DeepSeek-R1', messages: hello, temperature: 0.6 },
    status: 400,
    json: backendError(
      "Unsupported value: 'temperature' does not support 0.6 with this model. Only the default (1) value is supported.",
      'temperature',
      'unsupported_value',
    ),
  },
);

describe('chat completion rules', () => {
  it.each(cases)('$rule -> $status', async ({ body, status, json }) => {
    const result = await chat(emulator, body);
    expect(result.status).toBe(status);
    expect(result.json).toEqual(json);
  });

  it.each(reasoningCases)('$rule -> $status', async ({ body, status, json }) => {
    const result = await chat(emulator, body);
    expect(result.status).toBe(status);
    expect(result.json).toEqual(json);
  });

  it('answers invalid JSON with 400', async () => {
    const result = await chat(emulator, '{"model": ');
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ message: 'Request body is not valid JSON.' });
  });

  it.each([
    {
      model: 'o3',
      body: {
        max_completion_tokens: 50,
        temperature: 1,
        top_p: 1,
        frequency_penalty: 0,
        logprobs: false,
        logit_bias: {},
      },
    },
    { model: 'gpt-5-chat', body: { max_tokens: 50, temperature: 0.2, logprobs: true } },
    {
      model: 'gpt-4o',
      body: {
        max_tokens: 50,
        temperature: 0.2,
        top_p: 0.9,
        presence_penalty: 1,
        logit_bias: { '1': 5 },
      },
    },
    { model: 'gpt-5.1', body: { temperature: 0.2, top_p: 0.5, logprobs: true, top_logprobs: 2 } },
    { model: 'gpt-5.2', body: { reasoning_effort: 'none', temperature: 0.2, logprobs: true } },
    { model: 'DeepSeek-R1', body: { max_tokens: 50, logprobs: true } },
  ])('accepts defaults on reasoning models and what $model takes', async ({ model, body }) => {
    const result = await chat(emulator, { model, messages: hello, ...body });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ object: 'chat.completion', model });
  });

  it('accepts json_object when any message says json, in any case', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [{ role: 'system', content: 'Reply in Json.' }, userMessage('Give me an object')],
      response_format: { type: 'json_object' },
    });
    expect(result.status).toBe(200);
  });

  it('accepts a tool result that answers a preceding call', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: [
        userMessage('weather?'),
        assistantCall,
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
      tools: [weatherTool],
    });
    expect(result.status).toBe(200);
  });

  it('accepts exactly 4 stop sequences and 128 tools', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: hello,
      stop: ['a', 'b', 'c', 'd'],
      tools: Array.from({ length: 128 }, (_, i) => ({
        type: 'function',
        function: { name: `tool_${i}` },
      })),
    });
    expect(result.status).toBe(200);
  });

  it('accepts json_schema only when allowJsonSchema is set', async () => {
    const body = {
      model: 'gpt-4o',
      messages: hello,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'x', schema: { type: 'object', properties: {} } },
      },
    };
    expect((await chat(schemaEmulator, body)).status).toBe(200);
    const bad = await chat(schemaEmulator, { ...body, response_format: { type: 'xml' } });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(
      backendError(
        "'response_format.type' must be 'text', 'json_object' or 'json_schema'.",
        'response_format.type',
      ),
    );
  });
});

describe('edge rules', () => {
  it('refuses browser requests (Origin header) with 403', async () => {
    const result = await call(`${emulator.baseURL}/models`, {
      headers: { origin: 'https://app.example.com' },
    });
    expect(result.status).toBe(403);
    expect(result.json).toEqual({
      message:
        'Requests from browsers are not allowed. Call the Langdock API from your server; never expose the API key.',
    });
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'missing key', headers: {} },
    { name: 'empty bearer', headers: { authorization: 'Bearer ' } },
    { name: 'not a bearer scheme', headers: { authorization: 'Basic abc' } },
  ])('refuses $name with 401', async ({ headers }) => {
    const result = await call(`${emulator.baseURL}/models`, { key: null, headers });
    expect(result.status).toBe(401);
    expect(result.json).toEqual({ message: 'The provided API key is invalid.' });
  });

  it('accepts only configured keys when apiKeys is given', async () => {
    const strict = await startLangdockEmulator({ apiKeys: ['sk-good'] });
    try {
      const bad = await call(`${strict.baseURL}/models`, { key: 'sk-bad' });
      expect(bad.status).toBe(401);
      expect(bad.json).toEqual({ message: 'The provided API key is invalid.' });
      const good = await call(`${strict.baseURL}/models`, { key: 'sk-good' });
      expect(good.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('checks origin, route, key, region, method, body rules and rate limit in that order', async () => {
    const limited = await startLangdockEmulator({ rateLimit: { rpm: 1 } });
    try {
      const asia = limited.baseURLFor('asia');
      const cases = [
        {
          url: `${asia}/chat/completions`,
          options: { key: null, headers: { origin: 'https://x.example' } },
          status: 403,
        },
        { url: `${limited.url}/openai/asia/v2/chat`, options: { key: null }, status: 404 },
        { url: `${asia}/chat/completions`, options: { key: null, method: 'GET' }, status: 401 },
        { url: `${asia}/chat/completions`, options: { method: 'GET' }, status: 404 },
        { url: `${limited.baseURL}/chat/completions`, options: { method: 'GET' }, status: 405 },
      ];
      const statuses: number[] = [];
      for (const { url, options } of cases) statuses.push((await call(url, options)).status);
      expect(statuses).toEqual(cases.map((item) => item.status));
      expect((await chat(limited, { model: 'gpt-4o', messages: hello })).status).toBe(200);
      const badBody = await chat(limited, { model: 'gpt-4o', messages: hello, top_k: 3 });
      expect(badBody.status).toBe(400);
      expect(badBody.json).toEqual(
        backendError('Unrecognized request argument supplied: top_k', 'top_k'),
      );
      const overLimit = await chat(limited, { model: 'gpt-4o', messages: hello });
      expect(overLimit.status).toBe(429);
      expect(overLimit.json).toEqual({ message: 'Rate limit for public API exceeded' });
    } finally {
      await limited.close();
    }
  });

  it('answers an unknown region with 404', async () => {
    const result = await chat(emulator, { model: 'gpt-4o', messages: hello }, {});
    expect(result.status).toBe(200);
    const wrong = await call(`${emulator.baseURLFor('asia')}/chat/completions`, {
      body: { model: 'gpt-4o', messages: hello },
    });
    expect(wrong.status).toBe(404);
    expect(wrong.json).toEqual({ message: "Region 'asia' does not exist. Use 'eu' or 'us'." });
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    const missing = await call(`${emulator.url}/openai/eu/v1/completions`, { body: {} });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: 'No route for POST /openai/eu/v1/completions.' });
    const wrongMethod = await call(`${emulator.baseURL}/chat/completions`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.json).toEqual({ message: 'Use POST for /chat/completions.' });
  });
});
