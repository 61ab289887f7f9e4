import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import type { LangdockChatResponse } from './langdock-api-types';
import { describeNonJsonBody } from './langdock-error';
import { validateLangdockChatResponse, type Validated } from './validate-langdock-response';

/** No chat completion, embedding batch or model list comes near this; a body that does is a fault. */
export const LANGDOCK_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** The body as text, or undefined (and the download cancelled) once it passes `maxBytes`. */
export async function readBodyWithLimit(response: Response, maxBytes: number): Promise<string | undefined> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(next.value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * A JSON body checked by `validate`. A 200 whose body is not the expected shape (an HTML page from a
 * proxy, say) is an error, not an empty answer; `what` names the shape in the message.
 */
export function createLangdockJsonResponseHandler<T>(what: string, validate: (value: unknown) => Validated<T>): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const body = await readBodyWithLimit(response, LANGDOCK_MAX_RESPONSE_BYTES);
    const responseBody = body ?? '';
    const fail = (message: string, cause?: unknown) =>
      new APICallError({ message, url, requestBodyValues, statusCode: response.status, responseHeaders, responseBody, cause, isRetryable: false });
    if (body === undefined) {
      throw fail(`Langdock's ${what} is larger than ${LANGDOCK_MAX_RESPONSE_BYTES / 1024 / 1024} MiB, far beyond any real answer; it was not read. Check baseURL, or stream instead.`);
    }

    let rawValue: unknown;
    try {
      rawValue = JSON.parse(responseBody);
    } catch (cause) {
      throw fail(`Langdock answered ${response.status} with a body that is not JSON: ${describeNonJsonBody(responseBody) ?? 'an empty body'}. Check baseURL.`, cause);
    }
    const validated = validate(rawValue);
    if (!validated.success) {
      throw fail(`Langdock answered with an unexpected ${what}: ${validated.problem}.`);
    }
    return { value: validated.value, rawValue, responseHeaders };
  };
}

export const langdockChatResponseHandler: ResponseHandler<LangdockChatResponse> = createLangdockJsonResponseHandler('chat completion', validateLangdockChatResponse);

/** The raw event stream; the model decodes it. A body that is plainly not a stream fails here, with its text. */
export const langdockEventStreamHandler: ResponseHandler<ReadableStream<Uint8Array>> = async ({ response, url, requestBodyValues }) => {
  const responseHeaders = extractResponseHeaders(response);
  const contentType = response.headers.get('content-type') ?? '';
  if (response.body === null || /text\/html|application\/json/i.test(contentType)) {
    const responseBody = response.body === null ? '' : await response.text();
    throw new APICallError({
      message: `Langdock answered ${response.status} to a streaming request with ${contentType || 'no content type'} instead of an event stream: ${describeNonJsonBody(responseBody) ?? 'an empty body'}. Check baseURL.`,
      url,
      requestBodyValues,
      statusCode: response.status,
      responseHeaders,
      responseBody,
      isRetryable: false,
    });
  }
  return { value: response.body, responseHeaders };
};
