import { APICallError } from '@ai-sdk/provider';

// What `npm run test:live` reads from the environment, and how its probes print what Langdock sent.
// Each group of checks runs only when its key is set; live-global-setup.ts prints one line for what is skipped.

const read = (name: string): string | undefined => process.env[name]?.trim() || undefined;

const claudeModel = read('LANGDOCK_CLAUDE_MODEL') ?? 'claude-sonnet-4-6-default';

export const live = {
  /** The classic API (`api.langdock.com` or LANGDOCK_BASE_URL): the OpenAI route, Claude, agents. */
  apiKey: read('LANGDOCK_API_KEY'),
  region: read('LANGDOCK_REGION') ?? 'eu',
  /** The model of the OpenAI route's basic checks. */
  model: read('LANGDOCK_MODEL') ?? 'gpt-4.1',
  /** A Claude model of an adaptive-thinking family (4.6 and later). */
  claudeModel,
  /** A Claude model of a budget-thinking family (3.7 to 4.5). */
  claudeBudgetModel: read('LANGDOCK_CLAUDE_BUDGET_MODEL') ?? 'claude-haiku-4-5-20251001',
  /** A gpt-5.2 or later model, the families seen to refuse reasoning_effort with function tools. */
  gptToolsModel: read('LANGDOCK_GPT_TOOLS_MODEL') ?? 'gpt-5.2',
  agentId: read('LANGDOCK_AGENT_ID'),
  /** A Model Gateway key, for `createLangdock({ gateway: true })`. */
  gatewayApiKey: read('LANGDOCK_GATEWAY_API_KEY'),
  gatewayBaseURL: read('LANGDOCK_GATEWAY_BASE_URL') ?? 'https://gateway.langdock.com/v1',
  gatewayModel: read('LANGDOCK_GATEWAY_MODEL') ?? 'gpt-5-mini',
  /** The gateway's Claude id may be spelt differently from the classic API's. */
  gatewayClaudeModel: read('LANGDOCK_GATEWAY_CLAUDE_MODEL') ?? claudeModel,
  gatewayEmbeddingModel: read('LANGDOCK_GATEWAY_EMBEDDING_MODEL') ?? 'text-embedding-3-small',
};

/** The one line `npm run test:live` prints when a group of checks is skipped for a missing variable. */
export function liveSkipLine(): string | undefined {
  const skipped = [
    live.apiKey === undefined && 'the classic API, OpenAI route and Claude (set LANGDOCK_API_KEY)',
    (live.apiKey === undefined || live.agentId === undefined) &&
      'agents (set LANGDOCK_API_KEY and LANGDOCK_AGENT_ID)',
    live.gatewayApiKey === undefined && 'the Model Gateway (set LANGDOCK_GATEWAY_API_KEY)',
  ].filter((group): group is string => typeof group === 'string');
  if (skipped.length === 0) return undefined;
  return `test:live skipped ${skipped.join('; ')}. Optional variables (models, region, base URLs): test/live/live-env.ts.`;
}

/** A probe's observation as one `live-check:` line; a key never reaches the log, even inside a body. */
export function report(assumption: string, observation: unknown): void {
  let line = JSON.stringify(observation) ?? 'undefined';
  for (const key of [live.apiKey, live.gatewayApiKey]) {
    if (key !== undefined) line = line.split(key).join('[key]');
  }
  console.log(`live-check: ${assumption}: ${line}`);
}

/** The `x-ratelimit-*` and `x-request-id` headers of a response, the only ones the checks print. */
export function notableHeaders(headers: Record<string, string | undefined> | undefined) {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name]) => name.startsWith('x-ratelimit-') || name === 'x-request-id',
    ),
  );
}

/** Every numeric value under a key that names a cost, with its path (`cost`, `usage.total_cost_usd`). */
export function costLikeFields(value: unknown, path = ''): Array<{ path: string; value: number }> {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof item === 'number' && /cost|price|spend|charge|credit|usd|eur|amount/i.test(at))
      return [{ path: at, value: item }];
    return costLikeFields(item, at);
  });
}

/** What a call gave: its value, or the error it failed with (a probe prints either). */
export async function settle<T>(
  promise: PromiseLike<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The error a promise rejects with, or undefined when it resolves. */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  const settled = await settle(promise);
  return settled.ok ? undefined : settled.error;
}

/** An error as a probe prints it: status, body and message, whatever kind it is. */
export function describeError(error: unknown) {
  return {
    statusCode: APICallError.isInstance(error) ? error.statusCode : undefined,
    responseBody: APICallError.isInstance(error) ? error.responseBody : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}
