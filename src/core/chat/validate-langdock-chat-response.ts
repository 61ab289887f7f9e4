import type { LangdockChatChunk, LangdockChatResponse } from './langdock-chat-api-types';
import {
  optionalArray,
  optionalNumber,
  optionalObject,
  optionalString,
  requiredObject,
  requiredString,
  type Validated,
} from '../http/langdock-json-guards';

// The chat completion and chunk fields this package reads, checked with the shared JSON guards.

const usageCheck = optionalObject({
  prompt_tokens: optionalNumber,
  completion_tokens: optionalNumber,
  total_tokens: optionalNumber,
  prompt_tokens_details: optionalObject({ cached_tokens: optionalNumber }),
  completion_tokens_details: optionalObject({
    reasoning_tokens: optionalNumber,
    accepted_prediction_tokens: optionalNumber,
    rejected_prediction_tokens: optionalNumber,
  }),
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
