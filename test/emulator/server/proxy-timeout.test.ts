// Langdock's proxy timeout: a slow non-streaming answer becomes a 524 at the timeout, a slow stream is not cut.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type LangdockEmulatorOptions,
} from '../../../emulator/index';
import { ANTHROPIC_HEADERS, call, chat, messages, sseChunks, userMessage } from '../helpers';

let emulator: LangdockEmulator | undefined;
let sleeps: number[] = [];

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  sleeps = [];
});

/** An emulator whose waits are recorded, not slept. */
async function start(options: LangdockEmulatorOptions): Promise<LangdockEmulator> {
  emulator = await startLangdockEmulator({
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return emulator;
}

const PAGE_TITLE = /<title>api\.langdock\.com \| 524: A timeout occurred<\/title>/;
const ask = (text: string, stream = false) => ({
  model: 'gpt-4.1',
  stream,
  messages: [userMessage(text)],
});

describe('a non-streaming answer slower than nonStreamingTimeoutMs', () => {
  it('is a 524 with Cloudflare’s page at the timeout, without the origin’s headers', async () => {
    const server = await start({ latencyMs: 250, nonStreamingTimeoutMs: 100 });
    const result = await chat(server, ask('Write long'));
    expect(result.status).toBe(524);
    expect(result.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(result.text).toMatch(PAGE_TITLE);
    expect(result.text).toContain('Error code 524');
    expect(result.headers.get('x-request-id')).toBeNull();
    expect(sleeps).toEqual([100]);
  });

  it('sends an empty body with timeoutBody empty', async () => {
    const server = await start({
      latencyMs: 250,
      nonStreamingTimeoutMs: 100,
      timeoutBody: 'empty',
    });
    const result = await chat(server, ask('Write long'));
    expect([result.status, result.text]).toEqual([524, '']);
  });

  it('answers after its latency when that is within the timeout', async () => {
    const server = await start({ latencyMs: 100, nonStreamingTimeoutMs: 100 });
    const result = await chat(server, ask('Quick'));
    expect(result.status).toBe(200);
    expect(sleeps).toEqual([100]);
  });

  it('takes its latency from [emulate:latency=<ms>] in the last user message, over latencyMs', async () => {
    const server = await start({ latencyMs: 5_000, nonStreamingTimeoutMs: 1_000 });
    const quick = await chat(server, ask('Quick [emulate:latency=0]'));
    expect(quick.status).toBe(200);
    const slow = await chat(server, ask('Slow [emulate:latency=1001]'));
    expect(slow.status).toBe(524);
    expect(sleeps).toEqual([1_000]);
  });

  it('still counts the call against the rate limit: the model ran on', async () => {
    const server = await start({
      latencyMs: 250,
      nonStreamingTimeoutMs: 100,
      rateLimit: { rpm: 1 },
    });
    expect((await chat(server, ask('Write long'))).status).toBe(524);
    expect((await chat(server, ask('Again'))).status).toBe(429);
  });

  it('is a 524 on Messages, on a non-streaming agent call, and with the gateway’s host there', async () => {
    const server = await start({
      latencyMs: 250,
      nonStreamingTimeoutMs: 100,
      agents: ['helper'],
    });
    const claude = await messages(server, {
      model: 'claude-sonnet-4-6-default',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Write long' }],
    });
    expect(claude.status).toBe(524);
    expect(claude.text).toMatch(PAGE_TITLE);
    const agent = await call(`${server.agentBaseURLFor()}/agent/v1/chat/completions`, {
      body: {
        agentId: 'helper',
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Write long' }] }],
      },
    });
    expect(agent.status).toBe(524);
    await server.close();
    const gateway = await start({ gateway: true, latencyMs: 250, nonStreamingTimeoutMs: 100 });
    const viaGateway = await call(`${gateway.url}/v1/messages`, {
      headers: ANTHROPIC_HEADERS,
      body: {
        model: 'claude-sonnet-4-6-default',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'Write long' }],
      },
    });
    expect(viaGateway.status).toBe(524);
    expect(viaGateway.text).toContain(
      '<title>gateway.langdock.com | 524: A timeout occurred</title>',
    );
  });
});

describe('a stream slower than nonStreamingTimeoutMs', () => {
  it('is never cut: its latency is spread between its chunks', async () => {
    const server = await start({ latencyMs: 250, nonStreamingTimeoutMs: 100 });
    const result = await chat(server, ask('Write long', true));
    expect(result.status).toBe(200);
    const chunks = sseChunks(result.text);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }] });
    const pieces = chunks.length + 1;
    expect(sleeps).toEqual(Array.from({ length: pieces - 1 }, () => Math.ceil(250 / (pieces - 1))));
  });

  it('keeps chunkDelayMs when that is longer than the spread latency', async () => {
    const server = await start({ latencyMs: 10, chunkDelayMs: 40 });
    const result = await chat(server, ask('ab', true));
    expect(sleeps.length).toBeGreaterThan(2);
    expect(new Set(sleeps)).toEqual(new Set([40]));
    expect(result.status).toBe(200);
  });

  it('streams a slow Messages answer and a slow agent answer to their ends', async () => {
    const server = await start({
      latencyMs: 250,
      nonStreamingTimeoutMs: 100,
      agents: ['helper'],
    });
    const claude = await messages(server, {
      model: 'claude-sonnet-4-6-default',
      max_tokens: 100,
      stream: true,
      messages: [{ role: 'user', content: 'Write long' }],
    });
    expect(claude.status).toBe(200);
    expect(claude.text.trimEnd().endsWith('data: {"type":"message_stop"}')).toBe(true);
    const agent = await call(`${server.agentBaseURLFor()}/agent/v1/chat/completions`, {
      body: {
        agentId: 'helper',
        stream: true,
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Write long' }] }],
      },
    });
    expect(agent.status).toBe(200);
    expect(agent.text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });
});

describe('options and flags', () => {
  it.each([
    [{ nonStreamingTimeoutMs: -1 }, 'nonStreamingTimeoutMs must be a number of milliseconds'],
    [{ latencyMs: Number.NaN }, 'latencyMs must be a number of milliseconds'],
    [{ timeoutBody: 'json' as 'html' }, "timeoutBody must be 'html' or 'empty'"],
  ])('refuses %o', async (options, message) => {
    await expect(startLangdockEmulator(options)).rejects.toThrow(message);
  });
});
