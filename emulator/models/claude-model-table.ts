// The Claude models Langdock serves on `/anthropic/{region}/v1/messages`, with what each accepts and where that is written.
// Like the OpenAI table, it never asks the library: a library that misreads a model must fail against it.

/** `output_config.effort` values of adaptive thinking. */
export const CLAUDE_EFFORTS = ['low', 'medium', 'high', 'max'] as const;
export type ClaudeEffort = (typeof CLAUDE_EFFORTS)[number];

/**
 * `budget`: takes `thinking: {type: 'enabled', budget_tokens}` and refuses `adaptive`;
 * `adaptive`: takes `thinking: {type: 'adaptive'}` (with `output_config.effort`) and refuses `enabled`.
 */
export type ClaudeThinkingMode = 'budget' | 'adaptive';

export interface ClaudeModelRow {
  /** The id Langdock takes, e.g. `claude-sonnet-4-6-default`. */
  id: string;
  family: string;
  /** `display_name` of the models list. */
  displayName: string;
  /** `created_at` of the models list (RFC 3339). */
  createdAt: string;
  thinking: ClaudeThinkingMode;
  /** Effort values adaptive thinking takes; empty for budget models. */
  efforts: readonly ClaudeEffort[];
  /** The largest `max_tokens`. */
  maxOutputTokens: number;
  contextWindow: number;
  /** The shortest prefix a `cache_control` breakpoint caches; shorter ones are silently not cached. */
  minCacheTokens: number;
  /** `temperature`, `top_p` and `top_k` other than their defaults are refused: "`temperature` is deprecated for this model." */
  samplingDeprecated: boolean;
  sources: readonly string[];
  /** What no source states and the row assumes; undefined when every value is documented or seen. */
  assumed: string | undefined;
}

const MODELS_OVERVIEW = 'https://platform.claude.com/docs/en/about-claude/models/overview';
const WHATS_NEW_4_6 =
  'https://platform.claude.com/docs/en/about-claude/models/whats-new-claude-4-6';
const EXTENDED_THINKING = 'https://platform.claude.com/docs/en/build-with-claude/extended-thinking';
const ADAPTIVE_THINKING = 'https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking';
const PROMPT_CACHING = 'https://platform.claude.com/docs/en/build-with-claude/prompt-caching';
const LANGDOCK_ANTHROPIC = 'https://docs.langdock.com/api-endpoints/completion/anthropic';
// Live observations of Langdock's Claude ids and thinking refusals (README, scripts/check-upstream-models.ts).
const PI_LANGDOCK = 'https://github.com/microbial-pangenomes-lab/pi-langdock';
// Opus 4.7 and later refuse non-default temperature, top_p and top_k with a 400.
const OPUS_4_7_MIGRATION =
  'https://platform.claude.com/docs/en/about-claude/models/migration-guide';
// Anthropic's words, seen for Opus 4.8 and Sonnet 5: "`temperature` is deprecated for this model."
const OPUS_4_8_TEMPERATURE = 'https://github.com/The-PR-Agent/pr-agent/issues/2456';
const SONNET_5_TEMPERATURE = 'https://github.com/vogler75/monster-mq/issues/168';

const ADAPTIVE_SOURCES = [
  LANGDOCK_ANTHROPIC,
  PI_LANGDOCK,
  WHATS_NEW_4_6,
  ADAPTIVE_THINKING,
  MODELS_OVERVIEW,
  PROMPT_CACHING,
];
const BUDGET_SOURCES = [
  LANGDOCK_ANTHROPIC,
  PI_LANGDOCK,
  EXTENDED_THINKING,
  MODELS_OVERVIEW,
  PROMPT_CACHING,
];
const ALL_EFFORTS: readonly ClaudeEffort[] = CLAUDE_EFFORTS;
const MAX_EFFORT_ASSUMED =
  "takes every effort including 'max' (Anthropic introduced 'max' with Opus 4.6; the emulator grants it to every adaptive family)";

