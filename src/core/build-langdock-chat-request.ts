import { InvalidArgumentError, type LanguageModelV2CallOptions, type LanguageModelV2CallWarning } from '@ai-sdk/provider';
import type { LangdockChatRequestBody } from './langdock-api-types';
import { langdockRejectedOptions, type LangdockChatOptions } from './langdock-chat-options';
import { applyLangdockJsonMode } from './langdock-json-mode';
import type { LangdockModelCapabilities } from './langdock-model-capabilities';
import { convertToLangdockMessages } from './convert-to-langdock-messages';
import { prepareLangdockTools } from './prepare-langdock-tools';

export const LANGDOCK_MAX_STOP_SEQUENCES = 4;

export interface LangdockChatRequest {
  body: LangdockChatRequestBody;
  warnings: LanguageModelV2CallWarning[];
}

/** Call options -> the exact body Langdock receives, plus a warning for everything not sent. */
export function buildLangdockChatRequest({
  modelId,
  capabilities,
  options,
  langdockOptions = {},
}: {
  modelId: string;
  capabilities: LangdockModelCapabilities;
  options: LanguageModelV2CallOptions;
  langdockOptions?: LangdockChatOptions;
}): LangdockChatRequest {
  checkCallSettings(options);
  const warnings: LanguageModelV2CallWarning[] = [];
  const reasoning = capabilities.isReasoningModel;

  const systemRole = langdockOptions.systemMessageMode ?? 'system';
  const converted = convertToLangdockMessages(options.prompt, { systemMessageMode: systemRole });
  warnings.push(...converted.warnings);

  const tools = prepareLangdockTools(options);
  warnings.push(...tools.warnings);

  if (options.topK !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'topK', details: 'Langdock chat completions have no top_k.' });
  }
  for (const [option, wireName] of Object.entries(langdockRejectedOptions)) {
    if (langdockOptions[option as keyof typeof langdockRejectedOptions] !== undefined) {
      warnings.push({
        type: 'other',
        message: `providerOptions.langdock.${option} was not sent: Langdock refuses requests with ${wireName}.`,
      });
    }
  }

  // Reasoning models reject sampling settings outright, so they are dropped with a warning.
  const sampling = { temperature: options.temperature, topP: options.topP, frequencyPenalty: options.frequencyPenalty, presencePenalty: options.presencePenalty };
  if (reasoning) {
    for (const [setting, value] of Object.entries(sampling)) {
      if (value !== undefined) {
        warnings.push({ type: 'unsupported-setting', setting, details: `${modelId} is a reasoning model, which accepts no ${setting}; it was not sent.` });
      }
    }
  }
  const dropForReasoning = (option: 'logprobs' | 'logitBias', value: unknown): boolean => {
    if (!reasoning || value === undefined) return false;
    warnings.push({ type: 'other', message: `providerOptions.langdock.${option} was not sent: ${modelId} is a reasoning model, which offers no ${option}.` });
    return true;
  };
  const logprobs = dropForReasoning('logprobs', langdockOptions.logprobs) ? undefined : langdockOptions.logprobs;
  const logitBias = dropForReasoning('logitBias', langdockOptions.logitBias) ? undefined : langdockOptions.logitBias;

  let reasoningEffort = langdockOptions.reasoningEffort;
  if (reasoningEffort !== undefined && !reasoning) {
    warnings.push({
      type: 'other',
      message: `providerOptions.langdock.reasoningEffort was not sent: ${modelId} is not a reasoning model. If it is one, create it with langdock(modelId, { reasoningModel: true }).`,
    });
    reasoningEffort = undefined;
  }

  // Reasoning models count hidden reasoning tokens against max_completion_tokens and refuse max_tokens.
  const { maxCompletionTokens } = langdockOptions;
  if (maxCompletionTokens !== undefined && options.maxOutputTokens !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'maxOutputTokens',
      details: `providerOptions.langdock.maxCompletionTokens (${maxCompletionTokens}) takes precedence; maxOutputTokens (${options.maxOutputTokens}) was not sent.`,
    });
  }
  const completionLimit = maxCompletionTokens ?? (reasoning ? options.maxOutputTokens : undefined);
  const tokenLimit = maxCompletionTokens === undefined && !reasoning ? options.maxOutputTokens : undefined;

  let messages = converted.messages;
  let responseFormat: LangdockChatRequestBody['response_format'];
  if (options.responseFormat?.type === 'json') {
    ({ messages, responseFormat } = applyLangdockJsonMode(messages, {
      schema: options.responseFormat.schema,
      name: options.responseFormat.name,
      description: options.responseFormat.description,
      structuredOutputs: langdockOptions.structuredOutputs ?? false,
      strict: langdockOptions.strictJsonSchema,
      systemRole,
    }));
  }
  if (langdockOptions.structuredOutputs && responseFormat?.type !== 'json_schema') {
    warnings.push({
      type: 'other',
      message: 'providerOptions.langdock.structuredOutputs applies only in JSON mode with a schema (generateObject, streamObject); json_schema was not sent.',
    });
  }
  if (langdockOptions.strictJsonSchema !== undefined && responseFormat?.type !== 'json_schema') {
    warnings.push({
      type: 'other',
      message: 'providerOptions.langdock.strictJsonSchema applies only with structuredOutputs: true and a JSON schema; it was not sent.',
    });
  }

  const body: LangdockChatRequestBody = {
    model: modelId,
    messages,
    max_tokens: tokenLimit,
    max_completion_tokens: completionLimit,
    temperature: reasoning ? undefined : options.temperature,
    top_p: reasoning ? undefined : options.topP,
    frequency_penalty: reasoning ? undefined : options.frequencyPenalty,
    presence_penalty: reasoning ? undefined : options.presencePenalty,
    stop: options.stopSequences?.length ? options.stopSequences : undefined,
    seed: options.seed,
    response_format: responseFormat,
    tools: tools.tools,
    tool_choice: tools.toolChoice,
    reasoning_effort: reasoningEffort,
    user: langdockOptions.user,
    logit_bias: logitBias,
    logprobs: logprobs === undefined || logprobs === false ? undefined : true,
    top_logprobs: typeof logprobs === 'number' ? logprobs : undefined,
  };
  return { body: dropUndefined(body), warnings };
}

