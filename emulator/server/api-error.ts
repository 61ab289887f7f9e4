// Refusals as values: which layer refused (Langdock's gateway or the Azure backend) and OpenAI's error fields.
import type { CatalogModel, ModelKind } from '../models/model-catalog';

/** Langdock's gateway answers `{message}`; the Azure OpenAI backend behind it answers `{error: {...}}`. */
export type ErrorLayer = 'gateway' | 'backend';

export interface ApiError {
  status: number;
  message: string;
  layer: ErrorLayer;
  /** OpenAI's `type`, e.g. `invalid_request_error`. */
  type: string;
  /** The parameter at fault, as OpenAI names it (`messages[0].role`), or null. */
  param: string | null;
  /** OpenAI's machine-readable `code`, e.g. `unsupported_value`, or null. */
  code: string | null;
}

export interface FailDetails {
  status?: number;
  layer?: ErrorLayer;
  type?: string;
  param?: string | null;
  code?: string | null;
}

export class RuleViolation extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'RuleViolation';
  }
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function apiError(message: string, details: FailDetails = {}): ApiError {
  const status = details.status ?? 400;
  return {
    status,
    message,
    layer: details.layer ?? 'backend',
    type: details.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
    param: details.param ?? null,
    code: details.code ?? null,
  };
}

/** Refuses the request; by default a 400 from the backend's parameter validation. */
export function fail(message: string, details: FailDetails = {}): never {
  throw new RuleViolation(apiError(message, details));
}

/** Runs a parser that throws RuleViolation and returns its verdict as a value. */
export function checkRules<T>(parse: () => T): RuleResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof RuleViolation) return { ok: false, error: error.error };
    throw error;
  }
}

/** Azure's answer to top-level keys a deployment does not know. */
export function rejectUnknownParameters(
  body: Record<string, unknown>,
  known: ReadonlySet<string>,
): void {
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length === 1)
    fail(`Unrecognized request argument supplied: ${unknown.join('')}`, { param: unknown[0] });
  if (unknown.length > 1) fail(`Unrecognized request arguments supplied: ${unknown.join(', ')}`);
}

const KIND_NAMES: Record<ModelKind, string> = { chat: 'chat completions', embedding: 'embeddings' };

export function requireModel(
  value: unknown,
  catalog: ReadonlyMap<string, CatalogModel>,
  kind: ModelKind,
): CatalogModel {
  if (typeof value !== 'string' || value === '')
    fail("'model' is required and must be a string.", {
      param: 'model',
      code: 'missing_required_parameter',
    });
  const model = catalog.get(value);
  if (model === undefined)
    fail(`Model '${value}' not found.`, { status: 404, param: 'model', code: 'model_not_found' });
  if (model.kind !== kind)
    fail(`Model '${value}' does not support ${KIND_NAMES[kind]}.`, {
      param: 'model',
      code: 'unsupported_model',
    });
  return model;
}
