// The emulator's own knowledge of Langdock's models: what each one accepts, and the documentation that says so.
// It never asks the library: a misclassification there must be able to fail a test here.

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** Settings Azure's reasoning deployments refuse unless left at their defaults. */
export const SAMPLING_SETTINGS = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
] as const;
export type SamplingSetting = (typeof SAMPLING_SETTINGS)[number];

/** `verbosity` values OpenAI's GPT-5 family takes; `-chat` variants take only `medium`, other models none. */
export const VERBOSITIES = ['low', 'medium', 'high'] as const;
export type Verbosity = (typeof VERBOSITIES)[number];

/**
 * Which `reasoning_effort` a request with function `tools` may carry, where a family refuses the pair:
 * `absent-or-none` (gpt-5.2 to 5.5: left out, the default `none` applies; "Please use /v1/responses instead."),
 * `explicit-none` (gpt-5.6: only an explicit `none`; "... or set reasoning_effort to 'none'.").
 */
export type FunctionToolsEffortRule = 'absent-or-none' | 'explicit-none';

/** Some refused settings are accepted after all at certain efforts (gpt-5.1 and later at `none`). */
export interface SamplingException {
  efforts: readonly ReasoningEffort[];
  accepts: readonly SamplingSetting[];
}

export interface ChatModelRow {
  kind: 'chat';
  id: string;
  family: string;
  reasoning: boolean;
  /** Values `reasoning_effort` takes; empty when the model does not know the argument. */
  reasoningEfforts: readonly ReasoningEffort[];
  /** The effort a request without `reasoning_effort` runs at. */
  defaultReasoningEffort: ReasoningEffort | undefined;
  /** Sampling settings refused unless at their defaults, at every effort but those of `samplingException`. */
  refusesSampling: readonly SamplingSetting[];
  samplingException: SamplingException | undefined;
  /** Reasoning deployments on Azure take `max_completion_tokens` only. */
  acceptsMaxTokens: boolean;
  /** Answers carry the chain of thought as `reasoning_content`. */
  reasoningContent: boolean;
  /** `verbosity` values taken; empty: the parameter is refused. */
  verbosities: readonly Verbosity[];
  /** Undefined: function tools go with any effort; else the family's refusal of the pair (see the type). */
  functionToolsEffort: FunctionToolsEffortRule | undefined;
  /** Documentation the row is built from. */
  sources: readonly string[];
  /** What no source states and the row assumes; undefined when every value is documented. */
  assumed: string | undefined;
}

export interface EmbeddingModelRow {
  kind: 'embedding';
  id: string;
  family: string;
  /** Native vector length. */
  dimensions: number;
  /** Whether the `dimensions` parameter may shorten vectors. */
  acceptsDimensions: boolean;
  sources: readonly string[];
  assumed: string | undefined;
}

export type ModelRow = ChatModelRow | EmbeddingModelRow;

const AZURE_REASONING =
  'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/reasoning';
const AZURE_MODELS =
  'https://learn.microsoft.com/en-us/azure/ai-foundry/foundry-models/concepts/models-sold-directly-by-azure';
const AZURE_DEEPSEEK_R1 =
  'https://learn.microsoft.com/en-us/azure/ai-foundry/model-inference/how-to/use-chat-reasoning';
const AZURE_EMBEDDINGS =
  'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/embeddings';
const OPENAI_REASONING = 'https://platform.openai.com/docs/guides/reasoning';
const OPENAI_LATEST_MODEL = 'https://platform.openai.com/docs/guides/latest-model';
const OPENAI_REASONING_EFFORT =
  'https://platform.openai.com/docs/api-reference/chat/create#chat_create-reasoning_effort';
const OPENAI_EMBEDDINGS = 'https://platform.openai.com/docs/guides/embeddings';
const OPENAI_COMMUNITY_EFFORT_MATRIX =
  'https://community.openai.com/t/request-for-compatibility-matrix-reasoning-effort-sampling-parameters-across-gpt-5-series/1371738';
