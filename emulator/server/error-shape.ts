// Renders a refusal the way the layer that refused it would: Langdock's `{message}` or OpenAI's `{error: {...}}`.
import type { ApiError } from './api-error';

/**
 * `layered`: gateway refusals as `{message}`, backend refusals as `{error}`, as Langdock answers;
 * `langdock` or `openai`: every refusal in that one shape.
 */
export type ErrorShape = 'layered' | 'langdock' | 'openai';

/** The error body of Langdock's own gateway (authentication, rate limits, routes). */
export interface LangdockErrorBody {
  message: string;
}

/** The error body of the Azure OpenAI backend behind Langdock (parameter and message validation). */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export const ERROR_SHAPES: readonly ErrorShape[] = ['layered', 'langdock', 'openai'];

export function errorBody(error: ApiError, shape: ErrorShape): LangdockErrorBody | OpenAIErrorBody {
  const openai = shape === 'openai' || (shape === 'layered' && error.layer === 'backend');
  if (!openai) return { message: error.message };
  return {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  };
}
