import { describe, expect, it } from 'vitest';
import {
  getLangdockModelCapabilities,
  langdockSamplingSettings,
  nearestLangdockReasoningEffort,
} from '../../../src/core/chat/langdock-chat-model-capabilities';

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
    ['gpt-5.1-chat', true],
    ['gpt-5.2-chat-latest', true],
    ['DeepSeek-R1', true],
    ['azure/deepseek-r1-0528', true],
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
    expect(
      getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }).isReasoningModel,
    ).toBe(true);
    expect(getLangdockModelCapabilities('o3', { isReasoningModel: false }).isReasoningModel).toBe(
      false,
    );
  });

  it.each([
    ['o1', ['low', 'medium', 'high'], 'medium'],
    ['o1-mini', [], undefined],
    ['o1-preview-2024-09-12', [], undefined],
    ['azure/o3-mini', ['low', 'medium', 'high'], 'medium'],
    ['o4-mini-2025-04-16', ['low', 'medium', 'high'], 'medium'],
    ['gpt-5', ['minimal', 'low', 'medium', 'high'], 'medium'],
    ['gpt-5-mini-2025-08-07', ['minimal', 'low', 'medium', 'high'], 'medium'],
    ['my-gpt-5-nano', ['minimal', 'low', 'medium', 'high'], 'medium'],
    ['gpt-5-pro', ['high'], 'high'],
    ['gpt-5.1', ['none', 'low', 'medium', 'high'], 'none'],
    ['eu.gpt-5.1-2025-11-13', ['none', 'low', 'medium', 'high'], 'none'],
    ['gpt-5.1-codex-max', ['none', 'low', 'medium', 'high', 'xhigh'], 'none'],
    ['gpt-5.2', ['none', 'low', 'medium', 'high', 'xhigh'], 'none'],
    ['gpt-5.4-mini', ['none', 'low', 'medium', 'high', 'xhigh'], 'none'],
    ['gpt-4.1', [], undefined],
    ['gpt-5.1-chat', ['medium'], 'medium'],
    ['DeepSeek-R1', [], undefined],
  ])('%s accepts reasoning_effort %j, default %s', (modelId, efforts, defaultEffort) => {
    const capabilities = getLangdockModelCapabilities(modelId);
    expect(capabilities.reasoningEfforts).toEqual(efforts);
    expect(capabilities.defaultReasoningEffort).toBe(defaultEffort);
  });

  it('knows no efforts for a reasoning model whose family it cannot tell', () => {
    expect(
      getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }).reasoningEfforts,
    ).toBeUndefined();
  });

  it.each([
    ['gpt-4.1', undefined, 'temperature topP frequencyPenalty presencePenalty logprobs logitBias'],
    ['gpt-4.1', 'high', 'temperature topP frequencyPenalty presencePenalty logprobs logitBias'],
    ['o3', undefined, ''],
    ['o3', 'low', ''],
    ['gpt-5', 'minimal', ''],
    ['gpt-5.1', undefined, 'temperature topP logprobs'],
    ['gpt-5.1', 'none', 'temperature topP logprobs'],
    ['gpt-5.1', 'low', ''],
    ['gpt-5.2', 'none', 'temperature topP logprobs'],
    ['gpt-5.2', 'xhigh', ''],
    ['gpt-5.1-chat', undefined, ''],
    ['gpt-5-pro', undefined, ''],
    ['DeepSeek-R1', undefined, 'logprobs logitBias'],
  ] as const)('%s at effort %s accepts: %s', (modelId, effort, expected) => {
    const capabilities = getLangdockModelCapabilities(modelId);
    expect(
      langdockSamplingSettings
        .filter((setting) => capabilities.acceptsSampling(setting, effort))
        .join(' '),
    ).toBe(expected);
  });

  it('accepts no sampling settings on a reasoning model of unknown family', () => {
    const capabilities = getLangdockModelCapabilities('my-deployment', { isReasoningModel: true });
    expect(
      langdockSamplingSettings.filter((setting) => capabilities.acceptsSampling(setting, 'none')),
    ).toEqual([]);
  });

  it.each([
    ['gpt-5.2', 'none'],
    ['gpt-5.3-2026-01-01', 'none'],
    ['azure/gpt-5.4-mini', 'none'],
    ['gpt-5.5', 'none'],
    ['gpt-5.6-terra', 'none'],
    ['gpt-5.10', 'none'],
    ['gpt-5.1', 'any'],
    ['gpt-5.1-codex-max', 'any'],
    ['gpt-5.2-chat', 'any'],
    ['gpt-5', 'any'],
    ['o3', 'any'],
    ['DeepSeek-R1', 'any'],
    ['gpt-4.1', 'any'],
  ])('%s takes reasoning_effort %s next to function tools', (modelId, expected) => {
    expect(getLangdockModelCapabilities(modelId).effortWithFunctionTools).toBe(expected);
  });

  it('assumes nothing about function tools on a reasoning model of unknown family', () => {
    expect(
      getLangdockModelCapabilities('my-deployment', { isReasoningModel: true })
        .effortWithFunctionTools,
    ).toBe('any');
  });

  it.each([
    ['gpt-5', ['low', 'medium', 'high']],
    ['my-gpt-5-nano', ['low', 'medium', 'high']],
    ['gpt-5.1', ['low', 'medium', 'high']],
    ['gpt-5.6-terra', ['low', 'medium', 'high']],
    ['gpt-5-chat', ['medium']],
    ['gpt-5-chat-latest', ['medium']],
    ['gpt-5.2-chat', ['medium']],
    ['gpt-4.1', []],
    ['o3', []],
    ['DeepSeek-R1', []],
    ['gpt-50', []],
  ])('%s takes verbosity %j', (modelId, expected) => {
    expect(getLangdockModelCapabilities(modelId).verbosities).toEqual(expected);
  });

  it('knows no verbosity values for a reasoning model whose family it cannot tell', () => {
    expect(
      getLangdockModelCapabilities('my-deployment', { isReasoningModel: true }).verbosities,
    ).toBeUndefined();
    expect(
      getLangdockModelCapabilities('my-deployment', { isReasoningModel: false }).verbosities,
    ).toEqual([]);
  });

  it.each([
    ['gpt-4.1', 'max_tokens'],
    ['o3', 'max_completion_tokens'],
    ['gpt-5.1-chat', 'max_completion_tokens'],
    ['DeepSeek-R1', 'max_tokens'],
  ])('%s limits its output with %s', (modelId, parameter) => {
    expect(getLangdockModelCapabilities(modelId).tokenLimit).toBe(parameter);
  });

  it.each([
    [['low', 'medium', 'high'], 'none', 'low'],
    [['low', 'medium', 'high'], 'minimal', 'low'],
    [['low', 'medium', 'high'], 'xhigh', 'high'],
    [['low', 'medium', 'high'], 'max', 'high'],
    [['none', 'low', 'medium', 'high', 'xhigh'], 'max', 'xhigh'],
    [['none', 'low', 'medium', 'high'], 'minimal', 'low'],
    [['minimal', 'low', 'medium', 'high'], 'medium', 'medium'],
    [[], 'high', undefined],
  ] as const)('the nearest of %j to %s is %s', (efforts, wanted, expected) => {
    expect(nearestLangdockReasoningEffort(efforts, wanted)).toBe(expected);
  });
});
