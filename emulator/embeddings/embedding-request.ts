// The embeddings request: OpenAI's rules for it, and the request the emulator keeps if it accepts.
import { isArray, isInteger, isRecord } from '../server/json-guards';
import type { CatalogModel } from '../models/model-catalog';
import { estimateTokens } from '../generation/token-estimate';
import {
  checkRules,
  fail,
  rejectUnknownParameters,
  requireModel,
  type RuleResult,
} from '../server/api-error';

export interface EmbeddingRequest {
  model: CatalogModel;
  inputs: string[];
  dimensions: number;
  encodingFormat: 'float' | 'base64';
}

export const MAX_INPUT_TOKENS = 8192;
const MAX_INPUTS = 2048;
const EMBEDDING_PARAMETERS = new Set(['model', 'input', 'encoding_format', 'dimensions', 'user']);

export function validateEmbeddingRequest(
  body: unknown,
  catalog: ReadonlyMap<string, CatalogModel>,
): RuleResult<EmbeddingRequest> {
  return checkRules(() => {
    if (!isRecord(body)) fail('Request body must be a JSON object.');
    const model = requireModel(body.model, catalog, 'embedding');
    rejectUnknownParameters(body, EMBEDDING_PARAMETERS);
    const inputs = parseInputs(body.input);
    const encodingFormat = body.encoding_format ?? 'float';
    if (encodingFormat !== 'float' && encodingFormat !== 'base64')
      fail("'encoding_format' must be 'float' or 'base64'.", { param: 'encoding_format' });
    if (body.user !== undefined && body.user !== null && typeof body.user !== 'string')
      fail("'user' must be a string.", { param: 'user', code: 'invalid_type' });
    return { model, inputs, dimensions: parseDimensions(body.dimensions, model), encodingFormat };
  });
}

function parseInputs(value: unknown): string[] {
  const inputs = typeof value === 'string' ? [value] : value;
  if (!isArray(inputs) || inputs.length === 0 || inputs.length > MAX_INPUTS) {
    fail(`'input' must be a string or an array of 1 to ${MAX_INPUTS} strings.`, { param: 'input' });
  }
  return inputs.map((input: unknown, index) => {
    if (typeof input !== 'string' || input === '')
      fail(`'input[${index}]' must be a non-empty string.`, { param: `input[${index}]` });
    const tokens = estimateTokens(input);
    if (tokens > MAX_INPUT_TOKENS) {
      fail(
        `'input[${index}]' has about ${tokens} tokens; the maximum is ${MAX_INPUT_TOKENS} tokens per input.`,
        { param: `input[${index}]` },
      );
    }
    return input;
  });
}

function parseDimensions(value: unknown, model: CatalogModel): number {
  if (value === undefined || value === null) return model.dimensions;
  if (!model.acceptsDimensions) {
    fail(
      `'dimensions' is not supported by model '${model.id}'; only text-embedding-3 models take it.`,
      { param: 'dimensions', code: 'unsupported_parameter' },
    );
  }
  if (!isInteger(value) || value < 1 || value > model.dimensions) {
    fail(
      `'dimensions' must be an integer between 1 and ${model.dimensions} for model '${model.id}'.`,
      { param: 'dimensions' },
    );
  }
  return value;
}
