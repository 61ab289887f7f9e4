import {
  APICallError,
  type LanguageModelV2,
  type LanguageModelV2StreamPart,
} from '@ai-sdk/provider';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type ScriptedResponse,
} from '../../emulator/index';
import { createLangdock } from '../../src/v2/index';

// Each fault a real server can produce, with what the user must see. Never a hang, never a tool call
// with cut-off arguments, never the key in anything the provider produces.

const API_KEY = 'ld-fault-table-key-9f8e7d6c5b4a';
const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];

const chunk = (delta: object, finish_reason: string | null = null) => ({
  id: 'chatcmpl-f',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta, finish_reason }],
});
const textChunks = [
  chunk({ role: 'assistant', content: '' }),
  chunk({ content: 'Hello' }),
  chunk({ content: ' world' }),
  chunk({}, 'stop'),
];
const toolChunks = [
  chunk({
    role: 'assistant',
    tool_calls: [
      { index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '' } },
    ],
  }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: '"Berlin"}' } }] }),
  chunk({}, 'tool_calls'),
];

interface Outcome {
  thrown?: unknown;
  parts?: LanguageModelV2StreamPart[];
  streamError?: unknown;
  text?: string;
  elapsedMs: number;
}

type Call = 'generate' | 'stream';

interface Fault {
  name: string;
  call: Call;
  script: ScriptedResponse[];
  abortAfterMs?: number;
  expectOutcome: (outcome: Outcome) => void;
}

let emulator: LangdockEmulator;
let model: LanguageModelV2;
const produced: unknown[] = [];

// Anything written to the console or stderr while the faults run counts as debug output to search.
const printed: string[] = [];
const restoreOutput: Array<() => void> = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      printed.push(inspect(args, { depth: 8 }));
      original.apply(console, args);
    };
    restoreOutput.push(() => {
      console[method] = original;
    });
  }
  const writeStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    printed.push(String(chunk));
    return writeStderr(chunk, ...rest);
  }) as typeof process.stderr.write;
  restoreOutput.push(() => {
    process.stderr.write = writeStderr;
  });
  process.on('warning', onProcessWarning);
  emulator = await startLangdockEmulator({
    apiKeys: [API_KEY],
    logger: (line) => printed.push(line),
  });
  model = createLangdock({ apiKey: API_KEY, baseURL: emulator.baseURL })('gpt-4.1');
});
afterAll(async () => {
  for (const restore of restoreOutput) restore();
  process.off('warning', onProcessWarning);
  await emulator.close();
});

function onProcessWarning(warning: Error) {
  printed.push(inspect(warning));
}

async function run(call: Call, abortAfterMs?: number): Promise<Outcome> {
  const started = performance.now();
  const abortSignal = abortAfterMs === undefined ? undefined : AbortSignal.timeout(abortAfterMs);
  const outcome: Omit<Outcome, 'elapsedMs'> = {};
  try {
    if (call === 'generate') {
      const result = await model.doGenerate({ prompt, abortSignal });
      produced.push(result.warnings);
      outcome.text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    } else {
      const { stream } = await model.doStream({ prompt, abortSignal });
      const parts: LanguageModelV2StreamPart[] = [];
      outcome.parts = parts;
      const reader = stream.getReader();
      try {
        for (let next = await reader.read(); !next.done; next = await reader.read())
          parts.push(next.value);
      } catch (error) {
        outcome.streamError = error;
      }
      outcome.text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
    }
  } catch (error) {
    outcome.thrown = error;
  }
  produced.push(outcome);
  return { ...outcome, elapsedMs: performance.now() - started };
}

const errorParts = (outcome: Outcome) =>
  (outcome.parts ?? [])
    .filter((part) => part.type === 'error')
    .map((part) => (part as { error: Error }).error);
const finishOf = (outcome: Outcome) => outcome.parts?.at(-1);
const toolCallsOf = (outcome: Outcome) =>
  (outcome.parts ?? []).filter((part) => part.type === 'tool-call');

function expectApiError(
  outcome: Outcome,
  { status, retryable, message }: { status?: number; retryable: boolean; message: string | RegExp },
) {
  expect(APICallError.isInstance(outcome.thrown)).toBe(true);
  const error = outcome.thrown as APICallError;
  if (status !== undefined) expect(error.statusCode).toBe(status);
  expect(error.isRetryable).toBe(retryable);
  expect(error.message).toMatch(message);
}

function expectCleanEndWithError(outcome: Outcome, message: RegExp) {
  expect(outcome.thrown).toBeUndefined();
  expect(outcome.streamError).toBeUndefined();
  expect(errorParts(outcome).some((error) => message.test(String((error as Error).message)))).toBe(
    true,
  );
  expect(finishOf(outcome)).toMatchObject({ type: 'finish', finishReason: 'error' });
}

