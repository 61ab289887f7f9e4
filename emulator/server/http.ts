// Small HTTP helpers: reading bodies and sending JSON answers and refusals.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, type ErrorRendering, type ErrorShape } from './error-shape';
import type { ApiError } from './api-error';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8');
}

/** The body as bytes: uploads are binary. */
export async function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const buffer = Buffer.isBuffer(part) ? part : Buffer.from(String(part));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new BodyTooLargeError(`Request body exceeds ${MAX_BODY_BYTES} bytes.`);
    parts.push(buffer);
  }
  return Buffer.concat(parts);
}

export function parseJsonBody(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Sends a refusal; `shape` alone means an OpenAI-format route outside the Model Gateway. */
export function sendError(
  res: ServerResponse,
  error: ApiError,
  shape: ErrorShape | ErrorRendering,
  headers: Record<string, string> = {},
): void {
  const rendering =
    typeof shape === 'string' ? { shape, format: 'openai' as const, gateway: false } : shape;
  sendJson(
    res,
    error.status,
    errorBody(error, rendering.shape, rendering.format, rendering.gateway),
    headers,
  );
}
