import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v4/index';
import { json, sse, serverPerTest, type Reply } from '../helpers/test-server';

const API_KEY = 'ld-test-key-0123456789';
const prompt: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Weather in Berlin?' }] },
];
const weatherTool = {
  type: 'function' as const,
  name: 'weather',
  inputSchema: { type: 'object' as const, properties: { city: { type: 'string' as const } } },
};

const servers = serverPerTest();

async function modelOn(replies: Reply[], modelId = 'gpt-4.1') {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL })(modelId);
}

async function collect(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return parts;
}

const usage = {
  prompt_tokens: 30,
  completion_tokens: 12,
  total_tokens: 42,
  prompt_tokens_details: { cached_tokens: 10 },
  completion_tokens_details: { reasoning_tokens: 4 },
};
const completion = (message: Record<string, unknown>, finish_reason: string | null = 'stop') => ({
  id: 'chatcmpl-9',
  object: 'chat.completion',
  created: 1764000000,
  model: 'gpt-4.1-2025-04-14',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason }],
  usage,
});
const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) => ({
  id: 'chatcmpl-s',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta, finish_reason }],
});

describe('LanguageModelV4: doGenerate', () => {
  it('maps content, the { unified, raw } finish reason, nested usage with raw, and the request', async () => {
    const model = await modelOn([
      json(
        completion(
          {
            content: 'Let me check.',
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'weather', arguments: '{"city":"Berlin"}' },
              },
            ],
          },
          'tool_calls',
        ),
      ),
    ]);
    const result = await model.doGenerate({ prompt, tools: [weatherTool] });
    expect(model.specificationVersion).toBe('v4');
    expect(result.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Berlin"}' },
    ]);
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(result.usage).toEqual({
      inputTokens: { total: 30, noCache: 20, cacheRead: 10, cacheWrite: undefined },
      outputTokens: { total: 12, text: 8, reasoning: 4 },
      raw: usage,
    });
    expect(result.request).toEqual({
      url: `${servers.current.baseURL}/chat/completions`,
      body: servers.current.requests[0]!.body,
    });
    expect(result.response).toMatchObject({
      id: 'chatcmpl-9',
      modelId: 'gpt-4.1-2025-04-14',
      timestamp: new Date(1764000000 * 1000),
    });
    expect(result.warnings).toEqual([]);
  });

  it('redacts the key from response headers a proxy echoes it in, on success and in streams', async () => {
    const echo = { 'x-echo': `Bearer ${API_KEY}` };
    const model = await modelOn([
      json(completion({ content: 'x' }), 200, echo),
      (_request, response) =>
        void response
          .writeHead(200, { 'content-type': 'text/event-stream', ...echo })
          .end('data: [DONE]\n\n'),
    ]);
    const generated = await model.doGenerate({ prompt });
    const streamed = await model.doStream({ prompt });
    for (const headers of [generated.response?.headers, streamed.response?.headers]) {
      expect(headers?.['x-echo']).toBe('[redacted]');
    }
  });

  it('names a finish reason it has no word for `other`, keeping the raw one', async () => {
    const model = await modelOn([json(completion({ content: 'x' }, 'end_turn'))]);
    expect((await model.doGenerate({ prompt })).finishReason).toEqual({
      unified: 'other',
      raw: 'end_turn',
    });
  });

  it('words warnings in V4 shape: every setting not sent is an unsupported feature', async () => {
    const model = await modelOn([json(completion({ content: 'x' }))], 'o3');
    const result = await model.doGenerate({
      prompt,
      temperature: 0.5,
      topK: 2,
      tools: [
        weatherTool,
        { type: 'provider', id: 'openai.web_search', name: 'web_search', args: {} },
      ],
      providerOptions: { langdock: { serviceTier: 'flex' } },
    });
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'tool web_search',
        details: 'Langdock runs no provider tools; openai.web_search was not sent.',
      },
      { type: 'unsupported', feature: 'topK', details: 'Langdock chat completions have no top_k.' },
      {
        type: 'unsupported',
        feature: 'providerOptions.langdock.serviceTier',
        details: 'Langdock refuses requests with service_tier; it was not sent.',
      },
      {
        type: 'unsupported',
        feature: 'temperature',
        details: 'o3 is a reasoning model, which accepts no temperature; it was not sent.',
      },
    ]);
    expect((servers.current.requests[0]!.body as { tools: unknown[] }).tools).toHaveLength(1);
  });
});

