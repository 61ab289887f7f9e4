// The emulator's Claude table and Anthropic's models list built from it.
import { describe, expect, it } from 'vitest';
import { startLangdockEmulator } from '../../../emulator/index';
import {
  CLAUDE_EFFORTS,
  CLAUDE_MODEL_TABLE,
  resolveAtSuffix,
} from '../../../emulator/models/claude-model-table';
import { call } from '../helpers';

describe('the Claude model table', () => {
  it('has the rows the issue names, each with limits, a thinking mode and https sources', () => {
    expect(
      CLAUDE_MODEL_TABLE.map((row) => [
        row.id,
        row.thinking,
        row.maxOutputTokens,
        row.contextWindow,
      ]),
    ).toEqual([
      ['claude-sonnet-4-6-default', 'adaptive', 64_000, 1_000_000],
      ['claude-opus-4-6-default', 'adaptive', 128_000, 1_000_000],
      ['claude-opus-4-8-default', 'adaptive', 128_000, 1_000_000],
      ['claude-sonnet-5-default', 'adaptive', 64_000, 1_000_000],
      ['claude-haiku-4-5-20251001', 'budget', 64_000, 200_000],
      ['claude-sonnet-4-5-20250929', 'budget', 64_000, 200_000],
      ['claude-opus-4-1-20250805', 'budget', 32_000, 200_000],
    ]);
    for (const row of CLAUDE_MODEL_TABLE) {
      expect(row.sources.length, row.id).toBeGreaterThan(0);
      for (const source of row.sources) expect(source, row.id).toMatch(/^https:\/\//);
      expect(row.efforts, row.id).toEqual(row.thinking === 'adaptive' ? [...CLAUDE_EFFORTS] : []);
    }
  });

  it('marks the rows that rest on assumptions', () => {
    expect(
      CLAUDE_MODEL_TABLE.filter((row) => row.assumed === undefined).map((row) => row.id),
    ).toEqual(['claude-haiku-4-5-20251001']);
  });

  it.each([
    {
      id: 'claude-sonnet-4-6@default',
      lookup: 'claude-sonnet-4-6-default',
      answer: 'claude-sonnet-4-6',
    },
    {
      id: 'claude-haiku-4-5@20251001',
      lookup: 'claude-haiku-4-5-20251001',
      answer: 'claude-haiku-4-5-20251001',
    },
  ])('reads the @ spelling $id', ({ id, lookup, answer }) => {
    expect(resolveAtSuffix(id)).toEqual({ lookup, answer });
  });

  it('has no @ spelling for plain or malformed ids', () => {
    expect([
      resolveAtSuffix('claude-sonnet-4-6-default'),
      resolveAtSuffix('@x'),
      resolveAtSuffix('a@'),
    ]).toEqual([undefined, undefined, undefined]);
  });
});

describe('GET /anthropic/{region}/v1/models', () => {
  it('lists the Claude models in Anthropic’s shape, and nothing for a region configured empty', async () => {
    const emulator = await startLangdockEmulator({ emptyAnthropicModelRegions: ['us'] });
    try {
      const eu = await call(`${emulator.anthropicBaseURLFor('eu')}/models`);
      expect(eu.status).toBe(200);
      const list = eu.json as { data: Array<Record<string, unknown>> };
      expect(list).toEqual({
        data: CLAUDE_MODEL_TABLE.map((row) => ({
          type: 'model',
          id: row.id,
          display_name: row.displayName,
          created_at: row.createdAt,
        })),
        has_more: false,
        first_id: 'claude-sonnet-4-6-default',
        last_id: 'claude-opus-4-1-20250805',
      });
      const us = await call(`${emulator.anthropicBaseURLFor('us', { dedicated: true })}/models`);
      expect(us.json).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
    } finally {
      await emulator.close();
    }
  });

  it('lists only the configured Claude models', async () => {
    const emulator = await startLangdockEmulator({
      models: ['gpt-4.1', 'claude-opus-4-6-default'],
    });
    try {
      const anthropic = await call(`${emulator.anthropicBaseURLFor('eu')}/models`);
      const openai = await call(`${emulator.baseURL}/models`);
      expect((anthropic.json as { data: Array<{ id: string }> }).data.map((m) => m.id)).toEqual([
        'claude-opus-4-6-default',
      ]);
      expect((openai.json as { data: Array<{ id: string }> }).data.map((m) => m.id)).toEqual([
        'gpt-4.1',
      ]);
    } finally {
      await emulator.close();
    }
  });
});
