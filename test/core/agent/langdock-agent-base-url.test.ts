import { InvalidArgumentError } from '@ai-sdk/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveLangdockAgentBaseURL } from '../../../src/core/agent/langdock-agent-base-url';
import { checkLangdockSettings } from '../../../src/core/langdock-provider-settings';

afterEach(() => vi.unstubAllEnvs());

describe('resolveLangdockAgentBaseURL', () => {
  it.each([
    { settings: {}, expected: 'https://api.langdock.com' },
    { settings: { region: 'us' as const }, expected: 'https://api.langdock.com' },
    {
      settings: { baseURL: 'https://api.langdock.com/openai/eu/v1/' },
      expected: 'https://api.langdock.com',
    },
    {
      settings: { baseURL: 'https://langdock.acme.example/api/public/openai/eu/v1' },
      expected: 'https://langdock.acme.example/api/public',
    },
    {
      settings: { baseURL: 'http://127.0.0.1:4010/openai/eu/v1' },
      expected: 'http://127.0.0.1:4010',
    },
    {
      settings: {
        baseURL: 'https://proxy.example/langdock',
        agentBaseURL: 'https://proxy.example/agents/',
      },
      expected: 'https://proxy.example/agents',
    },
  ])('$settings -> $expected', ({ settings, expected }) => {
    vi.stubEnv('LANGDOCK_BASE_URL', '');
    vi.stubEnv('LANGDOCK_REGION', '');
    expect(resolveLangdockAgentBaseURL(settings)).toBe(expected);
  });

  it('derives it from LANGDOCK_BASE_URL too', () => {
    vi.stubEnv('LANGDOCK_BASE_URL', 'https://ld.example.org/api/public/openai/us/v1');
    expect(resolveLangdockAgentBaseURL({})).toBe('https://ld.example.org/api/public');
  });

  it('asks for agentBaseURL when the chat base URL has no /openai/<region>/v1 to drop', () => {
    expect(() =>
      resolveLangdockAgentBaseURL({ baseURL: 'https://proxy.example/langdock' }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      resolveLangdockAgentBaseURL({ baseURL: 'https://proxy.example/langdock' }),
    ).toThrow(
      'The Agents API base URL cannot be derived from baseURL "https://proxy.example/langdock": it does not end in /openai/<region>/v1. Set createLangdock({ agentBaseURL })',
    );
  });

  it('is a checked setting: an http(s) URL', () => {
    expect(checkLangdockSettings({ agentBaseURL: 'https://x.example' }).agentBaseURL).toBe(
      'https://x.example',
    );
    expect(() => checkLangdockSettings({ agentBaseURL: 'ftp://x.example' })).toThrow(
      'agentBaseURL must be an http:// or https:// URL',
    );
  });
});
