import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockChatChunk, LangdockChatResponse } from './langdock-api-types';

// Hand-written structural checks of only the fields this package reads: cheap enough for every
// stream chunk, strict enough that a malformed body becomes an error instead of a wrong answer.

// A check returns undefined, or the problem as the path below the value plus the rule broken
// (`.delta.content must be a string`): paths are only built for a failure, never per valid field.
type Check = (value: unknown) => string | undefined;

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isNonEmptyJsonObject(value: unknown): value is Record<string, JSONValue> {
  if (!isJsonObject(value)) return false;
  for (const _key in value) return true;
  return false;
}

const optional =
  (type: 'string' | 'number'): Check =>
  (value) =>
    value === undefined || value === null || typeof value === type
      ? undefined
      : ` must be a ${type}`;

const optionalString = optional('string');
const requiredString: Check = (value) =>
  typeof value === 'string' ? undefined : ' must be a string';
const optionalNumber = optional('number');

function fieldsCheck(
  checks: Record<string, Check>,
): (record: Record<string, unknown>) => string | undefined {
  const fields = Object.entries(checks);
  return (record) => {
    for (const [key, check] of fields) {
      const problem = check(record[key]);
      if (problem !== undefined) return `.${key}${problem}`;
    }
    return undefined;
  };
}

const optionalObject = (checks: Record<string, Check>): Check => {
  const checkFields = fieldsCheck(checks);
  return (value) => {
    if (value === undefined || value === null) return undefined;
    return isJsonObject(value) ? checkFields(value) : ' must be an object';
  };
};

const optionalArray =
  (item: Check): Check =>
  (value) => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return ' must be an array';
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i]);
      if (problem !== undefined) return `[${i}]${problem}`;
    }
    return undefined;
  };

const requiredObject = (checks: Record<string, Check>): Check => {
  const checkFields = fieldsCheck(checks);
  return (value) => (isJsonObject(value) ? checkFields(value) : ' must be an object');
};

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

const choicesCheck = optionalArray(
  requiredObject({
    message: requiredObject({
      content: optionalString,
      reasoning_content: optionalString,
      refusal: optionalString,
      tool_calls: optionalArray(toolCallCheck),
    }),
    finish_reason: optionalString,
    logprobs: logprobsCheck,
  }),
);

const responseCheck = requiredObject({
  id: optionalString,
  model: optionalString,
  created: optionalNumber,
  choices: (value) =>
    Array.isArray(value) && value.length > 0 ? choicesCheck(value) : ' must be a non-empty array',
  usage: usageCheck,
});

const chunkCheck = requiredObject({
  id: optionalString,
  model: optionalString,
  created: optionalNumber,
  choices: optionalArray(
    requiredObject({
      delta: optionalObject({
        content: optionalString,
        reasoning_content: optionalString,
        refusal: optionalString,
        tool_calls: optionalArray(toolCallDeltaCheck),
      }),
      finish_reason: optionalString,
      logprobs: logprobsCheck,
    }),
  ),
  usage: usageCheck,
});

export type Validated<T> = { success: true; value: T } | { success: false; problem: string };

export function validateLangdockChatResponse(value: unknown): Validated<LangdockChatResponse> {
  const problem = responseCheck(value);
  return problem === undefined
    ? { success: true, value: value as LangdockChatResponse }
    : { success: false, problem: `response${problem}` };
}

export function validateLangdockChatChunk(value: unknown): Validated<LangdockChatChunk> {
  const problem = chunkCheck(value);
  return problem === undefined
    ? { success: true, value: value as LangdockChatChunk }
    : { success: false, problem: `chunk${problem}` };
}
