// `POST .../embeddings`: checks the body, counts it against the rate limit, and answers with the vectors.
import type { ServerResponse } from 'node:http';
import { admit } from '../rate-limit/rate-limit-admission';
import type { EmulatorContext } from '../server/emulator-context';
import { sendError, sendJson } from '../server/http';
import { validateEmbeddingRequest } from './embedding-request';
import { buildEmbeddingList, embeddingPromptTokens } from './embedding-vectors';

export function handleEmbeddings(
  context: EmulatorContext,
  res: ServerResponse,
  body: unknown,
): void {
  const result = validateEmbeddingRequest(body, context.catalog);
  if (!result.ok) return sendError(res, result.error, context.errorShape);
  if (admit(context, res, result.value.model.id, embeddingPromptTokens(result.value)) === undefined)
    return;
  sendJson(res, 200, buildEmbeddingList(result.value));
}
