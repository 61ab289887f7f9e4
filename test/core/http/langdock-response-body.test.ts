import { describe, expect, it } from 'vitest';
import { readResponseBody } from '../../../src/core/http/langdock-response-body';

describe('readResponseBody', () => {
  const body = (...pieces: string[]) =>
    new Response(
      new ReadableStream({
        start(controller) {
          for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
          controller.close();
        },
      }),
    );

  it('reads a body up to the limit, multi-byte characters split across reads included', async () => {
    const bytes = new TextEncoder().encode('ä€🌍');
    const oneByteAtATime = new Response(
      new ReadableStream({
        start(controller) {
          for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
          controller.close();
        },
      }),
    );
    expect(await readResponseBody(oneByteAtATime, bytes.length)).toEqual({
      text: 'ä€🌍',
      complete: true,
    });
    expect(await readResponseBody(body('abc', 'def'), 6)).toEqual({
      text: 'abcdef',
      complete: true,
    });
  });

  it('keeps what fits and stops at the first byte past the limit', async () => {
    expect(await readResponseBody(body('abc', 'defg', 'never read'), 6)).toEqual({
      text: 'abcdef',
      complete: false,
    });
  });
});
