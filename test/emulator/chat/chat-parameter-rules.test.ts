import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LANGDOCK_UNSUPPORTED_PARAMETERS,
  MODEL_TABLE,
  OPENAI_CHAT_PARAMETERS,
  REASONING_EFFORTS,
  startLangdockEmulator,
  type LangdockEmulator,
} from '../../../emulator/index';
import { isReasoningModelId } from '../../../emulator/models/model-catalog';
import { backendError, chat, embeddings, sseChunks, userMessage } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ rateLimit: false });
});

afterAll(async () => {
  await emulator.close();
});

const hello = [userMessage('Hello')];
const weatherFunction = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};
const weatherTool = { type: 'function', function: weatherFunction };

describe('top-level chat parameters', () => {
  it.each([
    {
      name: 'top_k',
      body: { top_k: 40 },
      json: backendError('Unrecognized request argument supplied: top_k', 'top_k'),
    },
    {
      name: 'two unknown keys',
      body: { top_k: 40, min_p: 0.1 },
      json: backendError('Unrecognized request arguments supplied: top_k, min_p'),
    },
  ])('refuses $name as Azure does, with 400', async ({ body, json }) => {
    const result = await chat(emulator, { model: 'gpt-4o', messages: hello, ...body });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(json);
  });

  it('refuses Langdock’s four parameters at its gateway, before anything else, in Langdock’s shape', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      messages: hello,
      top_k: 40,
      stream_options: { include_usage: true },
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      message: "'stream_options' is not supported by the Langdock API. Remove it from the request.",
    });
  });

  it.each(LANGDOCK_UNSUPPORTED_PARAMETERS)('takes %s: null as unset', async (name) => {
    const result = await chat(emulator, { model: 'gpt-4o', messages: hello, [name]: null });
    expect(result.status).toBe(200);
  });

  it('takes null as unset for every parameter but model and messages', async () => {
    const nulls = Object.fromEntries(
      OPENAI_CHAT_PARAMETERS.filter((name) => name !== 'model' && name !== 'messages').map(
        (name) => [name, null],
      ),
    );
    expect(Object.keys(nulls)).toHaveLength(35);
    const result = await chat(emulator, { model: 'gpt-5', messages: hello, ...nulls });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ object: 'chat.completion', model: 'gpt-5' });
  });

  it('accepts OpenAI’s whole parameter surface but Langdock’s four at once on a chat model', async () => {
    const result = await chat(emulator, {
      model: 'gpt-5-chat',
      messages: [userMessage('Reply in json')],
      audio: { format: 'mp3', voice: 'alloy' },
      frequency_penalty: 0.1,
      functions: [weatherFunction],
      function_call: 'none',
      logit_bias: { '50256': -100 },
      logprobs: true,
      max_completion_tokens: 40,
      max_tokens: 50,
      metadata: { team: 'search', run: '7' },
      modalities: ['text'],
      moderation: { model: 'omni-moderation-latest', policy: { input: { mode: 'score' } } },
      prediction: { type: 'content', content: [{ type: 'text', text: '{"answer": ' }] },
      presence_penalty: 0.1,
      prompt_cache_key: 'cache-1',
      prompt_cache_options: { mode: 'implicit', ttl: '30m' },
      prompt_cache_retention: '24h',
      response_format: { type: 'json_object' },
      safety_identifier: 'user-hash-1',
      seed: 7,
      stop: ['\n\n'],
      store: false,
      stream: false,
      temperature: 0.5,
      tool_choice: 'none',
      tools: [weatherTool],
      top_logprobs: 1,
      top_p: 0.9,
      user: 'user-1',
      verbosity: 'medium',
      web_search_options: {
        search_context_size: 'low',
        user_location: { type: 'approximate', approximate: { city: 'Berlin' } },
      },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-5-chat',
      choices: [{ finish_reason: 'stop' }],
    });
  });

  const tooMuchMetadata = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
  it.each([
    {
      body: { store: 'yes' },
      json: backendError("'store' must be a boolean.", 'store', 'invalid_type'),
    },
    {
      body: { metadata: ['a'] },
      json: backendError(
        "'metadata' must be an object of string values.",
        'metadata',
        'invalid_type',
      ),
    },
    {
      body: { metadata: tooMuchMetadata },
      json: backendError(
        "'metadata' has 17 keys; at most 16 are allowed.",
        'metadata',
        'invalid_value',
      ),
    },
    {
      body: { metadata: { ['k'.repeat(65)]: 'v' } },
      json: backendError(
        "'metadata' key 'kkkkkkkkkkkkkkkk…' is longer than 64 characters.",
        'metadata',
        'invalid_value',
      ),
    },
    {
      body: { metadata: { run: 7 } },
      json: backendError("'metadata.run' must be a string.", 'metadata', 'invalid_type'),
    },
    {
      body: { metadata: { note: 'x'.repeat(513) } },
      json: backendError(
        "'metadata.note' is longer than 512 characters.",
        'metadata',
        'invalid_value',
      ),
    },
    {
      body: { verbosity: 'loud' },
      json: backendError(
        "'verbosity' must be one of low, medium, high.",
        'verbosity',
        'invalid_value',
      ),
    },
    {
      body: { prompt_cache_key: 5 },
      json: backendError(
        "'prompt_cache_key' must be a string.",
        'prompt_cache_key',
        'invalid_type',
      ),
    },
    {
      body: { safety_identifier: { id: 1 } },
      json: backendError(
        "'safety_identifier' must be a string.",
        'safety_identifier',
        'invalid_type',
      ),
    },
    {
      body: { prompt_cache_retention: '1h' },
      json: backendError(
        "'prompt_cache_retention' must be one of in_memory, 24h.",
        'prompt_cache_retention',
        'invalid_value',
      ),
    },
    {
      body: { prediction: { type: 'content', content: 5 } },
      json: backendError(
        "'prediction' must be {type: 'content', content: string or an array of text parts}.",
        'prediction',
        'invalid_value',
      ),
    },
    {
      body: { modalities: ['video'] },
      json: backendError(
        "'modalities' must be an array of 'text' and 'audio'.",
        'modalities',
        'invalid_value',
      ),
    },
    {
      body: { modalities: ['text', 'audio'] },
      json: backendError(
        "'audio' is required when 'modalities' includes 'audio'.",
        'audio',
        'missing_required_parameter',
      ),
    },
    {
      body: { audio: { format: 'ogg', voice: 'alloy' } },
      json: backendError(
        "'audio' must be {format: wav|aac|mp3|flac|opus|pcm16, voice: string or {id}}.",
        'audio',
        'invalid_value',
      ),
    },
    {
      body: { logit_bias: { '50256': 200 } },
      json: backendError(
        "'logit_bias' must be an object mapping token ids to numbers between -100 and 100.",
        'logit_bias',
        'invalid_value',
      ),
    },
    {
      body: { moderation: { policy: {} } },
      json: backendError(
        "'moderation' must be an object with a string 'model'.",
        'moderation',
        'invalid_value',
      ),
    },
    {
      body: { prompt_cache_options: { ttl: '1h' } },
      json: backendError(
        "'prompt_cache_options' must be {mode?: 'implicit' or 'explicit', ttl?: '30m'}.",
        'prompt_cache_options',
        'invalid_value',
      ),
    },
    {
      body: { web_search_options: { search_context_size: 'huge' } },
      json: backendError(
        "'web_search_options.search_context_size' must be one of low, medium, high.",
        'web_search_options.search_context_size',
        'invalid_value',
      ),
    },
    {
      body: { seed: 1.5 },
      json: backendError("'seed' must be an integer.", 'seed', 'invalid_type'),
    },
    {
      body: { functions: [] },
      json: backendError("'functions' must be a non-empty array.", 'functions'),
    },
    {
      body: { function_call: 'auto' },
      json: backendError(
        "'function_call' is only allowed when 'functions' are specified.",
        'function_call',
      ),
    },
    {
      body: { functions: [weatherFunction], function_call: { name: 'get_time' } },
      json: backendError(
        "'function_call' names function get_time, which is not in 'functions'.",
        'function_call',
      ),
    },
  ])('refuses $body with a 400 that names the parameter', async ({ body, json }) => {
    const result = await chat(emulator, { model: 'gpt-4o', messages: hello, ...body });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(json);
  });
});

