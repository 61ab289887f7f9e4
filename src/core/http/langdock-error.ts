import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import { readResponseBody } from './langdock-response-body';
import {
  describeLangdockInvalidModel,
  describeLangdockRateLimit,
  describeLangdockRefusedSetting,
  describeLangdockTimeout,
  LANGDOCK_NOT_FOUND_HINT,
  langdockRequestIdNote,
} from './langdock-error-hints';
import {
  classifyLangdockRateLimit,
  readLangdockRateLimitHeaders,
} from './langdock-rate-limit-response';
import { redactedHeaders, redactedJsonText } from './langdock-redaction';

/** An error message fits in far less; the rest of a larger error body is not read. */
export const LANGDOCK_MAX_ERROR_BODY_BYTES = 1024 * 1024;

/**
 * Langdock's error bodies come in several shapes: `{message}`, `{message: [...]}`, `{error: "..."}`,
 * OpenAI/Azure's `{error: {message, type, param, code}}`, Anthropic's `{type: "error", error: {type, message}}`,
 * and gateway HTML pages.
 */
export function parseLangdockErrorBody(body: string): {
  message: string | undefined;
  data: unknown;
} {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { message: describeNonJsonBody(body), data: undefined };
  }
  const message = messageFromValue(data);
  // Anthropic's error type (`overloaded_error`) says what happened where its message may not.
  return { message: message && withCode(message, anthropicErrorType(data)), data };
}

