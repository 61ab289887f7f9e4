// The `langdock-emulator` command, spawned as users run it, driven by the official `openai` SDK.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODEL_TABLE } from '../../../emulator/index';

const KEY = 'sdk-cli-key';
// gpt-35-turbo gets one request per minute, so the rate-limit rule can be hit without touching other models.
const COMMON_FLAGS = [
  '--port',
  '0',
  '--api-key',
  KEY,
  '--allow-json-schema',
  '--model-rpm',
  'gpt-35-turbo=1',
  '--quiet',
];

interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
}

let dir: string;
const running: RunningCli[] = [];

async function startCli(cliPath: string, flags: readonly string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [cliPath, ...COMMON_FLAGS, ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push({ child, url: '' });
  child.stdout.setEncoding('utf8');
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (data: string) => {
      text += data;
      if (text.includes('US base URL')) resolve(text);
    });
    child.once('exit', (code) =>
      reject(new Error(`the CLI exited with ${String(code)} before listening: ${text}`)),
    );
  });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
  if (url === undefined) throw new Error(`no URL in: ${output}`);
  return { child, url };
}

let layered: RunningCli;
let openaiShaped: RunningCli;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'langdock-emulator-sdk-'));
  const cliPath = join(dir, 'cli.mjs');
  await build({
    entryPoints: ['emulator/cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: cliPath,
    logLevel: 'silent',
  });
  layered = await startCli(cliPath, []);
  openaiShaped = await startCli(cliPath, ['--error-shape', 'openai', '--no-retry-after']);
}, 30_000);

afterAll(async () => {
  for (const { child } of running) {
    if (child.exitCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

function sdk(
  cli: RunningCli,
  options: { apiKey?: string; region?: string; headers?: Record<string, string> } = {},
): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? KEY,
    baseURL: `${cli.url}/openai/${options.region ?? 'eu'}/v1`,
    maxRetries: 0,
    ...(options.headers === undefined ? {} : { defaultHeaders: options.headers }),
  });
}

const reply = (text: string): string =>
  `You said: "${text}". This is a deterministic reply from the Langdock emulator.`;
const user = (content: string): Array<{ role: 'user'; content: string }> => [
  { role: 'user', content },
];

describe('the official openai SDK against the spawned CLI', () => {
  it('creates a chat completion', async () => {
    const completion = await sdk(layered).chat.completions.create({
      model: 'gpt-4.1',
      messages: user('Hello CLI'),
    });
    expect(completion.choices[0]?.message.content).toBe(reply('Hello CLI'));
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBe(3);
  });

  it('streams, and the stream helper assembles the same text', async () => {
    const client = sdk(layered);
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1',
      stream: true,
      messages: user('Stream CLI'),
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(reply('Stream CLI'));
    const final = await client.chat.completions
      .stream({ model: 'gpt-4.1', messages: user('Stream CLI') })
      .finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe(text);
  });

  it('runs a tool with runTools and answers from its result', async () => {
    const calls: string[] = [];
    const runner = sdk(layered).chat.completions.runTools({
      model: 'gpt-4.1',
      messages: user('What is the weather in Lisbon?'),
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Get the weather for a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
              additionalProperties: false,
            },
            parse: (input: string): { city: string } => JSON.parse(input) as { city: string },
            function: ({ city }: { city: string }) => {
              calls.push(city);
              return { forecast: `sunny in ${city}` };
            },
          },
        },
      ],
    });
    expect(await runner.finalContent()).toBe(
      'Based on the tool results: get_weather returned {"forecast":"sunny in Lisbon"}.',
    );
    expect(calls).toEqual(['Lisbon']);
  });

  it('answers JSON mode with JSON, and parse() with an object matching the zod schema', async () => {
    const client = sdk(layered);
    const json = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: user('Answer in JSON please'),
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toEqual({
      answer: reply('Answer in JSON please'),
    });
    const City = z.object({ name: z.string(), population: z.number() });
    const parsed = await client.chat.completions.parse({
      model: 'gpt-4.1',
      messages: user('Describe Lisbon'),
      response_format: zodResponseFormat(City, 'city'),
    });
    expect(City.safeParse(parsed.choices[0]?.message.parsed).success).toBe(true);
  });

  it('creates embeddings with the SDK’s default base64 encoding and decodes them', async () => {
    const client = sdk(layered);
    const small = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one', 'two'],
    });
    expect(small.data.map((item) => item.embedding.length)).toEqual([1536, 1536]);
    const short = await client.embeddings.create({
      model: 'text-embedding-3-large',
      input: 'one',
      dimensions: 256,
    });
    expect(short.data[0]?.embedding).toHaveLength(256);
    const norm = Math.hypot(...(short.data[0]?.embedding ?? []));
    expect(Math.abs(norm - 1)).toBeLessThan(1e-5);
  });

  it('lists the models of the emulator’s table', async () => {
    const ids: string[] = [];
    for await (const model of sdk(layered).models.list()) ids.push(model.id);
    expect(ids).toEqual(MODEL_TABLE.map((row) => row.id));
  });

  it('serves 50 concurrent streams', async () => {
    const client = sdk(layered);
    const texts = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const stream = await client.chat.completions.create({
          model: 'gpt-4o',
          stream: true,
          messages: user(`stream ${i}`),
        });
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        return text;
      }),
    );
    expect(texts).toEqual(Array.from({ length: 50 }, (_, i) => reply(`stream ${i}`)));
  });
});

