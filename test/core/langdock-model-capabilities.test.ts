import { describe, expect, it } from 'vitest';
import { getLangdockModelCapabilities } from '../../src/core/langdock-model-capabilities';

describe('getLangdockModelCapabilities', () => {
  it.each([
    ['o1', true],
    ['o3', true],
    ['o3-mini', true],
    ['o4-mini', true],
    ['gpt-5', true],
    ['gpt-5-mini', true],
    ['gpt-5-nano', true],
    ['gpt-5.1', true],
    ['GPT-5-Mini', true],
    ['gpt-5-mini-2025-08-07', true],
    ['azure/o3-mini', true],
    ['eu.o4-mini', true],
    ['workspace:gpt-5', true],
    ['my-gpt-5', true],
    ['gpt-5-chat', false],
    ['gpt-5-chat-latest', false],
    ['gpt-5.1-chat', false],
    ['gpt-4.1', false],
    ['gpt-4.1-mini', false],
    ['gpt-4o', false],
    ['gpt-4o-mini', false],
    ['gpt-35-turbo', false],
    ['gpt-50', false],
    ['claude-sonnet-4', false],
    ['foo1', false],
    ['solo3', false],
  ])('%s -> reasoning %s', (modelId, expected) => {
    expect(getLangdockModelCapabilities(modelId).isReasoningModel).toBe(expected);
  });

  it('lets a model setting override the detection both ways', () => {
    expect(getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }).isReasoningModel).toBe(true);
    expect(getLangdockModelCapabilities('o3', { isReasoningModel: false }).isReasoningModel).toBe(false);
  });
});