/** `message (code)`, unless the message names its code already. */
function withCode(message: string, code: string | undefined): string {
  if (code === undefined || message.includes(code)) return message;
  return `${message.replace(/[.\s]+$/, '')} (${code})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function anthropicErrorType(value: unknown): string | undefined {
  if (!isRecord(value) || value.type !== 'error' || !isRecord(value.error)) return undefined;
  const errorType = value.error.type;
  return typeof errorType === 'string' ? errorType : undefined;
}

function messageFromValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(messageFromValue).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (!isRecord(value)) return undefined;
  const record = value;
  // The gateway repeats its error's message at the top level: the error object, which holds the code, comes first.
  const message =
    (isRecord(record.error) && record.error.message !== undefined
      ? messageFromValue(record.error)
      : undefined) ??
    messageFromValue(record.message) ??
    messageFromValue(record.error) ??
    messageFromValue(record.detail);
  // A validation item such as `{property, constraints}`: show it as it came.
  if (message === undefined)
    return Object.keys(record).length > 0 ? JSON.stringify(record) : undefined;
  const { code } = record;
  return withCode(
    message,
    typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
  );
}

/** The error's `code` (OpenAI's and the gateway's `{error: {code}}`, or a top-level `code`). */
function errorCode(data: unknown): string | undefined {
  const code = isRecord(data)
    ? ((isRecord(data.error) ? data.error.code : undefined) ?? data.code)
    : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function describeNonJsonBody(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  const title = htmlTitle(text);
  if (title) return `the server answered with an HTML page: "${title}"`;
  if (text.startsWith('<')) return 'the server answered with an HTML page instead of JSON';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function htmlTitle(text: string): string | undefined {
  return /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() || undefined;
}

function requestedModel(requestBodyValues: unknown): string | undefined {
  const model =
    typeof requestBodyValues === 'object' && requestBodyValues !== null
      ? (requestBodyValues as { model?: unknown }).model
      : undefined;
  return typeof model === 'string' ? model : undefined;
}

function isStreamingRequest(requestBodyValues: unknown): boolean {
  return (
    typeof requestBodyValues === 'object' &&
    requestBodyValues !== null &&
    (requestBodyValues as { stream?: unknown }).stream === true
  );
}

// Hints for the gateway's error codes that say more than their status.
const codeHints = new Map([
  [
    'missing_api_key',
    'No API key reached Langdock: set apiKey or LANGDOCK_API_KEY, and check that no proxy in between drops the Authorization header.',
  ],
]);

const statusHints: Record<number, string> = {
  400: 'Langdock refused the request as invalid.',
  401: 'Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
  403: 'The key is valid but lacks access: check its scopes in the workspace API settings, and that the request is not sent from a browser.',
  404: LANGDOCK_NOT_FOUND_HINT,
  408: 'The request timed out; it can be retried.',
  413: 'The request is too large: shorten the prompt or send fewer or smaller images.',
  502: 'A gateway in front of Langdock failed; retry shortly.',
  529: "The model's provider is overloaded; it is retried. If that keeps failing, retry later or use another model.",
  503: 'Langdock is temporarily unavailable; retry shortly.',
  504: 'A gateway timed out; it is retried. If long calls keep ending so, stream them (streamText).',
};

export function langdockErrorHint(statusCode: number): string | undefined {
  return (
    statusHints[statusCode] ??
    (statusCode >= 500 ? 'Langdock had a server error; retry shortly.' : undefined)
  );
}

/**
 * The AI SDK's rule (its retry loop honours retry-after), less the 524: Langdock's proxy gave up on a call the
 * model may still be running, and a retry would run and bill it again.
 */
export function isRetryableStatus(statusCode: number): boolean {
  if (statusCode === 524) return false;
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/** `hints` replaces the default hint for a status where an endpoint means something else by it (404 on `/models`). */
export function createLangdockErrorHandler(
  redact: (text: string) => string,
  hints: Partial<Record<number, string>> = {},
): ResponseHandler<APICallError> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = redactedHeaders(extractResponseHeaders(response), redact);
    const responseBody = redactedJsonText(
      (await readResponseBody(response, LANGDOCK_MAX_ERROR_BODY_BYTES)).text,
      redact,
    );
    const parsed = parseLangdockErrorBody(responseBody);
    const { data } = parsed;
    let detail = parsed.message;
    // Hints read from the server's words say more than the endpoint's or the status's.
    let hint =
      describeLangdockInvalidModel(detail, requestedModel(requestBodyValues)) ??
      describeLangdockRefusedSetting(detail) ??
      codeHints.get(errorCode(data) ?? '') ??
      hints[response.status] ??
      langdockErrorHint(response.status);
    if (response.status === 524) {
      const timeout = describeLangdockTimeout({
        pageTitle: htmlTitle(responseBody.trim()),
        streamed: isStreamingRequest(requestBodyValues),
      });
      hint = timeout.hint;
      if (data === undefined) detail = timeout.detail;
    }
    const rateLimit = classifyLangdockRateLimit(response.status, responseBody, responseHeaders);
    if (rateLimit !== undefined)
      hint = describeLangdockRateLimit(rateLimit, readLangdockRateLimitHeaders(responseHeaders));
    const head = `Langdock API error ${response.status}${detail ? `: ${detail.replace(/[.\s]+$/, '')}` : ''}.`;
    const message = redact(
      [head, hint, langdockRequestIdNote(responseHeaders, data)]
        .filter((part) => part !== undefined)
        .join(' '),
    );
    return {
      responseHeaders,
      value: new APICallError({
        message,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        // A spent budget stays spent: retrying only repeats the refusal.
        isRetryable: rateLimit !== 'spend-limit' && isRetryableStatus(response.status),
        data,
      }),
    };
  };
}

/** A connection that broke off mid-stream: what the runtime said, and that the answer is incomplete. */
export function langdockStreamInterruptedError({
  cause,
  url,
  requestBodyValues,
}: {
  cause: unknown;
  url: string;
  requestBodyValues: unknown;
}): APICallError {
  const reasons: string[] = [];
  for (let error = cause; error instanceof Error && reasons.length < 3; error = error.cause)
    reasons.push(error.message);
  return new APICallError({
    message: `The connection to Langdock was lost mid-stream${reasons.length > 0 ? ` (${reasons.join(': ')})` : ''}; the answer is incomplete.`,
    url,
    requestBodyValues,
    cause,
    isRetryable: true,
  });
}