const OPENAI_GPT5_PARAMS = 'https://cookbook.openai.com/examples/gpt-5/gpt-5_new_params_and_tools';
// gpt-5-chat-latest takes only verbosity 'medium': a probe of every parameter against OpenAI.
const VERBOSITY_PROBE = 'https://github.com/theopenco/llmgateway/pull/2989';
// Live on Langdock: gpt-5.2 to 5.5 refuse reasoning_effort with function tools, gpt-5.6 says "set it to 'none'".
const PI_LANGDOCK = 'https://github.com/microbial-pangenomes-lab/pi-langdock';
// OpenAI's words for gpt-5.4 and 5.5 ("Please use /v1/responses instead.").
const GPT_54_TOOLS_REFUSAL = 'https://github.com/pipecat-ai/pipecat/issues/4043';
const GPT_55_TOOLS_REFUSAL = 'https://github.com/charmbracelet/crush/issues/2913';
// gpt-5.6: refused also without reasoning_effort; only an explicit 'none' passes (raw OpenAI API).
const GPT_56_TOOLS_REFUSAL = 'https://github.com/BerriAI/litellm/pull/34569';
// gpt-5.2 and 5.4 pass with the effort left out; gpt-5.6 needs 'none' (and its efforts none..xhigh).
const GPT_56_EFFORTS = 'https://github.com/livekit/agents/pull/7169';

const ALL_SAMPLING: readonly SamplingSetting[] = SAMPLING_SETTINGS;
const O_SERIES_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];
const GPT_5_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];
/** What gpt-5.1 and later take back at their exception efforts: OpenAI names temperature, top_p and logprobs. */
export const SAMPLING_ACCEPTED_AT_EXCEPTION: readonly SamplingSetting[] = [
  'temperature',
  'top_p',
  'logprobs',
  'top_logprobs',
];
const AT_NONE: SamplingException = { efforts: ['none'], accepts: SAMPLING_ACCEPTED_AT_EXCEPTION };
const PENALTIES_AT_NONE =
  'presence_penalty, frequency_penalty and logit_bias stay refused at effort none: the docs name only temperature, top_p and logprobs.';

/** A non-reasoning chat model; also what ids outside the table are. */
export function chatModel(id: string, family: string, sources: readonly string[]): ChatModelRow {
  return {
    kind: 'chat',
    id,
    family,
    reasoning: false,
    reasoningEfforts: [],
    defaultReasoningEffort: undefined,
    refusesSampling: [],
    samplingException: undefined,
    acceptsMaxTokens: true,
    reasoningContent: false,
    verbosities: [],
    functionToolsEffort: undefined,
    sources,
    assumed: undefined,
  };
}

export function reasoningModel(
  id: string,
  family: string,
  efforts: readonly ReasoningEffort[],
  defaultEffort: ReasoningEffort,
  sources: readonly string[],
  extra: Partial<ChatModelRow> = {},
): ChatModelRow {
  return {
    ...chatModel(id, family, sources),
    reasoning: true,
    reasoningEfforts: efforts,
    defaultReasoningEffort: defaultEffort,
    refusesSampling: ALL_SAMPLING,
    acceptsMaxTokens: false,
    ...extra,
  };
}

function embeddingModel(
  id: string,
  dimensions: number,
  acceptsDimensions: boolean,
): EmbeddingModelRow {
  const family = id.startsWith('text-embedding-3') ? 'text-embedding-3' : 'text-embedding-ada';
  return {
    kind: 'embedding',
    id,
    family,
    dimensions,
    acceptsDimensions,
    sources: [OPENAI_EMBEDDINGS, AZURE_EMBEDDINGS],
    assumed: undefined,
  };
}

const GPT_5_SOURCES = [AZURE_REASONING, OPENAI_REASONING_EFFORT, OPENAI_GPT5_PARAMS];
const ALL_VERBOSITIES: readonly Verbosity[] = VERBOSITIES;
const MEDIUM_VERBOSITY: readonly Verbosity[] = ['medium'];
const LATER_GPT_5_EFFORTS: readonly ReasoningEffort[] = ['none', 'low', 'medium', 'high', 'xhigh'];
const LATER_GPT_5_ASSUMED = `Efforts none to xhigh with none the default, and sampling at none, as gpt-5.2 (OpenAI's latest-model guide); gpt-5.2's 400,000-token context window. ${PENALTIES_AT_NONE}`;

