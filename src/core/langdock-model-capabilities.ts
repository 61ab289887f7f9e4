import { langdockReasoningEfforts, type LangdockReasoningEffort } from './langdock-chat-options';

export interface LangdockModelCapabilities {
  /**
   * Reasoning models (o-series, gpt-5 family except `*-chat*`) take `max_completion_tokens` and,
   * at any effort but `none`, reject sampling settings, logprobs and logit_bias on Azure.
   */
  isReasoningModel: boolean;
  /**
   * The `reasoning_effort` values the model accepts, lowest first; `undefined` when the family is not
   * known (a reasoning model named by the user): then any value is sent as given.
   */
  reasoningEfforts: readonly LangdockReasoningEffort[] | undefined;
  /** The effort the backend uses when none is sent. */
  defaultReasoningEffort: LangdockReasoningEffort | undefined;
  /** Whether temperature, top_p, penalties, logprobs and logit_bias may be sent at this effort (`undefined`: none sent). */
  acceptsSampling(effort: LangdockReasoningEffort | undefined): boolean;
}

// Families and their efforts, from OpenAI's API reference for `reasoning_effort` (mirrored for Azure in
// https://learn.microsoft.com/en-us/javascript/api/@azure/ai-projects/reasoningeffort):
// "gpt-5.1 defaults to none … supported values for gpt-5.1 are none, low, medium, and high. All models
// before gpt-5.1 default to medium reasoning effort, and do not support none. The gpt-5-pro model
// defaults to (and only supports) high. xhigh is supported for all models after gpt-5.1-codex-max."
// o-series: low, medium, high (https://platform.openai.com/docs/guides/reasoning); gpt-5, -mini, -nano add
// minimal (https://openai.com/index/introducing-gpt-5-for-developers/). Sampling settings at effort none
// on gpt-5.1 and later: https://platform.openai.com/docs/guides/latest-model (temperature, top_p and
// logprobs "are only supported when using reasoning effort none").
interface Family {
  /** Matched against the id's name, after any workspace prefix. */
  pattern: RegExp;
  efforts: readonly LangdockReasoningEffort[];
  defaultEffort: LangdockReasoningEffort | undefined;
}

const oSeries: readonly LangdockReasoningEffort[] = ['low', 'medium', 'high'];
const families: readonly Family[] = [
  // o1-mini and o1-preview predate reasoning_effort and refuse it.
  { pattern: /^o1-(?:mini|preview)(?:$|[-._ ])/, efforts: [], defaultEffort: undefined },
  { pattern: /^o\d(?:$|[-._ ])/, efforts: oSeries, defaultEffort: 'medium' },
  { pattern: /^gpt-5-pro(?:$|[-._ ])/, efforts: ['high'], defaultEffort: 'high' },
  { pattern: /^gpt-5\.1-codex-max(?:$|[-._ ])/, efforts: ['none', 'low', 'medium', 'high', 'xhigh'], defaultEffort: 'none' },
  { pattern: /^gpt-5\.1(?:$|[-._ ])/, efforts: ['none', 'low', 'medium', 'high'], defaultEffort: 'none' },
  { pattern: /^gpt-5\.(?:[2-9]|\d\d)(?:$|[-._ ])/, efforts: ['none', 'low', 'medium', 'high', 'xhigh'], defaultEffort: 'none' },
  { pattern: /^gpt-5(?:$|[-._ ])/, efforts: ['minimal', 'low', 'medium', 'high'], defaultEffort: 'medium' },
];

// A workspace may wrap ids: `azure/o3-mini`, `gpt-5-mini-2025-08-07`, `eu.o4-mini`, `my-gpt-5`.
const reasoningFamily = /(?:^|[/:._ -])(?:o\d(?:$|[-._ ])|gpt-5(?!\d))/;
const chatVariant = /(?:^|[-._ ])chat(?:$|[-._ ])/;
const familyStart = /(?:^|[/:._ -])(o\d|gpt-5(?!\d))/;

export function getLangdockModelCapabilities(modelId: string, overrides: { isReasoningModel?: boolean } = {}): LangdockModelCapabilities {
  const id = modelId.toLowerCase();
  const detected = reasoningFamily.test(id) && !chatVariant.test(id);
  const isReasoningModel = overrides.isReasoningModel ?? detected;
  const family = isReasoningModel && detected ? findFamily(id) : undefined;
  const defaultReasoningEffort = family?.defaultEffort;
  return {
    isReasoningModel,
    reasoningEfforts: isReasoningModel ? family?.efforts : [],
    defaultReasoningEffort,
    acceptsSampling: (effort) => !isReasoningModel || ((family?.efforts.includes('none') ?? false) && (effort ?? defaultReasoningEffort) === 'none'),
  };
}

function findFamily(id: string): Family | undefined {
  const match = familyStart.exec(id);
  if (match === null) return undefined;
  const name = id.slice(match.index + match[0].length - match[1]!.length);
  return families.find((family) => family.pattern.test(name));
}

/**
 * The accepted effort closest to `wanted`: the lowest at or above it, else the highest. Undefined when
 * the model takes none. `max` is the highest the model takes.
 */
export function nearestLangdockReasoningEffort(
  efforts: readonly LangdockReasoningEffort[],
  wanted: LangdockReasoningEffort | 'max',
): LangdockReasoningEffort | undefined {
  if (wanted === 'max') return efforts[efforts.length - 1];
  const rank = langdockReasoningEfforts.indexOf(wanted);
  return efforts.find((effort) => langdockReasoningEfforts.indexOf(effort) >= rank) ?? efforts[efforts.length - 1];
}
