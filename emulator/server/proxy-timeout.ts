// Langdock's proxy (Cloudflare) gives up on a non-streaming call after about 100 s and answers 524; streams go on.
import type { ServerResponse } from 'node:http';
import type { LangdockEmulatorOptions } from '../emulator-types';
import { findLatencyHint } from '../generation/prompt-hints';
import { pause, type Sleep } from './sse';

/** Cloudflare's status for "the origin took the request but sent nothing in time". */
export const PROXY_TIMEOUT_STATUS = 524;

/** What the timing of an answer depends on; the emulator's context has it all. */
export interface AnswerTiming {
  readonly options: Pick<
    LangdockEmulatorOptions,
    'latencyMs' | 'nonStreamingTimeoutMs' | 'timeoutBody' | 'chunkDelayMs'
  >;
  readonly sleep: Sleep;
}

/** The host Langdock's proxy names in its error pages. */
export function proxyHost(gateway: boolean): string {
  return gateway ? 'gateway.langdock.com' : 'api.langdock.com';
}

/** Cloudflare's error page as the proxy sends it (its wording; the host in the title is the called one). */
export function timeoutPage(host: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8" />` +
    `<title>${host} | 524: A timeout occurred</title></head>\n` +
    `<body><div id="cf-error-details"><h1>A timeout occurred</h1><span>Error code 524</span>` +
    `<p>The origin web server timed out responding to this request.</p></div></body></html>\n`
  );
}

/** How long the model takes over this answer: `[emulate:latency=<ms>]` in the last user message, else `latencyMs`. */
export function answerLatencyMs(timing: AnswerTiming, lastUserText: string): number {
  return findLatencyHint(lastUserText) ?? timing.options.latencyMs ?? 0;
}

/**
 * Waits as long as the model takes before a non-streaming answer. Past `nonStreamingTimeoutMs` the proxy answers
 * 524 at that moment instead (the model runs on and is billed) and this returns false; also false when the client
 * left while waiting.
 */
export async function awaitNonStreamingAnswer(
  timing: AnswerTiming,
  res: ServerResponse,
  latencyMs: number,
  host: string,
): Promise<boolean> {
  const cap = timing.options.nonStreamingTimeoutMs;
  const timesOut = cap !== undefined && latencyMs > cap;
  const waitMs = timesOut ? cap : latencyMs;
  if (waitMs > 0) await pause(res, waitMs, timing.sleep);
  if (res.destroyed) return false;
  if (!timesOut) return true;
  const body = timing.options.timeoutBody === 'empty' ? '' : timeoutPage(host);
  // The origin never answered, so none of its headers (x-request-id, rate limits) reach the client.
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(PROXY_TIMEOUT_STATUS, {
    'content-type': 'text/html; charset=UTF-8',
    'content-length': String(Buffer.byteLength(body)),
    server: 'cloudflare',
  });
  res.end(body);
  return false;
}

/** The pause between streamed pieces: the answer's latency spread over them, never less than `chunkDelayMs`. */
export function streamDelayMs(timing: AnswerTiming, latencyMs: number, pieces: number): number {
  const spread = pieces > 1 ? Math.ceil(latencyMs / (pieces - 1)) : 0;
  return Math.max(timing.options.chunkDelayMs ?? 0, spread);
}