describe('LanguageModelV4: reasoning', () => {
  const sent = async (modelId: string, options: Partial<LanguageModelV4CallOptions>) => {
    const model = await modelOn([json(completion({ content: 'x' }))], modelId);
    const result = await model.doGenerate({ prompt, ...options });
    return {
      body: servers.current.requests[0]!.body as Record<string, unknown>,
      warnings: result.warnings,
    };
  };

  it.each<
    [string, LanguageModelV4CallOptions['reasoning'], string | undefined, string | undefined]
  >([
    ['o4-mini', 'high', 'high', undefined],
    ['o4-mini', 'max', 'high', undefined],
    ['gpt-5.2', 'max', 'xhigh', undefined],
    ['gpt-5-mini', 'minimal', 'minimal', undefined],
    ['o4-mini', 'provider-default', undefined, undefined],
    [
      'o4-mini',
      'none',
      'low',
      "o4-mini: reasoning 'none' was sent as 'low', the closest of the values o4-mini accepts (low, medium, high).",
    ],
    [
      'gpt-5-mini',
      'xhigh',
      'high',
      "gpt-5-mini: reasoning 'xhigh' was sent as 'high', the closest of the values gpt-5-mini accepts (minimal, low, medium, high).",
    ],
    [
      'gpt-5.1',
      'minimal',
      'low',
      "gpt-5.1: reasoning 'minimal' was sent as 'low', the closest of the values gpt-5.1 accepts (none, low, medium, high).",
    ],
    [
      'o1-mini',
      'high',
      undefined,
      "o1-mini: reasoning 'high' was not sent: o1-mini takes no reasoning_effort.",
    ],
    [
      'gpt-4.1',
      'high',
      undefined,
      "gpt-4.1 is not a reasoning model; reasoning 'high' was not sent.",
    ],
    ['gpt-4.1', 'none', undefined, undefined],
  ])(
    '%s with reasoning %s sends reasoning_effort %s',
    async (modelId, reasoning, effort, details) => {
      const { body, warnings } = await sent(modelId, { reasoning });
      expect(body.reasoning_effort).toBe(effort);
      expect(warnings).toEqual(
        details === undefined ? [] : [{ type: 'unsupported', feature: 'reasoning', details }],
      );
    },
  );

  it('lets providerOptions.langdock.reasoningEffort win over reasoning', async () => {
    const { body, warnings } = await sent('o4-mini', {
      reasoning: 'low',
      providerOptions: { langdock: { reasoningEffort: 'high' } },
    });
    expect(body.reasoning_effort).toBe('high');
    expect(warnings).toEqual([]);
  });

  it('keeps temperature on gpt-5.1 at effort none, and drops it at low', async () => {
    expect((await sent('gpt-5.1', { reasoning: 'none', temperature: 0.3 })).body).toMatchObject({
      temperature: 0.3,
      reasoning_effort: 'none',
    });
    const low = await sent('gpt-5.1', { reasoning: 'low', temperature: 0.3 });
    expect(low.body).not.toHaveProperty('temperature');
    expect(low.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'temperature',
        details:
          'gpt-5.1 is a reasoning model, which accepts no temperature at reasoning effort low; it was not sent.',
      },
    ]);
  });

  it('sends gpt-5.4 with function tools at effort none, with a warning, in generate and stream', async () => {
    const model = await modelOn([json(completion({ content: 'x' })), sse([], {})], 'gpt-5.4');
    const call = { prompt, tools: [weatherTool], reasoning: 'high' as const };
    const generated = await model.doGenerate(call);
    const streamed = await collect((await model.doStream(call)).stream);
    expect(
      servers.current.requests.map(
        (request) => (request.body as Record<string, unknown>).reasoning_effort,
      ),
    ).toEqual(['none', 'none']);
    const warning = {
      type: 'unsupported',
      feature: 'reasoning',
      details:
        "gpt-5.4: reasoning 'high' was sent as 'none': gpt-5.4 refuses any other reasoning_effort together with function tools (Langdock answers 400). Set providerOptions.langdock.forceReasoningEffort: true to send it anyway.",
    };
    expect(generated.warnings).toEqual([warning]);
    expect(streamed[0]).toEqual({ type: 'stream-start', warnings: [warning] });
  });

  it('sends the effort with function tools when forceReasoningEffort is set', async () => {
    const { body, warnings } = await sent('gpt-5.6', {
      tools: [weatherTool],
      reasoning: 'high',
      providerOptions: { langdock: { forceReasoningEffort: true } },
    });
    expect(body).toMatchObject({ reasoning_effort: 'high', tools: [expect.anything()] });
    expect(warnings).toEqual([]);
  });
});

