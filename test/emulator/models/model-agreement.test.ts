// The library and the emulator decide which models are reasoning models independently: the library by its
// id rule, the emulator by its sourced model table. Where they differ, one of them hides a defect.
import { describe, expect, it } from 'vitest';
import { emulatorModelProfile, MODEL_TABLE, REASONING_EFFORTS } from '../../../emulator/index';
import {
  getLangdockModelCapabilities,
  langdockSamplingSettings,
  type LangdockSamplingSetting,
} from '../../../src/core/chat/langdock-chat-model-capabilities';

/** The library names settings as the AI SDK does; the emulator by their wire names. */
const wireNames: Record<LangdockSamplingSetting, string[]> = {
  temperature: ['temperature'],
  topP: ['top_p'],
  frequencyPenalty: ['frequency_penalty'],
  presencePenalty: ['presence_penalty'],
  logprobs: ['logprobs', 'top_logprobs'],
  logitBias: ['logit_bias'],
};

/** Ids as workspaces and deployments wrap them: provider and region prefixes, dates, `-latest`, other cases. */
const WRAPPED_IDS = [
  'azure/o3-mini',
  'gpt-5-mini-2025-08-07',
  'eu.o4-mini',
  'my-gpt-5',
  'GPT-5.1',
  'azure/gpt-5.2',
  'gpt-5.4-2026-03-05',
  'eu.gpt-5.6',
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

/** Where the library is wrong by the emulator's sources. Each must STILL disagree: once the library is fixed, remove it here. */
const knownLibraryDisagreements: readonly Disagreement[] = [];

const tableIds = MODEL_TABLE.filter((row) => row.kind === 'chat').map((row) => row.id);
const allIds = [...tableIds, ...WRAPPED_IDS];
const disagreeing = new Set(knownLibraryDisagreements.map((item) => item.id));
const agreeing = allIds.filter((id) => !disagreeing.has(id));

describe('library and emulator agree on which models reason, their efforts and when they take sampling settings', () => {
  it('compares every chat row of the emulator’s table and every wrapped id', () => {
    expect(tableIds).toHaveLength(21);
    expect(
      knownLibraryDisagreements.map((item) => item.id).filter((id) => !allIds.includes(id)),
    ).toEqual([]);
    expect(agreeing.length + knownLibraryDisagreements.length).toBe(allIds.length);
  });

  it.each(agreeing)('%s', (id) => {
    const emulator = emulatorModelProfile(id).reasoning;
    expect({ id, isReasoningModel: getLangdockModelCapabilities(id).isReasoningModel }).toEqual({
      id,
      isReasoningModel: emulator,
    });
  });

  it.each(agreeing)('%s: the same reasoning_effort values and default', (id) => {
    const library = getLangdockModelCapabilities(id);
    const emulator = emulatorModelProfile(id);
    expect({
      id,
      efforts: library.reasoningEfforts,
      defaultEffort: library.defaultReasoningEffort,
    }).toEqual({
      id,
      efforts: emulator.reasoningEfforts,
      defaultEffort: emulator.defaultReasoningEffort,
    });
  });

  it.each(agreeing)(
    '%s: the same sampling settings refused at every effort, and the same output-token parameter',
    (id) => {
      const library = getLangdockModelCapabilities(id);
      const emulator = emulatorModelProfile(id);
      for (const effort of [undefined, ...REASONING_EFFORTS]) {
        const refusedByLibrary = langdockSamplingSettings
          .filter((setting) => !library.acceptsSampling(setting, effort))
          .flatMap((setting) => wireNames[setting]);
        expect({ id, effort, refused: [...refusedByLibrary].sort() }).toEqual({
          id,
          effort,
          refused: [...emulator.samplingRefusedAt(effort)].sort(),
        });
      }
      expect({ id, maxTokens: library.tokenLimit === 'max_tokens' }).toEqual({
        id,
        maxTokens: emulator.acceptsMaxTokens,
      });
    },
  );

  it.each(agreeing)(
    '%s: the same verbosity values, and the same refusal of an effort next to function tools',
    (id) => {
      const library = getLangdockModelCapabilities(id);
      const emulator = emulatorModelProfile(id);
      expect({
        id,
        verbosities: library.verbosities,
        effortWithFunctionTools: library.effortWithFunctionTools,
      }).toEqual({
        id,
        verbosities: emulator.verbosities,
        effortWithFunctionTools: emulator.functionToolsEffort === undefined ? 'any' : 'none',
      });
    },
  );

  it.each(knownLibraryDisagreements)(
    '$id is a known library defect and still disagrees',
    ({ id, library, emulator, why }) => {
      expect(why).not.toBe('');
      expect(emulatorModelProfile(id).reasoning).toBe(emulator);
      const fixed = `the library now says isReasoningModel: ${String(!library)} for ${id}; remove it from knownLibraryDisagreements`;
      expect(getLangdockModelCapabilities(id).isReasoningModel, fixed).toBe(library);
    },
  );
});