/** gpt-5.4 and later: gpt-5.2's efforts and sampling, and a refusal of reasoning_effort with function tools. */
function laterGpt5(
  id: string,
  functionToolsEffort: FunctionToolsEffortRule,
  sources: readonly string[],
): ChatModelRow {
  return reasoningModel(id, id, LATER_GPT_5_EFFORTS, 'none', sources, {
    samplingException: AT_NONE,
    verbosities: ALL_VERBOSITIES,
    functionToolsEffort,
    assumed: LATER_GPT_5_ASSUMED,
  });
}

export const MODEL_TABLE: readonly ModelRow[] = [
  reasoningModel('gpt-5', 'gpt-5', GPT_5_EFFORTS, 'medium', GPT_5_SOURCES, {
    verbosities: ALL_VERBOSITIES,
  }),
  reasoningModel('gpt-5-mini', 'gpt-5', GPT_5_EFFORTS, 'medium', GPT_5_SOURCES, {
    verbosities: ALL_VERBOSITIES,
  }),
  reasoningModel('gpt-5-nano', 'gpt-5', GPT_5_EFFORTS, 'medium', GPT_5_SOURCES, {
    verbosities: ALL_VERBOSITIES,
  }),
  {
    ...chatModel('gpt-5-chat', 'gpt-5', [
      AZURE_MODELS,
      OPENAI_COMMUNITY_EFFORT_MATRIX,
      VERBOSITY_PROBE,
    ]),
    verbosities: MEDIUM_VERBOSITY,
    assumed:
      'Takes sampling settings and max_tokens like other non-reasoning chat models; no source lists its parameters.',
  },
  reasoningModel(
    'gpt-5.1',
    'gpt-5.1',
    ['none', 'low', 'medium', 'high'],
    'none',
    [AZURE_REASONING, OPENAI_LATEST_MODEL, OPENAI_REASONING_EFFORT, OPENAI_GPT5_PARAMS],
    {
      samplingException: AT_NONE,
      verbosities: ALL_VERBOSITIES,
      assumed: PENALTIES_AT_NONE,
    },
  ),
  reasoningModel(
    'gpt-5.1-chat',
    'gpt-5.1',
    ['medium'],
    'medium',
    [AZURE_REASONING, OPENAI_COMMUNITY_EFFORT_MATRIX, VERBOSITY_PROBE],
    {
      verbosities: MEDIUM_VERBOSITY,
      assumed:
        "Azure lists it among reasoning models; that 'medium' is its only effort comes from a community table, not from OpenAI or Azure; that it takes only verbosity 'medium', as gpt-5-chat-latest does.",
    },
  ),
  reasoningModel(
    'gpt-5.2',
    'gpt-5.2',
    LATER_GPT_5_EFFORTS,
    'none',
    [AZURE_REASONING, OPENAI_LATEST_MODEL, OPENAI_REASONING_EFFORT, PI_LANGDOCK, GPT_56_EFFORTS],
    {
      samplingException: AT_NONE,
      verbosities: ALL_VERBOSITIES,
      functionToolsEffort: 'absent-or-none',
      assumed: `xhigh is from OpenAI's docs (Azure's page names it only for gpt-5.1-codex-max); the wording of its function-tools refusal (OpenAI's for gpt-5.4). ${PENALTIES_AT_NONE}`,
    },
  ),
  laterGpt5('gpt-5.4', 'absent-or-none', [
    OPENAI_LATEST_MODEL,
    OPENAI_REASONING_EFFORT,
    PI_LANGDOCK,
    GPT_54_TOOLS_REFUSAL,
    GPT_56_EFFORTS,
  ]),
  laterGpt5('gpt-5.5', 'absent-or-none', [
    OPENAI_LATEST_MODEL,
    OPENAI_REASONING_EFFORT,
    PI_LANGDOCK,
    GPT_55_TOOLS_REFUSAL,
  ]),
  laterGpt5('gpt-5.6', 'explicit-none', [
    OPENAI_LATEST_MODEL,
    OPENAI_REASONING_EFFORT,
    PI_LANGDOCK,
    GPT_56_TOOLS_REFUSAL,
    GPT_56_EFFORTS,
  ]),
  reasoningModel('o1', 'o-series', O_SERIES_EFFORTS, 'medium', [AZURE_REASONING, OPENAI_REASONING]),
  reasoningModel('o3', 'o-series', O_SERIES_EFFORTS, 'medium', [AZURE_REASONING, OPENAI_REASONING]),
  reasoningModel('o3-mini', 'o-series', O_SERIES_EFFORTS, 'medium', [
    AZURE_REASONING,
    OPENAI_REASONING,
  ]),
  reasoningModel('o4-mini', 'o-series', O_SERIES_EFFORTS, 'medium', [
    AZURE_REASONING,
    OPENAI_REASONING,
  ]),
  chatModel('gpt-4.1', 'gpt-4.1', [AZURE_MODELS]),
  chatModel('gpt-4.1-mini', 'gpt-4.1', [AZURE_MODELS]),
  chatModel('gpt-4.1-nano', 'gpt-4.1', [AZURE_MODELS]),
  chatModel('gpt-4o', 'gpt-4o', [AZURE_MODELS]),
  chatModel('gpt-4o-mini', 'gpt-4o', [AZURE_MODELS]),
  chatModel('gpt-35-turbo', 'gpt-3.5', [AZURE_MODELS]),
  {
    ...chatModel('DeepSeek-R1', 'deepseek-r1', [AZURE_DEEPSEEK_R1]),
    reasoning: true,
    refusesSampling: ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'],
    reasoningContent: true,
    assumed:
      'Azure says reasoning models like it take no temperature, presence or repetition penalty, or top_p; that these are refused (not ignored), that frequency_penalty stands for the repetition penalty, and that reasoning_effort is an unknown argument are assumed.',
  },
  embeddingModel('text-embedding-3-small', 1536, true),
  embeddingModel('text-embedding-3-large', 3072, true),
  embeddingModel('text-embedding-ada-002', 1536, false),
];

