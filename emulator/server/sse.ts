// Server-sent events: framing, and writing pieces with pacing, backpressure and deliberate cuts.
import type { ServerResponse } from 'node:http';

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
};

export const SSE_DONE = 'data: [DONE]\n\n';

/** One `data:` event; objects are sent as JSON and strings verbatim, so tests can send malformed data. */
export function sseEvent(data: unknown): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return `data: ${text}\n\n`;
}

/** One named event, as Anthropic streams them: `event: <name>` then `data: <json>`. */
export function namedSseEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Waits `ms`, or less once `signal` aborts; tests swap it to observe delays without a clock. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

export interface WritePiecesOptions {
  /** Pause before every piece after the first. */
  delayMs: number;
  sleep: Sleep;
  /** Destroy the socket after this many pieces instead of ending the response. */
  cutAfter?: number;
}

export type WriteResult = 'ended' | 'cut' | 'client-closed';

export async function writePieces(
  res: ServerResponse,
  pieces: readonly string[],
  options: WritePiecesOptions,
): Promise<WriteResult> {
  for (let i = 0; i < pieces.length; i += 1) {
    if (options.cutAfter !== undefined && i >= options.cutAfter) return cut(res);
    if (i > 0 && options.delayMs > 0) await pause(res, options.delayMs, options.sleep);
    if (res.destroyed) return 'client-closed';
    await flushed(res, pieces[i] ?? '');
  }
  // Reaching here with a cut planned means every piece went out but the clean end must not.
  if (options.cutAfter !== undefined) return cut(res);
  res.end();
  return 'ended';
}

function cut(res: ServerResponse): WriteResult {
  res.socket?.destroy();
  res.destroy();
  return 'cut';
}

/** Waits, but wakes early when the client goes away so no timer outlives the response. */
export async function pause(res: ServerResponse, ms: number, sleep: Sleep): Promise<void> {
  if (res.destroyed) return;
  const controller = new AbortController();
  const closed = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve()),
  );
  const abort = (): void => controller.abort();
  res.on('close', abort);
  try {
    // Racing the close keeps an injected sleep that ignores the signal from holding a dead response.
    await Promise.race([sleep(ms, controller.signal), closed]);
  } finally {
    res.off('close', abort);
  }
}

/** Resolves once the piece left the process, so a following cut cannot swallow it. */
function flushed(res: ServerResponse, piece: string): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('close', done);
      resolve();
    };
    res.on('close', done);
    res.write(piece, done);
  });
}
