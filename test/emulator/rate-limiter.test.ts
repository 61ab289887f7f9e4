import { describe, expect, it } from 'vitest';
import { startLangdockEmulator } from '../../emulator/index';
import { RateLimiter } from '../../emulator/rate-limiter';
import { chat, embeddings, userMessage } from './helpers';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

describe('RateLimiter', () => {
  it('allows rpm requests per model per minute and says when the oldest frees up', () => {
    const time = clock();
    const limiter = new RateLimiter({ rpm: 2, tpm: 1000 }, time.now);
    expect(limiter.admit('a', 1).allowed).toBe(true);
    time.advance(10_000);
    expect(limiter.admit('a', 1).allowed).toBe(true);
    expect(limiter.admit('a', 1)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.admit('b', 1).allowed).toBe(true);
    time.advance(50_000);
    expect(limiter.admit('a', 1).allowed).toBe(true);
  });

  it('counts tokens, including those added after admission', () => {
    const time = clock();
    const limiter = new RateLimiter({ rpm: 100, tpm: 100 }, time.now);
    const first = limiter.admit('a', 30);
    if (!first.allowed) throw new Error('first request refused');
    first.entry.tokens += 40;
    time.advance(1_500);
    expect(limiter.admit('a', 30).allowed).toBe(true);
    expect(limiter.admit('a', 1)).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(limiter.admit('a', 101)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    limiter.reset();
    expect(limiter.admit('a', 100).allowed).toBe(true);
  });
});

describe('429 over HTTP', () => {
  it('answers Langdock’s 429 body with retry-after, per model', async () => {
    const time = clock();
    const emulator = await startLangdockEmulator({ rateLimit: { rpm: 1 }, now: time.now });
    try {
      const body = { model: 'gpt-4o', messages: [userMessage('hi')] };
      expect((await chat(emulator, body)).status).toBe(200);
      time.advance(15_000);
      const limited = await chat(emulator, body);
      expect(limited.status).toBe(429);
      expect(limited.json).toEqual({ message: 'Rate limit for public API exceeded' });
      expect(limited.headers.get('retry-after')).toBe('45');
      expect((await chat(emulator, { ...body, model: 'gpt-4.1' })).status).toBe(200);
      time.advance(45_000);
      expect((await chat(emulator, body)).status).toBe(200);
      expect((await chat(emulator, body)).status).toBe(429);
      emulator.reset();
      expect((await chat(emulator, body)).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('limits estimated tokens per minute, for embeddings too', async () => {
    const emulator = await startLangdockEmulator({ rateLimit: { tpm: 10 } });
    try {
      const big = await chat(emulator, { model: 'gpt-4o', messages: [userMessage('x'.repeat(44))] });
      expect(big.status).toBe(429);
      expect(big.json).toEqual({ message: 'Rate limit for public API exceeded' });
      expect(big.headers.get('retry-after')).toBe('60');
      expect((await embeddings(emulator, { model: 'text-embedding-3-small', input: 'x'.repeat(40) })).status).toBe(200);
      const second = await embeddings(emulator, { model: 'text-embedding-3-small', input: 'x' });
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    } finally {
      await emulator.close();
    }
  });

  it('counts CJK prompts as a token per character', async () => {
    const emulator = await startLangdockEmulator({ rateLimit: { tpm: 10 } });
    try {
      const cjk = await chat(emulator, { model: 'gpt-4o', messages: [userMessage('東京都東京都東京都東京')] });
      expect(cjk.status).toBe(429);
      expect(cjk.json).toEqual({ message: 'Rate limit for public API exceeded' });
      expect(cjk.headers.get('retry-after')).toBe('60');
      const ascii = await chat(emulator, { model: 'gpt-4o', messages: [userMessage('Tokyo Tokyo')] });
      expect(ascii.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('does not limit at all with rateLimit: false', async () => {
    const emulator = await startLangdockEmulator({ rateLimit: false });
    try {
      const results = await Promise.all(Array.from({ length: 5 }, () => chat(emulator, { model: 'gpt-4o', messages: [userMessage('x'.repeat(400_000))] })));
      expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await emulator.close();
    }
  });
});
