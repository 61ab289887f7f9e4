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
