// Shared helpers for the emulator tests: raw HTTP calls and SSE parsing.
import type { LangdockEmulator } from '../../emulator/index';

export const API_KEY = 'test-key';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface CallOptions {
  method?: string;
  key?: string | null;
  headers?: Record<string, string>;
  /** Sent verbatim when a string, as JSON otherwise. */
  body?: unknown;
}

export async function call(url: string, options: CallOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? API_KEY}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(url, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function chat(
  emulator: LangdockEmulator,
  body: unknown,
  options: Omit<CallOptions, 'body'> = {},
): Promise<HttpResult> {
  return call(`${emulator.baseURL}/chat/completions`, { ...options, body });
}

export function embeddings(emulator: LangdockEmulator, body: unknown): Promise<HttpResult> {
  return call(`${emulator.baseURL}/embeddings`, { body });
}

/** The `data:` payloads of an SSE body, in order, with `[DONE]` kept as a string. */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .map((event) => {
      const data = event.split('\n').find((line) => line.startsWith('data: '));
      if (data === undefined) throw new Error(`event without data: ${event}`);
      return data.slice('data: '.length);
    });
}

/** The JSON chunks of an SSE body, asserting it ends with `[DONE]`. */
export function sseChunks(text: string): Array<Record<string, unknown>> {
  const data = sseData(text);
  if (data.at(-1) !== '[DONE]') throw new Error(`stream did not end with [DONE]: ${data.at(-1)}`);
  return data.slice(0, -1).map((item) => JSON.parse(item) as Record<string, unknown>);
}

export function userMessage(content: string): { role: 'user'; content: string } {
  return { role: 'user', content };
}

export interface BackendErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The body the Azure backend refuses with: OpenAI's shape, which the official SDK reads. */
export function backendError(
  message: string,
  param: string | null = null,
  code: string | null = null,
): BackendErrorBody {
  return { error: { message, type: 'invalid_request_error', param, code } };
}

export const ANTHROPIC_HEADERS = { 'anthropic-version': '2023-06-01' };

/** `POST /anthropic/eu/v1/messages` with a bearer key and `anthropic-version`. */
export function messages(
  emulator: LangdockEmulator,
  body: unknown,
  options: Omit<CallOptions, 'body'> = {},
): Promise<HttpResult> {
  return call(`${emulator.anthropicBaseURLFor('eu')}/messages`, {
    ...options,
    headers: { ...ANTHROPIC_HEADERS, ...options.headers },
    body,
  });
}

export interface NamedEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Anthropic's named SSE events, checking each `event:` name equals its payload's `type`. */
export function anthropicEvents(text: string): NamedEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
      const data = lines.find((line) => line.startsWith('data: '))?.slice('data: '.length);
      if (event === undefined || data === undefined) throw new Error(`malformed event: ${block}`);
      const parsed = JSON.parse(data) as Record<string, unknown>;
      if (parsed.type !== event)
        throw new Error(`event ${event} carries type ${String(parsed.type)}`);
      return { event, data: parsed };
    });
}
