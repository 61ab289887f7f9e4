// `GET /anthropic/{region}/v1/models`: the Claude models in Anthropic's list shape.
import type { AnthropicModelList } from '../messages/messages-wire';
import type { CatalogModel } from './model-catalog';

export function buildAnthropicModelList(models: readonly CatalogModel[]): AnthropicModelList {
  const data = models.map((model) => ({
    type: 'model' as const,
    id: model.id,
    display_name: model.displayName,
    created_at: new Date(model.created).toISOString().replace('.000Z', 'Z'),
  }));
  return {
    data,
    has_more: false,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}
