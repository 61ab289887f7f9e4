// Renders a refusal the way the layer that refused it would: Langdock's `{message}`, OpenAI's `{error: {...}}`,
// Anthropic's `{type: 'error', error: {...}}`, or the Model Gateway's called format plus a top-level `message`.
import type { ApiError } from './api-error';

/**
 * `layered`: gateway refusals as `{message}`, backend refusals in the called API's format, as Langdock answers;
 * `langdock`: every refusal as `{message}`; `openai`: every refusal in the called API's format (OpenAI's on the
 * OpenAI-style routes, Anthropic's on the Anthropic route), so the official SDKs read them all.
 */
export type ErrorShape = 'layered' | 'langdock' | 'openai';

/** The format of the API a request called: OpenAI's (chat completions, embeddings, models) or Anthropic's Messages. */
export type ErrorFormat = 'openai' | 'anthropic';

/** How one route renders refusals; the Model Gateway ignores `shape` and always answers in its own way. */
export interface ErrorRendering {
  shape: ErrorShape;
  format: ErrorFormat;
  gateway: boolean;
}

/** The error body of Langdock's own gateway (authentication, rate limits, routes). */
export interface LangdockErrorBody {
  message: string;
}

/** The error body of the Azure OpenAI backend behind Langdock (parameter and message validation). */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Anthropic's error envelope. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

/** The Model Gateway: the called API's format plus a top-level `message`. */
export type GatewayErrorBody = (OpenAIErrorBody | AnthropicErrorBody) & LangdockErrorBody;

export type ErrorBody = LangdockErrorBody | OpenAIErrorBody | AnthropicErrorBody | GatewayErrorBody;

export const ERROR_SHAPES: readonly ErrorShape[] = ['layered', 'langdock', 'openai'];

const ANTHROPIC_TYPES = new Set([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'request_too_large',
  'rate_limit_error',
  'api_error',
  'overloaded_error',
]);

/** Anthropic's error types by status, for refusals made without one (Anthropic's errors page). */
const ANTHROPIC_TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

export function anthropicErrorType(error: ApiError): string {
  // `invalid_request_error` is also the default type of every refusal, so outside a 400 the status decides.
  const defaulted = error.type === 'invalid_request_error' && error.status !== 400;
  if (ANTHROPIC_TYPES.has(error.type) && !defaulted) return error.type;
  return ANTHROPIC_TYPE_BY_STATUS[error.status] ?? 'api_error';
}

export function errorBody(
  error: ApiError,
  shape: ErrorShape,
  format: ErrorFormat = 'openai',
  gateway = false,
): ErrorBody {
  if (gateway) return { ...formatted(error, format), message: error.message };
  const langdock = shape === 'langdock' || (shape === 'layered' && error.layer === 'gateway');
  return langdock ? { message: error.message } : formatted(error, format);
}

function formatted(error: ApiError, format: ErrorFormat): OpenAIErrorBody | AnthropicErrorBody {
  if (format === 'anthropic')
    return { type: 'error', error: { type: anthropicErrorType(error), message: error.message } };
  return {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  };
}
