import { describe, expect, it } from 'vitest';
import {
  getLangdockMessagesModelCapabilities,
  isLangdockClaudeModelId,
  parseLangdockClaudeModelId,
} from '../../../src/core/messages/langdock-messages-model-capabilities';

const toMax = ['low', 'medium', 'high', 'max'];
const toXhigh = ['low', 'medium', 'high', 'xhigh', 'max'];

describe('getLangdockMessagesModelCapabilities', () => {
  it.each<[string, string | undefined, number | undefined, number, string, string[], boolean]>([
    // id, family, max output, default max_tokens, thinking, efforts, accepts sampling
    ['claude-sonnet-5-default', 'claude-sonnet-5', 128_000, 16_000, 'adaptive', toXhigh, false],
    ['claude-opus-5', 'claude-opus-5', 128_000, 16_000, 'adaptive', toXhigh, false],
    ['claude-opus-4-8-default', 'claude-opus-4-8', 128_000, 16_000, 'adaptive', toXhigh, false],
    ['claude-opus-4-7@default', 'claude-opus-4-7', 128_000, 16_000, 'adaptive', toXhigh, false],
    ['claude-opus-4-6-default', 'claude-opus-4-6', 128_000, 16_000, 'adaptive', toMax, true],
    ['claude-sonnet-4-6-default', 'claude-sonnet-4-6', 128_000, 16_000, 'adaptive', toMax, true],
    ['claude-sonnet-4-6', 'claude-sonnet-4-6', 128_000, 16_000, 'adaptive', toMax, true],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5', 64_000, 16_000, 'budget', [], true],
    ['claude-haiku-4-5@20251001', 'claude-haiku-4-5', 64_000, 16_000, 'budget', [], true],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 64_000, 16_000, 'budget', [], true],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5', 64_000, 16_000, 'budget', [], true],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1', 32_000, 16_000, 'budget', [], true],
    ['claude-opus-4-20250514', 'claude-opus-4', 32_000, 16_000, 'budget', [], true],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4', 64_000, 16_000, 'budget', [], true],
    ['claude-3-7-sonnet-20250219', 'claude-sonnet-3-7', 64_000, 8_192, 'budget', [], true],
    ['claude-3-5-haiku-20241022', 'claude-haiku-3-5', 8_192, 8_192, 'none', [], true],
    ['claude-3-5-sonnet-20241022', 'claude-sonnet-3-5', 8_192, 8_192, 'none', [], true],
    ['claude-3-haiku-20240307', 'claude-haiku-3', 4_096, 4_096, 'none', [], true],
    ['CLAUDE-SONNET-4-6-DEFAULT', 'claude-sonnet-4-6', 128_000, 16_000, 'adaptive', toMax, true],
    [
      'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'claude-sonnet-4-5',
      64_000,
      16_000,
      'budget',
      [],
      true,
    ],
    // Unknown families: judged by their version, never capped.
    ['claude-sonnet-5-5-default', undefined, undefined, 16_000, 'adaptive', toXhigh, false],
    ['claude-fable-5-1', undefined, undefined, 16_000, 'adaptive', toXhigh, false],
    ['claude-haiku-4-6', undefined, undefined, 16_000, 'adaptive', toMax, true],
    ['claude-haiku-4-2', undefined, undefined, 16_000, 'budget', [], true],
    ['claude-3-9-sonnet', undefined, undefined, 8_192, 'budget', [], true],
    ['claude-3-1-sonnet', undefined, undefined, 8_192, 'none', [], true],
    ['claude-next', undefined, undefined, 4_096, 'budget', [], true],
  ])(
    '%s',
    (modelId, family, maxOutputTokens, defaultMaxTokens, thinking, efforts, acceptsSampling) => {
      expect(getLangdockMessagesModelCapabilities(modelId)).toMatchObject({
        family,
        maxOutputTokens,
        defaultMaxTokens,
        thinking,
        efforts,
        acceptsSampling,
      });
    },
  );

  it.each<[string, boolean, boolean]>([
    // id, thinks by default, omits thinking text by default
    ['claude-opus-5-default', true, true],
    ['claude-sonnet-5-default', false, true],
    ['claude-opus-4-7', false, true],
    ['claude-opus-4-6', false, false],
    ['claude-haiku-4-5', false, false],
  ])('%s: thinks by default %s, omits thinking %s', (modelId, thinksByDefault, omits) => {
    const capabilities = getLangdockMessagesModelCapabilities(modelId);
    expect(capabilities.thinksByDefault).toBe(thinksByDefault);
    expect(capabilities.omitsThinkingByDefault).toBe(omits);
  });
});

describe('parseLangdockClaudeModelId', () => {
  it.each<[string, { tier: string; major: number; minor: number } | undefined]>([
    ['claude-sonnet-4-6-default', { tier: 'sonnet', major: 4, minor: 6 }],
    ['claude-opus-4-20250514', { tier: 'opus', major: 4, minor: 0 }],
    ['claude-haiku-4-5@20251001', { tier: 'haiku', major: 4, minor: 5 }],
    ['claude-sonnet-5', { tier: 'sonnet', major: 5, minor: 0 }],
    ['claude-3-7-sonnet-latest', { tier: 'sonnet', major: 3, minor: 7 }],
    ['claude-3-opus-20240229', { tier: 'opus', major: 3, minor: 0 }],
    ['anthropic/claude-opus-4-8', { tier: 'opus', major: 4, minor: 8 }],
    ['claude-instant-1', undefined],
    ['gpt-4.1', undefined],
  ])('%s', (modelId, expected) => {
    expect(parseLangdockClaudeModelId(modelId)).toEqual(expected);
  });
});

describe('isLangdockClaudeModelId', () => {
  it.each<[string, boolean]>([
    ['claude-sonnet-4-6-default', true],
    ['claude-haiku-4-5@20251001', true],
    ['claude-sonnet-4-6@default', true],
    ['Claude-Opus-4-8-Default', true],
    ['claude-next', true],
    // Langdock refuses prefixed ids; the Messages route's error lists the ids it serves.
    ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', true],
    ['anthropic/claude-sonnet-4-6', true],
    ['gpt-4.1', false],
    ['my-claude-proxy', false],
    ['claude', false],
    ['langdock-llama-3.3-70b', false],
  ])('%s → %s', (modelId, expected) => {
    expect(isLangdockClaudeModelId(modelId)).toBe(expected);
  });
});
