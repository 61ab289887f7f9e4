// Top-level chat parameters: Langdock's four refusals, OpenAI's whole surface with its types, and per-model refusals.
import { isArray, isInteger, isRecord, type JsonObject } from '../server/json-guards';
import type { EmulatorModelProfile, SamplingSetting } from '../models/model-table';
import { checkDeprecatedSampling } from '../models/deprecated-sampling';
import { fail, rejectUnknownParameters } from '../server/api-error';

/** Langdock documents these as unsupported; its gateway refuses any value but null. */
export const LANGDOCK_UNSUPPORTED_PARAMETERS = [
  'n',
  'service_tier',
  'parallel_tool_calls',
  'stream_options',
] as const;

/** OpenAI's chat completions parameters, as the `openai` SDK v6 `ChatCompletionCreateParamsBase` lists them. */
export const OPENAI_CHAT_PARAMETERS = [
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'messages',
  'metadata',
  'modalities',
  'model',
  'moderation',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
] as const;

const KNOWN_PARAMETERS = new Set<string>(OPENAI_CHAT_PARAMETERS);
const MAX_TOP_LOGPROBS = 20;
const MAX_METADATA_PAIRS = 16;
const MAX_METADATA_KEY = 64;
const MAX_METADATA_VALUE = 512;
const AUDIO_FORMATS = ['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16'];
const LOW_MEDIUM_HIGH = ['low', 'medium', 'high'];
// Azure's reasoning deployments take these only at their defaults; the others only when left out.
const SAMPLING_DEFAULTS: Partial<Record<SamplingSetting, number>> = {
  temperature: 1,
  top_p: 1,
  presence_penalty: 0,
  frequency_penalty: 0,
};

export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Langdock's gateway refuses its four unsupported parameters before the request reaches a model; null means unset. */
export function checkLangdockUnsupported(body: JsonObject): void {
  for (const key of LANGDOCK_UNSUPPORTED_PARAMETERS) {
    if (isSet(body[key])) {
      fail(`'${key}' is not supported by the Langdock API. Remove it from the request.`, {
        layer: 'gateway',
        param: key,
        code: 'unsupported_parameter',
      });
    }
  }
}

/** Azure refuses keys outside OpenAI's surface as unrecognized arguments. */
export function checkUnknownParameters(body: JsonObject): void {
  rejectUnknownParameters(body, KNOWN_PARAMETERS);
}

type Check = (value: unknown, name: string, body: JsonObject) => void;

function invalid(name: string, message: string, code = 'invalid_value'): never {
  fail(message, { param: name, code });
}

const boolean: Check = (value, name) => {
  if (typeof value !== 'boolean') invalid(name, `'${name}' must be a boolean.`, 'invalid_type');
};

const string: Check = (value, name) => {
  if (typeof value !== 'string') invalid(name, `'${name}' must be a string.`, 'invalid_type');
};

const integer: Check = (value, name) => {
  if (!isInteger(value)) invalid(name, `'${name}' must be an integer.`, 'invalid_type');
};

const positiveInteger: Check = (value, name) => {
  if (!isInteger(value) || value < 1) invalid(name, `'${name}' must be a positive integer.`);
};

function range(min: number, max: number): Check {
  return (value, name) => {
    if (typeof value !== 'number' || value < min || value > max)
      invalid(name, `'${name}' must be a number between ${min} and ${max}.`);
  };
}

function oneOf(values: readonly string[]): Check {
  return (value, name) => {
    if (typeof value !== 'string' || !values.includes(value))
      invalid(name, `'${name}' must be one of ${values.join(', ')}.`);
  };
}

const logitBias: Check = (value, name) => {
  const valid =
    isRecord(value) &&
    Object.entries(value).every(
      ([token, bias]) =>
        /^\d+$/.test(token) && typeof bias === 'number' && bias >= -100 && bias <= 100,
    );
  if (!valid)
    invalid(name, `'${name}' must be an object mapping token ids to numbers between -100 and 100.`);
};

const topLogprobs: Check = (value, name, body) => {
  if (!isInteger(value) || value < 0 || value > MAX_TOP_LOGPROBS)
    invalid(name, `'${name}' must be an integer between 0 and ${MAX_TOP_LOGPROBS}.`);
  if (body.logprobs !== true) invalid(name, `'${name}' requires 'logprobs' to be true.`);
};

