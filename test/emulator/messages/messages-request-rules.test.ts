// What Langdock's Anthropic route refuses: each rule with its exact body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { ANTHROPIC_HEADERS, call, messages } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ apiKeys: ['test-key'], rateLimit: false });
});

afterAll(async () => {
  await emulator.close();
});

const anthropicError = (message: string, type = 'invalid_request_error') => ({
  type: 'error',
  error: { type, message },
});
const user = (content: unknown) => ({ role: 'user', content });
const base = {
  model: 'claude-haiku-4-5-20251001',
  max_tokens: 2000,
  messages: [user('Hi')],
};
const tool = { name: 'lookup', description: 'Look up', input_schema: { type: 'object' } };
const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

describe('body rules, each a 400 in Anthropic’s envelope', () => {
  it.each([
    {
      rule: 'max_tokens is required',
      body: { model: base.model, messages: base.messages },
      message: 'max_tokens: Field required',
    },
    {
      rule: 'max_tokens is an integer',
      body: { ...base, max_tokens: 10.5 },
      message: 'max_tokens: Input should be a valid integer',
    },
    {
      rule: 'max_tokens is at least 1',
      body: { ...base, max_tokens: 0 },
      message: 'max_tokens: Input should be greater than or equal to 1',
    },
    {
      rule: 'max_tokens is at most the model’s output limit',
      body: { ...base, max_tokens: 64_001 },
      message:
        'max_tokens: 64001 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5-20251001',
    },
    {
      rule: 'metadata was removed by Langdock',
      body: { ...base, metadata: { user_id: 'u1' } },
      message: 'metadata: Extra inputs are not permitted',
    },
    {
      rule: 'unknown top-level fields are refused',
      body: { ...base, service_tier: 'auto' },
      message: 'service_tier: Extra inputs are not permitted',
    },
    {
      rule: 'messages is not empty',
      body: { ...base, messages: [] },
      message: 'messages: at least one message is required',
    },
    {
      rule: 'the first message is the user’s',
      body: { ...base, messages: [{ role: 'assistant', content: 'Hello' }, user('Hi')] },
      message: 'messages: first message must use the "user" role',
    },
    {
      rule: 'roles are user or assistant',
      body: { ...base, messages: [user('Hi'), { role: 'system', content: 'x' }] },
      message: "messages.1.role: Input should be 'user' or 'assistant'",
    },
    {
      rule: 'content is not empty (but for a final assistant message)',
      body: { ...base, messages: [user('')] },
      message: 'messages.0.content: messages must have non-empty content',
    },
    {
      rule: 'user blocks are text, image, document or tool_result',
      body: { ...base, messages: [user([{ type: 'tool_use', id: 'x', name: 'y', input: {} }])] },
      message:
        "messages.0.content.0.type: Input tag 'tool_use' found using 'type' does not match any of the expected tags: 'text', 'image', 'document', 'tool_result'",
    },
    {
      rule: 'image media types are Anthropic’s four',
      body: {
        ...base,
        messages: [
          user([
            { type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AAAA' } },
          ]),
        ],
      },
      message:
        "messages.0.content.0.source.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif', 'image/webp'",
    },
    {
      rule: 'documents are PDFs when base64',
      body: {
        ...base,
        messages: [
          user([
            { type: 'document', source: { type: 'base64', media_type: 'text/csv', data: 'AAAA' } },
          ]),
        ],
      },
      message: "messages.0.content.0.source.media_type: Input should be 'application/pdf'",
    },
    {
      rule: 'a tool_result answers a tool_use of the previous assistant turn',
      body: {
        ...base,
        messages: [
          user('Hi'),
          { role: 'assistant', content: 'Hello' },
          user([{ type: 'tool_result', tool_use_id: 'toolu_nope', content: 'x' }]),
        ],
      },
      message:
        'messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_nope. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    },
    {
      rule: 'every tool_use is answered in the next turn',
      body: {
        ...base,
        tools: [tool],
        messages: [
          user('Hi'),
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} }],
          },
          user('Never mind'),
        ],
      },
      message:
        'messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
    },
    {
      rule: 'tool_result blocks come first',
      body: {
        ...base,
        tools: [tool],
        messages: [
          user('Hi'),
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} }],
          },
          user([
            { type: 'text', text: 'Here:' },
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'x' },
          ]),
        ],
      },
      message:
        'messages.2.content.1: `tool_result` blocks must come first in the content of a user message, before any other block.',
    },
    {
      rule: 'tools need a name',
      body: { ...base, tools: [{ input_schema: { type: 'object' } }] },
      message: 'tools.0.name: Field required',
    },
    {
      rule: 'tools need an input_schema',
      body: { ...base, tools: [{ name: 'lookup' }] },
      message: 'tools.0.input_schema: Field required',
    },
    {
      rule: 'tool_choice types are auto, any, tool and none',
      body: { ...base, tools: [tool], tool_choice: { type: 'required' } },
      message:
        "tool_choice.type: Input tag 'required' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'",
    },
    {
      rule: 'tool_choice tool names one of the tools',
      body: { ...base, tools: [tool], tool_choice: { type: 'tool', name: 'other' } },
      message: "tool_choice.tool.name: Tool 'other' not found in 'tools'.",
    },
    {
      rule: 'temperature is between 0 and 1',
      body: { ...base, temperature: 1.5 },
      message: 'temperature: Input should be less than or equal to 1',
    },
    {
      rule: 'thinking budget is at least 1024',
      body: { ...base, thinking: { type: 'enabled', budget_tokens: 512 } },
      message: 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
    },
    {
      rule: 'thinking budget is below max_tokens',
      body: { ...base, max_tokens: 1500, thinking: { type: 'enabled', budget_tokens: 1500 } },
      message: `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${THINKING_DOCS}#max-tokens-and-context-window-size`,
    },
    {
      rule: 'thinking takes temperature 1 only',
      body: { ...base, temperature: 0.5, thinking: { type: 'enabled', budget_tokens: 1024 } },
      message: `\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`,
    },
    {
      rule: 'thinking refuses top_k',
      body: { ...base, top_k: 5, thinking: { type: 'enabled', budget_tokens: 1024 } },
      message: `\`top_k\` is not compatible with thinking. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`,
    },
    {
      rule: 'thinking takes top_p from 0.95 only',
      body: { ...base, top_p: 0.9, thinking: { type: 'enabled', budget_tokens: 1024 } },
      message: `\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`,
    },
    {
      rule: 'thinking refuses forced tool use',
      body: {
        ...base,
        tools: [tool],
        tool_choice: { type: 'any' },
        thinking: { type: 'enabled', budget_tokens: 1024 },
      },
      message: 'Thinking may not be enabled when tool_choice forces tool use.',
    },
    {
      rule: 'adaptive-only models refuse enabled thinking (seen live)',
      body: {
        ...base,
        model: 'claude-sonnet-4-6-default',
        thinking: { type: 'enabled', budget_tokens: 1024 },
      },
      message:
        '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
    },
    {
      rule: 'budget models refuse adaptive thinking',
      body: { ...base, thinking: { type: 'adaptive' } },
      message:
        "thinking.type: adaptive thinking is not supported on model 'claude-haiku-4-5-20251001'; use thinking.type 'enabled' with budget_tokens.",
    },
    {
      rule: 'output_config belongs to adaptive models',
      body: { ...base, output_config: { effort: 'low' } },
      message:
        "output_config.effort: effort is not supported on model 'claude-haiku-4-5-20251001'.",
    },
    {
      rule: 'effort is low, medium, high or max',
      body: {
        ...base,
        model: 'claude-opus-4-6-default',
        thinking: { type: 'adaptive' },
        output_config: { effort: 'xhigh' },
      },
      message: "output_config.effort: Input should be 'low', 'medium', 'high', 'max'",
    },
    {
      rule: 'at most four cache breakpoints',
      body: {
        ...base,
        system: [1, 2, 3, 4, 5].map((n) => ({
          type: 'text',
          text: `Part ${n}`,
          cache_control: { type: 'ephemeral' },
        })),
      },
      message: 'A maximum of 4 blocks with cache_control may be provided. Found 5.',
    },
    {
      rule: 'with thinking, a final assistant tool turn starts with its thinking block',
      body: {
        ...base,
        tools: [tool],
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [
          user('Look it up'),
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Looking.' },
              { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} },
            ],
          },
          user([{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'found' }]),
        ],
      },
      message:
        'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceding the lastmost set of `tool_use` and `tool_result` blocks). To avoid this requirement, disable `thinking`.',
    },
  ])('$rule', async ({ body, message }) => {
    const result = await messages(emulator, body);
    expect(result.status).toBe(400);
    expect(result.json).toEqual(anthropicError(message));
  });

  it('accepts consecutive same-role messages, which Anthropic merges into one turn', async () => {
    const result = await messages(emulator, { ...base, messages: [user('Hello'), user('again')] });
    expect(result.status).toBe(200);
    expect((result.json as { content: Array<{ text: string }> }).content[0]!.text).toBe(
      'You said: "Hello\nagain". This is a deterministic reply from the Langdock emulator.',
    );
  });

  it('accepts temperature 1, top_p 0.95 and tool_choice auto together with thinking', async () => {
    const result = await messages(emulator, {
      ...base,
      temperature: 1,
      top_p: 0.95,
      tools: [tool],
      tool_choice: { type: 'auto' },
      thinking: { type: 'enabled', budget_tokens: 1024 },
    });
    expect(result.status).toBe(200);
  });
});

