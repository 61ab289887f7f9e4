// `POST .../embeddings`: checks the body, counts it against the rate limit, and answers with the vectors.
import type { ServerResponse } from 'node:http';
import type { CatalogModel } from '../models/model-catalog';
import { admit } from '../rate-limit/rate-limit-admission';
import type { EmulatorContext } from '../server/emulator-context';
import { sendError, sendJson } from '../server/http';
import { validateEmbeddingRequest } from './embedding-request';
import { buildEmbeddingList, embeddingPromptTokens } from './embedding-vectors';

export interface EmbeddingRouteOptions {
  catalog: ReadonlyMap<string, CatalogModel>;
  /** The Model Gateway: its error bodies. */
  gateway: boolean;
}

export function handleEmbeddings(
  context: EmulatorContext,
  res: ServerResponse,
  body: unknown,
  options: EmbeddingRouteOptions,
): void {
  const rendering = {
    shape: context.errorShape,
    format: 'openai' as const,
    gateway: options.gateway,
  };
  const result = validateEmbeddingRequest(body, options.catalog);
  if (!result.ok) return sendError(res, result.error, rendering);
  const tokens = embeddingPromptTokens(result.value);
  if (admit(context, res, result.value.model.id, tokens, rendering) === undefined) return;
  sendJson(res, 200, buildEmbeddingList(result.value));
}
