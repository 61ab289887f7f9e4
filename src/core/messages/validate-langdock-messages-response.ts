import type {
  LangdockMessagesResponse,
  LangdockMessagesStreamEvent,
} from './langdock-messages-response-types';
import {
  fieldsCheck,
  isJsonObject,
  optionalArray,
  optionalNumber,
  optionalObject,
  optionalString,
  requiredObject,
  requiredString,
  type Check,
  type Validated,
} from '../http/langdock-json-guards';

// The Message and stream event fields this package reads, checked with the shared JSON guards. A block,
// delta, citation or event of a type not named here passes unchecked: it is not read.

const optionalRecord: Check = (value) =>
  value === undefined || value === null || isJsonObject(value) ? undefined : ' must be an object';

const index: Check = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? undefined
    : ' must be a non-negative integer';

/** An object whose `type` names which checks apply; a type without checks passes. */
function byType(checks: Record<string, Record<string, Check>>): Check {
  const fields = new Map(
    Object.entries(checks).map(([type, typeChecks]) => [type, fieldsCheck(typeChecks)]),
  );
  return (value) => {
    if (!isJsonObject(value)) return ' must be an object';
    if (typeof value.type !== 'string') return '.type must be a string';
    return fields.get(value.type)?.(value);
  };
}

const usageCheck = optionalObject({
  input_tokens: optionalNumber,
  output_tokens: optionalNumber,
  cache_creation_input_tokens: optionalNumber,
  cache_read_input_tokens: optionalNumber,
  output_tokens_details: optionalObject({ thinking_tokens: optionalNumber }),
});

const documentCitation = {
  document_index: index,
  document_title: optionalString,
};

const citationCheck = byType({
  web_search_result_location: { url: requiredString, title: optionalString },
  char_location: documentCitation,
  page_location: documentCitation,
  content_block_location: documentCitation,
});

const blockCheck = byType({
  text: { text: requiredString, citations: optionalArray(citationCheck) },
  thinking: { thinking: requiredString, signature: optionalString },
  redacted_thinking: { data: requiredString },
  tool_use: { id: requiredString, name: requiredString },
});

// A stream's block starts empty (`text: ""`); its content follows as deltas.
const blockStartCheck = byType({
  text: { text: optionalString, citations: optionalArray(citationCheck) },
  thinking: { thinking: optionalString, signature: optionalString },
  redacted_thinking: { data: requiredString },
  tool_use: { id: requiredString, name: requiredString },
});

const stopFields = {
  stop_reason: optionalString,
  stop_sequence: optionalString,
  stop_details: optionalRecord,
  container: optionalRecord,
};

const responseCheck = requiredObject({
  id: optionalString,
  model: optionalString,
  content: (value) =>
    Array.isArray(value) ? optionalArray(blockCheck)(value) : ' must be an array',
  usage: usageCheck,
  context_management: optionalRecord,
  ...stopFields,
});

const eventCheck = byType({
  message_start: {
    message: requiredObject({
      id: optionalString,
      model: optionalString,
      stop_reason: optionalString,
      usage: usageCheck,
    }),
  },
  content_block_start: { index, content_block: blockStartCheck },
  content_block_delta: {
    index,
    delta: byType({
      text_delta: { text: requiredString },
      thinking_delta: { thinking: requiredString },
      signature_delta: { signature: requiredString },
      input_json_delta: { partial_json: requiredString },
      citations_delta: { citation: citationCheck },
    }),
  },
  content_block_stop: { index },
  message_delta: {
    delta: requiredObject(stopFields),
    usage: usageCheck,
    context_management: optionalRecord,
  },
});

export function validateLangdockMessagesResponse(
  value: unknown,
): Validated<LangdockMessagesResponse> {
  const problem = responseCheck(value);
  return problem === undefined
    ? { success: true, value: value as LangdockMessagesResponse }
    : { success: false, problem: `message${problem}` };
}

/** One event's `data`; an event of a type this package does not read passes, and is then ignored. */
export function validateLangdockMessagesStreamEvent(
  value: unknown,
): Validated<LangdockMessagesStreamEvent> {
  const problem = eventCheck(value);
  return problem === undefined
    ? { success: true, value: value as LangdockMessagesStreamEvent }
    : { success: false, problem: `event${problem}` };
}
