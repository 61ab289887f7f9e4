// `GET .../models`: the catalog as OpenAI's model list.
import type { CatalogModel } from './model-catalog';

export interface ModelObject {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

export interface ModelList {
  object: 'list';
  data: ModelObject[];
}

export function buildModelList(catalog: ReadonlyMap<string, CatalogModel>): ModelList {
  return {
    object: 'list',
    data: [...catalog.values()].map((model) => ({
      id: model.id,
      object: 'model',
      created: model.created,
      owned_by: model.ownedBy,
    })),
  };
}