export const CLAUDE_MODEL_TABLE: readonly ClaudeModelRow[] = [
  {
    id: 'claude-sonnet-4-6-default',
    family: 'claude-sonnet-4.6',
    displayName: 'Claude Sonnet 4.6',
    createdAt: '2026-02-17T00:00:00Z',
    thinking: 'adaptive',
    efforts: ALL_EFFORTS,
    maxOutputTokens: 64_000,
    contextWindow: 1_000_000,
    minCacheTokens: 2048,
    samplingDeprecated: false,
    sources: ADAPTIVE_SOURCES,
    assumed: `Refusing thinking.type 'enabled' was seen live on Langdock (Anthropic only deprecates it); ${MAX_EFFORT_ASSUMED}; the 2048-token cache minimum; created_at.`,
  },
  {
    id: 'claude-opus-4-6-default',
    family: 'claude-opus-4.6',
    displayName: 'Claude Opus 4.6',
    createdAt: '2026-02-05T00:00:00Z',
    thinking: 'adaptive',
    efforts: ALL_EFFORTS,
    maxOutputTokens: 128_000,
    contextWindow: 1_000_000,
    minCacheTokens: 4096,
    samplingDeprecated: false,
    sources: ADAPTIVE_SOURCES,
    assumed:
      "Refusing thinking.type 'enabled' was seen live on Langdock (Anthropic only deprecates it); the id with '-default' (seen for Sonnet 4.6 and Opus 4.8).",
  },
  {
    id: 'claude-opus-4-8-default',
    family: 'claude-opus-4.8',
    displayName: 'Claude Opus 4.8',
    createdAt: '2026-06-01T00:00:00Z',
    thinking: 'adaptive',
    efforts: ALL_EFFORTS,
    maxOutputTokens: 128_000,
    contextWindow: 1_000_000,
    minCacheTokens: 4096,
    samplingDeprecated: true,
    sources: [...ADAPTIVE_SOURCES, OPUS_4_7_MIGRATION, OPUS_4_8_TEMPERATURE],
    assumed:
      "Output limit, context window and cache minimum as Opus 4.6 (no source gives them); created_at. The id and the refusal of thinking.type enabled were seen live; the wording for top_p and top_k (as temperature's), and that temperature and top_p of 1 pass.",
  },
  {
    id: 'claude-sonnet-5-default',
    family: 'claude-sonnet-5',
    displayName: 'Claude Sonnet 5',
    createdAt: '2026-07-01T00:00:00Z',
    thinking: 'adaptive',
    efforts: ALL_EFFORTS,
    maxOutputTokens: 64_000,
    contextWindow: 1_000_000,
    minCacheTokens: 2048,
    samplingDeprecated: true,
    sources: [...ADAPTIVE_SOURCES, OPUS_4_7_MIGRATION, SONNET_5_TEMPERATURE],
    assumed:
      "Output limit, context window and cache minimum as Sonnet 4.6 (no source gives them); created_at. The id and the refusal of thinking.type enabled were seen live; the wording for top_p and top_k (as temperature's), and that temperature and top_p of 1 pass.",
  },
  {
    id: 'claude-haiku-4-5-20251001',
    family: 'claude-haiku-4.5',
    displayName: 'Claude Haiku 4.5',
    createdAt: '2025-10-01T00:00:00Z',
    thinking: 'budget',
    efforts: [],
    maxOutputTokens: 64_000,
    contextWindow: 200_000,
    minCacheTokens: 4096,
    samplingDeprecated: false,
    sources: BUDGET_SOURCES,
    assumed: undefined,
  },
  {
    id: 'claude-sonnet-4-5-20250929',
    family: 'claude-sonnet-4.5',
    displayName: 'Claude Sonnet 4.5',
    createdAt: '2025-09-29T00:00:00Z',
    thinking: 'budget',
    efforts: [],
    maxOutputTokens: 64_000,
    contextWindow: 200_000,
    minCacheTokens: 1024,
    samplingDeprecated: false,
    sources: BUDGET_SOURCES,
    assumed: 'That Langdock still serves it (not in the ids seen live).',
  },
  {
    id: 'claude-opus-4-1-20250805',
    family: 'claude-opus-4.1',
    displayName: 'Claude Opus 4.1',
    createdAt: '2025-08-05T00:00:00Z',
    thinking: 'budget',
    efforts: [],
    maxOutputTokens: 32_000,
    contextWindow: 200_000,
    minCacheTokens: 1024,
    samplingDeprecated: false,
    sources: BUDGET_SOURCES,
    assumed: 'That Langdock still serves it (not in the ids seen live).',
  },
];

const CLAUDE_ROWS = new Map(CLAUDE_MODEL_TABLE.map((row) => [row.id, row]));

export function claudeModelRow(id: string): ClaudeModelRow | undefined {
  return CLAUDE_ROWS.get(id);
}

/**
 * Langdock's `@` spelling of an id (seen live): `claude-sonnet-4-6@default` names `claude-sonnet-4-6-default`
 * and answers with `model: 'claude-sonnet-4-6'`; `claude-haiku-4-5@20251001` names `claude-haiku-4-5-20251001`.
 * Returns the id to look up and the `model` the answer carries, or undefined for ids without `@`.
 */
export function resolveAtSuffix(id: string): { lookup: string; answer: string } | undefined {
  const at = id.lastIndexOf('@');
  if (at <= 0 || at === id.length - 1) return undefined;
  const base = id.slice(0, at);
  const suffix = id.slice(at + 1);
  return { lookup: `${base}-${suffix}`, answer: suffix === 'default' ? base : `${base}-${suffix}` };
}