describe('sampling deprecated on Claude Opus 4.8 and Sonnet 5', () => {
  it.each([
    { model: 'claude-opus-4-8-default', body: { temperature: 0.2 }, refused: 'temperature' },
    { model: 'claude-sonnet-5-default', body: { top_p: 0.9 }, refused: 'top_p' },
    { model: 'claude-opus-4-8-default', body: { top_k: 40 }, refused: 'top_k' },
    { model: 'claude-opus-4-8-default', body: { temperature: 1, top_p: 1 }, refused: undefined },
    { model: 'claude-sonnet-4-6-default', body: { temperature: 0.2 }, refused: undefined },
  ])('$model with $body -> $refused refused', async ({ model, body, refused }) => {
    const result = await messages(emulator, { ...base, model, ...body });
    expect({
      status: result.status,
      json: refused === undefined ? undefined : result.json,
    }).toEqual(
      refused === undefined
        ? { status: 200, json: undefined }
        : { status: 400, json: anthropicError(`\`${refused}\` is deprecated for this model.`) },
    );
  });
});

describe('models', () => {
  it('answers an unknown model with Langdock’s list in its {message} shape', async () => {
    const result = await messages(emulator, { ...base, model: 'eu.anthropic.claude-sonnet-4-6' });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      message:
        'Invalid model, available models are: claude-sonnet-4-6-default, claude-opus-4-6-default, claude-opus-4-8-default, claude-sonnet-5-default, claude-haiku-4-5-20251001, claude-sonnet-4-5-20250929, claude-opus-4-1-20250805',
    });
  });

  it('serves no OpenAI model on the Anthropic route, and no Claude on the OpenAI route', async () => {
    const gpt = await messages(emulator, { ...base, model: 'gpt-4.1' });
    expect(gpt.status).toBe(400);
    const claude = await call(`${emulator.baseURL}/chat/completions`, {
      body: { model: 'claude-sonnet-4-6-default', messages: [user('Hi')] },
    });
    expect(claude.status).toBe(404);
  });
});