describe('legacy function calling, which Langdock’s request schema still lists', () => {
  it('answers functions with a function_call and finish_reason function_call', async () => {
    const result = await chat(emulator, {
      model: 'gpt-35-turbo',
      messages: [userMessage('What is the weather in Oslo?')],
      functions: [weatherFunction],
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      choices: [
        {
          message: {
            role: 'assistant',
            content: null,
            function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
          finish_reason: 'function_call',
        },
      ],
    });
    expect(JSON.stringify(result.json)).not.toContain('tool_calls');
  });

  it('answers a function message in the history', async () => {
    const result = await chat(emulator, {
      model: 'gpt-35-turbo',
      functions: [weatherFunction],
      function_call: 'auto',
      messages: [
        userMessage('What is the weather in Oslo?'),
        {
          role: 'assistant',
          content: null,
          function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
        },
        { role: 'function', name: 'get_weather', content: '{"sky":"clear"}' },
      ],
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      choices: [
        {
          message: { content: 'Based on the tool results: get_weather returned {"sky":"clear"}.' },
          finish_reason: 'stop',
        },
      ],
    });
  });

  it('streams the function_call in pieces', async () => {
    const result = await chat(emulator, {
      model: 'gpt-4o',
      stream: true,
      messages: [userMessage('Weather in Oslo?')],
      functions: [weatherFunction],
      function_call: { name: 'get_weather' },
    });
    const chunks = sseChunks(result.text);
    const deltas = chunks.map(
      (chunk) =>
        (
          chunk.choices as Array<{
            delta: { function_call?: { name?: string; arguments: string } };
          }>
        )[0]?.delta.function_call,
    );
    const calls = deltas.filter((delta) => delta !== undefined);
    expect(calls[0]).toEqual({ name: 'get_weather', arguments: '' });
    expect(calls.map((delta) => delta.arguments).join('')).toBe('{"city":"Oslo"}');
    expect((chunks.at(-1)?.choices as Array<{ finish_reason: string }>)[0]?.finish_reason).toBe(
      'function_call',
    );
  });
});

const chatRows = MODEL_TABLE.filter((row) => row.kind === 'chat');

describe('reasoning_effort per model, from the emulator’s model table', () => {
  const matrix = chatRows.flatMap((row) =>
    REASONING_EFFORTS.map((effort) => ({
      model: row.id,
      effort,
      accepted: row.reasoningEfforts.includes(effort),
      efforts: row.reasoningEfforts,
    })),
  );

  it('covers every chat row and effort', () => {
    expect(matrix).toHaveLength(chatRows.length * REASONING_EFFORTS.length);
    expect(
      matrix.filter((item) => item.accepted).map((item) => `${item.model}:${item.effort}`),
    ).toContain('gpt-5.2:xhigh');
  });

  it.each(matrix)(
    '$model with $effort -> accepted: $accepted',
    async ({ model, effort, accepted, efforts }) => {
      const result = await chat(emulator, { model, messages: hello, reasoning_effort: effort });
      if (accepted) {
        expect(result.status).toBe(200);
        return;
      }
      expect(result.status).toBe(400);
      if (efforts.length === 0) {
        expect(result.json).toEqual(
          backendError(
            'Unrecognized request argument supplied: reasoning_effort',
            'reasoning_effort',
          ),
        );
        return;
      }
      const supported = efforts.map((value) => `'${value}'`);
      const list =
        supported.length <= 2
          ? supported.join(' and ')
          : `${supported.slice(0, -1).join(', ')}, and ${supported.at(-1)}`;
      expect(result.json).toEqual(
        backendError(
          `Unsupported value: 'reasoning_effort' does not support '${effort}' with this model. Supported values are: ${list}.`,
          'reasoning_effort',
          'unsupported_value',
        ),
      );
    },
  );

  it.each([
    { effort: 3, shown: '3' },
    { effort: 'HIGH', shown: "'HIGH'" },
  ])('refuses a value of the wrong kind ($effort)', async ({ effort, shown }) => {
    const result = await chat(emulator, { model: 'o1', messages: hello, reasoning_effort: effort });
    expect(result.json).toEqual(
      backendError(
        `Unsupported value: 'reasoning_effort' does not support ${shown} with this model. Supported values are: 'low', 'medium', and 'high'.`,
        'reasoning_effort',
        'unsupported_value',
      ),
    );
  });
});

describe('sampling settings at the requested effort', () => {
  it.each([
    { model: 'gpt-5.1', effort: undefined, status: 200 },
    { model: 'gpt-5.1', effort: 'none', status: 200 },
    { model: 'gpt-5.1', effort: 'low', status: 400 },
    { model: 'gpt-5.2', effort: 'xhigh', status: 400 },
    { model: 'gpt-5.2', effort: 'none', status: 200 },
    { model: 'gpt-5', effort: 'minimal', status: 400 },
    { model: 'gpt-5-chat', effort: undefined, status: 200 },
  ])(
    '$model with effort $effort and temperature 0.3 -> $status',
    async ({ model, effort, status }) => {
      const result = await chat(emulator, {
        model,
        messages: hello,
        temperature: 0.3,
        top_p: 0.8,
        ...(effort === undefined ? {} : { reasoning_effort: effort }),
      });
      expect(result.status).toBe(status);
    },
  );
});

describe('reasoning_effort next to function tools (gpt-5.2 and later, seen live)', () => {
  const fiveSix =
    "Function tools with reasoning_effort are not supported for gpt-5.6 in /v1/chat/completions. To use function tools, use /v1/responses or set reasoning_effort to 'none'.";
  const before = (model: string): string =>
    `Function tools with reasoning_effort are not supported for ${model} in /v1/chat/completions. Please use /v1/responses instead.`;
  it.each([
    { model: 'gpt-5.2', effort: 'high', refusal: before('gpt-5.2') },
    { model: 'gpt-5.4', effort: 'low', refusal: before('gpt-5.4') },
    { model: 'gpt-5.5', effort: 'xhigh', refusal: before('gpt-5.5') },
    { model: 'gpt-5.2', effort: undefined, refusal: undefined },
    { model: 'gpt-5.5', effort: 'none', refusal: undefined },
    { model: 'gpt-5.6', effort: 'medium', refusal: fiveSix },
    { model: 'gpt-5.6', effort: undefined, refusal: fiveSix },
    { model: 'gpt-5.6', effort: 'none', refusal: undefined },
    { model: 'gpt-5.1', effort: 'high', refusal: undefined },
    { model: 'gpt-5', effort: 'high', refusal: undefined },
  ])('$model with tools at effort $effort -> $refusal', async ({ model, effort, refusal }) => {
    const body = {
      model,
      messages: hello,
      tools: [weatherTool],
      ...(effort === undefined ? {} : { reasoning_effort: effort }),
    };
    const result = await chat(emulator, body);
    expect({
      status: result.status,
      json: refusal === undefined ? undefined : result.json,
    }).toEqual(
      refusal === undefined
        ? { status: 200, json: undefined }
        : { status: 400, json: backendError(refusal, 'reasoning_effort') },
    );
  });

  it('takes any effort without tools, and an empty tools list is no tools', async () => {
    for (const tools of [undefined, []]) {
      const result = await chat(emulator, {
        model: 'gpt-5.6',
        messages: hello,
        reasoning_effort: 'high',
        ...(tools === undefined ? {} : { tools }),
      });
      expect(result.status).toBe(200);
    }
  });

  it('names the id as requested, a wrapped one too', async () => {
    const wrapped = await startLangdockEmulator({
      rateLimit: false,
      models: ['gpt-5.6-2026-07-01'],
    });
    try {
      const result = await chat(wrapped, {
        model: 'gpt-5.6-2026-07-01',
        messages: hello,
        tools: [weatherTool],
      });
      expect(result.json).toEqual(
        backendError(fiveSix.replace('gpt-5.6 in', 'gpt-5.6-2026-07-01 in'), 'reasoning_effort'),
      );
    } finally {
      await wrapped.close();
    }
  });
});

describe('verbosity, a GPT-5 family parameter', () => {
  it.each([
    { model: 'gpt-5', verbosity: 'low', json: undefined },
    { model: 'gpt-5.6', verbosity: 'high', json: undefined },
    { model: 'gpt-5-chat', verbosity: 'medium', json: undefined },
    {
      model: 'gpt-5-chat',
      verbosity: 'low',
      json: backendError(
        "Unsupported value: 'low' is not supported with the 'gpt-5-chat' model. Supported values are: 'medium'.",
        'verbosity',
        'unsupported_value',
      ),
    },
    ...['gpt-4.1', 'gpt-4o', 'o3', 'DeepSeek-R1'].map((model) => ({
      model,
      verbosity: 'medium',
      json: backendError(
        "Unsupported parameter: 'verbosity' is not supported with this model.",
        'verbosity',
        'unsupported_parameter',
      ),
    })),
  ])('$model with verbosity $verbosity -> $json', async ({ model, verbosity, json }) => {
    const result = await chat(emulator, { model, messages: hello, verbosity });
    expect({ status: result.status, json: json === undefined ? undefined : result.json }).toEqual({
      status: json === undefined ? 200 : 400,
      json,
    });
  });
});

describe('sampling settings deprecated for a model (Claude Opus 4.7 and later)', () => {
  let deprecated: LangdockEmulator;
  beforeAll(async () => {
    deprecated = await startLangdockEmulator({
      rateLimit: false,
      models: [{ id: 'house-model', samplingDeprecated: true }, 'gpt-4.1'],
    });
  });
  afterAll(async () => {
    await deprecated.close();
  });

  it.each([
    {
      body: { temperature: 0.2 },
      json: backendError('`temperature` is deprecated for this model.', 'temperature'),
    },
    { body: { top_p: 0.5 }, json: backendError('`top_p` is deprecated for this model.', 'top_p') },
    { body: { temperature: 1, top_p: 1 }, json: undefined },
    { body: {}, json: undefined },
  ])('house-model with $body -> $json', async ({ body, json }) => {
    const result = await chat(deprecated, { model: 'house-model', messages: hello, ...body });
    expect({ status: result.status, json: json === undefined ? undefined : result.json }).toEqual({
      status: json === undefined ? 200 : 400,
      json,
    });
  });

  it('leaves other models alone', async () => {
    const result = await chat(deprecated, { model: 'gpt-4.1', messages: hello, temperature: 0.2 });
    expect(result.status).toBe(200);
  });
});

describe('reasoning models with wrapped ids', () => {
  const reasoning = ['azure/o3-mini', 'gpt-5-mini-2025-08-07', 'eu.o4-mini', 'my-gpt-5', 'GPT-5.1'];
  const plain = [
    'gpt-5-chat-latest',
    'gpt-4o-2024-08-06',
    'azure/gpt-4.1',
    'gpt-50-preview',
    'solo1',
  ];
  let custom: LangdockEmulator;

  beforeAll(async () => {
    custom = await startLangdockEmulator({
      rateLimit: false,
      models: [
        ...reasoning,
        ...plain,
        { id: 'o3', reasoning: false },
        { id: 'house-model', reasoning: true },
      ],
    });
  });

  afterAll(async () => {
    await custom.close();
  });

  it('detects them with the emulator’s own model table', () => {
    expect(reasoning.map(isReasoningModelId)).toEqual(reasoning.map(() => true));
    expect(plain.map(isReasoningModelId)).toEqual(plain.map(() => false));
  });

  it.each([...reasoning, 'house-model'])(
    '%s rejects max_tokens and takes reasoning_effort',
    async (model) => {
      const refused = await chat(custom, { model, messages: hello, max_tokens: 10 });
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual(
        backendError(
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          'max_tokens',
          'unsupported_parameter',
        ),
      );
      const accepted = await chat(custom, {
        model,
        messages: hello,
        max_completion_tokens: 10,
        reasoning_effort: 'low',
      });
      expect(accepted.status).toBe(200);
    },
  );

  it.each([...plain, 'o3'])(
    '%s takes max_tokens and temperature but not reasoning_effort',
    async (model) => {
      const accepted = await chat(custom, {
        model,
        messages: hello,
        max_tokens: 10,
        temperature: 0.3,
      });
      expect(accepted.status).toBe(200);
      const refused = await chat(custom, { model, messages: hello, reasoning_effort: 'low' });
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual(
        backendError(
          'Unrecognized request argument supplied: reasoning_effort',
          'reasoning_effort',
        ),
      );
    },
  );

  it('lets a spec give a custom model its efforts and the effort at which it samples', async () => {
    const spec = await startLangdockEmulator({
      rateLimit: false,
      models: [
        {
          id: 'house-reasoner',
          reasoning: true,
          reasoningEfforts: ['none', 'high'],
          defaultReasoningEffort: 'none',
          samplingEfforts: ['none'],
        },
      ],
    });
    try {
      expect(
        (await chat(spec, { model: 'house-reasoner', messages: hello, temperature: 0.2 })).status,
      ).toBe(200);
      const refused = await chat(spec, {
        model: 'house-reasoner',
        messages: hello,
        temperature: 0.2,
        reasoning_effort: 'high',
      });
      expect(refused.json).toEqual(
        backendError(
          "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
          'temperature',
          'unsupported_value',
        ),
      );
      const low = await chat(spec, {
        model: 'house-reasoner',
        messages: hello,
        reasoning_effort: 'low',
      });
      expect(low.json).toEqual(
        backendError(
          "Unsupported value: 'reasoning_effort' does not support 'low' with this model. Supported values are: 'none' and 'high'.",
          'reasoning_effort',
          'unsupported_value',
        ),
      );
    } finally {
      await spec.close();
    }
  });
});

describe('user content parts', () => {
  const withPart = (part: Record<string, unknown>): unknown => ({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Look' }, part] }],
  });

  it.each([
    {
      type: 'file',
      part: {
        type: 'file',
        file: { file_data: 'data:application/pdf;base64,AA==', filename: 'a.pdf' },
      },
    },
    {
      type: 'input_audio',
      part: { type: 'input_audio', input_audio: { data: 'AA==', format: 'wav' } },
    },
    { type: 'refusal', part: { type: 'refusal', refusal: 'no' } },
    {
      type: 'video_url',
      part: { type: 'video_url', video_url: { url: 'https://x.example/v.mp4' } },
    },
  ])('refuses $type parts with 400', async ({ part }) => {
    const result = await chat(emulator, withPart(part));
    expect(result.status).toBe(400);
    expect(result.json).toEqual(
      backendError(
        "'messages[0].content[1].type' must be one of text, image_url.",
        'messages[0].content[1].type',
      ),
    );
  });

  it.each([{ image_url: 'https://x.example/a.png' }, { image_url: {} }, { image_url: { url: 5 } }])(
    'refuses image_url without a url: %j',
    async (part) => {
      const result = await chat(emulator, withPart({ type: 'image_url', ...part }));
      expect(result.status).toBe(400);
      expect(result.json).toEqual(
        backendError(
          "'messages[0].content[1].image_url' must be an object with a string 'url'.",
          'messages[0].content[1].image_url',
        ),
      );
    },
  );

  it('accepts text and images', async () => {
    const result = await chat(
      emulator,
      withPart({
        type: 'image_url',
        image_url: { url: 'data:image/png;base64,AA==', detail: 'low' },
      }),
    );
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      choices: [
        {
          message: {
            content:
              'You said: "Look" (with 1 attachment). This is a deterministic reply from the Langdock emulator.',
          },
        },
      ],
    });
  });
});

describe('top-level embedding parameters', () => {
  it.each([
    {
      body: { input_type: 'query' },
      json: backendError('Unrecognized request argument supplied: input_type', 'input_type'),
    },
    {
      body: { truncate: 'END', normalize: true },
      json: backendError('Unrecognized request arguments supplied: truncate, normalize'),
    },
  ])('refuses $body with 400', async ({ body, json }) => {
    const result = await embeddings(emulator, {
      model: 'text-embedding-3-small',
      input: 'x',
      ...body,
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(json);
  });

  it('accepts every allowed parameter at once', async () => {
    const result = await embeddings(emulator, {
      model: 'text-embedding-3-small',
      input: ['x'],
      encoding_format: 'float',
      dimensions: 8,
      user: 'u',
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      object: 'list',
      data: [{ index: 0, embedding: expect.any(Array) }],
    });
  });
});
