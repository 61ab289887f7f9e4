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

export const MODEL_TABLE: readonly ModelRow[] = [
  reasoningModel('gpt-5', 'gpt-5', GPT_5_EFFORTS, 'medium', [
    AZURE_REASONING,
    OPENAI_REASONING_EFFORT,
  ]),
  reasoningModel('gpt-5-mini', 'gpt-5', GPT_5_EFFORTS, 'medium', [
    AZURE_REASONING,
    OPENAI_REASONING_EFFORT,
  ]),
  reasoningModel('gpt-5-nano', 'gpt-5', GPT_5_EFFORTS, 'medium', [
    AZURE_REASONING,
    OPENAI_REASONING_EFFORT,
  ]),
  {
    ...chatModel('gpt-5-chat', 'gpt-5', [AZURE_MODELS, OPENAI_COMMUNITY_EFFORT_MATRIX]),
    assumed:
      'Takes sampling settings and max_tokens like other non-reasoning chat models; no source lists its parameters.',
  },
  reasoningModel(
    'gpt-5.1',
    'gpt-5.1',
    ['none', 'low', 'medium', 'high'],
    'none',
    [AZURE_REASONING, OPENAI_LATEST_MODEL, OPENAI_REASONING_EFFORT],
    {
      samplingException: AT_NONE,
      assumed: PENALTIES_AT_NONE,
    },
  ),
  reasoningModel(
    'gpt-5.1-chat',
    'gpt-5.1',
    ['medium'],
    'medium',
    [AZURE_REASONING, OPENAI_COMMUNITY_EFFORT_MATRIX],
    {
      assumed:
        "Azure lists it among reasoning models; that 'medium' is its only effort comes from a community table, not from OpenAI or Azure.",
    },
  ),
  reasoningModel(
    'gpt-5.2',
    'gpt-5.2',
    ['none', 'low', 'medium', 'high', 'xhigh'],
    'none',
    [AZURE_REASONING, OPENAI_LATEST_MODEL, OPENAI_REASONING_EFFORT],
    {
      samplingException: AT_NONE,
      assumed: `xhigh is from OpenAI's docs (Azure's page names it only for gpt-5.1-codex-max). ${PENALTIES_AT_NONE}`,
    },
  ),
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
  /** Sampling settings refused (unless at their defaults) at this effort; undefined means the model's default effort. */
  samplingRefusedAt(effort: string | undefined): readonly SamplingSetting[];
}

/** The profile a row describes; `tableRow` names the table row it came from, if it is one unchanged. */
export function profileFromRow(
  row: ChatModelRow,
  tableRow: string | undefined,
): EmulatorModelProfile {
  const { refusesSampling, samplingException, defaultReasoningEffort } = row;
  return {
    row: tableRow,
    reasoning: row.reasoning,
    reasoningEfforts: row.reasoningEfforts,
    defaultReasoningEffort,
    acceptsMaxTokens: row.acceptsMaxTokens,
    reasoningContent: row.reasoningContent,
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
 * Azure's model pages (AZURE_MODELS); DeepSeek-R1's 128,000 and the 128,000 of ids outside the table are assumed.
 */
const CONTEXT_WINDOWS: Readonly<Record<string, number>> = {
  'gpt-5': 400_000,
  'gpt-5-mini': 400_000,
  'gpt-5-nano': 400_000,
  'gpt-5-chat': 128_000,
  'gpt-5.1': 400_000,
  'gpt-5.1-chat': 128_000,
  'gpt-5.2': 400_000,
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