const ROWS_BY_ID = new Map(MODEL_TABLE.map((row) => [row.id.toLowerCase(), row]));
// A deployment's date or release tag says nothing about what the model accepts.
const VERSION_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{4}|latest|preview)$/;
// A provider, gateway or region written before the id: `azure/`, `openai:`, `eu.`, `my-`.
const WRAPPER_PREFIX = /^[a-z]+[.-]/;

/**
 * The row an id names, by the emulator's rule: ignore case; drop everything up to the last `/` or `:`; then try
 * the id and, one at a time, the id without its leading letters-only segment (`eu.`, `my-`); each time strip
 * trailing dates, four-digit versions, `-latest` and `-preview`, and look for an exact row id.
 * So `azure/o3-mini`, `eu.o4-mini` and `gpt-5-mini-2025-08-07` find their rows, `gpt-50-preview` finds none.
 */
export function resolveModelRow(id: string): ModelRow | undefined {
  let candidate = id
    .trim()
    .toLowerCase()
    .replace(/^.*[/:]/, '');
  for (;;) {
    const row = ROWS_BY_ID.get(withoutVersion(candidate));
    if (row !== undefined) return row;
    const shorter = candidate.replace(WRAPPER_PREFIX, '');
    if (shorter === candidate || shorter === '') return undefined;
    candidate = shorter;
  }
}

function withoutVersion(id: string): string {
  let stripped = id;
  while (VERSION_SUFFIX.test(stripped)) stripped = stripped.replace(VERSION_SUFFIX, '');
  return stripped;
}