const metadata: Check = (value, name) => {
  if (!isRecord(value))
    invalid(name, `'${name}' must be an object of string values.`, 'invalid_type');
  const entries = Object.entries(value);
  if (entries.length > MAX_METADATA_PAIRS)
    invalid(
      name,
      `'${name}' has ${entries.length} keys; at most ${MAX_METADATA_PAIRS} are allowed.`,
    );
  for (const [key, item] of entries) {
    if (key.length > MAX_METADATA_KEY)
      invalid(
        name,
        `'${name}' key '${key.slice(0, 16)}…' is longer than ${MAX_METADATA_KEY} characters.`,
      );
    if (typeof item !== 'string')
      invalid(name, `'${name}.${key}' must be a string.`, 'invalid_type');
    if (item.length > MAX_METADATA_VALUE)
      invalid(name, `'${name}.${key}' is longer than ${MAX_METADATA_VALUE} characters.`);
  }
};

const audio: Check = (value, name) => {
  const voice = isRecord(value) ? value.voice : undefined;
  const validVoice = typeof voice === 'string' || (isRecord(voice) && typeof voice.id === 'string');
  if (
    !isRecord(value) ||
    typeof value.format !== 'string' ||
    !AUDIO_FORMATS.includes(value.format) ||
    !validVoice
  ) {
    invalid(name, `'${name}' must be {format: ${AUDIO_FORMATS.join('|')}, voice: string or {id}}.`);
  }
};

const modalities: Check = (value, name, body) => {
  if (!isArray(value) || !value.every((item) => item === 'text' || item === 'audio'))
    invalid(name, `'${name}' must be an array of 'text' and 'audio'.`);
  if (value.includes('audio') && !isSet(body.audio))
    invalid(
      'audio',
      "'audio' is required when 'modalities' includes 'audio'.",
      'missing_required_parameter',
    );
};

const prediction: Check = (value, name) => {
  const content = isRecord(value) ? value.content : undefined;
  const validContent =
    typeof content === 'string' ||
    (isArray(content) &&
      content.every(
        (part) => isRecord(part) && part.type === 'text' && typeof part.text === 'string',
      ));
  if (!isRecord(value) || value.type !== 'content' || !validContent) {
    invalid(
      name,
      `'${name}' must be {type: 'content', content: string or an array of text parts}.`,
    );
  }
};

const moderation: Check = (value, name) => {
  if (!isRecord(value) || typeof value.model !== 'string')
    invalid(name, `'${name}' must be an object with a string 'model'.`);
  const policy = value.policy;
  if (!isSet(policy)) return;
  const validMode = (side: unknown): boolean =>
    !isSet(side) || (isRecord(side) && (side.mode === 'score' || side.mode === 'block'));
  if (!isRecord(policy) || !validMode(policy.input) || !validMode(policy.output)) {
    invalid(name, `'${name}.policy' must be {input?, output?}, each {mode: 'score' or 'block'}.`);
  }
};

const promptCacheOptions: Check = (value, name) => {
  if (
    !isRecord(value) ||
    (isSet(value.mode) && value.mode !== 'implicit' && value.mode !== 'explicit') ||
    (isSet(value.ttl) && value.ttl !== '30m')
  ) {
    invalid(name, `'${name}' must be {mode?: 'implicit' or 'explicit', ttl?: '30m'}.`);
  }
};

const webSearchOptions: Check = (value, name) => {
  if (!isRecord(value)) invalid(name, `'${name}' must be an object.`, 'invalid_type');
  if (isSet(value.search_context_size))
    oneOf(LOW_MEDIUM_HIGH)(value.search_context_size, `${name}.search_context_size`, value);
  const location = value.user_location;
  if (!isSet(location)) return;
  const approximate = isRecord(location) ? location.approximate : undefined;
  const textFields = ['city', 'country', 'region', 'timezone'];
  if (
    !isRecord(location) ||
    location.type !== 'approximate' ||
    !isRecord(approximate) ||
    !textFields.every((key) => !isSet(approximate[key]) || typeof approximate[key] === 'string')
  ) {
    invalid(
      `${name}.user_location`,
      `'${name}.user_location' must be {type: 'approximate', approximate: {city?, country?, region?, timezone?}}.`,
    );
  }
};

// Parameters whose own rules live elsewhere (messages, tools, response_format, stop, functions) are not listed.
const TYPE_CHECKS: ReadonlyArray<readonly [string, Check]> = [
  ['temperature', range(0, 2)],
  ['top_p', range(0, 1)],
  ['frequency_penalty', range(-2, 2)],
  ['presence_penalty', range(-2, 2)],
  ['stream', boolean],
  ['logprobs', boolean],
  ['seed', integer],
  ['user', string],
  ['logit_bias', logitBias],
  ['top_logprobs', topLogprobs],
  ['max_tokens', positiveInteger],
  ['max_completion_tokens', positiveInteger],
  ['store', boolean],
  ['metadata', metadata],
  ['prompt_cache_key', string],
  ['prompt_cache_options', promptCacheOptions],
  ['prompt_cache_retention', oneOf(['in_memory', '24h'])],
  ['safety_identifier', string],
  ['verbosity', oneOf(LOW_MEDIUM_HIGH)],
  ['audio', audio],
  ['modalities', modalities],
  ['prediction', prediction],
  ['moderation', moderation],
  ['web_search_options', webSearchOptions],
];

