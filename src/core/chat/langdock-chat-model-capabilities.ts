import {
  langdockReasoningEfforts,
  langdockVerbosities,
  type LangdockReasoningEffort,
  type LangdockVerbosity,
} from './langdock-chat-options';

/** Settings reasoning models refuse, by their AI SDK names (`logprobs` covers `top_logprobs`). */
export const langdockSamplingSettings = [
  'temperature',
  'topP',
  'frequencyPenalty',
  'presencePenalty',
  'logprobs',
  'logitBias',
] as const;
export type LangdockSamplingSetting = (typeof langdockSamplingSettings)[number];

export interface LangdockModelCapabilities {
  /** A reasoning model: it reasons before it answers, and refuses some sampling settings (see `acceptsSampling`). */
  isReasoningModel: boolean;
  /**
   * The `reasoning_effort` values the model accepts, lowest first (empty: it takes none); `undefined`
   * when the family is not known (a reasoning model named by the user): then any value is sent as given.
   */
  reasoningEfforts: readonly LangdockReasoningEffort[] | undefined;
  /** The effort the backend uses when none is sent. */
  defaultReasoningEffort: LangdockReasoningEffort | undefined;
  /** OpenAI's reasoning models count hidden reasoning tokens against `max_completion_tokens` and refuse `max_tokens`. */
  tokenLimit: 'max_tokens' | 'max_completion_tokens';
  /**
   * The `reasoning_effort` a call with function tools may carry: `any`, or only `none` where the family
   * answers any other effort next to function tools with a 400 (its own default included).
   */
  effortWithFunctionTools: 'any' | 'none';
  /** The `verbosity` values the model takes (empty: none); `undefined` for a reasoning model of unknown family. */
  verbosities: readonly LangdockVerbosity[] | undefined;
  /** Whether `setting` may be sent at this effort (`undefined`: no effort sent, so the default applies). */
  acceptsSampling(
    setting: LangdockSamplingSetting,
    effort: LangdockReasoningEffort | undefined,
  ): boolean;
}

// Families, their efforts and what they refuse, from:
// - OpenAI's API reference for `reasoning_effort` (mirrored for Azure in
//   https://learn.microsoft.com/en-us/javascript/api/@azure/ai-projects/reasoningeffort): "gpt-5.1 defaults to
//   none … supported values for gpt-5.1 are none, low, medium, and high. All models before gpt-5.1 default to
//   medium reasoning effort, and do not support none. The gpt-5-pro model defaults to (and only supports)
//   high. xhigh is supported for all models after gpt-5.1-codex-max."
// - o-series: low, medium, high (https://platform.openai.com/docs/guides/reasoning); gpt-5, -mini, -nano add
//   minimal (https://openai.com/index/introducing-gpt-5-for-developers/).
// - gpt-5.1 and later at effort none: temperature, top_p and logprobs "are only supported when using reasoning
//   effort none" (https://platform.openai.com/docs/guides/latest-model); the penalties and logit_bias are not
//   named there, so they stay refused.
// - gpt-5.1-chat is among Azure's reasoning models (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/reasoning);
//   that it takes only `medium` is from a community table, not OpenAI or Azure: an assumption.
// - DeepSeek-R1 "doesn't support" temperature, presence or repetition penalty and top_p
//   (https://learn.microsoft.com/en-us/azure/ai-foundry/model-inference/how-to/use-chat-reasoning) and has no
//   reasoning_effort; it reasons in `reasoning_content` and takes `max_tokens`.
// - verbosity: new with GPT-5 ("Supported models: gpt-5, gpt-5-mini, gpt-5-nano", OpenAI's GPT-5 new-params
//   cookbook; Azure's GPT-5 reasoning features), taken by gpt-5.1 to 5.5 and -pro too, while gpt-5-chat-latest
//   takes only "medium" (a probe of every mapping against OpenAI: theopenco/llmgateway#2989); earlier models
//   have none.
// - gpt-5.2 to 5.6 with function tools: observed by others (pi-langdock, live on Langdock): a 400 for any
//   reasoning_effort, and gpt-5.6 says "Function tools with reasoning_effort are not supported … set
//   reasoning_effort to 'none'". OpenAI gives the same 400 for gpt-5.4 and 5.5 (pipecat-ai/pipecat#4043,
//   Science-Discovery/Aether#1026), and on gpt-5.6 also when no effort is sent: only an explicit 'none' passes
//   (BerriAI/litellm#34569). Versions after 5.6 are assumed to behave alike.
interface Family {
  /** Matched against the id's name, after any workspace prefix. */
  pattern: RegExp;
  efforts: readonly LangdockReasoningEffort[];
  defaultEffort: LangdockReasoningEffort | undefined;
  tokenLimit: 'max_tokens' | 'max_completion_tokens';
  effortWithFunctionTools: 'any' | 'none';
  /** What it accepts despite reasoning, and at which efforts. */
  accepts:
    | {
        settings: readonly LangdockSamplingSetting[];
        atEfforts: readonly LangdockReasoningEffort[] | 'any';
      }
    | undefined;
}

