// Conformance: errors on every cell. A 401 is an APICallError that names no credential anywhere (message, body,
// headers, cause), also when the server echoes the key; a 400 rule of the route comes through with its text and is
// not retried; Claude's 529 overloaded_error is retryable (and ai retries it), in a response and mid-stream.
import { inspect } from 'node:util';
import { APICallError } from '@ai-sdk/provider';
import { generateText, RetryError, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import type { LangdockEmulator } from '../../emulator/index';
import {
  answerOfParts,
  calls,
  cellsOf,
  KEY,
  readParts,
  rootProvider,
  routePath,
  specModel,
  useEmulators,
  type Cell,
} from './conformance-cells';

const emulators = useEmulators();
/** A key the emulator does not accept: sent, so it must be kept out of the error as much as a good one. */
const WRONG_KEY = 'ld-conformance-wrong-9d1e6a3b7c5f';

/** Runs one text call of the cell the way its entry does, and returns what it rejected with. */
async function failingCall(
  cell: Cell,
  emulator: LangdockEmulator,
  {
    apiKey = KEY,
    prompt = 'Hello there.',
    extraBody,
    maxRetries,
    stream = false,
  }: {
    apiKey?: string;
    prompt?: string;
    extraBody?: Record<string, string>;
    maxRetries?: number;
    stream?: boolean;
  } = {},
): Promise<unknown> {
  const providerOptions = extraBody === undefined ? undefined : { langdock: { extraBody } };
  if (cell.entry === 'root') {
    const model = rootProvider(cell.mode, emulator, apiKey)(cell.model.id);
    if (!stream)
      return generateText({ model, prompt, providerOptions, maxRetries }).then(
        () => expect.fail('generateText resolved'),
        (error: unknown) => error,
      );
    const errors: unknown[] = [];
    const result = streamText({
      model,
      prompt,
      providerOptions,
      maxRetries,
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    return errors[0];
  }
  const model = specModel(cell, emulator, apiKey);
  const options = {
    prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: prompt }] }],
    providerOptions,
  };
  const pending = stream ? model.doStream(options) : model.doGenerate(options);
  return Promise.resolve(pending).then(
    () => expect.fail(`${stream ? 'doStream' : 'doGenerate'} resolved`),
    (error: unknown) => error,
  );
}

/** The credential appears in no form anywhere in the error, as JSON or as Node prints it (cause included). */
function expectNoCredential(error: unknown, secret: string) {
  const printed = [JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (const text of printed) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(3));
  }
}

describe.each(cellsOf())('errors: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);
  const route = routePath(cell);

  for (const stream of [false, true]) {
    const call =
      cell.entry === 'root'
        ? stream
          ? 'streamText'
          : 'generateText'
        : stream
          ? 'doStream'
          : 'doGenerate';

    it(`${call}: a wrong key is a 401 APICallError, not retried, without the key`, async () => {
      const error = await failingCall(cell, emulator(), { apiKey: WRONG_KEY, stream });
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect(apiError.statusCode).toBe(401);
      expect(apiError.isRetryable).toBe(false);
      expect(apiError.message).toMatch(/401/);
      expect(apiError.message).toMatch(/API key/);
      expect(apiError.url).toBe(`${emulator().url}${route}`);
      expectNoCredential(error, WRONG_KEY);
      expect(calls(emulator())).toEqual([`POST ${route}`]);
      expect(emulator().requests[0]!.headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
    });
  }

  it('a 401 that echoes the key in its body and a header comes out redacted', async () => {
    const echoed =
      cell.model.route === 'messages'
        ? {
            type: 'error',
            error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` },
          }
        : { message: `The provided API key ${KEY} is invalid.` };
    emulator().script({
      type: 'response',
      status: 401,
      body: echoed,
      headers: { 'x-echoed-authorization': `Bearer ${KEY}` },
    });
    const error = await failingCall(cell, emulator());
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(401);
    expect(apiError.responseBody).toContain('[redacted]');
    // `Bearer <key>` is a credential sent as a whole: it goes as a whole.
    expect(apiError.responseHeaders?.['x-echoed-authorization']).toBe('[redacted]');
    expectNoCredential(error, KEY);
  });

  it("a 400 of the route's rules comes with its text and is not retried", async () => {
    const error = await failingCall(cell, emulator(), {
      extraBody: { unknown_parameter: 'x' },
      maxRetries: 2,
    });
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(400);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toContain(
      cell.model.route === 'chat'
        ? 'Unrecognized request argument supplied: unknown_parameter'
        : 'unknown_parameter: Extra inputs are not permitted',
    );
    expect(calls(emulator())).toEqual([`POST ${route}`]);
    expect((emulator().requests[0]!.body as Record<string, unknown>).unknown_parameter).toBe('x');
    expectNoCredential(error, KEY);
  });

  if (cell.model.route !== 'messages') return;

  it('529 overloaded_error is a retryable APICallError', async () => {
    const error = await failingCall(cell, emulator(), {
      prompt: 'Hello [emulate:overloaded]',
      maxRetries: 0,
    });
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(529);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.message).toMatch(/Overloaded/);
    expect(calls(emulator())).toEqual([`POST ${route}`]);
  });

  if (cell.entry === 'root') {
    it('generateText (ai@5) retries a 529: maxRetries 1 makes two requests', async () => {
      const error = await failingCall(cell, emulator(), {
        prompt: 'Hello [emulate:overloaded]',
        maxRetries: 1,
      });
      expect(RetryError.isInstance(error)).toBe(true);
      const retryError = error as RetryError;
      expect(retryError.reason).toBe('maxRetriesExceeded');
      expect(retryError.errors.map((each) => (each as APICallError).statusCode)).toEqual([
        529, 529,
      ]);
      expect(calls(emulator())).toEqual([`POST ${route}`, `POST ${route}`]);
    });

    it('streamText (ai@5): an overloaded error event mid-stream is an error part after the text so far', async () => {
      const error = await failingCall(cell, emulator(), {
        prompt: 'Hello [emulate:stream-error]',
        stream: true,
      });
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).isRetryable).toBe(true);
      expect((error as APICallError).message).toMatch(/Overloaded/);
    });
    return;
  }

  it('doStream: an overloaded error event mid-stream is one retryable error part, finish error', async () => {
    const { stream } = await specModel(cell, emulator()).doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hello [emulate:stream-error]' }] }],
    });
    const parts = await readParts(stream);
    const errors = parts.flatMap((part) => (part.type === 'error' ? [part.error] : []));
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).isRetryable).toBe(true);
    expect((errors[0] as APICallError).message).toMatch(/Overloaded/);
    expect(answerOfParts(parts).finishReason.unified).toBe('error');
  });
});
