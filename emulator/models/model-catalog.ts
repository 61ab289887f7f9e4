// The emulator's model catalog: which ids the workspace serves and what each one accepts.
import {
  claudeModelRow,
  CLAUDE_MODEL_TABLE,
  type ClaudeEffort,
  type ClaudeModelRow,
  type ClaudeThinkingMode,
} from './claude-model-table';
import {
  chatModel,
  contextWindowOf,
  emulatorModelProfile,
  MODEL_TABLE,
  profileFromRow,
  reasoningModel,
  resolveModelRow,
  SAMPLING_ACCEPTED_AT_EXCEPTION,
  VERBOSITIES,
  type ChatModelRow,
  type EmulatorModelProfile,
  type ReasoningEffort,
} from './model-table';

export type ModelKind = 'chat' | 'embedding';

/** Which classic route serves a model: `/openai/...` (Azure OpenAI) or `/anthropic/...` (Claude). */
export type ModelProvider = 'openai' | 'anthropic';

/** What the Messages rules enforce for a model: a Claude row's values, or the gateway's for other models. */
export interface MessagesModelProfile {
  /** The Claude row, or undefined for a model outside the Claude table (GPT through the gateway's Messages). */
  claude: ClaudeModelRow | undefined;
  /** `none`: the model takes no `thinking` (assumed for models outside the Claude table). */
  thinking: ClaudeThinkingMode | 'none';
  efforts: readonly ClaudeEffort[];
  maxOutputTokens: number;
  minCacheTokens: number;
  /** `temperature`, `top_p` and `top_k` other than their defaults are refused as deprecated. */
  samplingDeprecated: boolean;
}

/** A model the emulator should know; unset fields come from the model table, else from the id. */
export interface ModelSpec {
  id: string;
  kind?: ModelKind;
  /** Reasoning models reject `max_tokens` and non-default sampling settings, as on Azure. Overrides the table. */
  reasoning?: boolean;
  /** Values `reasoning_effort` takes (empty: the argument is unknown); reasoning models outside the table take low, medium, high. */
  reasoningEfforts?: readonly ReasoningEffort[];
  /** The effort of a request that sends none. */
  defaultReasoningEffort?: ReasoningEffort;
  /** Efforts at which a reasoning model takes temperature, top_p and logprobs after all (gpt-5.1: `['none']`). */
  samplingEfforts?: readonly ReasoningEffort[];
  /**
   * Refuse `temperature` and `top_p` (and `top_k` on Messages) other than their defaults with "\`temperature\` is
   * deprecated for this model", as Claude Opus 4.7 and later do; the Claude rows that do so have it already.
   */
  samplingDeprecated?: boolean;
  /** Native embedding size. */
  dimensions?: number;
  /** Whether the embeddings `dimensions` parameter is accepted. */
  acceptsDimensions?: boolean;
  ownedBy?: string;
  /** Milliseconds, as Langdock reports it. */
  created?: number;
}

export interface CatalogModel {
  id: string;
  kind: ModelKind;
  /** What the chat rules enforce for this model. */
  profile: EmulatorModelProfile;
  dimensions: number;
  acceptsDimensions: boolean;
  ownedBy: string;
  created: number;
  provider: ModelProvider;
  /** Input and output tokens together. */
  contextWindow: number;
  /** `display_name` for Anthropic's models list. */
  displayName: string;
  messages: MessagesModelProfile;
}

/** Every id in the model table: the catalog of a workspace with all of Langdock's models enabled. */
export const DEFAULT_MODEL_IDS: readonly string[] = [
  ...MODEL_TABLE.map((row) => row.id),
  ...CLAUDE_MODEL_TABLE.map((row) => row.id),
];

// Models outside the Claude table on the gateway's Messages route: GPT-5's 128,000 output tokens (assumed).
const NON_CLAUDE_MAX_OUTPUT = 128_000;
const NON_CLAUDE_MIN_CACHE = 1024;

// A fixed timestamp keeps the models list byte-identical across runs.
const DEFAULT_CREATED_MS = 1_715_000_000_000;

/** The emulator's own rule (its model table), so wrapped ids (`azure/o3-mini`, `gpt-5-mini-2025-08-07`) count as reasoning models. */
export function isReasoningModelId(id: string): boolean {
  return emulatorModelProfile(id).reasoning;
}