describe('LanguageModelV4: prompt', () => {
  it('sends V4 file data: a URL as it is, bytes of a top-level image type with the type told from the bytes', async () => {
    const model = await modelOn([json(completion({ content: 'A cat.' }))]);
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0);
    await model.doGenerate({
      prompt: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image',
              data: { type: 'url', url: new URL('https://example.com/cat') },
            },
            { type: 'file', mediaType: 'image', data: { type: 'data', data: png } },
          ],
        },
      ],
    });
    expect((servers.current.requests[0]!.body as { messages: unknown[] }).messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'https://example.com/cat' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgoAAAAA' } },
        ],
      },
    ]);
  });

  it('sends a denied tool call as a tool message with content, and no approval part', async () => {
    const model = await modelOn([json(completion({ content: 'Understood.' }))]);
    await model.doGenerate({
      prompt: [
        ...prompt,
        {
          role: 'assistant',
          content: [
            {
              type: 'tool-call',
              toolCallId: 'call_1',
              toolName: 'weather',
              input: { city: 'Berlin' },
            },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-approval-response', approvalId: 'approval-1', approved: false },
            {
              type: 'tool-result',
              toolCallId: 'call_1',
              toolName: 'weather',
              output: { type: 'execution-denied', reason: 'not now' },
            },
          ],
        },
      ],
      tools: [weatherTool],
    });
    expect(
      (servers.current.requests[0]!.body as { messages: unknown[] }).messages.slice(1),
    ).toEqual([
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
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content: 'The tool was not run: the user denied it (not now).',
      },
    ]);
  });
});

describe('LanguageModelV4: doStream', () => {
  it('streams the parts with a V4 stream-start and finish, and the request URL', async () => {
    const model = await modelOn([
      sse([
        chunk({ role: 'assistant', content: 'Hi' }),
        chunk({ content: ' there' }, 'stop'),
        { ...chunk({}), choices: [], usage },
      ]),
    ]);
    const { stream, request } = await model.doStream({ prompt, topK: 1 });
    expect(request).toEqual({
      url: `${servers.current.baseURL}/chat/completions`,
      body: {
        model: 'gpt-4.1',
        messages: [{ role: 'user', content: 'Weather in Berlin?' }],
        stream: true,
      },
    });
    const parts = await collect(stream);
    const textId = (parts[2] as { id: string }).id;
    expect(parts).toEqual([
      {
        type: 'stream-start',
        warnings: [
          {
            type: 'unsupported',
            feature: 'topK',
            details: 'Langdock chat completions have no top_k.',
          },
        ],
      },
      {
        type: 'response-metadata',
        id: 'chatcmpl-s',
        modelId: 'gpt-4.1',
        timestamp: new Date(1764000000 * 1000),
      },
      { type: 'text-start', id: textId },
      { type: 'text-delta', id: textId, delta: 'Hi' },
      { type: 'text-delta', id: textId, delta: ' there' },
      { type: 'text-end', id: textId },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 30, noCache: 20, cacheRead: 10, cacheWrite: undefined },
          outputTokens: { total: 12, text: 8, reasoning: 4 },
          raw: usage,
        },
      },
    ]);
  });

  it('ends a stream without a finish reason as interrupted, with no error part and undefined usage', async () => {
    const model = await modelOn([sse([chunk({ content: 'Half an ans' })], { done: false })]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'interrupted', raw: undefined },
      usage: {
        inputTokens: {
          total: undefined,
          noCache: undefined,
          cacheRead: undefined,
          cacheWrite: undefined,
        },
        outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      },
    });
  });

  it('ends a stream whose server reported an error as error', async () => {
    const model = await modelOn([
      sse([chunk({ content: 'Hi' }), { error: { message: 'The server had an error' } }]),
    ]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.filter((part) => part.type === 'error')).toHaveLength(1);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'error', raw: undefined },
    });
  });
});