describe('route, key and version header', () => {
  const url = (region = 'eu', dedicated = false): string =>
    `${emulator.anthropicBaseURLFor(region, { dedicated })}/messages`;

  it('takes the key as Authorization: Bearer or as x-api-key, also under /api/public', async () => {
    const bearer = await call(url(), { body: base, headers: ANTHROPIC_HEADERS });
    const apiKey = await call(url('us', true), {
      key: null,
      body: base,
      headers: { ...ANTHROPIC_HEADERS, 'x-api-key': 'test-key' },
    });
    expect([bearer.status, apiKey.status]).toEqual([200, 200]);
  });

  it.each([
    { name: 'no key', headers: {} as Record<string, string> },
    { name: 'an empty x-api-key', headers: { 'x-api-key': '' } },
    { name: 'an unknown key', headers: { 'x-api-key': 'other-key' } },
  ])('answers $name with 401 in Langdock’s shape', async ({ headers }) => {
    const result = await call(url(), {
      key: null,
      body: base,
      headers: { ...ANTHROPIC_HEADERS, ...headers },
    });
    expect(result.status).toBe(401);
    expect(result.json).toEqual({ message: 'The provided API key is invalid.' });
  });

  it('requires anthropic-version (an assumption about Langdock)', async () => {
    const result = await call(url(), { body: base });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(anthropicError('anthropic-version: header is required'));
  });

  it('answers an unknown region with 404 and a wrong method with 405', async () => {
    const region = await call(url('ap'), { body: base, headers: ANTHROPIC_HEADERS });
    expect([region.status, region.json]).toEqual([
      404,
      { message: "Region 'ap' does not exist. Use 'eu' or 'us'." },
    ]);
    const method = await call(url(), { method: 'GET', headers: ANTHROPIC_HEADERS });
    expect([method.status, method.headers.get('allow')]).toEqual([405, 'POST']);
  });
});