type Layer = 'gateway' | 'backend';

interface Refusal {
  rule: string;
  layer: Layer;
  status: number;
  words: string;
  send: (cli: RunningCli) => Promise<unknown>;
}

/** Parameters the SDK's types do not allow, sent as the SDK would send any body. */
function loose(body: Record<string, unknown>): ChatCompletionCreateParamsNonStreaming {
  return body as unknown as ChatCompletionCreateParamsNonStreaming;
}

const chatWith = (body: Record<string, unknown>) => (cli: RunningCli) =>
  sdk(cli).chat.completions.create(loose({ model: 'gpt-4.1', messages: user('x'), ...body }));

const refusals: Refusal[] = [
  {
    rule: 'wrong key',
    layer: 'gateway',
    status: 401,
    words: 'The provided API key is invalid.',
    send: (cli) => sdk(cli, { apiKey: 'wrong' }).models.list(),
  },
  {
    rule: 'browser origin',
    layer: 'gateway',
    status: 403,
    words: 'Requests from browsers are not allowed.',
    send: (cli) => sdk(cli, { headers: { origin: 'https://app.example' } }).models.list(),
  },
  {
    rule: 'unknown region',
    layer: 'gateway',
    status: 404,
    words: "Region 'asia' does not exist. Use 'eu' or 'us'.",
    send: (cli) => sdk(cli, { region: 'asia' }).models.list(),
  },
  {
    rule: 'unknown route',
    layer: 'gateway',
    status: 404,
    words: 'No route for POST /openai/eu/v1/completions.',
    send: (cli) => sdk(cli).completions.create({ model: 'gpt-4.1', prompt: 'x' }),
  },
  {
    rule: 'wrong method',
    layer: 'gateway',
    status: 405,
    words: 'Use POST for /chat/completions.',
    send: (cli) => sdk(cli).get('/chat/completions'),
  },
  {
    rule: 'invalid JSON',
    layer: 'gateway',
    status: 400,
    words: 'Request body is not valid JSON.',
    send: (cli) =>
      sdk(cli).post('/chat/completions', {
        body: '{"model": ',
        headers: { 'content-type': 'application/json' },
      }),
  },
  ...(
    [
      ['n', { n: 2 }],
      ['service_tier', { service_tier: 'auto' }],
      ['parallel_tool_calls', { parallel_tool_calls: false }],
      ['stream_options', { stream_options: { include_usage: true } }],
    ] as const
  ).map(([name, body]): Refusal => ({
    rule: `Langdock's unsupported ${name}`,
    layer: 'gateway',
    status: 400,
    words: `'${name}' is not supported by the Langdock API. Remove it from the request.`,
    send: chatWith(body),
  })),
  {
    rule: 'unknown parameter',
    layer: 'backend',
    status: 400,
    words: 'Unrecognized request argument supplied: top_k',
    send: chatWith({ top_k: 3 }),
  },
  {
    rule: 'unknown model',
    layer: 'backend',
    status: 404,
    words: "Model 'gpt-9' not found.",
    send: chatWith({ model: 'gpt-9' }),
  },
  {
    rule: 'embedding model cannot chat',
    layer: 'backend',
    status: 400,
    words: "Model 'text-embedding-3-small' does not support chat completions.",
    send: chatWith({ model: 'text-embedding-3-small' }),
  },
  {
    rule: 'reasoning_effort the model does not take',
    layer: 'backend',
    status: 400,
    words:
      "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model. Supported values are: 'low', 'medium', and 'high'.",
    send: chatWith({ model: 'o1', reasoning_effort: 'minimal' }),
  },
  {
    rule: 'reasoning_effort on a model without reasoning',
    layer: 'backend',
    status: 400,
    words: 'Unrecognized request argument supplied: reasoning_effort',
    send: chatWith({ reasoning_effort: 'low' }),
  },
  {
    rule: 'max_tokens on a reasoning model',
    layer: 'backend',
    status: 400,
    words:
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    send: chatWith({ model: 'o4-mini', max_tokens: 5 }),
  },
  {
    rule: 'temperature at an effort that refuses it',
    layer: 'backend',
    status: 400,
    words:
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
    send: chatWith({ model: 'gpt-5.1', reasoning_effort: 'low', temperature: 0.2 }),
  },
  {
    rule: 'logprobs on a reasoning model',
    layer: 'backend',
    status: 400,
    words: "Unsupported parameter: 'logprobs' is not supported with this model.",
    send: chatWith({ model: 'o3', logprobs: true }),
  },
  {
    rule: 'logit_bias on a reasoning model',
    layer: 'backend',
    status: 400,
    words: "Unsupported parameter: 'logit_bias' is not supported with this model.",
    send: chatWith({ model: 'gpt-5', logit_bias: { '1': 2 } }),
  },
  {
    rule: 'a tool message without a preceding call',
    layer: 'backend',
    status: 400,
    words: "with role 'tool' must be a response to a preceding message with 'tool_calls'.",
    send: chatWith({
      messages: [...user('x'), { role: 'tool', tool_call_id: 'call_1', content: 'sunny' }],
    }),
  },
  {
    rule: 'an unknown role',
    layer: 'backend',
    status: 400,
    words: "'messages[0].role' must be one of system, developer, user, assistant, tool, function.",
    send: chatWith({ messages: [{ role: 'robot', content: 'x' }] }),
  },
  {
    rule: 'json_object without the word json',
    layer: 'backend',
    status: 400,
    words: "'messages' must contain the word 'json' in some form",
    send: chatWith({ response_format: { type: 'json_object' } }),
  },
  {
    rule: 'five stop sequences',
    layer: 'backend',
    status: 400,
    words: "'stop' has 5 sequences; at most 4 are allowed.",
    send: chatWith({ stop: ['a', 'b', 'c', 'd', 'e'] }),
  },
  {
    rule: 'tool_choice without tools',
    layer: 'backend',
    status: 400,
    words: "'tool_choice' is only allowed when 'tools' are specified.",
    send: chatWith({ tool_choice: 'auto' }),
  },
  {
    rule: 'top_logprobs without logprobs',
    layer: 'backend',
    status: 400,
    words: "'top_logprobs' requires 'logprobs' to be true.",
    send: chatWith({ top_logprobs: 2 }),
  },
  {
    rule: 'temperature out of range',
    layer: 'backend',
    status: 400,
    words: "'temperature' must be a number between 0 and 2.",
    send: chatWith({ temperature: 3 }),
  },
  {
    rule: 'verbosity out of its values',
    layer: 'backend',
    status: 400,
    words: "'verbosity' must be one of low, medium, high.",
    send: chatWith({ verbosity: 'loud' }),
  },
  {
    rule: 'store that is not a boolean',
    layer: 'backend',
    status: 400,
    words: "'store' must be a boolean.",
    send: chatWith({ store: 'yes' }),
  },
  {
    rule: 'an image detail out of its values',
    layer: 'backend',
    status: 400,
    words: "'messages[0].content[0].image_url.detail' must be one of auto, low, high.",
    send: chatWith({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==', detail: 'max' } },
          ],
        },
      ],
    }),
  },
  {
    rule: 'dimensions on text-embedding-ada-002',
    layer: 'backend',
    status: 400,
    words: "'dimensions' is not supported by model 'text-embedding-ada-002'",
    send: (cli) =>
      sdk(cli).embeddings.create({ model: 'text-embedding-ada-002', input: 'x', dimensions: 8 }),
  },
  {
    rule: 'an embedding input over 8192 tokens',
    layer: 'backend',
    status: 400,
    words: "'input[0]' has about 8193 tokens; the maximum is 8192 tokens per input.",
    send: (cli) =>
      sdk(cli).embeddings.create({
        model: 'text-embedding-3-small',
        input: 'x'.repeat(8192 * 4 + 1),
      }),
  },
];