describe('LanguageModelV4: what the peer suite checks (#20)', () => {
  // A backend that counts more reasoning than output, and predicted-output counts.
  const oddUsage = {
    prompt_tokens: 10,
    completion_tokens: 5,
    total_tokens: 15,
    completion_tokens_details: {
      reasoning_tokens: 8,
      accepted_prediction_tokens: 3,
      rejected_prediction_tokens: 1,
    },
  };
  const expectedUsage = {
    inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 5, text: 0, reasoning: 8 },
    raw: oddUsage,
  };
  const predictionMetadata = {
    langdock: { acceptedPredictionTokens: 3, rejectedPredictionTokens: 1 },
  };

  it('never reports negative text tokens, and puts prediction counts in provider metadata, in doGenerate', async () => {
    const model = await modelOn([json({ ...completion({ content: 'x' }), usage: oddUsage })]);
    const result = await model.doGenerate({ prompt });
    expect(result.usage).toEqual(expectedUsage);
    expect(result.providerMetadata).toEqual(predictionMetadata);
  });

  it('does the same in doStream', async () => {
    const model = await modelOn([
      sse([chunk({ content: 'x' }, 'stop'), { ...chunk({}), choices: [], usage: oddUsage }]),
    ]);
    const parts = await collect((await model.doStream({ prompt })).stream);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: expectedUsage,
      providerMetadata: predictionMetadata,
    });
  });

  it('sends a strict json_schema with structuredOutputs, and the JSON instruction with it', async () => {
    const schema = {
      type: 'object' as const,
      properties: { ok: { type: 'boolean' as const } },
      required: ['ok'],
    };
    const model = await modelOn([json(completion({ content: '{"ok":true}' }))]);
    await model.doGenerate({
      prompt,
      responseFormat: { type: 'json', schema, name: 'status' },
      providerOptions: { langdock: { structuredOutputs: true } },
    });
    const body = servers.current.requests[0]!.body as {
      response_format: unknown;
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'status', schema, strict: true },
    });
    expect(body.messages[0]).toEqual({
      role: 'system',
      content: expect.stringContaining(`Answer with a single JSON object`),
    });
    expect(body.messages[0]!.content).toContain(JSON.stringify(schema));
  });
});

describe('LanguageModelV4: verbosity (#20)', () => {
  it('sends verbosity to gpt-5 models only; elsewhere it is an unsupported feature', async () => {
    const model = await modelOn([json(completion({ content: 'x' }))], 'gpt-4.1');
    const result = await model.doGenerate({
      prompt,
      providerOptions: { langdock: { verbosity: 'low' } },
    });
    expect(servers.current.requests[0]!.body).not.toHaveProperty('verbosity');
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'providerOptions.langdock.verbosity',
        details: "gpt-4.1 takes no verbosity (a gpt-5 family setting); 'low' was not sent.",
      },
    ]);
    const gpt5 = await modelOn([json(completion({ content: 'x' }))], 'gpt-5-mini');
    await gpt5.doGenerate({ prompt, providerOptions: { langdock: { verbosity: 'low' } } });
    expect(servers.current.requests[0]!.body).toMatchObject({ verbosity: 'low' });
  });
});
