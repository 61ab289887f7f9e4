import {
  LANGDOCK_REQUESTS_PER_MINUTE,
  LANGDOCK_TOKENS_PER_MINUTE,
} from '../rate-limit/langdock-rate-limit';
import type {
  LangdockRateLimitKind,
  LangdockReportedRateLimits,
} from './langdock-rate-limit-response';

// What an error's message tells a user to do, for the errors whose cause the status alone does not say.

/** What a user should do about Langdock's 100-second cap on non-streaming calls. */
export const LANGDOCK_TIMEOUT_ADVICE =
  'stream the call (streamText), or let generateText stream under the hood with providerOptions.langdock.streamGenerate: true';

/**
 * A 524 is Cloudflare's "the origin took the request but sent nothing for about 100 s": Langdock's proxy ends
 * non-streaming calls that way while the model may still run (and bill) them.
 */
export function describeLangdockTimeout({
  pageTitle,
  streamed,
}: {
  /** The title of the proxy's HTML page, when it sent one. */
  pageTitle: string | undefined;
  /** Whether the request asked for a stream. */
  streamed: boolean;
}): { detail: string; hint: string } {
  return {
    detail: `Langdock's proxy stopped waiting for the answer after about 100 seconds${pageTitle ? ` (its page: "${pageTitle}")` : ''}`,
    hint: `The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ${
      streamed
        ? 'Even this streamed call sent nothing for that long: retry later, or with a shorter request.'
        : `For long answers, ${LANGDOCK_TIMEOUT_ADVICE}: a stream is not cut off after 100 seconds.`
    }`,
  };
}

/** A 429's hint: for a per-minute limit, the limits the response reported (else Langdock's documented ones). */
export function describeLangdockRateLimit(
  kind: LangdockRateLimitKind,
  reported: LangdockReportedRateLimits | undefined,
): string {
  if (kind === 'spend-limit') {
    return (
      'This is a spend limit, not a per-minute rate limit: the budget of this key, its user or the workspace is used up for the period. ' +
      'It is not retried: retries fail until the limit is raised or the period resets. ' +
      "A workspace admin can raise it in Langdock's workspace settings: Usage and spend limits (users and the workspace), " +
      'the API page (workspace keys), or Model Gateway > Limits (the spend limit of a Model Gateway key).'
    );
  }
  const limits = amounts(reported?.limitRequests, reported?.limitTokens);
  const left = amounts(reported?.remainingRequests, reported?.remainingTokens);
  const stated =
    limits !== undefined
      ? `Langdock reported a limit of ${limits} per minute for this model${left ? `, with ${left} left` : ''}`
      : `The workspace limit is ${amounts(LANGDOCK_REQUESTS_PER_MINUTE, LANGDOCK_TOKENS_PER_MINUTE)} per minute per model by Langdock's documented defaults${left ? ` (this answer reported ${left} left)` : ''}`;
  return (
    `${stated}; wait and retry, or spread load across models. ` +
    "The provider's rateLimit setting (createLangdock({ rateLimit: true })) makes calls wait for budget instead of meeting 429s."
  );
}

