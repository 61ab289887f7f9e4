// Plays scripted responses and faults that tests queue in place of the built-in behaviour.
import type { ServerResponse } from 'node:http';
import { sendJson } from './http';
import { pause, SSE_DONE, SSE_HEADERS, sseEvent, writePieces, type Sleep } from './sse';
import type {
  ScriptedHttpResponse,
  ScriptedResponse,
  ScriptedSseText,
  ScriptedStream,
} from '../emulator-types';

export class ScriptQueue {
  private readonly queue: ScriptedResponse[] = [];

  push(responses: readonly ScriptedResponse[]): void {
    this.queue.push(...responses);
  }

  next(): ScriptedResponse | undefined {
    return this.queue.shift();
  }

  get size(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

export async function playScripted(
  res: ServerResponse,
  scripted: ScriptedResponse,
  sleep: Sleep,
): Promise<void> {
  switch (scripted.type) {
    case 'response':
      return playHttpResponse(res, scripted, sleep);
    case 'stream':
      return playStream(res, scripted, streamPieces(scripted), sleep);
    case 'sse-text':
      return playStream(res, scripted, textPieces(scripted), sleep);
    case 'stall':
      // Leaving the response open is the fault; close() or the client ends it.
      return;
    case 'reset':
      res.socket?.destroy();
      return;
  }
}

async function playHttpResponse(
  res: ServerResponse,
  scripted: ScriptedHttpResponse,
  sleep: Sleep,
): Promise<void> {
  if (scripted.delayMs !== undefined && scripted.delayMs > 0)
    await pause(res, scripted.delayMs, sleep);
  if (res.destroyed) return;
  const status = scripted.status ?? 200;
  const headers = scripted.headers ?? {};
  if (typeof scripted.body !== 'string') {
    sendJson(res, status, scripted.body ?? {}, headers);
    return;
  }
  const contentType = scripted.body.trimStart().startsWith('<')
    ? 'text/html; charset=utf-8'
    : 'text/plain; charset=utf-8';
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(scripted.body)),
    ...headers,
  });
  res.end(scripted.body);
}

function streamPieces(scripted: ScriptedStream): string[] {
  const pieces = scripted.chunks.map((chunk) => sseEvent(chunk));
  if (scripted.done !== false) pieces.push(SSE_DONE);
  return pieces;
}

function textPieces(scripted: ScriptedSseText): string[] {
  const size = scripted.splitEvery;
  if (size === undefined || size < 1) return [scripted.text];
  // Splitting by code points keeps every piece valid UTF-8 on the wire.
  const chars = Array.from(scripted.text);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

async function playStream(
  res: ServerResponse,
  scripted: ScriptedStream | ScriptedSseText,
  pieces: string[],
  sleep: Sleep,
): Promise<void> {
  res.writeHead(scripted.status ?? 200, { ...SSE_HEADERS, ...scripted.headers });
  res.flushHeaders();
  await writePieces(res, pieces, {
    delayMs: scripted.delayMs ?? 0,
    cutAfter: scripted.cutAfter,
    sleep,
  });
}
