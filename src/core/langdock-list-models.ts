import { getFromApi } from '@ai-sdk/provider-utils';
import { prepareLangdockRequest, type LangdockRequestConfig } from './http/langdock-request-config';
import { createLangdockJsonResponseHandler } from './http/langdock-response-handlers';
import { isJsonObject, type Validated } from './http/langdock-json-guards';

/** A model the workspace serves in the provider's region, from `GET /models`. */
export interface LangdockModel {
  /** The id to pass to `langdock(id)` or `textEmbeddingModel(id)`. */
  id: string;
  /** Undefined when Langdock sends no usable timestamp. */
  created: Date | undefined;
  /** `owned_by`, e.g. `system`. */
  ownedBy: string | undefined;
  /** The entry exactly as Langdock sent it, with fields this type does not name (such as `region`). */
  raw: Record<string, unknown>;
}

export interface LangdockListModelsOptions {
  abortSignal?: AbortSignal;
  /** Extra headers for this request; they win over the provider's. */
  headers?: Record<string, string | undefined>;
}

type ModelEntry = Record<string, unknown> & { id: string };

/** Accepts OpenAI's `{object: "list", data: [...]}` and, since Langdock publishes no schema, a bare array. */
export function validateLangdockModelList(value: unknown): Validated<ModelEntry[]> {
  const data = Array.isArray(value) ? value : isJsonObject(value) ? value.data : undefined;
  if (!Array.isArray(data)) return { success: false, problem: 'response.data must be an array' };
  for (let i = 0; i < data.length; i++) {
    const entry: unknown = data[i];
    if (!isJsonObject(entry))
      return { success: false, problem: `response.data[${i}] must be an object` };
    if (typeof entry.id !== 'string' || entry.id === '')
      return { success: false, problem: `response.data[${i}].id must be a non-empty string` };
  }
  return { success: true, value: data as ModelEntry[] };
}

// Seconds and milliseconds cannot be confused for real dates: 1e11 seconds is the year 5138, 1e11 ms is 1973.
const LARGEST_SECONDS_TIMESTAMP = 1e11;

/** Langdock sends `created` in milliseconds; OpenAI-style deployments send seconds. 0 or junk means unknown. */
export function langdockCreatedToDate(created: unknown): Date | undefined {
  if (typeof created !== 'number' || !Number.isFinite(created) || created <= 0) return undefined;
  return new Date(created < LARGEST_SECONDS_TIMESTAMP ? created * 1000 : created);
}

export function mapLangdockModel(entry: ModelEntry): LangdockModel {
  return {
    id: entry.id,
    created: langdockCreatedToDate(entry.created),
    ownedBy: typeof entry.owned_by === 'string' ? entry.owned_by : undefined,
    raw: entry,
  };
}

export async function listLangdockModels(
  config: LangdockRequestConfig,
  options: LangdockListModelsOptions = {},
): Promise<LangdockModel[]> {
  const request = prepareLangdockRequest(config, {
    path: '/models',
    headers: options.headers,
    errorHints: {
      404: 'This deployment does not serve GET /models: older and dedicated deployments may not offer model listing. Check baseURL, or look the model ids up in the Langdock workspace settings.',
    },
  });
  const { value } = await getFromApi({
    url: request.url,
    headers: request.headers,
    failedResponseHandler: request.failedResponseHandler,
    successfulResponseHandler: createLangdockJsonResponseHandler({
      what: 'model list',
      validate: validateLangdockModelList,
      redact: request.redact,
    }),
    abortSignal: options.abortSignal,
    fetch: request.fetch,
  });
  return value.map(mapLangdockModel);
}
