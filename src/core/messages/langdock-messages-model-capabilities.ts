import type { LangdockMessagesEffort } from './langdock-messages-api-types';

/** How a Claude model thinks: `adaptive` (effort), `budget` (`enabled` with `budget_tokens`), or not at all. */
export type LangdockClaudeThinkingMode = 'adaptive' | 'budget' | 'none';

export interface LangdockMessagesModelCapabilities {
  /** The family the id was matched to (`claude-opus-4-6`), or undefined for an id this package does not know. */
  family: string | undefined;
  /** The most output tokens the family produces; undefined when the family is not known (nothing is capped then). */
  maxOutputTokens: number | undefined;
  /** `max_tokens` when the caller gives none (the format requires one). */
  defaultMaxTokens: number;
  thinking: LangdockClaudeThinkingMode;
  /** The `output_config.effort` values the family takes, lowest first (empty unless thinking is adaptive). */
  efforts: readonly LangdockMessagesEffort[];
  /** False where temperature, top_p and top_k are refused outright (Claude Opus 4.7 and later). */
  acceptsSampling: boolean;
  /** The model thinks when no `thinking` is sent (Claude Opus 5): turning it off takes `{type:'disabled'}`. */
  thinksByDefault: boolean;
  /** The model returns empty thinking text unless `display: 'summarized'` is sent (Claude Opus 4.7 and later). */
  omitsThinkingByDefault: boolean;
}

// Max output per family, from Anthropic's models overview and per-model pages
// (https://platform.claude.com/docs/en/about-claude/models/overview, …/models/<model>/overview):
// 3 Haiku/Sonnet/Opus 4,096; 3.5 Sonnet/Haiku 8,192; 3.7 Sonnet 64K (128K only with a beta header, not sent);
// Sonnet 4 64K; Opus 4 and 4.1 32K; Sonnet/Haiku/Opus 4.5 64K; Sonnet/Opus 4.6, Opus 4.7/4.8, Sonnet/Opus 5 128K.
// Thinking: extended thinking (a budget) from 3.7 to 4.5; adaptive from 4.6 on, and the only kind Opus 4.7 and later
// take [doc: Anthropic's adaptive thinking page]; Sonnet 4.6, Opus 4.6/4.8 and Sonnet 5 refuse `enabled` on Langdock
// [seen: pi-langdock, live].
// Efforts (https://platform.claude.com/docs/en/build-with-claude/effort): low, medium, high and max on every 4.6+
// model, Sonnet 4.6 and Sonnet 5 included [doc]; xhigh on Opus 4.7, 4.8, 5 and Sonnet 5 [doc].
// Sampling: Opus 4.7 and later (and Sonnet 5) answer temperature, top_p or top_k with a 400 [doc: migration guide].
// Opus 5 thinks when no `thinking` is sent [doc: Opus 5 migration guide]. Opus 4.7 changed the thinking display
// default to `omitted` [doc: adaptive thinking page]; that every later family does too is [assumed].
interface Family {
  /** Undefined for a family judged only by its version. */
  maxOutputTokens: number | undefined;
  thinking: LangdockClaudeThinkingMode;
  efforts?: readonly LangdockMessagesEffort[];
  acceptsSampling?: boolean;
  thinksByDefault?: boolean;
  omitsThinkingByDefault?: boolean;
}

type KnownFamily = Family & { maxOutputTokens: number };

const toMax: readonly LangdockMessagesEffort[] = ['low', 'medium', 'high', 'max'];
const toXhigh: readonly LangdockMessagesEffort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const budget: Family = { maxOutputTokens: undefined, thinking: 'budget' };
const none: Family = { maxOutputTokens: undefined, thinking: 'none' };
const adaptive46: KnownFamily = { maxOutputTokens: 128_000, thinking: 'adaptive', efforts: toMax };
const adaptive47: KnownFamily = {
  maxOutputTokens: 128_000,
  thinking: 'adaptive',
  efforts: toXhigh,
  acceptsSampling: false,
  omitsThinkingByDefault: true,
};

/** Families by `<tier>-<major>[-<minor>]`. */
const families: Readonly<Record<string, KnownFamily>> = {
  'haiku-3': { maxOutputTokens: 4_096, thinking: 'none' },
  'sonnet-3': { maxOutputTokens: 4_096, thinking: 'none' },
  'opus-3': { maxOutputTokens: 4_096, thinking: 'none' },
  'sonnet-3-5': { maxOutputTokens: 8_192, thinking: 'none' },
  'haiku-3-5': { maxOutputTokens: 8_192, thinking: 'none' },
  'sonnet-3-7': { maxOutputTokens: 64_000, thinking: 'budget' },
  'sonnet-4': { maxOutputTokens: 64_000, thinking: 'budget' },
  'opus-4': { maxOutputTokens: 32_000, thinking: 'budget' },
  'opus-4-1': { maxOutputTokens: 32_000, thinking: 'budget' },
  'sonnet-4-5': { maxOutputTokens: 64_000, thinking: 'budget' },
  'haiku-4-5': { maxOutputTokens: 64_000, thinking: 'budget' },
  'opus-4-5': { maxOutputTokens: 64_000, thinking: 'budget' },
  'sonnet-4-6': adaptive46,
  'opus-4-6': adaptive46,
  'opus-4-7': adaptive47,
  'opus-4-8': adaptive47,
  'sonnet-5': adaptive47,
  'opus-5': { ...adaptive47, thinksByDefault: true },
};

