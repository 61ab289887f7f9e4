// `GET /v1/models` of the Model Gateway: OpenAI's list, each entry also giving its context window and operations.
// Langdock documents that entries carry both, not their names: `context_window` and `operations` are assumed.
import type { ModelObject } from '../models/model-list';
import type { CatalogModel } from '../models/model-catalog';

/** The gateway's operations, as `operations` names them (assumed spelling: the API paths without `/v1/`). */
export const CHAT_OPERATIONS = ['chat.completions', 'messages', 'responses'] as const;
export const EMBEDDING_OPERATIONS = ['embeddings'] as const;

export interface GatewayModelObject extends ModelObject {
  context_window: number;
  operations: string[];
}

export interface GatewayModelList {
  object: 'list';
  data: GatewayModelObject[];
}

export function buildGatewayModelList(
  catalog: ReadonlyMap<string, CatalogModel>,
): GatewayModelList {
  return {
    object: 'list',
    data: [...catalog.values()].map((model) => ({
      id: model.id,
      object: 'model',
      created: model.created,
      owned_by: model.ownedBy,
      context_window: model.contextWindow,
      operations: [...(model.kind === 'chat' ? CHAT_OPERATIONS : EMBEDDING_OPERATIONS)],
    })),
  };
}
