// The emulator's model catalog: which ids exist and what each one accepts.
import { getLangdockModelCapabilities } from '../src/core/langdock-model-capabilities';

export type ModelKind = 'chat' | 'embedding';

/** A model the emulator should know; unset fields are inferred from the id. */
export interface ModelSpec {
  id: string;
  kind?: ModelKind;
  /** Reasoning models reject `max_tokens` and non-default sampling settings, as on Azure. */
  reasoning?: boolean;
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
  reasoning: boolean;
  dimensions: number;
  acceptsDimensions: boolean;
  ownedBy: string;
  created: number;
}

export const DEFAULT_MODEL_IDS: readonly string[] = [
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-5-chat',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'o4-mini',
  'o3',
  'o3-mini',
  'o1',
  'gpt-4o',
  'gpt-4o-mini',
  'text-embedding-3-small',
  'text-embedding-3-large',
  'text-embedding-ada-002',
];

// A fixed timestamp keeps the models list byte-identical across runs.
const DEFAULT_CREATED_MS = 1_715_000_000_000;

/** The library's own rule, so wrapped ids (`azure/o3-mini`, `gpt-5-mini-2025-08-07`) count as reasoning models. */
export function isReasoningModelId(id: string): boolean {
  return getLangdockModelCapabilities(id).isReasoningModel;
}

function inferKind(id: string): ModelKind {
  return id.includes('embedding') ? 'embedding' : 'chat';
}

function inferDimensions(id: string): number {
  return id.includes('3-large') ? 3072 : 1536;
}

export function toCatalogModel(spec: string | ModelSpec): CatalogModel {
  const model: ModelSpec = typeof spec === 'string' ? { id: spec } : spec;
  const kind = model.kind ?? inferKind(model.id);
  return {
    id: model.id,
    kind,
    reasoning: model.reasoning ?? (kind === 'chat' && isReasoningModelId(model.id)),
    dimensions: model.dimensions ?? inferDimensions(model.id),
    acceptsDimensions: model.acceptsDimensions ?? model.id.startsWith('text-embedding-3'),
    ownedBy: model.ownedBy ?? 'system',
    created: model.created ?? DEFAULT_CREATED_MS,
  };
}

export function buildCatalog(models: ReadonlyArray<string | ModelSpec> = DEFAULT_MODEL_IDS): Map<string, CatalogModel> {
  const catalog = new Map<string, CatalogModel>();
  for (const spec of models) {
    const model = toCatalogModel(spec);
    catalog.set(model.id, model);
  }
  return catalog;
}
