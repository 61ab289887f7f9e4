import { describe, expect, it } from 'vitest';
import {
  emulatorModelProfile,
  MODEL_TABLE,
  REASONING_EFFORTS,
  resolveModelRow,
  SAMPLING_SETTINGS,
} from '../../../emulator/models/model-table';

describe('resolveModelRow: the emulator’s own matching rule', () => {
  it.each([
    { id: 'gpt-5-mini', row: 'gpt-5-mini' },
    { id: 'azure/o3-mini', row: 'o3-mini' },
    { id: 'openai:gpt-4o', row: 'gpt-4o' },
    { id: 'eu.o4-mini', row: 'o4-mini' },
    { id: 'my-gpt-5', row: 'gpt-5' },
    { id: 'GPT-5.1', row: 'gpt-5.1' },
    { id: 'gpt-5-mini-2025-08-07', row: 'gpt-5-mini' },
    { id: 'gpt-5-chat-latest', row: 'gpt-5-chat' },
    { id: 'gpt-5.1-chat-latest', row: 'gpt-5.1-chat' },
    { id: 'o3-mini-2025-01-31', row: 'o3-mini' },
    { id: 'gpt-35-turbo-0125', row: 'gpt-35-turbo' },
    { id: 'gpt-4o-2024-08-06', row: 'gpt-4o' },
    { id: 'deepseek-r1', row: 'DeepSeek-R1' },
    { id: 'azure/DeepSeek-R1', row: 'DeepSeek-R1' },
    { id: 'text-embedding-3-large', row: 'text-embedding-3-large' },
    { id: 'gpt-50-preview', row: undefined },
    { id: 'solo1', row: undefined },
    { id: 'gpt-5.3', row: undefined },
    { id: 'o1-mini', row: undefined },
    { id: 'gpt-4o-mini-tts', row: undefined },
  ])('$id -> $row', ({ id, row }) => {
    expect(resolveModelRow(id)?.id).toBe(row);
  });
});

