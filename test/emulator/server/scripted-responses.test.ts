import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { call, chat, sseData, userMessage } from '../helpers';

let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator();
});

beforeEach(() => {
  emulator.reset();
});

afterAll(async () => {
  await emulator.close();
});

const body = { model: 'gpt-4o', stream: true, messages: [userMessage('hi')] };

/** Reads a streamed body until it ends or breaks, keeping what arrived before a break. */
async function readUntilBreak(url: string): Promise<{ text: string; error: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: 'Bearer k' },
    body: JSON.stringify(body),
  });
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

describe('scripted HTTP responses', () => {
  it('plays queued responses in order, before any rule, then falls back to the built-in responder', async () => {
    emulator.script(
      {
        type: 'response',
        status: 500,
        body: { error: { message: 'boom', type: 'server_error', param: null, code: null } },
      },
      {
        type: 'response',
        status: 429,
        body: { message: 'Rate limit for public API exceeded' },
        headers: { 'retry-after': '7' },
      },
    );
    expect(emulator.pendingScripts).toBe(2);
    const first = await call(`${emulator.baseURL}/chat/completions`, {
      key: null,
      body: { nonsense: true },
    });
    expect(first.status).toBe(500);
    expect(first.json).toEqual({
      error: { message: 'boom', type: 'server_error', param: null, code: null },
    });
    const second = await chat(emulator, { model: 'gpt-4o', messages: [userMessage('x')] });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('7');
    expect(second.json).toEqual({ message: 'Rate limit for public API exceeded' });
    expect(emulator.pendingScripts).toBe(0);
    const third = await chat(emulator, { model: 'gpt-4o', messages: [userMessage('x')] });
    expect(third.status).toBe(200);
    expect(emulator.requests.map((request) => request.body)).toEqual([
      { nonsense: true },
      { model: 'gpt-4o', messages: [userMessage('x')] },
      { model: 'gpt-4o', messages: [userMessage('x')] },
    ]);
  });

  it('sends string bodies verbatim, HTML as text/html', async () => {
    emulator.script({
      type: 'response',
      status: 524,
      body: '<html><body>A timeout occurred</body></html>',
    });
    const result = await chat(emulator, body);
    expect(result.status).toBe(524);
    expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(result.text).toBe('<html><body>A timeout occurred</body></html>');
  });

  it('waits delayMs before answering', async () => {
    let wake: () => void = () => undefined;
    const asleep: number[] = [];
    const gated = await startLangdockEmulator({
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          asleep.push(ms);
          wake = resolve;
        }),
    });
    try {
      gated.script({ type: 'response', body: { ok: true }, delayMs: 80 });
      let answered = false;
      const pending = chat(gated, body).then((result) => {
        answered = true;
        return result;
      });
      await expect.poll(() => asleep).toEqual([80]);
      expect(answered).toBe(false);
      wake();
      const result = await pending;
      expect(result.status).toBe(200);
      expect(result.json).toEqual({ ok: true });
    } finally {
      await gated.close();
    }
  });
});

describe('scripted streams', () => {
  it('sends chunks as data events, strings verbatim, then [DONE]', async () => {
    emulator.script({ type: 'stream', chunks: [{ id: 'a', choices: [] }, '{not json', 'plain'] });
    const result = await chat(emulator, body);
    expect(result.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(result.text).toBe(
      'data: {"id":"a","choices":[]}\n\ndata: {not json\n\ndata: plain\n\ndata: [DONE]\n\n',
    );
  });

  it('can leave out [DONE]', async () => {
    emulator.script({ type: 'stream', chunks: [{ a: 1 }], done: false });
    expect(sseData((await chat(emulator, body)).text)).toEqual(['{"a":1}']);
  });

  it('destroys the socket after cutAfter chunks', async () => {
    emulator.script({ type: 'stream', chunks: [{ n: 1 }, { n: 2 }, { n: 3 }], cutAfter: 2 });
    const { text, error } = await readUntilBreak(`${emulator.baseURL}/chat/completions`);
    expect(text).toBe('data: {"n":1}\n\ndata: {"n":2}\n\n');
    expect(error).toBeInstanceOf(Error);
  });

  it('cuts even after the last chunk when cutAfter covers them all', async () => {
    emulator.script({ type: 'stream', chunks: [{ n: 1 }], done: false, cutAfter: 1 });
    const { text, error } = await readUntilBreak(`${emulator.baseURL}/chat/completions`);
    expect(text).toBe('data: {"n":1}\n\n');
    expect(error).toBeInstanceOf(Error);
  });

  it('sends raw SSE text in pieces of splitEvery characters', async () => {
    const raw = ': comment\r\nevent: message\r\ndata: {"x":"ü😀"}\r\n\r\ndata: [DONE]\r\n\r\n';
    emulator.script({ type: 'sse-text', text: raw, splitEvery: 3, delayMs: 1 });
    const result = await chat(emulator, body);
    expect(result.text).toBe(raw);
  });

  it('sleeps delayMs between scripted pieces', async () => {
    const sleeps: number[] = [];
    const counted = await startLangdockEmulator({ sleep: async (ms) => void sleeps.push(ms) });
    try {
      counted.script({ type: 'stream', chunks: [{ n: 1 }, { n: 2 }, { n: 3 }], delayMs: 15 });
      const result = await chat(counted, body);
      expect(sseData(result.text)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '[DONE]']);
      expect(sleeps).toEqual([15, 15, 15]);
    } finally {
      await counted.close();
    }
  });
});

describe('scripted faults', () => {
  it('stalls until the client gives up', async () => {
    emulator.script({ type: 'stall' });
    const attempt = fetch(`${emulator.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(150),
    });
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(emulator.requests).toHaveLength(1);
  });

  it('drops stalled connections on close', async () => {
    const own = await startLangdockEmulator();
    own.script({ type: 'stall' });
    const attempt = fetch(`${own.baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    await expect.poll(() => own.requests.length).toBe(1);
    await own.close();
    await expect(attempt).rejects.toThrow(TypeError);
  });

  it('resets the connection before headers', async () => {
    emulator.script({ type: 'reset' });
    await expect(chat(emulator, body)).rejects.toThrow(TypeError);
    expect((await chat(emulator, { ...body, stream: false })).status).toBe(200);
  });
});
