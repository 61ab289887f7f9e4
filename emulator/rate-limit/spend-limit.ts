// Spend limits: a workspace, user or key budget used up for the month, refused with 429 before any model runs.

/** Whose budget is used up: the workspace's, the user's (of the key), or the key's own. */
export type SpendLimitScope = 'workspace' | 'user' | 'key';

export const SPEND_LIMIT_SCOPES: readonly SpendLimitScope[] = ['workspace', 'user', 'key'];

export interface SpendLimitOptions {
  scope: SpendLimitScope;
  /** Only these model ids are refused (a model's own budget); all models when left out. */
  models?: readonly string[];
}

export type SpendLimit = SpendLimitScope | SpendLimitOptions;

/** The code the Model Gateway's 429 carries, and its type (assumed: Langdock documents neither). */
export const SPEND_LIMIT_CODE = 'spend_limit_exceeded';
export const SPEND_LIMIT_TYPE = 'rate_limit_error';

/** Langdock's words for each scope (assumed: its documents quote none; others matched "spending limit"). */
export function spendLimitMessage(scope: SpendLimitScope, gateway: boolean): string {
  switch (scope) {
    case 'workspace':
      return 'Your workspace has reached its monthly spending limit. Contact your workspace admin.';
    case 'user':
      return 'You have reached your monthly spending limit. Contact your workspace admin to raise it.';
    case 'key':
      return `This ${gateway ? 'Model Gateway key' : 'API key'} has reached its spending limit. Contact your workspace admin to raise it.`;
  }
}

/** The scope that refuses `model` under `limit`, or undefined when the model may run. */
export function spendLimitFor(
  limit: SpendLimit | undefined,
  model: string,
): SpendLimitScope | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit === 'string') return limit;
  return limit.models === undefined || limit.models.includes(model) ? limit.scope : undefined;
}

/** Throws on a value that is not a spend limit, naming what is allowed. */
export function checkSpendLimit(limit: unknown): asserts limit is SpendLimit | undefined {
  if (limit === undefined) return;
  const scope =
    typeof limit === 'object' && limit !== null ? (limit as SpendLimitOptions).scope : limit;
  const models =
    typeof limit === 'object' && limit !== null ? (limit as SpendLimitOptions).models : undefined;
  const validModels =
    models === undefined || (Array.isArray(models) && models.every((id) => typeof id === 'string'));
  if (!SPEND_LIMIT_SCOPES.includes(scope as SpendLimitScope) || !validModels)
    throw new Error(
      `spendLimit must be one of ${SPEND_LIMIT_SCOPES.join(', ')}, or {scope, models?: string[]}; got ${JSON.stringify(limit)}.`,
    );
}
