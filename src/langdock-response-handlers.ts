import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import type { LangdockChatResponse } from './langdock-api-types';
import { describeNonJsonBody } from './langdock-error';
import { validateLangdockChatResponse, type Validated } from './validate-langdock-response';

/**
 * A JSON body checked by `validate`. A 200 whose body is not the expected shape (an HTML page from a
 * proxy, say) is an error, not an empty answer; `what` names the shape in the message.
 */
export function createLangdockJsonResponseHandler<T>(what: string, validate: (value: unknown) => Validated<T>): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const responseBody = await response.text();
    const fail = (message: string, cause?: unknown) =>
      new APICallError({ message, url, requestBodyValues, statusCode: response.status, responseHeaders, responseBody, cause, isRetryable: false });

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
