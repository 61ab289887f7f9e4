import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import { readResponseBody } from './langdock-response-body';

/** An error message fits in far less; the rest of a larger error body is not read. */
export const LANGDOCK_MAX_ERROR_BODY_BYTES = 1024 * 1024;

/**
 * Langdock's error bodies come in several shapes: `{message}`, `{message: [...]}`, `{error: "..."}`,
 * OpenAI/Azure's `{error: {message, type, param, code}}`, and gateway HTML pages.
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
  return { message: messageFromValue(data), data };
}

function messageFromValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(messageFromValue).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const message =
    messageFromValue(record.message) ??
    messageFromValue(record.error) ??
    messageFromValue(record.detail);
  if (message !== undefined) {
    const code =
      typeof record.code === 'string' || typeof record.code === 'number' ? ` (${record.code})` : '';
    return `${message}${code}`;
  }
  // A validation item such as `{property, constraints}`: show it as it came.
  return Object.keys(record).length > 0 ? JSON.stringify(record) : undefined;
}

export function describeNonJsonBody(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  if (title) return `the server answered with an HTML page: "${title}"`;
  if (text.startsWith('<')) return 'the server answered with an HTML page instead of JSON';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const statusHints: Record<number, string> = {
  400: 'Langdock refused the request as invalid.',
  401: 'Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
  403: 'The key is valid but lacks access: check its scopes in the workspace API settings, and that the request is not sent from a browser.',
  404: 'Check the model id and region: the model may not be enabled in this workspace or served in this region.',
  408: 'The request timed out; it can be retried.',
  413: 'The request is too large: shorten the prompt or send fewer or smaller images.',
  429: 'The workspace limit is 500 requests and 60,000 tokens per minute per model; wait and retry, or spread load across models.',
  502: 'A gateway in front of Langdock failed; retry shortly.',
  503: 'Langdock is temporarily unavailable; retry shortly.',
  504: 'A gateway timed out; for long answers prefer streaming.',
  524: 'The gateway gave up waiting (about 100 s); for long answers prefer streaming.',
};

export function langdockErrorHint(statusCode: number): string | undefined {
  return (
    statusHints[statusCode] ??
    (statusCode >= 500 ? 'Langdock had a server error; retry shortly.' : undefined)
  );
}

/** Same rule as the AI SDK's: the SDK's retry loop (which honours retry-after) retries these. */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

// Real keys are long; redacting a few characters would only mangle ordinary words.
const MIN_REDACTED_LENGTH = 8;

export function redactSecret(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < MIN_REDACTED_LENGTH) return text;
  let redacted = text;
  for (const form of echoForms(secret))
    if (redacted.includes(form)) redacted = redacted.split(form).join('[redacted]');
  return redacted;
}

/** A server may echo a secret as sent, escaped inside a JSON string, or URL-encoded: each form is redacted. */
function echoForms(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
    encodeURIComponent(secret),
  ]);
  return [...forms];
}

/** One function that removes every given secret, in every echo form, from a text. */
export function createLangdockRedactor(
  secrets: ReadonlyArray<string | undefined>,
): (text: string) => string {
  const known = [
    ...new Set(
      secrets.filter(
        (secret): secret is string => secret !== undefined && secret.length >= MIN_REDACTED_LENGTH,
      ),
    ),
  ];
  // Longest first, so a token inside a longer credential (`Bearer <token>`) cannot leave the rest behind.
  known.sort((a, b) => b.length - a.length);
  return (text) => known.reduce((redacted, secret) => redactSecret(redacted, secret), text);
}

/**
 * `text` less every secret. JSON can spell a secret with \u escapes, which no search of the text finds: such text
 * is parsed and written out again plainly, and that form is used when it held a secret.
 */
export function redactedJsonText(text: string, redact: (text: string) => string): string {
  const redacted = redact(text);
  if (!redacted.includes('\\u')) return redacted;
  let plain: string;
  try {
    plain = JSON.stringify(JSON.parse(redacted));
  } catch {
    return redacted;
  }
  const clean = redact(plain);
  return clean === plain ? redacted : clean;
}

/** `value`, parsed from `data`, without the key: parsed again from the redacted text only when the key is in it. */
export function redactedValue(
  data: string,
  value: unknown,
  redact: (text: string) => string,
): unknown {
  const text = redactedJsonText(data, redact);
  return text === data ? value : JSON.parse(text);
}

/** Response headers without the key: a proxy may echo a credential in one. */
export function redactedHeaders(
  headers: Record<string, string>,
  redact: (text: string) => string,
): Record<string, string> {
  let changed: Record<string, string> | undefined;
  for (const name of Object.keys(headers)) {
    const value = redact(headers[name]!);
    if (value !== headers[name]) (changed ??= { ...headers })[name] = value;
  }
  return changed ?? headers;
}

/** A parser's error can quote the text it failed on; keep its message, less the key. */
export function redactedCause(cause: unknown, redact: (text: string) => string): unknown {
  return cause instanceof Error ? new SyntaxError(redact(cause.message)) : cause;
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
    const { message: detail, data } = parseLangdockErrorBody(responseBody);
    const hint = hints[response.status] ?? langdockErrorHint(response.status);
    const head = `Langdock API error ${response.status}${detail ? `: ${detail.replace(/[.\s]+$/, '')}` : ''}.`;
    const message = redact(hint ? `${head} ${hint}` : head);
    return {
      responseHeaders,
      value: new APICallError({
        message,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        isRetryable: isRetryableStatus(response.status),
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