async function refusal(
  send: () => Promise<unknown>,
): Promise<InstanceType<typeof OpenAI.APIError>> {
  const outcome = await send().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof OpenAI.APIError))
    throw new Error(`expected an APIError, got ${String(outcome)}`);
  return outcome;
}

describe('every refusal of the emulator, as the SDK reports it', () => {
  it.each(refusals)(
    '--error-shape openai: $rule -> $status with the emulator’s words',
    async ({ send, status, words }) => {
      const error = await refusal(() => send(openaiShaped));
      expect(error.status).toBe(status);
      expect(error.message).toContain(words);
    },
  );

  it.each(refusals)(
    'layered (the default): $rule is a $layer refusal',
    async ({ send, status, words, layer }) => {
      const error = await refusal(() => send(layered));
      expect(error.status).toBe(status);
      // The SDK reads only OpenAI's `{error}`; Langdock's gateway `{message}` reaches it without text, as from Langdock itself.
      if (layer === 'backend') expect(error.message).toContain(words);
      else expect(error.message).toBe(`${status} status code (no body)`);
    },
  );

  it.each([
    {
      shape: 'layered',
      cli: () => layered,
      message: '429 status code (no body)',
      retryAfter: '60',
    },
    {
      shape: 'openai',
      cli: () => openaiShaped,
      message: '429 Rate limit for public API exceeded',
      retryAfter: null,
    },
  ])('rate limit ($shape): 429, retry-after $retryAfter', async ({ cli, message, retryAfter }) => {
    const client = sdk(cli());
    await client.chat.completions.create({ model: 'gpt-35-turbo', messages: user('first') });
    const error = await refusal(() =>
      client.chat.completions.create({ model: 'gpt-35-turbo', messages: user('second') }),
    );
    expect(error.status).toBe(429);
    expect(error.message).toBe(message);
    expect(error.headers?.get('retry-after') ?? null).toBe(retryAfter);
  });
});
