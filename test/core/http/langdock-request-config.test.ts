import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LangdockRateLimitStore } from '../../../src/core/rate-limit/langdock-rate-limit';
import {
  createLangdockRequestConfig,
  prepareLangdockRequest,
} from '../../../src/core/http/langdock-request-config';

const BASE_URL = 'https://api.langdock.com/openai/eu/v1';
const hash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** A store that grants everything and records the bucket of each request. */
function recordingStore(buckets: string[]): LangdockRateLimitStore {
  return {
    acquire: async (bucket) => {
      buckets.push(bucket);
      return { granted: true, lease: String(buckets.length) };
    },
    settle: async () => {},
    block: async () => {},
  };
}

describe('prepareLangdockRequest: the rate limit bucket', () => {
  it.each([
    ['the key', { apiKey: 'ld-workspace-a-key' }, undefined, 'ld-workspace-a-key'],
    [
      'the key, with a call header that sends the same key',
      { apiKey: 'ld-workspace-a-key' },
      { authorization: 'Bearer ld-workspace-a-key' },
      'ld-workspace-a-key',
    ],
    [
      "a call's own Authorization header, which sends another workspace's key",
      { apiKey: 'ld-workspace-a-key' },
      { AUTHORIZATION: 'Bearer ld-workspace-b-key' },
      'ld-workspace-b-key',
    ],
    [
      "the provider's Authorization header, which replaces the key",
      { apiKey: 'ld-workspace-a-key', headers: { Authorization: 'Bearer ld-workspace-c-key' } },
      undefined,
      'ld-workspace-c-key',
    ],
  ] as const)('names the workspace by %s', async (_, settings, headers, sentKey) => {
    const buckets: string[] = [];
    const config = createLangdockRequestConfig({
      ...settings,
      baseURL: BASE_URL,
      rateLimit: { store: recordingStore(buckets) },
    });
    const request = prepareLangdockRequest(config, { path: '/chat/completions', headers });
    await request.budget('gpt-4.1', () => 10, undefined);
    expect(buckets).toEqual([`${hash(sentKey)}:${BASE_URL}:gpt-4.1`]);
  });

  it('makes no estimate without a rate limiter', async () => {
    const request = prepareLangdockRequest(
      createLangdockRequestConfig({ apiKey: 'ld-workspace-a-key', baseURL: BASE_URL }),
      { path: '/chat/completions' },
    );
    let estimated = 0;
    await expect(request.budget('gpt-4.1', () => ++estimated, undefined)).resolves.toBeUndefined();
    expect(estimated).toBe(0);
  });
});