/** Checks the type and range of every parameter that is set; null means unset, as in OpenAI's types. */
export function checkParameterTypes(body: JsonObject): void {
  for (const [name, check] of TYPE_CHECKS) {
    const value = body[name];
    if (isSet(value)) check(value, name, body);
  }
}

/**
 * The refusals that depend on the model: its `reasoning_effort` values, the effort with function tools,
 * `max_tokens`, `verbosity`, deprecated sampling, and sampling at the requested effort.
 */
export function checkModelParameters(
  body: JsonObject,
  profile: EmulatorModelProfile,
  modelId: string,
): void {
  const effort = checkReasoningEffort(body.reasoning_effort, profile);
  checkEffortWithFunctionTools(body, effort, profile, modelId);
  checkVerbosity(body.verbosity, profile, modelId);
  if (profile.samplingDeprecated) checkDeprecatedSampling(body, ['temperature', 'top_p']);
  if (!profile.acceptsMaxTokens && isSet(body.max_tokens)) {
    fail(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      {
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    );
  }
  for (const setting of profile.samplingRefusedAt(effort)) checkSamplingDefault(body, setting);
}

function checkReasoningEffort(value: unknown, profile: EmulatorModelProfile): string | undefined {
  if (!isSet(value)) return undefined;
  // Azure's deployments without reasoning do not know the argument at all.
  if (profile.reasoningEfforts.length === 0)
    fail('Unrecognized request argument supplied: reasoning_effort', { param: 'reasoning_effort' });
  if (
    typeof value !== 'string' ||
    !(profile.reasoningEfforts as readonly string[]).includes(value)
  ) {
    fail(
      `Unsupported value: 'reasoning_effort' does not support ${describeValue(value)} with this model. Supported values are: ${quotedList(profile.reasoningEfforts)}.`,
      { param: 'reasoning_effort', code: 'unsupported_value' },
    );
  }
  return value;
}

/** gpt-5.2 and later refuse `reasoning_effort` next to function tools; gpt-5.6 even when it is left out. */
function checkEffortWithFunctionTools(
  body: JsonObject,
  effort: string | undefined,
  profile: EmulatorModelProfile,
  modelId: string,
): void {
  const rule = profile.functionToolsEffort;
  const functionTools =
    isArray(body.tools) && body.tools.some((tool) => isRecord(tool) && tool.type === 'function');
  if (rule === undefined || !functionTools || effort === 'none') return;
  if (rule === 'absent-or-none' && effort === undefined) return;
  const advice =
    rule === 'explicit-none'
      ? "To use function tools, use /v1/responses or set reasoning_effort to 'none'."
      : 'Please use /v1/responses instead.';
  fail(
    `Function tools with reasoning_effort are not supported for ${modelId} in /v1/chat/completions. ${advice}`,
    { param: 'reasoning_effort' },
  );
}

/** `verbosity` only on the GPT-5 family; its `-chat` variants take only `medium` (OpenAI's words). */
function checkVerbosity(value: unknown, profile: EmulatorModelProfile, modelId: string): void {
  if (!isSet(value) || (profile.verbosities as readonly unknown[]).includes(value)) return;
  if (profile.verbosities.length === 0)
    fail("Unsupported parameter: 'verbosity' is not supported with this model.", {
      param: 'verbosity',
      code: 'unsupported_parameter',
    });
  fail(
    `Unsupported value: ${describeValue(value)} is not supported with the '${modelId}' model. Supported values are: ${quotedList(profile.verbosities)}.`,
    { param: 'verbosity', code: 'unsupported_value' },
  );
}

function checkSamplingDefault(body: JsonObject, setting: SamplingSetting): void {
  const value = body[setting];
  if (!isSet(value)) return;
  const fallback = SAMPLING_DEFAULTS[setting];
  if (fallback !== undefined) {
    if (value === fallback) return;
    fail(
      `Unsupported value: '${setting}' does not support ${String(value)} with this model. Only the default (${fallback}) value is supported.`,
      {
        param: setting,
        code: 'unsupported_value',
      },
    );
  }
  const atDefault =
    setting === 'logprobs'
      ? value === false
      : setting === 'logit_bias'
        ? isRecord(value) && Object.keys(value).length === 0
        : false;
  if (!atDefault)
    fail(`Unsupported parameter: '${setting}' is not supported with this model.`, {
      param: setting,
      code: 'unsupported_parameter',
    });
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: OpenAI's way of listing supported values. */
function quotedList(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 2) return quoted.join(' and ');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1) ?? ''}`;
}
