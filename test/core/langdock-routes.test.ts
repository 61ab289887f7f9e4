import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLangdockSettings } from '../../src/core/langdock-provider-settings';
import {
  isLangdockGateway,
  LANGDOCK_GATEWAY_BASE_URL,
  resolveLangdockRoutes,
} from '../../src/core/langdock-routes';
import { resolveLangdockAgentBaseURL } from '../../src/core/agent/langdock-agent-base-url';

afterEach(() => {
  vi.unstubAllEnvs();
});

function clearEnv() {
  vi.stubEnv('LANGDOCK_BASE_URL', '');
  vi.stubEnv('LANGDOCK_REGION', '');
  vi.stubEnv('LANGDOCK_GATEWAY', '');
}

describe('resolveLangdockRoutes', () => {
  it.each([
    [{}, 'https://api.langdock.com/openai/eu/v1', 'https://api.langdock.com/anthropic/eu/v1'],
    [
      { region: 'us' as const },
      'https://api.langdock.com/openai/us/v1',
      'https://api.langdock.com/anthropic/us/v1',
    ],
    [
      { baseURL: 'https://acme.example/api/public/openai/eu/v1/' },
      'https://acme.example/api/public/openai/eu/v1',
      'https://acme.example/api/public/anthropic/eu/v1',
    ],
    [
      {
        baseURL: 'https://proxy.example/llm/v1',
        anthropicBaseURL: 'https://proxy.example/claude/v1/',
      },
      'https://proxy.example/llm/v1',
      'https://proxy.example/claude/v1',
    ],
  ])('classic %j: chat on %s, Claude on %s', (settings, chat, messages) => {
    clearEnv();
    expect(resolveLangdockRoutes(settings)).toEqual({ gateway: false, chat, messages });
  });

  it('derives the Anthropic route from LANGDOCK_BASE_URL too', () => {
    clearEnv();
    vi.stubEnv('LANGDOCK_BASE_URL', 'http://127.0.0.1:4010/openai/us/v1');
    expect(resolveLangdockRoutes({}).messages).toBe('http://127.0.0.1:4010/anthropic/us/v1');
  });

  it('says how to set the Anthropic route when it cannot be derived', () => {
    clearEnv();
    const { messages } = resolveLangdockRoutes({ baseURL: 'https://proxy.example/v1' });
    expect(messages).toEqual({
      problem: expect.stringContaining('Set createLangdock({ anthropicBaseURL })'),
    });
  });

  it('sends every model to the gateway with gateway: true, or LANGDOCK_GATEWAY', () => {
    clearEnv();
    expect(resolveLangdockRoutes({ gateway: true })).toEqual({
      gateway: true,
      chat: LANGDOCK_GATEWAY_BASE_URL,
      messages: LANGDOCK_GATEWAY_BASE_URL,
    });
    vi.stubEnv('LANGDOCK_GATEWAY', '1');
    expect(resolveLangdockRoutes({}).chat).toBe('https://gateway.langdock.com/v1');
    vi.stubEnv('LANGDOCK_GATEWAY', 'true');
    expect(isLangdockGateway({})).toBe(true);
    // The setting wins over the environment.
    expect(isLangdockGateway({ gateway: false })).toBe(false);
  });

  it('takes the gateway prefix from baseURL or LANGDOCK_BASE_URL, for a proxy or the emulator', () => {
    clearEnv();
    expect(resolveLangdockRoutes({ gateway: true, baseURL: 'http://127.0.0.1:4010/v1' })).toEqual({
      gateway: true,
      chat: 'http://127.0.0.1:4010/v1',
      messages: 'http://127.0.0.1:4010/v1',
    });
    vi.stubEnv('LANGDOCK_BASE_URL', 'http://127.0.0.1:4011/v1');
    expect(resolveLangdockRoutes({ gateway: true }).chat).toBe('http://127.0.0.1:4011/v1');
  });

  it('ignores LANGDOCK_REGION on the gateway, and refuses an unreadable LANGDOCK_GATEWAY', () => {
    clearEnv();
    vi.stubEnv('LANGDOCK_REGION', 'us');
    expect(resolveLangdockRoutes({ gateway: true }).chat).toBe(LANGDOCK_GATEWAY_BASE_URL);
    vi.stubEnv('LANGDOCK_GATEWAY', 'yes please');
    expect(() => isLangdockGateway({})).toThrow('LANGDOCK_GATEWAY must be true, 1, false or 0');
  });

  it('keeps agents on the classic API when the models use the gateway', () => {
    clearEnv();
    expect(resolveLangdockAgentBaseURL({ gateway: true })).toBe('https://api.langdock.com');
    expect(
      resolveLangdockAgentBaseURL({
        gateway: true,
        agentBaseURL: 'https://acme.example/api/public',
      }),
    ).toBe('https://acme.example/api/public');
  });
});

describe('gateway settings', () => {
  it('refuses a region with the gateway, a non-boolean gateway and a bad anthropicBaseURL', () => {
    expect(() => checkLangdockSettings({ gateway: true, region: 'eu' })).toThrow(
      'The Model Gateway has no regions',
    );
    expect(() => checkLangdockSettings({ gateway: 'yes' as unknown as boolean })).toThrow(
      'gateway must be true or false; got "yes".',
    );
    expect(() => checkLangdockSettings({ anthropicBaseURL: 'ftp://x.example/v1' })).toThrow(
      'anthropicBaseURL must be an http:// or https:// URL',
    );
  });
});