const faults: Fault[] = [
  {
    name: 'connection reset before headers (generate)',
    call: 'generate',
    script: [{ type: 'reset' }],
    expectOutcome: (o) => expectApiError(o, { retryable: true, message: /Cannot connect to API/ }),
  },
  {
    name: 'connection reset before headers (stream)',
    call: 'stream',
    script: [{ type: 'reset' }],
    expectOutcome: (o) => expectApiError(o, { retryable: true, message: /Cannot connect to API/ }),
  },
  {
    name: 'connection reset mid-stream',
    call: 'stream',
    script: [{ type: 'stream', chunks: textChunks, cutAfter: 2 }],
    expectOutcome: (o) => {
      expectCleanEndWithError(o, /connection to Langdock was lost/);
      expect(o.text).toBe('Hello');
    },
  },
  {
    name: 'connection reset mid-tool-call',
    call: 'stream',
    script: [{ type: 'stream', chunks: toolChunks, cutAfter: 2 }],
    expectOutcome: (o) => {
      expectCleanEndWithError(o, /connection to Langdock was lost/);
      expect(toolCallsOf(o)).toEqual([]);
    },
  },
  {
    name: 'stream that ends with a finish reason but without [DONE]',
    call: 'stream',
    script: [{ type: 'stream', chunks: textChunks, done: false }],
    expectOutcome: (o) => {
      expect(errorParts(o)).toEqual([]);
      expect(o.text).toBe('Hello world');
      expect(finishOf(o)).toMatchObject({ finishReason: 'stop' });
    },
  },
  {
    name: 'stream that ends without a finish reason, mid-tool-call',
    call: 'stream',
    script: [{ type: 'stream', chunks: toolChunks.slice(0, 2), done: false }],
    expectOutcome: (o) => {
      expectCleanEndWithError(o, /ended before tool call call_1 \(weather\) was complete/);
      expect(toolCallsOf(o)).toEqual([]);
    },
  },
  {
    name: 'stream that ends without a finish reason, text',
    call: 'stream',
    script: [{ type: 'stream', chunks: textChunks.slice(0, 3) }],
    expectOutcome: (o) => expectCleanEndWithError(o, /ended without a finish reason/),
  },
  {
    name: '{error} event mid-stream',
    call: 'stream',
    script: [
      {
        type: 'stream',
        chunks: [
          textChunks[1]!,
          {
            error: {
              message: 'The server had an error while processing your request.',
              type: 'server_error',
            },
          },
        ],
      },
    ],
    expectOutcome: (o) =>
      expectCleanEndWithError(o, /Langdock reported an error mid-stream: The server had an error/),
  },
  {
    name: 'a server that echoes the key inside the stream (error event, malformed chunk)',
    call: 'stream',
    script: [
      {
        type: 'stream',
        chunks: [
          textChunks[1]!,
          `{"echo": "${API_KEY}`,
          { error: { message: `Invalid key ${API_KEY}` } },
        ],
      },
    ],
    expectOutcome: (o) => {
      expectCleanEndWithError(o, /Langdock reported an error mid-stream: Invalid key \[redacted\]/);
      expect(inspect(o.parts, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    },
  },
  {
    name: 'a 200 HTML page that echoes the key',
    call: 'stream',
    script: [
      {
        type: 'response',
        status: 200,
        body: `<html><title>Token ${API_KEY} rejected</title></html>`,
      },
    ],
    expectOutcome: (o) =>
      expectApiError(o, { status: 200, retryable: false, message: /Token \[redacted\] rejected/ }),
  },
  {
    name: 'malformed JSON chunk',
    call: 'stream',
    script: [
      { type: 'stream', chunks: [textChunks[1]!, '{"choices":[{"delta":', ...textChunks.slice(2)] },
    ],
    expectOutcome: (o) => {
      expectCleanEndWithError(o, /JSON parsing failed/);
      expect(o.text).toBe('Hello world');
    },
  },
  {
    name: '200 with an HTML body (generate)',
    call: 'generate',
    script: [
      {
        type: 'response',
        status: 200,
        body: '<html><head><title>Single sign-on</title></head></html>',
      },
    ],
    expectOutcome: (o) =>
      expectApiError(o, {
        status: 200,
        retryable: false,
        message: /not JSON: the server answered with an HTML page: "Single sign-on"/,
      }),
  },
  {
    name: '200 with an HTML body (stream)',
    call: 'stream',
    script: [
      {
        type: 'response',
        status: 200,
        body: '<html><head><title>Single sign-on</title></head></html>',
      },
    ],
    expectOutcome: (o) =>
      expectApiError(o, {
        status: 200,
        retryable: false,
        message: /instead of an event stream: the server answered with an HTML page/,
      }),
  },
  {
    name: '429 with retry-after',
    call: 'generate',
    script: [
      {
        type: 'response',
        status: 429,
        body: { message: 'Rate limit for public API exceeded' },
        headers: { 'retry-after': '3' },
      },
    ],
    expectOutcome: (o) => {
      expectApiError(o, {
        status: 429,
        retryable: true,
        message: /Rate limit for public API exceeded\. The workspace limit is 500 requests/,
      });
      expect((o.thrown as APICallError).responseHeaders?.['retry-after']).toBe('3');
    },
  },
  {
    name: '429 without retry-after',
    call: 'stream',
    script: [
      { type: 'response', status: 429, body: { message: 'Rate limit for public API exceeded' } },
    ],
    expectOutcome: (o) => {
      expectApiError(o, {
        status: 429,
        retryable: true,
        message: /Rate limit for public API exceeded/,
      });
      expect((o.thrown as APICallError).responseHeaders?.['retry-after']).toBeUndefined();
    },
  },
  ...(
    [
      [
        500,
        { error: { message: 'Internal server error', type: 'server_error' } },
        /500: Internal server error\. Langdock had a server error/,
      ],
      [
        502,
        '<html><head><title>502 Bad Gateway</title></head></html>',
        /502: the server answered with an HTML page: "502 Bad Gateway"\. A gateway/,
      ],
      [
        503,
        { message: 'Service unavailable' },
        /503: Service unavailable\. Langdock is temporarily unavailable/,
      ],
    ] as const
  ).map(([status, body, message]): Fault => ({
    name: `${status}`,
    call: 'generate',
    script: [{ type: 'response', status, body }],
    expectOutcome: (o) => expectApiError(o, { status, retryable: true, message }),
  })),
  {
    // Langdock's proxy ends a non-streaming call after about 100 s; a retry would run and bill it again.
    name: '524',
    call: 'generate',
    script: [
      { type: 'response', status: 524, body: '<html><title>A timeout occurred</title></html>' },
    ],
    expectOutcome: (o) =>
      expectApiError(o, {
        status: 524,
        retryable: false,
        message:
          /524: Langdock's proxy stopped waiting for the answer after about 100 seconds \(its page: "A timeout occurred"\)\. The model may still be running/,
      }),
  },
  {
    name: 'server that stalls before headers, ended by a timeout signal',
    call: 'generate',
    script: [{ type: 'stall' }],
    abortAfterMs: 150,
    expectOutcome: (o) => {
      expect((o.thrown as Error).name).toMatch(/AbortError|TimeoutError/);
      expect(o.elapsedMs).toBeLessThan(5000);
    },
  },
  {
    name: 'server that stalls mid-stream, ended by a timeout signal',
    call: 'stream',
    script: [{ type: 'stream', chunks: textChunks.slice(0, 2), done: false, delayMs: 60_000 }],
    abortAfterMs: 300,
    expectOutcome: (o) => {
      expect((o.streamError ?? o.thrown) as Error).toMatchObject({
        name: expect.stringMatching(/AbortError|TimeoutError/),
      });
      expect(o.elapsedMs).toBeLessThan(5000);
    },
  },
  {
    name: 'non-streaming response larger than 50 MB',
    call: 'generate',
    script: [
      {
        type: 'response',
        status: 200,
        body: {
          choices: [{ message: { content: 'x'.repeat(52 * 1024 * 1024) }, finish_reason: 'stop' }],
        },
      },
    ],
    expectOutcome: (o) => expectApiError(o, { retryable: false, message: /larger than/ }),
  },
  {
    name: 'a single stream event larger than 50 MB',
    call: 'stream',
    script: [{ type: 'stream', chunks: [chunk({ content: 'x'.repeat(52 * 1024 * 1024) })] }],
    expectOutcome: (o) => expectCleanEndWithError(o, /larger than/),
  },
];

describe('fault table', () => {
  it.each(faults.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    emulator.reset();
    emulator.script(...fault.script);
    const outcome = await run(fault.call, fault.abortAfterMs);
    fault.expectOutcome(outcome);
  });

  it('never shows the API key in any error, cause, serialized error, warning, part or printed line', () => {
    expect(produced.length).toBeGreaterThanOrEqual(faults.length);
    expect(printed.length).toBeGreaterThan(0);
    for (const line of printed) expect(line).not.toContain(API_KEY);
    const everything = inspect(produced, {
      depth: 12,
      getters: true,
      showHidden: true,
      maxStringLength: Infinity,
      maxArrayLength: Infinity,
    });
    expect(everything).toContain('Langdock');
    expect(everything).not.toContain(API_KEY);
    expect(
      JSON.stringify(produced, (_key, value) =>
        value instanceof Error
          ? { ...value, message: value.message, stack: value.stack, cause: inspect(value.cause) }
          : value,
      ),
    ).not.toContain(API_KEY);
  });
});