const oSeries: readonly LangdockReasoningEffort[] = ['low', 'medium', 'high'];
const atNone = { settings: ['temperature', 'topP', 'logprobs'], atEfforts: ['none'] } as const;
const openAi = (
  pattern: RegExp,
  efforts: readonly LangdockReasoningEffort[],
  defaultEffort: LangdockReasoningEffort | undefined,
  accepts?: Family['accepts'],
): Family => ({
  pattern,
  efforts,
  defaultEffort,
  tokenLimit: 'max_completion_tokens',
  effortWithFunctionTools: 'any',
  accepts,
});
/** A family that takes function tools only at effort `none` (see the sources above). */
const noneWithFunctionTools = (family: Family): Family => ({
  ...family,
  effortWithFunctionTools: 'none',
});
const end = '(?:$|[-._ ])';
const families: readonly Family[] = [
  // o1-mini and o1-preview predate reasoning_effort and refuse it.
  openAi(new RegExp(`^o1-(?:mini|preview)${end}`), [], undefined),
  openAi(new RegExp(`^o\\d${end}`), oSeries, 'medium'),
  openAi(new RegExp(`^gpt-5-pro${end}`), ['high'], 'high'),
  openAi(new RegExp(`^gpt-5\\.\\d+-chat${end}`), ['medium'], 'medium'),
  openAi(
    new RegExp(`^gpt-5\\.1-codex-max${end}`),
    ['none', 'low', 'medium', 'high', 'xhigh'],
    'none',
    atNone,
  ),
  openAi(new RegExp(`^gpt-5\\.1${end}`), ['none', 'low', 'medium', 'high'], 'none', atNone),
  noneWithFunctionTools(
    openAi(
      new RegExp(`^gpt-5\\.(?:[2-9]|\\d\\d)${end}`),
      ['none', 'low', 'medium', 'high', 'xhigh'],
      'none',
      atNone,
    ),
  ),
  openAi(new RegExp(`^gpt-5${end}`), ['minimal', 'low', 'medium', 'high'], 'medium'),
  {
    pattern: new RegExp(`^deepseek-r1${end}`),
    efforts: [],
    defaultEffort: undefined,
    tokenLimit: 'max_tokens',
    effortWithFunctionTools: 'any',
    accepts: { settings: ['logprobs', 'logitBias'], atEfforts: 'any' },
  },
];

// A workspace may wrap ids: `azure/o3-mini`, `gpt-5-mini-2025-08-07`, `eu.o4-mini`, `my-gpt-5`. The family's
// name starts the id or follows a separator; `gpt-5-chat` (the first one) is a plain chat model.
const familyStart = /(?:^|[/:._ -])(o\d|gpt-5(?!\d)|deepseek-r1)/;
const plainChat = new RegExp(`^gpt-5-chat${end}`);
const gpt5 = new RegExp(`^gpt-5${end}`);
const gpt5Chat = new RegExp(`^gpt-5(?:\\.\\d+)?-chat${end}`);

export function getLangdockModelCapabilities(
  modelId: string,
  overrides: { isReasoningModel?: boolean } = {},
): LangdockModelCapabilities {
  const name = familyName(modelId.toLowerCase());
  const family = findFamily(name);
  const isReasoningModel = overrides.isReasoningModel ?? family !== undefined;
  const verbosities = verbositiesOf(name);
  if (!isReasoningModel) {
    return {
      isReasoningModel,
      reasoningEfforts: [],
      defaultReasoningEffort: undefined,
      tokenLimit: 'max_tokens',
      effortWithFunctionTools: 'any',
      verbosities,
      acceptsSampling: () => true,
    };
  }
  // A reasoning model by the user's word only: OpenAI's rules, no known efforts.
  const { efforts, defaultEffort, tokenLimit, effortWithFunctionTools, accepts } = family ?? {
    efforts: undefined,
    defaultEffort: undefined,
    tokenLimit: 'max_completion_tokens' as const,
    effortWithFunctionTools: 'any' as const,
    accepts: undefined,
  };
  return {
    isReasoningModel,
    reasoningEfforts: efforts,
    defaultReasoningEffort: defaultEffort,
    tokenLimit,
    effortWithFunctionTools,
    // A reasoning model by the user's word only may be a gpt-5 under another name: its verbosity goes as given.
    verbosities: family === undefined && verbosities.length === 0 ? undefined : verbosities,
    acceptsSampling: (setting, effort) => {
      if (accepts === undefined || !accepts.settings.includes(setting)) return false;
      const effective = effort ?? defaultEffort;
      return (
        accepts.atEfforts === 'any' ||
        (effective !== undefined && accepts.atEfforts.includes(effective))
      );
    },
  };
}

/** The id from where a known family's name starts (`my-gpt-5-mini` → `gpt-5-mini`); undefined without one. */
function familyName(id: string): string | undefined {
  const match = familyStart.exec(id);
  return match === null ? undefined : id.slice(match.index + match[0].length - match[1]!.length);
}

function findFamily(name: string | undefined): Family | undefined {
  if (name === undefined || plainChat.test(name)) return undefined;
  return families.find((family) => family.pattern.test(name));
}

function verbositiesOf(name: string | undefined): readonly LangdockVerbosity[] {
  if (name === undefined || !gpt5.test(name)) return [];
  return gpt5Chat.test(name) ? ['medium'] : langdockVerbosities;
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
  return (
    efforts.find((effort) => langdockReasoningEfforts.indexOf(effort) >= rank) ??
    efforts[efforts.length - 1]
  );
}
