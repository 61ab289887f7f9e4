// Usage the peers' suites expect: prediction tokens, reasoning tokens beyond completion tokens, and json_schema
// taken as json_object.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type LangdockEmulatorOptions,
} from '../../../emulator/index';
import { backendError, chat, sseChunks, userMessage } from '../helpers';

let emulator: LangdockEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});
async function start(options: LangdockEmulatorOptions = {}): Promise<LangdockEmulator> {
  emulator = await startLangdockEmulator({ rateLimit: false, ...options });
  return emulator;
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details: {
    reasoning_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}
const usageOf = (json: unknown): Usage => (json as { usage: Usage }).usage;
const REPLY = 'You said: "Hi". This is a deterministic reply from the Langdock emulator.';
const ask = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4.1',
  messages: [userMessage('Hi')],
  ...extra,
});

describe('prediction', () => {
  it.each([
    {
      name: 'the whole answer',
      content: REPLY,
      accepted: Math.ceil(REPLY.length / 4),
      rejected: 0,
    },
    {
      name: 'its first words, then something else',
      content: 'You said: "Hello there, general Kenobi"',
      accepted: Math.ceil('You said: "H'.length / 4),
      rejected:
        Math.ceil('You said: "Hello there, general Kenobi"'.length / 4) -
        Math.ceil('You said: "H'.length / 4),
    },
    { name: 'nothing alike', content: 'Lorem ipsum', accepted: 0, rejected: 3 },
  ])(
    'counts $name as accepted and rejected tokens, rejected ones billed as completion',
    async (row) => {
      const server = await start();
      const plain = usageOf((await chat(server, ask())).json);
      const result = await chat(
        server,
        ask({ prediction: { type: 'content', content: row.content } }),
      );
      const usage = usageOf(result.json);
      expect({
        accepted: usage.completion_tokens_details.accepted_prediction_tokens,
        rejected: usage.completion_tokens_details.rejected_prediction_tokens,
        completion: usage.completion_tokens,
        total: usage.total_tokens,
      }).toEqual({
        accepted: row.accepted,
        rejected: row.rejected,
        completion: plain.completion_tokens + row.rejected,
        total: plain.prompt_tokens + plain.completion_tokens + row.rejected,
      });
    },
  );

  it('reads text parts, and reports the counts in a streamed usage chunk', async () => {
    const server = await start({ streamUsage: true });
    const result = await chat(
      server,
      ask({
        stream: true,
        prediction: { type: 'content', content: [{ type: 'text', text: REPLY }] },
      }),
    );
    const usage = usageOf(sseChunks(result.text).at(-1));
    expect(usage.completion_tokens_details).toMatchObject({
      accepted_prediction_tokens: Math.ceil(REPLY.length / 4),
      rejected_prediction_tokens: 0,
    });
  });

  it('reports zeros without a prediction', async () => {
    const usage = usageOf((await chat(await start(), ask())).json);
    expect(usage.completion_tokens_details).toMatchObject({
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    });
  });
});

describe('reasoningTokensExceedCompletion', () => {
  it('reports 16 more reasoning tokens than completion tokens, non-streaming and streamed', async () => {
    const server = await start({ reasoningTokensExceedCompletion: true, streamUsage: true });
    const usage = usageOf((await chat(server, ask())).json);
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(usage.completion_tokens + 16);
    expect(usage.completion_tokens).toBe(Math.ceil(REPLY.length / 4));
    const streamed = usageOf(sseChunks((await chat(server, ask({ stream: true }))).text).at(-1));
    expect(streamed.completion_tokens_details.reasoning_tokens).toBe(
      streamed.completion_tokens + 16,
    );
  });

  it('is off by default: a plain model reports no reasoning tokens', async () => {
    const usage = usageOf((await chat(await start(), ask())).json);
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(0);
  });
});

describe('jsonSchemaAsJsonObject', () => {
  const format = {
    type: 'json_schema',
    json_schema: {
      name: 'greeting',
      strict: true,
      schema: { type: 'object', properties: { greeting: { type: 'string' } } },
    },
  };

  it('refuses json_schema without JSON in the messages, as json_object does', async () => {
    const server = await start({ jsonSchemaAsJsonObject: true });
    const result = await chat(server, ask({ response_format: format }));
    expect({ status: result.status, json: result.json }).toEqual({
      status: 400,
      json: backendError(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'messages',
      ),
    });
  });

  it('answers from the schema the messages give, not the strict json_schema', async () => {
    const server = await start({ jsonSchemaAsJsonObject: true });
    const result = await chat(server, {
      model: 'gpt-4.1',
      messages: [
        {
          role: 'system',
          content:
            'Reply in JSON matching this JSON schema: {"type":"object","properties":{"city":{"type":"string"}}}',
        },
        userMessage('Hi'),
      ],
      response_format: format,
    });
    const content = (result.json as { choices: Array<{ message: { content: string } }> }).choices[0]
      ?.message.content;
    expect(Object.keys(JSON.parse(content ?? '{}') as object)).toEqual(['city']);
  });

  it('answers a strict json_schema to its schema with allowJsonSchema alone', async () => {
    const server = await start({ allowJsonSchema: true });
    const result = await chat(server, ask({ response_format: format }));
    const content = (result.json as { choices: Array<{ message: { content: string } }> }).choices[0]
      ?.message.content;
    expect(Object.keys(JSON.parse(content ?? '{}') as object)).toEqual(['greeting']);
  });

  it('refuses a strict that is not a boolean', async () => {
    const server = await start({ allowJsonSchema: true });
    const result = await chat(
      server,
      ask({
        response_format: { ...format, json_schema: { ...format.json_schema, strict: 'yes' } },
      }),
    );
    expect(result.json).toEqual(
      backendError(
        "'response_format.json_schema.strict' must be a boolean.",
        'response_format.json_schema.strict',
        'invalid_type',
      ),
    );
  });
});