/**
 * `max_tokens` when none is given: 16,000 from Claude 4 on (room for an answer with thinking, far below every
 * family's limit), 8,192 for Claude 3.x (the 3.5 limit; 3.7 answers rarely need more). Capped at the family max.
 */
const DEFAULT_MAX_TOKENS_4 = 16_000;
const DEFAULT_MAX_TOKENS_3 = 8_192;
/** An unknown id with no version in it: the smallest limit any Claude model has, so the request never fails for it. */
const DEFAULT_MAX_TOKENS_UNKNOWN = 4_096;

// `claude-sonnet-4-6`, `claude-opus-4-20250514` (a date is no minor version), `claude-sonnet-5`.
const newStyle = /^claude-([a-z]+)-(\d+)(?:[-.](\d)(?!\d))?/;
// `claude-3-7-sonnet-20250219`, `claude-3-5-haiku-latest`, `claude-3-opus-20240229`.
const oldStyle = /^claude-(\d+)(?:[-.](\d)(?!\d))?-([a-z]+)/;

/**
 * True for a Claude model id: `claude-…` in any case, with or without a `-default`, `@default` or date suffix.
 * Prefixed ids (`eu.anthropic.claude-…`, `anthropic/claude-…`) count too: Langdock refuses them, and its answer lists
 * the ids it serves, which helps more than the same id failing on the OpenAI route.
 */
export function isLangdockClaudeModelId(modelId: string): boolean {
  return /(?:^|[./])claude-/i.test(modelId.trim());
}

/** The id's Claude name, lower case, without a provider prefix (`eu.anthropic.`, `anthropic/`). */
function claudeName(modelId: string): string {
  const id = modelId.trim().toLowerCase();
  const start = id.search(/(?:^|[./])claude-/);
  return start <= 0 ? id : id.slice(start + 1);
}

/** Tier and version from a Claude id, or undefined when the id names neither. */
export function parseLangdockClaudeModelId(
  modelId: string,
): { tier: string; major: number; minor: number } | undefined {
  const name = claudeName(modelId);
  const fresh = newStyle.exec(name);
  // Tier-first names start with Claude 4; older ones (`claude-instant-1`, `claude-2`) name no tier we know.
  if (fresh !== null && Number(fresh[2]) >= 4) {
    return { tier: fresh[1]!, major: Number(fresh[2]), minor: Number(fresh[3] ?? 0) };
  }
  const old = oldStyle.exec(name);
  if (old !== null) {
    return { tier: old[3]!, major: Number(old[1]), minor: Number(old[2] ?? 0) };
  }
  return undefined;
}

export function getLangdockMessagesModelCapabilities(
  modelId: string,
): LangdockMessagesModelCapabilities {
  const parsed = parseLangdockClaudeModelId(modelId);
  // No version to go by: budget thinking (the older, wider-spread kind) and a limit every model takes.
  if (parsed === undefined) return describe(undefined, budget, DEFAULT_MAX_TOKENS_UNKNOWN);
  const { tier, major, minor } = parsed;
  const preferred = major < 4 ? DEFAULT_MAX_TOKENS_3 : DEFAULT_MAX_TOKENS_4;
  const key = `${tier}-${major}${minor === 0 ? '' : `-${minor}`}`;
  const known = families[key];
  if (known !== undefined) {
    return describe(`claude-${key}`, known, Math.min(preferred, known.maxOutputTokens));
  }
  // A family this package does not know yet: judged by its version, never capped.
  const version = major + minor / 10;
  const traits =
    version >= 4.7 ? adaptive47 : version >= 4.6 ? adaptive46 : version >= 3.7 ? budget : none;
  return describe(undefined, { ...traits, maxOutputTokens: undefined }, preferred);
}

function describe(
  family: string | undefined,
  traits: Family,
  defaultMaxTokens: number,
): LangdockMessagesModelCapabilities {
  return {
    family,
    maxOutputTokens: traits.maxOutputTokens,
    defaultMaxTokens,
    thinking: traits.thinking,
    efforts: traits.thinking === 'adaptive' ? (traits.efforts ?? []) : [],
    acceptsSampling: traits.acceptsSampling ?? true,
    thinksByDefault: traits.thinksByDefault ?? false,
    omitsThinkingByDefault: traits.omitsThinkingByDefault ?? false,
  };
}
