// Rule checks throw a RuleViolation; the server turns it into Langdock's `{message}` error body.
import type { CatalogModel, ModelKind } from './models';

export type ViolationStatus = 400 | 404;

export class RuleViolation extends Error {
  constructor(
    readonly status: ViolationStatus,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; status: ViolationStatus; message: string };

export function fail(message: string, status: ViolationStatus = 400): never {
  throw new RuleViolation(status, message);
}

/** Runs a parser that throws RuleViolation and returns its verdict as a value. */
export function checkRules<T>(parse: () => T): RuleResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof RuleViolation) return { ok: false, status: error.status, message: error.message };
    throw error;
  }
}

/** Azure's answer to top-level keys a deployment does not know. */
export function rejectUnknownParameters(body: Record<string, unknown>, known: ReadonlySet<string>): void {
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length === 1) fail(`Unrecognized request argument supplied: ${unknown.join('')}`);
  if (unknown.length > 1) fail(`Unrecognized request arguments supplied: ${unknown.join(', ')}`);
}

const KIND_NAMES: Record<ModelKind, string> = { chat: 'chat completions', embedding: 'embeddings' };

export function requireModel(value: unknown, catalog: ReadonlyMap<string, CatalogModel>, kind: ModelKind): CatalogModel {
  if (typeof value !== 'string' || value === '') fail("'model' is required and must be a string.");
  const model = catalog.get(value);
  if (model === undefined) fail(`Model '${value}' not found.`, 404);
  if (model.kind !== kind) fail(`Model '${value}' does not support ${KIND_NAMES[kind]}.`);
  return model;
}