describe('the model table', () => {
  it('has unique ids and at least the models the issue names', () => {
    const ids = MODEL_TABLE.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'gpt-5',
      'gpt-5-mini',
      'gpt-5-nano',
      'gpt-5-chat',
      'gpt-5.1',
      'gpt-5.1-chat',
      'gpt-5.2',
      'gpt-5.4',
      'gpt-5.5',
      'gpt-5.6',
      'o1',
      'o3',
      'o3-mini',
      'o4-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-35-turbo',
      'DeepSeek-R1',
      'text-embedding-3-small',
      'text-embedding-3-large',
      'text-embedding-ada-002',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('cites a source for every row and keeps its values consistent', () => {
    for (const row of MODEL_TABLE) {
      expect(row.sources.length, row.id).toBeGreaterThan(0);
      for (const source of row.sources) expect(source, row.id).toMatch(/^https:\/\//);
      if (row.kind !== 'chat') continue;
      for (const effort of row.reasoningEfforts) expect(REASONING_EFFORTS).toContain(effort);
      for (const setting of row.refusesSampling) expect(SAMPLING_SETTINGS).toContain(setting);
      if (row.defaultReasoningEffort !== undefined)
        expect(row.reasoningEfforts).toContain(row.defaultReasoningEffort);
      if (!row.reasoning)
        expect({ id: row.id, efforts: row.reasoningEfforts, refuses: row.refusesSampling }).toEqual(
          { id: row.id, efforts: [], refuses: [] },
        );
    }
  });

  it.each([
    { id: 'o1', efforts: ['low', 'medium', 'high'] },
    { id: 'o3', efforts: ['low', 'medium', 'high'] },
    { id: 'o3-mini', efforts: ['low', 'medium', 'high'] },
    { id: 'o4-mini', efforts: ['low', 'medium', 'high'] },
    { id: 'gpt-5', efforts: ['minimal', 'low', 'medium', 'high'] },
    { id: 'gpt-5-mini', efforts: ['minimal', 'low', 'medium', 'high'] },
    { id: 'gpt-5-nano', efforts: ['minimal', 'low', 'medium', 'high'] },
    { id: 'gpt-5.1', efforts: ['none', 'low', 'medium', 'high'] },
    { id: 'gpt-5.2', efforts: ['none', 'low', 'medium', 'high', 'xhigh'] },
    { id: 'gpt-5.1-chat', efforts: ['medium'] },
    { id: 'DeepSeek-R1', efforts: [] },
    { id: 'gpt-5-chat', efforts: [] },
    { id: 'gpt-4.1', efforts: [] },
  ])('$id takes reasoning_effort $efforts', ({ id, efforts }) => {
    expect(emulatorModelProfile(id).reasoningEfforts).toEqual(efforts);
  });

  it('marks the rows that rest on assumptions', () => {
    const assumed = MODEL_TABLE.filter((row) => row.assumed !== undefined).map((row) => row.id);
    expect(assumed).toEqual([
      'gpt-5-chat',
      'gpt-5.1',
      'gpt-5.1-chat',
      'gpt-5.2',
      'gpt-5.4',
      'gpt-5.5',
      'gpt-5.6',
      'DeepSeek-R1',
    ]);
  });

  it.each([
    { id: 'gpt-5', verbosities: ['low', 'medium', 'high'], tools: undefined },
    { id: 'gpt-5-chat', verbosities: ['medium'], tools: undefined },
    { id: 'gpt-5.1-chat', verbosities: ['medium'], tools: undefined },
    { id: 'gpt-5.1', verbosities: ['low', 'medium', 'high'], tools: undefined },
    { id: 'gpt-5.2', verbosities: ['low', 'medium', 'high'], tools: 'absent-or-none' },
    { id: 'gpt-5.4', verbosities: ['low', 'medium', 'high'], tools: 'absent-or-none' },
    { id: 'gpt-5.5', verbosities: ['low', 'medium', 'high'], tools: 'absent-or-none' },
    { id: 'gpt-5.6', verbosities: ['low', 'medium', 'high'], tools: 'explicit-none' },
    { id: 'o3', verbosities: [], tools: undefined },
    { id: 'gpt-4.1', verbosities: [], tools: undefined },
    { id: 'DeepSeek-R1', verbosities: [], tools: undefined },
  ])('$id takes verbosity $verbosities; effort with function tools: $tools', (row) => {
    const profile = emulatorModelProfile(row.id);
    expect({
      id: row.id,
      verbosities: profile.verbosities,
      tools: profile.functionToolsEffort,
    }).toEqual(row);
  });

  it('gives gpt-5.4 to 5.6 gpt-5.2’s efforts, default and sampling at none', () => {
    const reference = emulatorModelProfile('gpt-5.2');
    for (const id of ['gpt-5.4', 'gpt-5.5', 'gpt-5.6']) {
      const profile = emulatorModelProfile(id);
      expect({
        id,
        efforts: profile.reasoningEfforts,
        default: profile.defaultReasoningEffort,
        atNone: profile.samplingRefusedAt('none'),
        atHigh: profile.samplingRefusedAt('high'),
      }).toEqual({
        id,
        efforts: reference.reasoningEfforts,
        default: 'none',
        atNone: reference.samplingRefusedAt('none'),
        atHigh: reference.samplingRefusedAt('high'),
      });
    }
  });
});

describe('emulatorModelProfile', () => {
  const all = [...SAMPLING_SETTINGS];
  it.each([
    {
      id: 'gpt-5.1',
      effort: undefined,
      refused: ['presence_penalty', 'frequency_penalty', 'logit_bias'],
    },
    {
      id: 'gpt-5.1',
      effort: 'none',
      refused: ['presence_penalty', 'frequency_penalty', 'logit_bias'],
    },
    { id: 'gpt-5.1', effort: 'low', refused: all },
    { id: 'gpt-5.2', effort: 'xhigh', refused: all },
    { id: 'gpt-5', effort: undefined, refused: all },
    { id: 'gpt-5', effort: 'minimal', refused: all },
    { id: 'o3', effort: 'high', refused: all },
    {
      id: 'DeepSeek-R1',
      effort: undefined,
      refused: ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'],
    },
    { id: 'gpt-4o', effort: undefined, refused: [] },
    { id: 'gpt-50-preview', effort: undefined, refused: [] },
  ])('$id at effort $effort refuses $refused', ({ id, effort, refused }) => {
    expect(emulatorModelProfile(id).samplingRefusedAt(effort)).toEqual(refused);
  });

  it('describes an id the table does not know as a plain chat model', () => {
    const profile = emulatorModelProfile('house-model');
    expect({ ...profile, samplingRefusedAt: profile.samplingRefusedAt(undefined) }).toEqual({
      row: undefined,
      reasoning: false,
      reasoningEfforts: [],
      defaultReasoningEffort: undefined,
      acceptsMaxTokens: true,
      reasoningContent: false,
      verbosities: [],
      functionToolsEffort: undefined,
      samplingDeprecated: false,
      samplingRefusedAt: [],
    });
  });

  it('resolves wrapped ids to their row', () => {
    const profile = emulatorModelProfile('azure/gpt-5.1-2025-11-13');
    expect([
      profile.row,
      profile.reasoning,
      profile.defaultReasoningEffort,
      profile.acceptsMaxTokens,
    ]).toEqual(['gpt-5.1', true, 'none', false]);
  });
});