function chatProfile(spec: ModelSpec): EmulatorModelProfile {
  const found = resolveModelRow(spec.id);
  const tableRow = found?.kind === 'chat' ? found : undefined;
  let row: ChatModelRow = tableRow ?? chatModel(spec.id, 'custom', []);
  if (spec.reasoning !== undefined && spec.reasoning !== row.reasoning) {
    // A reasoning model of no known family may be a gpt-5 under another name: it takes any verbosity.
    row = spec.reasoning
      ? reasoningModel(spec.id, 'custom', ['low', 'medium', 'high'], 'medium', [], {
          verbosities: VERBOSITIES,
        })
      : chatModel(spec.id, 'custom', []);
  }
  const samplingException =
    spec.samplingEfforts === undefined
      ? row.samplingException
      : { efforts: spec.samplingEfforts, accepts: SAMPLING_ACCEPTED_AT_EXCEPTION };
  const changed =
    row !== tableRow ||
    spec.reasoningEfforts !== undefined ||
    spec.defaultReasoningEffort !== undefined ||
    spec.samplingEfforts !== undefined;
  row = {
    ...row,
    reasoningEfforts: spec.reasoningEfforts ?? row.reasoningEfforts,
    defaultReasoningEffort: spec.defaultReasoningEffort ?? row.defaultReasoningEffort,
    samplingException,
  };
  return profileFromRow(row, changed ? undefined : tableRow?.id, spec.samplingDeprecated === true);
}

export function toCatalogModel(spec: string | ModelSpec): CatalogModel {
  const model: ModelSpec = typeof spec === 'string' ? { id: spec } : spec;
  const claude = claudeModelRow(model.id);
  if (claude !== undefined) return claudeCatalogModel(model, claude);
  const row = resolveModelRow(model.id);
  const kind = model.kind ?? row?.kind ?? (model.id.includes('embedding') ? 'embedding' : 'chat');
  const embeddingRow = row?.kind === 'embedding' ? row : undefined;
  return {
    id: model.id,
    kind,
    profile: chatProfile(model),
    dimensions:
      model.dimensions ?? embeddingRow?.dimensions ?? (model.id.includes('3-large') ? 3072 : 1536),
    acceptsDimensions:
      model.acceptsDimensions ??
      embeddingRow?.acceptsDimensions ??
      model.id.startsWith('text-embedding-3'),
    ownedBy: model.ownedBy ?? 'system',
    created: model.created ?? DEFAULT_CREATED_MS,
    provider: 'openai',
    contextWindow: contextWindowOf(model.id),
    displayName: model.id,
    messages: {
      claude: undefined,
      thinking: 'none',
      efforts: [],
      maxOutputTokens: NON_CLAUDE_MAX_OUTPUT,
      minCacheTokens: NON_CLAUDE_MIN_CACHE,
      samplingDeprecated: model.samplingDeprecated === true,
    },
  };
}

/** A Claude model: the Messages rules come from its row; through the gateway's chat completions it is a plain chat model. */
function claudeCatalogModel(model: ModelSpec, row: ClaudeModelRow): CatalogModel {
  return {
    id: model.id,
    kind: 'chat',
    profile: profileFromRow(
      chatModel(model.id, row.family, row.sources),
      undefined,
      model.samplingDeprecated ?? row.samplingDeprecated,
    ),
    dimensions: 0,
    acceptsDimensions: false,
    ownedBy: model.ownedBy ?? 'anthropic',
    created: model.created ?? Date.parse(row.createdAt),
    provider: 'anthropic',
    contextWindow: row.contextWindow,
    displayName: row.displayName,
    messages: {
      claude: row,
      thinking: row.thinking,
      efforts: row.efforts,
      maxOutputTokens: row.maxOutputTokens,
      minCacheTokens: row.minCacheTokens,
      samplingDeprecated: model.samplingDeprecated ?? row.samplingDeprecated,
    },
  };
}

/** The models one classic route serves: `/openai/...` only OpenAI's, `/anthropic/...` only Claude. */
export function catalogOf(
  catalog: ReadonlyMap<string, CatalogModel>,
  provider: ModelProvider,
): Map<string, CatalogModel> {
  return new Map([...catalog].filter(([, model]) => model.provider === provider));
}

export function buildCatalog(
  models: ReadonlyArray<string | ModelSpec> = DEFAULT_MODEL_IDS,
): Map<string, CatalogModel> {
  const catalog = new Map<string, CatalogModel>();
  for (const spec of models) {
    const model = toCatalogModel(spec);
    catalog.set(model.id, model);
  }
  return catalog;
}
