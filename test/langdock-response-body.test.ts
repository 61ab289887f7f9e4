import { describe, expect, it } from 'vitest';
import { readBodyWithLimit } from '../src/langdock-response-handlers';

describe('readBodyWithLimit', () => {
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
    expect(await readBodyWithLimit(oneByteAtATime, bytes.length)).toBe('ä€🌍');
    expect(await readBodyWithLimit(body('abc', 'def'), 6)).toBe('abcdef');
  });

  it('stops at the first byte past the limit', async () => {
    expect(await readBodyWithLimit(body('abc', 'defg'), 6)).toBeUndefined();
  });
});
