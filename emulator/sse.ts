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

export interface WritePiecesOptions {
  /** Pause before every piece after the first. */
  delayMs: number;
  /** Destroy the socket after this many pieces instead of ending the response. */
  cutAfter?: number;
}

export type WriteResult = 'ended' | 'cut' | 'client-closed';

export async function writePieces(res: ServerResponse, pieces: readonly string[], options: WritePiecesOptions): Promise<WriteResult> {
  for (let i = 0; i < pieces.length; i += 1) {
    if (options.cutAfter !== undefined && i >= options.cutAfter) return cut(res);
    if (i > 0 && options.delayMs > 0) await pause(res, options.delayMs);
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
export function pause(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
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
