import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import { describeNonJsonBody, LANGDOCK_MAX_ERROR_BODY_BYTES } from './langdock-error';
import { redactedHeaders, redactedCause, redactedJsonText } from './langdock-redaction';
import { readResponseBody } from './langdock-response-body';
import type { Validated } from './langdock-json-guards';

/** Far beyond any chat completion; a body that large is a fault (a wrong baseURL, a runaway proxy). */
export const LANGDOCK_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

export interface LangdockJsonResponseOptions<T> {
  /** Names the expected shape in messages: "chat completion", "embedding list". */
  what: string;
  validate: (value: unknown) => Validated<T>;
  /** Removes the API key from anything the server sent back, before it reaches an error. */
  redact: (text: string) => string;
  maxBytes?: number;
}

/**
 * A JSON body checked by `validate`. A 200 whose body is not the expected shape (an HTML page from a
 * proxy, say) is an error, not an empty answer.
 */
export function createLangdockJsonResponseHandler<T>({
  what,
  validate,
  redact,
  maxBytes = LANGDOCK_MAX_RESPONSE_BYTES,
}: LangdockJsonResponseOptions<T>): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = redactedHeaders(extractResponseHeaders(response), redact);
    const body = await readResponseBody(response, maxBytes);
    const responseBody = redactedJsonText(body.text, redact);
    const fail = (message: string, cause?: unknown) =>
      new APICallError({
        message,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        cause,
        isRetryable: false,
      });
    if (!body.complete) {
      throw fail(
        `Langdock's ${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; it was not read. Check baseURL.`,
      );
    }

    let rawValue: unknown;
    try {
      rawValue = JSON.parse(responseBody);
    } catch (cause) {
      throw fail(
        `Langdock answered ${response.status} with a body that is not JSON: ${describeNonJsonBody(responseBody) ?? 'an empty body'}. Check baseURL.`,
        redactedCause(cause, redact),
      );
    }
    const validated = validate(rawValue);
    if (!validated.success) {
      throw fail(`Langdock answered with an unexpected ${what}: ${validated.problem}.`);
    }
    return { value: validated.value, rawValue, responseHeaders };
  };
}

/** The raw event stream, for the model to decode. A body that is plainly not a stream fails here, with its text. */
export function createLangdockEventStreamHandler(
  redact: (text: string) => string,
): ResponseHandler<ReadableStream<Uint8Array>> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = redactedHeaders(extractResponseHeaders(response), redact);
    const contentType = response.headers.get('content-type') ?? '';
    if (response.body !== null && !/text\/html|application\/json/i.test(contentType)) {
      return { value: response.body, responseHeaders };
    }
    const responseBody = redactedJsonText(
      (await readResponseBody(response, LANGDOCK_MAX_ERROR_BODY_BYTES)).text,
      redact,
    );
    throw new APICallError({
      message: `Langdock answered ${response.status} to a streaming request with ${contentType || 'no content type'} instead of an event stream: ${describeNonJsonBody(responseBody) ?? 'an empty body'}. Check baseURL.`,
      url,
      requestBodyValues,
      statusCode: response.status,
      responseHeaders,
      responseBody,
      isRetryable: false,
    });
  };
}
