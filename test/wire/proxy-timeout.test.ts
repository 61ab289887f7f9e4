// Issue #20, Langdock's 100-second cap: a non-streaming call slower than the proxy's timeout gets a 524, which
// the library reports once and does not retry; a streamed generate (opt-in on chat, the default on Messages and
// agents) outlives it.
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { echo, emulatorPerTest, failure, langdockOn, requestsTo, WIRE_KEY } from './wire-emulator';

const emulators = emulatorPerTest();
// The proxy gives up after 300 ms; the model takes a second.
const SLOW = { nonStreamingTimeoutMs: 300, latencyMs: 1_000 };
const NOT_RETRIED =
  'The model may still be running and billing this call, so it is not retried: a retry would run and bill it again.';

/** The message says what happened, that it is not retried, and how to stream instead. */
function expectTimeoutMessage(message: string, page: string): void {
  expect(message.startsWith(`Langdock API error 524: ${page}. ${NOT_RETRIED} `)).toBe(true);
  expect(message).toContain('stream the call (streamText)');
  expect(message).toContain('providerOptions.langdock.streamGenerate: true');
  expect(message).not.toContain(WIRE_KEY);
}

describe('a non-streaming chat completion past the proxy timeout', () => {
  it('is one APICallError 524 that says what happened and what to do, not retried by the AI SDK', async () => {
    const emulator = await emulators.start(SLOW);
    const langdock = langdockOn(emulator);
    const error = await failure(
      generateText({ model: langdock('gpt-4.1'), prompt: 'Write long.', maxRetries: 2 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect({ status: apiError.statusCode, retryable: apiError.isRetryable }).toEqual({
      status: 524,
      retryable: false,
    });
    expectTimeoutMessage(
      apiError.message,
      `Langdock's proxy stopped waiting for the answer after about 100 seconds (its page: "api.langdock.com | 524: A timeout occurred")`,
    );
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(1);
  });

  it('with an empty 524 body says the same without a page', async () => {
    const emulator = await emulators.start({ ...SLOW, timeoutBody: 'empty' });
    const error = await failure(
      generateText({ model: langdockOn(emulator)('gpt-4.1'), prompt: 'Write long.' }),
    );
    expect((error as APICallError).isRetryable).toBe(false);
    expectTimeoutMessage(
      (error as APICallError).message,
      "Langdock's proxy stopped waiting for the answer after about 100 seconds",
    );
    expect(requestsTo(emulator, '/chat/completions')).toHaveLength(1);
  });

  it('survives with providerOptions.langdock.streamGenerate: the text, and an estimate of the usage the stream lacks', async () => {
    const emulator = await emulators.start(SLOW);
    const started = Date.now();
    const result = await generateText({
      model: langdockOn(emulator)('gpt-4.1'),
      prompt: 'Write long.',
      providerOptions: { langdock: { streamGenerate: true } },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(result.text).toBe(echo('Write long.'));
    const requests = requestsTo(emulator, '/chat/completions');
    expect(requests.map((request) => (request.body as { stream?: boolean }).stream)).toEqual([
      true,
    ]);
    const estimated = result.providerMetadata?.langdock?.estimatedUsage as
      { inputTokens: number; outputTokens: number } | undefined;
    // Langdock's chat streams carry no usage: the library estimates both sides itself.
    expect(estimated?.inputTokens).toBeGreaterThan(0);
    expect(estimated?.outputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeUndefined();
  });
});

describe('the routes that stream their generate by default', () => {
  it('a Claude model on Messages survives without any option, with exact usage from the stream', async () => {
    const emulator = await emulators.start(SLOW);
    const result = await generateText({
      model: langdockOn(emulator)('claude-sonnet-4-6-default'),
      prompt: 'Write long.',
    });
    expect(result.text).toContain('You said: "Write long."');
    const requests = requestsTo(emulator, '/messages');
    expect(requests.map((request) => (request.body as { stream?: boolean }).stream)).toEqual([
      true,
    ]);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('a Claude model through the gateway survives too', async () => {
    const emulator = await emulators.start({ ...SLOW, gateway: true });
    const result = await generateText({
      model: langdockOn(emulator, { gateway: true })('claude-sonnet-4-6-default'),
      prompt: 'Write long.',
    });
    expect(result.text).toContain('You said: "Write long."');
    expect(requestsTo(emulator, '/v1/messages')).toHaveLength(1);
  });

  it('an agent survives: agents always stream', async () => {
    const emulator = await emulators.start({ ...SLOW, agents: ['helper'] });
    const result = await generateText({
      model: langdockOn(emulator).agent('helper'),
      prompt: 'Write long.',
    });
    expect(result.text).toBe('Agent helper here. You said: "Write long.".');
    expect(requestsTo(emulator, '/agent/v1/chat/completions')).toHaveLength(1);
  });
});
