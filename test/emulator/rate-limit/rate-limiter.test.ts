import { describe, expect, it } from 'vitest';
import { startLangdockEmulator } from '../../../emulator/index';
import { RateLimiter } from '../../../emulator/rate-limit/rate-limiter';
import { chat, embeddings, userMessage } from '../helpers';

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
    // More tokens than the whole limit never fit, so there is no time worth waiting for.
    expect(limiter.admit('a', 101)).toEqual({ allowed: false, retryAfterSeconds: undefined });
    limiter.reset();
    expect(limiter.admit('a', 100).allowed).toBe(true);
  });
});

describe('retry-after is the time until the window frees', () => {
  it.each([
    { elapsed: 0, seconds: 60 },
    { elapsed: 999, seconds: 60 },
    { elapsed: 30_500, seconds: 30 },
    { elapsed: 59_000, seconds: 1 },
    { elapsed: 59_999, seconds: 1 },
  ])(
    'after $elapsed ms of a 60 s window: $seconds s, rounded up, at least 1',
    ({ elapsed, seconds }) => {
      const time = clock();
      const limiter = new RateLimiter({ rpm: 1 }, time.now);
      expect(limiter.admit('a', 1).allowed).toBe(true);
      time.advance(elapsed);
      expect(limiter.admit('a', 1)).toEqual({ allowed: false, retryAfterSeconds: seconds });
    },
  );

  it('uses the configured window length', () => {
    const time = clock();
    const limiter = new RateLimiter({ rpm: 2, windowMs: 3_000 }, time.now);
    expect(limiter.admit('a', 1).allowed).toBe(true);
    time.advance(1_000);
    expect(limiter.admit('a', 1).allowed).toBe(true);
    expect(limiter.admit('a', 1)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    time.advance(2_000);
    expect(limiter.admit('a', 1).allowed).toBe(true);
  });

  it('applies per-model limits over the shared ones', () => {
    const time = clock();
    const limiter = new RateLimiter(
      { rpm: 3, tpm: 100, models: { slow: { rpm: 1 }, small: { tpm: 5 } } },
      time.now,
    );
    expect(limiter.limitFor('slow')).toEqual({ rpm: 1, tpm: 100, windowMs: 60_000 });
    expect(limiter.limitFor('other')).toEqual({ rpm: 3, tpm: 100, windowMs: 60_000 });
    expect(limiter.admit('slow', 1).allowed).toBe(true);
    expect(limiter.admit('slow', 1)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.admit('small', 6)).toEqual({ allowed: false, retryAfterSeconds: undefined });
    expect([1, 2, 3].map(() => limiter.admit('other', 1).allowed)).toEqual([true, true, true]);
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
    const time = clock();
    const emulator = await startLangdockEmulator({ rateLimit: { tpm: 10 }, now: time.now });
    try {
      const big = await chat(emulator, {
        model: 'gpt-4o',
        messages: [userMessage('x'.repeat(44))],
      });
      expect(big.status).toBe(429);
      expect(big.json).toEqual({ message: 'Rate limit for public API exceeded' });
      // 11 tokens never fit in 10: waiting cannot help, so no retry-after (it used to say 60).
      expect(big.headers.get('retry-after')).toBeNull();
      expect(
        (await embeddings(emulator, { model: 'text-embedding-3-small', input: 'x'.repeat(40) }))
          .status,
      ).toBe(200);
      time.advance(400);
      const second = await embeddings(emulator, { model: 'text-embedding-3-small', input: 'x' });
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('60');
    } finally {
      await emulator.close();
    }
  });

  it('counts CJK prompts as a token per character', async () => {
    const emulator = await startLangdockEmulator({ rateLimit: { tpm: 10 } });
    try {
      const cjk = await chat(emulator, {
        model: 'gpt-4o',
        messages: [userMessage('東京都東京都東京都東京')],
      });
      expect(cjk.status).toBe(429);
      expect(cjk.json).toEqual({ message: 'Rate limit for public API exceeded' });
      expect(cjk.headers.get('retry-after')).toBeNull();
      const ascii = await chat(emulator, {
        model: 'gpt-4o',
        messages: [userMessage('Tokyo Tokyo')],
      });
      expect(ascii.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('leaves retry-after out with retryAfter: false, since Langdock documents no such header', async () => {
    const emulator = await startLangdockEmulator({ rateLimit: { rpm: 1 }, retryAfter: false });
    try {
      const body = { model: 'gpt-4o', messages: [userMessage('hi')] };
      expect((await chat(emulator, body)).status).toBe(200);
      const limited = await chat(emulator, body);
      expect(limited.status).toBe(429);
      expect(limited.json).toEqual({ message: 'Rate limit for public API exceeded' });
      expect(limited.headers.get('retry-after')).toBeNull();
    } finally {
      await emulator.close();
    }
  });

  it('limits some models differently and answers in OpenAI’s shape on request', async () => {
    const emulator = await startLangdockEmulator({
      rateLimit: { rpm: 5, models: { 'gpt-4o': { rpm: 1 } } },
      errorShape: 'openai',
    });
    try {
      const body = { model: 'gpt-4o', messages: [userMessage('hi')] };
      expect((await chat(emulator, body)).status).toBe(200);
      const limited = await chat(emulator, body);
      expect(limited.status).toBe(429);
      expect(limited.json).toEqual({
        error: {
          message: 'Rate limit for public API exceeded',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      });
      const other = await Promise.all(
        [1, 2, 3].map(() => chat(emulator, { ...body, model: 'gpt-4.1' })),
      );
      expect(other.map((result) => result.status)).toEqual([200, 200, 200]);
    } finally {
      await emulator.close();
    }
  });

  it('does not limit at all with rateLimit: false', async () => {
    const emulator = await startLangdockEmulator({ rateLimit: false });
    try {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          chat(emulator, { model: 'gpt-4o', messages: [userMessage('x'.repeat(400_000))] }),
        ),
      );
      expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await emulator.close();
    }
  });
});