/** What the emulator enforces for one chat model id. */
export interface EmulatorModelProfile {
  /** The table row the id resolved to; undefined for ids the table does not know (plain chat models). */
  row: string | undefined;
  reasoning: boolean;
  reasoningEfforts: readonly ReasoningEffort[];
  defaultReasoningEffort: ReasoningEffort | undefined;
  acceptsMaxTokens: boolean;
  reasoningContent: boolean;
  verbosities: readonly Verbosity[];
  functionToolsEffort: FunctionToolsEffortRule | undefined;
  /** `temperature` and `top_p` other than 1 are refused as deprecated (Claude Opus 4.7 and later, Sonnet 5). */
  samplingDeprecated: boolean;
  /** Sampling settings refused (unless at their defaults) at this effort; undefined means the model's default effort. */
  samplingRefusedAt(effort: string | undefined): readonly SamplingSetting[];
}

/** The profile a row describes; `tableRow` names the table row it came from, if it is one unchanged. */
export function profileFromRow(
  row: ChatModelRow,
  tableRow: string | undefined,
  samplingDeprecated = false,
): EmulatorModelProfile {
  const { refusesSampling, samplingException, defaultReasoningEffort } = row;
  return {
    row: tableRow,
    reasoning: row.reasoning,
    reasoningEfforts: row.reasoningEfforts,
    defaultReasoningEffort,
    acceptsMaxTokens: row.acceptsMaxTokens,
    reasoningContent: row.reasoningContent,
    verbosities: row.verbosities,
    functionToolsEffort: row.functionToolsEffort,
    samplingDeprecated,
    samplingRefusedAt(effort) {
      const effective = effort ?? defaultReasoningEffort;
      const excepted =
        samplingException !== undefined &&
        effective !== undefined &&
        (samplingException.efforts as readonly string[]).includes(effective);
      return excepted
        ? refusesSampling.filter((setting) => !samplingException.accepts.includes(setting))
        : refusesSampling;
    },
  };
}

/** The emulator's view of a chat model id, from its own table and matching rule (never the library's). */
export function emulatorModelProfile(id: string): EmulatorModelProfile {
  const row = resolveModelRow(id);
  return row?.kind === 'chat'
    ? profileFromRow(row, row.id)
    : profileFromRow(chatModel(id, 'unknown', []), undefined);
}

/**
 * Context windows (input and output tokens together) of the table's rows, for the gateway's models list. From
 * Azure's model pages (AZURE_MODELS); gpt-5.4 to 5.6 (as gpt-5.2), DeepSeek-R1's 128,000 and the 128,000 of ids
 * outside the table are assumed.
 */
const CONTEXT_WINDOWS: Readonly<Record<string, number>> = {
  'gpt-5': 400_000,
  'gpt-5-mini': 400_000,
  'gpt-5-nano': 400_000,
  'gpt-5-chat': 128_000,
  'gpt-5.1': 400_000,
  'gpt-5.1-chat': 128_000,
  'gpt-5.2': 400_000,
  'gpt-5.4': 400_000,
  'gpt-5.5': 400_000,
  'gpt-5.6': 400_000,
  o1: 200_000,
  o3: 200_000,
  'o3-mini': 200_000,
  'o4-mini': 200_000,
  'gpt-4.1': 1_047_576,
  'gpt-4.1-mini': 1_047_576,
  'gpt-4.1-nano': 1_047_576,
  'gpt-4o': 128_000,
  'gpt-4o-mini': 128_000,
  'gpt-35-turbo': 16_385,
  'DeepSeek-R1': 128_000,
  'text-embedding-3-small': 8_192,
  'text-embedding-3-large': 8_192,
  'text-embedding-ada-002': 8_192,
};
const DEFAULT_CONTEXT_WINDOW = 128_000;

/** The context window of an id by the table's matching rule; ids outside the table get 128,000 (assumed). */
export function contextWindowOf(id: string): number {
  const row = resolveModelRow(id);
  return (row === undefined ? undefined : CONTEXT_WINDOWS[row.id]) ?? DEFAULT_CONTEXT_WINDOW;
}
