// Conformance: an AbortSignal ends a call before the response and mid-stream, on every cell, and the request is
// closed: the emulator, pausing between chunks, sees the client go away before its answer is complete.
import { streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import type { LangdockEmulator, Sleep } from '../../emulator/index';
import {
  calls,
  cellsOf,
  rootProvider,
  routePath,
  specModel,
  useEmulators,
  type Cell,
} from './conformance-cells';

// Every pause between chunks is observed: one that ends because the client went away counts as a close seen.
const seen = { closes: 0 };
const observingSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', closed);
      resolve();
    };
    const closed = () => {
      seen.closes += 1;
      done();
    };
    const timer = setTimeout(done, ms);
    if (signal.aborted) closed();
    else signal.addEventListener('abort', closed);
  });
const emulators = useEmulators({ chunkDelayMs: 40, sleep: observingSleep });
const PROMPT = 'Tell me a long story about Berlin.';

/** Resolves once the emulator has the request, so an abort after it cannot land before it was sent. */
async function requestArrived(emulator: LangdockEmulator) {
  await vi.waitFor(() => expect(emulator.requests).toHaveLength(1), { interval: 5 });
}

describe.each(cellsOf())('abort: $name', (cell: Cell) => {
  const emulator = () => emulators.of(cell.mode);

  if (cell.entry === 'root') {
    for (const when of ['before the response', 'mid-stream'] as const) {
      it(`streamText (ai@5) aborted ${when} ends as an abort and closes the request`, async () => {
        seen.closes = 0;
        if (when === 'before the response') emulator().script({ type: 'stall' });
        const controller = new AbortController();
        let aborts = 0;
        const result = streamText({
          model: rootProvider(cell.mode, emulator())(cell.model.id),
          prompt: PROMPT,
          abortSignal: controller.signal,
          onAbort: () => void aborts++,
          onError: () => {}, // an error would show as an `error` part below
        });
        const types: string[] = [];
        const consumed = (async () => {
          for await (const part of result.fullStream) {
            types.push(part.type);
            if (part.type === 'text-delta') controller.abort();
          }
        })();
        if (when === 'before the response') {
          await requestArrived(emulator());
          controller.abort();
        }
        await consumed;
        expect(types.at(-1)).toBe('abort');
        expect(types.filter((type) => type === 'error' || type === 'finish')).toEqual([]);
        expect(types.filter((type) => type === 'text-delta')).toHaveLength(
          when === 'mid-stream' ? 1 : 0,
        );
        expect(aborts).toBe(1);
        expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`]);
        // A stalled request has no pauses to observe: only the mid-stream close is seen this way.
        if (when === 'mid-stream') await vi.waitFor(() => expect(seen.closes).toBe(1));
      });
    }
    return;
  }

  it('doStream aborted before the response rejects with an AbortError', async () => {
    emulator().script({ type: 'stall' });
    const controller = new AbortController();
    const pending = specModel(cell, emulator()).doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
      abortSignal: controller.signal,
    });
    await requestArrived(emulator());
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('doStream aborted mid-stream: the next read rejects with an AbortError, the request is closed', async () => {
    seen.closes = 0;
    const controller = new AbortController();
    const { stream } = await specModel(cell, emulator()).doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
      abortSignal: controller.signal,
    });
    const reader = stream.getReader();
    const types: string[] = [];
    let ended: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        types.push((value as LanguageModelV4StreamPart).type);
        if (value.type === 'text-delta') controller.abort();
      }
    } catch (error) {
      ended = error;
    }
    expect(ended).toMatchObject({ name: 'AbortError' });
    expect(types).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta']);
    await vi.waitFor(() => expect(seen.closes).toBe(1));
    expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`]);
  });
});
