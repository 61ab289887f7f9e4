// Renders a refusal the way the layer that refused it would: Langdock's `{message}` or OpenAI's `{error: {...}}`.
import type { ApiError } from './violation';
import type { LangdockErrorBody, OpenAIErrorBody } from './wire';

/**
 * `layered`: gateway refusals as `{message}`, backend refusals as `{error}`, as Langdock answers;
 * `langdock` or `openai`: every refusal in that one shape.
 */
export type ErrorShape = 'layered' | 'langdock' | 'openai';

export const ERROR_SHAPES: readonly ErrorShape[] = ['layered', 'langdock', 'openai'];

export function errorBody(error: ApiError, shape: ErrorShape): LangdockErrorBody | OpenAIErrorBody {
  const openai = shape === 'openai' || (shape === 'layered' && error.layer === 'backend');
  if (!openai) return { message: error.message };
  return {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  };
}
