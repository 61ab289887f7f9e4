import type { LangdockChatChunk, LangdockChatResponse } from './langdock-api-types';

// Hand-written structural checks of only the fields this package reads: cheap enough for every
// stream chunk, strict enough that a malformed body becomes an error instead of a wrong answer.

type Check = (value: unknown, path: string) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optional =
  (type: 'string' | 'number'): Check =>
  (value, path) =>
    value === undefined || value === null || typeof value === type ? undefined : `${path} must be a ${type}`;

const optionalString = optional('string');
const requiredString: Check = (value, path) => (typeof value === 'string' ? undefined : `${path} must be a string`);
const optionalNumber = optional('number');

function checkFields(record: Record<string, unknown>, path: string, checks: Record<string, Check>): string | undefined {
  for (const key in checks) {
    const problem = checks[key]!(record[key], `${path}.${key}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

const optionalObject =
  (checks: Record<string, Check>): Check =>
  (value, path) => {
    if (value === undefined || value === null) return undefined;
    return isObject(value) ? checkFields(value, path, checks) : `${path} must be an object`;
  };

const optionalArray =
  (item: Check): Check =>
  (value, path) => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return `${path} must be an array`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${path}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

const requiredObject =
  (checks: Record<string, Check>): Check =>
  (value, path) =>
    isObject(value) ? checkFields(value, path, checks) : `${path} must be an object`;

const usageCheck = optionalObject({
  prompt_tokens: optionalNumber,
  completion_tokens: optionalNumber,
  total_tokens: optionalNumber,
  prompt_tokens_details: optionalObject({ cached_tokens: optionalNumber }),
  completion_tokens_details: optionalObject({ reasoning_tokens: optionalNumber }),
});

const logprobsCheck = optionalObject({
  content: optionalArray(requiredObject({ token: optionalString, logprob: optionalNumber })),
});

const toolCallCheck = requiredObject({
  id: optionalString,
  function: requiredObject({ name: requiredString, arguments: optionalString }),
});

const toolCallDeltaCheck = requiredObject({
  index: optionalNumber,
  id: optionalString,
  function: optionalObject({ name: optionalString, arguments: optionalString }),
});

const responseCheck = requiredObject({
  id: optionalString,
  model: optionalString,
  created: optionalNumber,
  choices: (value, path) =>
    Array.isArray(value) && value.length > 0
      ? optionalArray(
          requiredObject({
            message: requiredObject({ content: optionalString, tool_calls: optionalArray(toolCallCheck) }),
            finish_reason: optionalString,
            logprobs: logprobsCheck,
          }),
        )(value, path)
      : `${path} must be a non-empty array`,
  usage: usageCheck,
});

const chunkCheck = requiredObject({
  id: optionalString,
  model: optionalString,
  created: optionalNumber,
  choices: optionalArray(
    requiredObject({
      delta: optionalObject({ content: optionalString, tool_calls: optionalArray(toolCallDeltaCheck) }),
      finish_reason: optionalString,
      logprobs: logprobsCheck,
    }),
  ),
  usage: usageCheck,
});

export type Validated<T> = { success: true; value: T } | { success: false; problem: string };

export function validateLangdockChatResponse(value: unknown): Validated<LangdockChatResponse> {
  const problem = responseCheck(value, 'response');
  return problem === undefined ? { success: true, value: value as LangdockChatResponse } : { success: false, problem };
}

export function validateLangdockChatChunk(value: unknown): Validated<LangdockChatChunk> {
  const problem = chunkCheck(value, 'chunk');
  return problem === undefined ? { success: true, value: value as LangdockChatChunk } : { success: false, problem };
}