const settingRanges = {
  temperature: [0, 2],
  topP: [0, 1],
  frequencyPenalty: [-2, 2],
  presencePenalty: [-2, 2],
} as const;

/** Values Langdock would answer with a 400: refused here, before any request, with what to do. */
function checkCallSettings(options: LanguageModelV2CallOptions): void {
  for (const [setting, [min, max]] of Object.entries(settingRanges)) {
    const value = options[setting as keyof typeof settingRanges];
    if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
      throw new InvalidArgumentError({ argument: setting, message: `${setting} must be a number from ${min} to ${max} on Langdock; got ${value}.` });
    }
  }
  for (const setting of ['maxOutputTokens', 'seed'] as const) {
    const value = options[setting];
    if (value !== undefined && !Number.isSafeInteger(value)) {
      throw new InvalidArgumentError({ argument: setting, message: `${setting} must be an integer; got ${value}.` });
    }
  }
  if (options.maxOutputTokens !== undefined && options.maxOutputTokens < 1) {
    throw new InvalidArgumentError({ argument: 'maxOutputTokens', message: `maxOutputTokens must be at least 1; got ${options.maxOutputTokens}.` });
  }
  const stops = options.stopSequences ?? [];
  if (stops.length > LANGDOCK_MAX_STOP_SEQUENCES) {
    throw new InvalidArgumentError({
      argument: 'stopSequences',
      message: `Langdock accepts at most ${LANGDOCK_MAX_STOP_SEQUENCES} stop sequences; got ${stops.length}. Pass the ${LANGDOCK_MAX_STOP_SEQUENCES} that matter most.`,
    });
  }
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