/** "500 requests and 60,000 tokens", either alone, or undefined. */
function amounts(requests: number | undefined, tokens: number | undefined): string | undefined {
  const parts = [
    requests === undefined ? undefined : `${requests.toLocaleString('en-US')} requests`,
    tokens === undefined ? undefined : `${tokens.toLocaleString('en-US')} tokens`,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

const LIST_MODELS_ADVICE = 'provider.listModels() lists every model this key can use';

/**
 * Langdock's "Invalid model, available models are: a, b, c…" (its list cut short): the ids of that list closest
 * to the one asked for, and `listModels()`. Undefined for any other message.
 */
export function describeLangdockInvalidModel(
  detail: string | undefined,
  requestedModel: string | undefined,
): string | undefined {
  const list = /invalid model\b[^:]*?available models are:(.*)$/is.exec(detail ?? '')?.[1];
  if (list === undefined) return undefined;
  const items = list.split(',').map((item) => item.trim());
  // The list is cut short: an id that ends in an ellipsis may be cut too, and is not offered.
  if (/(?:…|\.\.\.)$/.test(items.at(-1) ?? '')) items.pop();
  const ids = items.map((item) => item.replace(/\.$/, '')).filter((item) => item !== '');
  if (requestedModel === undefined || ids.length === 0)
    return `Langdock does not serve this model here: ${LIST_MODELS_ADVICE}.`;
  const closest = closestIds(requestedModel, ids, 3);
  return `Langdock does not serve "${requestedModel}" here; the closest ids in its list are ${closest.join(', ')} (the list may be cut short: ${LIST_MODELS_ADVICE}).`;
}

/** A 404's hint: a model that is not there, most often. */
export const LANGDOCK_NOT_FOUND_HINT = `Check the model id and region: the model may not be enabled in this workspace or served in this region (${LIST_MODELS_ADVICE}).`;

/** `count` ids nearest `wanted` by edit distance, ties to the longer shared prefix, then to Langdock's order. */
function closestIds(wanted: string, ids: readonly string[], count: number): string[] {
  const target = wanted.toLowerCase();
  return ids
    .slice(0, 1_000)
    .map((id, index) => ({
      id,
      index,
      distance: editDistance(target, id.toLowerCase()),
      prefix: sharedPrefixLength(target, id.toLowerCase()),
    }))
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.index - b.index)
    .slice(0, count)
    .map(({ id }) => id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

function sharedPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}

// Wire names of the call settings a model may refuse, and the AI SDK setting that sends each.
const CALL_SETTINGS: Record<string, string> = {
  temperature: 'temperature',
  top_p: 'topP',
  top_k: 'topK',
  frequency_penalty: 'frequencyPenalty',
  presence_penalty: 'presencePenalty',
  seed: 'seed',
  stop: 'stopSequences',
  stop_sequences: 'stopSequences',
};

// "`temperature` is deprecated for this model" (seen live), OpenAI's "Unsupported parameter: 'top_p' is not
// supported with this model." and "Unsupported value: 'temperature' does not support 0.2 with this model."
const REFUSED_PARAMETER = [
  /[`'"]?\b([a-z_]+)\b[`'"]? is (?:deprecated|not supported|unsupported)\b/i,
  /unsupported parameter:\s*[`'"]?([a-z_]+)/i,
  /unsupported value:\s*[`'"]?([a-z_]+)[`'"]? does not support/i,
];

/** A 400 that refuses a call setting for this model: which setting to leave out. */
export function describeLangdockRefusedSetting(detail: string | undefined): string | undefined {
  for (const pattern of REFUSED_PARAMETER) {
    const parameter = pattern.exec(detail ?? '')?.[1]?.toLowerCase();
    const setting = parameter === undefined ? undefined : CALL_SETTINGS[parameter];
    if (setting !== undefined)
      return `This model does not take \`${parameter}\`: leave ${setting} out of the call (generateText, streamText), or choose a model that takes it.`;
  }
  return undefined;
}

/** "(request id …)" for Langdock's support: the `x-request-id` header, else an Anthropic envelope's `request_id`. */
export function langdockRequestIdNote(
  headers: Record<string, string>,
  data: unknown,
): string | undefined {
  const fromBody =
    typeof data === 'object' && data !== null
      ? (data as { request_id?: unknown }).request_id
      : undefined;
  const id = headers['x-request-id'] ?? (typeof fromBody === 'string' ? fromBody : undefined);
  // An id is a short token; anything else (a proxy's page, an echo) is not worth quoting.
  return id !== undefined && /^[\w.:-]{1,128}$/.test(id.trim())
    ? `(request id ${id.trim()})`
    : undefined;
}
