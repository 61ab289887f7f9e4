// Refusals of Langdock's own gateway (before any model runs), which it answers in its `{message}` shape.
import { apiError, type ApiError } from './api-error';

export const MESSAGES = {
  browser:
    'Requests from browsers are not allowed. Call the Langdock API from your server; never expose the API key.',
  invalidKey: 'The provided API key is invalid.',
  rateLimited: 'Rate limit for public API exceeded',
  invalidJson: 'Request body is not valid JSON.',
} as const;

export function gatewayError(
  status: number,
  message: string,
  code: string | null = null,
  type?: string,
): ApiError {
  return apiError(message, {
    status,
    layer: 'gateway',
    code,
    ...(type === undefined ? {} : { type }),
  });
}

/**
 * Langdock's answer to a model it does not serve (seen live on the Anthropic route): its `{message}` with the
 * available ids, cut short after `listLength` of them with an ellipsis (how many Langdock shows is assumed).
 */
export function invalidModelError(available: readonly string[], listLength?: number): ApiError {
  const cut = listLength !== undefined && available.length > listLength;
  const shown = cut ? [...available.slice(0, listLength), '…'] : available;
  return gatewayError(400, `Invalid model, available models are: ${shown.join(', ')}`);
}
