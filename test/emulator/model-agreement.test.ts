// The library and the emulator decide which models are reasoning models independently: the library by its
// id rule, the emulator by its sourced model table. Where they differ, one of them hides a defect.
import { describe, expect, it } from 'vitest';
import { emulatorModelProfile, MODEL_TABLE, REASONING_EFFORTS } from '../../emulator/index';
import { getLangdockModelCapabilities } from '../../src/core/langdock-model-capabilities';

/** Ids as workspaces and deployments wrap them: provider and region prefixes, dates, `-latest`, other cases. */
const WRAPPED_IDS = [
  'azure/o3-mini',
  'gpt-5-mini-2025-08-07',
  'eu.o4-mini',
  'my-gpt-5',
  'GPT-5.1',
  'azure/gpt-5.2',
  'o3-mini-2025-01-31',
  'gpt-5-chat-latest',
  'gpt-4o-2024-08-06',
  'azure/gpt-4.1',
  'gpt-35-turbo-0125',
  'gpt-5.1-chat-latest',
  'azure/DeepSeek-R1',
  // Ids outside the table: the emulator treats them as plain chat models, and so must the library.
  'gpt-50-preview',
  'solo1',
];

interface Disagreement {
  id: string;
  library: boolean;
  emulator: boolean;
  why: string;
}

const GPT_5_1_CHAT =
  "Azure's reasoning-models page lists gpt-5.1-chat among the reasoning models (reasoning effort, max_completion_tokens only); the library's '*-chat*' rule makes it a plain chat model, so it sends max_tokens and temperature.";
const DEEPSEEK_R1 =
  "Azure documents DeepSeek-R1 as a reasoning model that takes no temperature, top_p or presence penalty; the library's rule knows only o<digit> and gpt-5 ids, so it sends them.";

/** Where the library is wrong by the emulator's sources. Each must STILL disagree: once the library is fixed, remove it here. */
const knownLibraryDisagreements: readonly Disagreement[] = [
  { id: 'gpt-5.1-chat', library: false, emulator: true, why: GPT_5_1_CHAT },
  { id: 'gpt-5.1-chat-latest', library: false, emulator: true, why: GPT_5_1_CHAT },
  { id: 'DeepSeek-R1', library: false, emulator: true, why: DEEPSEEK_R1 },
  { id: 'azure/DeepSeek-R1', library: false, emulator: true, why: DEEPSEEK_R1 },
];

const tableIds = MODEL_TABLE.filter((row) => row.kind === 'chat').map((row) => row.id);
const allIds = [...tableIds, ...WRAPPED_IDS];
const disagreeing = new Set(knownLibraryDisagreements.map((item) => item.id));
const agreeing = allIds.filter((id) => !disagreeing.has(id));

describe('library and emulator agree on which models reason, their efforts and when they take sampling settings', () => {
  it('compares every chat row of the emulator’s table and every wrapped id', () => {
    expect(tableIds).toHaveLength(18);
    expect(knownLibraryDisagreements.map((item) => item.id).filter((id) => !allIds.includes(id))).toEqual([]);
    expect(agreeing.length + knownLibraryDisagreements.length).toBe(allIds.length);
  });

  it.each(agreeing)('%s', (id) => {
    const emulator = emulatorModelProfile(id).reasoning;
    expect({ id, isReasoningModel: getLangdockModelCapabilities(id).isReasoningModel }).toEqual({ id, isReasoningModel: emulator });
  });

  it.each(agreeing)('%s: the same reasoning_effort values and default', (id) => {
    const library = getLangdockModelCapabilities(id);
    const emulator = emulatorModelProfile(id);
    expect({ id, efforts: library.reasoningEfforts, defaultEffort: library.defaultReasoningEffort }).toEqual({
      id,
      efforts: emulator.reasoningEfforts,
      defaultEffort: emulator.defaultReasoningEffort,
    });
  });

  // The library answers one boolean for all sampling settings; the emulator's temperature verdict is the one to match.
  // (At gpt-5.1/5.2's effort none the emulator still refuses penalties and logit_bias, an assumption the README names.)
  it.each(agreeing)('%s: sampling accepted at the same efforts', (id) => {
    const library = getLangdockModelCapabilities(id);
    const emulator = emulatorModelProfile(id);
    const efforts = [undefined, ...REASONING_EFFORTS];
    const verdicts = (accepts: (effort: (typeof efforts)[number]) => boolean): string[] => efforts.map((effort) => `${effort ?? 'default'}:${accepts(effort)}`);
    expect(verdicts((effort) => library.acceptsSampling(effort))).toEqual(verdicts((effort) => !emulator.samplingRefusedAt(effort).includes('temperature')));
  });

  it.each(knownLibraryDisagreements)('$id is a known library defect and still disagrees', ({ id, library, emulator, why }) => {
    expect(why).not.toBe('');
    expect(emulatorModelProfile(id).reasoning).toBe(emulator);
    const fixed = `the library now says isReasoningModel: ${String(!library)} for ${id}; remove it from knownLibraryDisagreements`;
    expect(getLangdockModelCapabilities(id).isReasoningModel, fixed).toBe(library);
  });
});
