import { InvalidArgumentError, TooManyEmbeddingValuesForCallError } from '@ai-sdk/provider';
import type { LangdockWarning } from '../langdock-call';
import {
  LANGDOCK_MAX_EMBEDDING_INPUT_TOKENS,
  type LangdockEmbeddingOptions,
} from './langdock-embedding-options';

export interface LangdockEmbeddingRequestBody {
  model: string;
  input: string[];
  encoding_format: 'float';
  dimensions?: number;
  user?: string;
}

/**
 * Natural text averages about 4 UTF-8 bytes per token (English) or fewer (code, other scripts), so
 * bytes / 8 is a safe lower bound on its token count: the check refuses only inputs that are certainly
 * too long and leaves borderline ones to Langdock, which answers them with a 400.
 */
export const MAX_UTF8_BYTES_PER_TOKEN = 8;

const utf8 = new TextEncoder();

/** Values and options -> the exact body Langdock receives. Everything the API would refuse fails here, before any request. */
export function buildLangdockEmbeddingRequest({
  provider,
  modelId,
  values,
  dimensions: callDimensions,
  langdockOptions,
  maxEmbeddingsPerCall,
  supportsDimensions,
  warnings,
}: {
  provider: string;
  modelId: string;
  values: unknown[];
  /** The spec's `dimensions` call option, if it has one. */
  dimensions?: number;
  langdockOptions: LangdockEmbeddingOptions;
  maxEmbeddingsPerCall: number;
  supportsDimensions: boolean;
  /** Where a setting the model cannot honour is reported; without it (V2, no warnings channel), it is an error. */
  warnings?: LangdockWarning[];
}): LangdockEmbeddingRequestBody {
  if (values.length > maxEmbeddingsPerCall) {
    throw new TooManyEmbeddingValuesForCallError({
      provider,
      modelId,
      maxEmbeddingsPerCall,
      values,
    });
  }
  if (values.length === 0) {
    throw new InvalidArgumentError({
      argument: 'values',
      message: 'There is nothing to embed: pass at least one non-empty string.',
    });
  }
  values.forEach(checkInput);

  const { user } = langdockOptions;
  let dimensions = checkDimensions(langdockOptions.dimensions, callDimensions);
  if (dimensions !== undefined && !supportsDimensions) {
    if (warnings === undefined) {
      // Without a warnings channel, dropping the setting silently would return vectors of an unexpected length.
      throw new InvalidArgumentError({
        argument: 'providerOptions.langdock.dimensions',
        message:
          `providerOptions.langdock.dimensions: ${modelId} does not take dimensions; only text-embedding-3 models can shorten their vectors. ` +
          'Remove the option, or, if this deployment is a text-embedding-3 model under another name, create it with textEmbeddingModel(modelId, { supportsDimensions: true }).',
      });
    }
    warnings.push({
      type: 'unsupported-setting',
      setting: 'dimensions',
      details:
        `${modelId} does not take dimensions, so its vectors keep their full length: only text-embedding-3 models can shorten them. ` +
        'If this deployment is a text-embedding-3 model under another name, create it with embeddingModel(modelId, { supportsDimensions: true }).',
    });
    dimensions = undefined;
  }

  return {
    model: modelId,
    input: values as string[],
    encoding_format: 'float',
    ...(dimensions !== undefined && { dimensions }),
    ...(user !== undefined && { user }),
  };
}

/** The one `dimensions` asked for, by provider option or call option; two different values are an error. */
function checkDimensions(
  fromOptions: number | undefined,
  fromCall: number | undefined,
): number | undefined {
  if (fromCall !== undefined && (!Number.isSafeInteger(fromCall) || fromCall < 1)) {
    throw new InvalidArgumentError({
      argument: 'dimensions',
      message: `dimensions must be a positive integer; got ${fromCall}.`,
    });
  }
  if (fromOptions !== undefined && fromCall !== undefined && fromOptions !== fromCall) {
    throw new InvalidArgumentError({
      argument: 'dimensions',
      message: `dimensions is ${fromCall} but providerOptions.langdock.dimensions is ${fromOptions}: pass it once.`,
    });
  }
  return fromOptions ?? fromCall;
}

function checkInput(value: unknown, index: number): void {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError({
      argument: `values[${index}]`,
      message: `values[${index}] is ${value === null ? 'null' : typeof value}; Langdock embeds strings only.`,
    });
  }
  if (value === '') {
    throw new InvalidArgumentError({
      argument: `values[${index}]`,
      message: `values[${index}] is an empty string, which Langdock refuses: leave it out, or embed a placeholder text instead.`,
    });
  }
  const maxBytes = LANGDOCK_MAX_EMBEDDING_INPUT_TOKENS * MAX_UTF8_BYTES_PER_TOKEN;
  // A UTF-16 code unit is at most three UTF-8 bytes, so short strings pass without being encoded.
  if (value.length * 3 <= maxBytes) return;
  const bytes = utf8.encode(value).byteLength;
  if (bytes > maxBytes) {
    const minimumTokens = Math.ceil(bytes / MAX_UTF8_BYTES_PER_TOKEN);
    throw new InvalidArgumentError({
      argument: `values[${index}]`,
      message:
        `values[${index}] is too long to embed: Langdock takes at most ${LANGDOCK_MAX_EMBEDDING_INPUT_TOKENS} tokens per input, and its ${bytes} UTF-8 bytes ` +
        `are at least ${minimumTokens} tokens (counting ${MAX_UTF8_BYTES_PER_TOKEN} bytes per token, more than natural text averages). Split it into smaller chunks.`,
    });
  }
}
