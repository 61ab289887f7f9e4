import { InvalidArgumentError } from '@ai-sdk/provider';
import type { LangdockChatRequestBody } from './langdock-chat-api-types';
import type { LangdockChatCall, LangdockReasoning, LangdockWarning } from '../langdock-call';
import {
  langdockRejectedOptions,
  type LangdockChatOptions,
  type LangdockReasoningEffort,
  type LangdockVerbosity,
} from './langdock-chat-options';
import { applyLangdockJsonMode } from './langdock-chat-json-mode';
import {
  nearestLangdockReasoningEffort,
  type LangdockModelCapabilities,
  type LangdockSamplingSetting,
} from './langdock-chat-model-capabilities';
import { convertToLangdockMessages } from './convert-to-langdock-chat-messages';
import { prepareLangdockTools } from './prepare-langdock-chat-tools';

export const LANGDOCK_MAX_STOP_SEQUENCES = 4;

export interface LangdockChatRequest {
  body: LangdockChatRequestBody;
  warnings: LangdockWarning[];
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
  options: LangdockChatCall;
  langdockOptions?: LangdockChatOptions;
}): LangdockChatRequest {
  checkCallSettings(options);
  const warnings: LangdockWarning[] = [];
  const tools = prepareLangdockTools(options);
  const reasoningEffort = chooseReasoningEffort({
    modelId,
    capabilities,
    reasoning: options.reasoning,
    explicit: langdockOptions.reasoningEffort,
    functionTools: tools.tools !== undefined && !langdockOptions.forceReasoningEffort,
    warnings,
  });

  const systemRole = langdockOptions.systemMessageMode ?? 'system';
  const converted = convertToLangdockMessages(options.prompt, { systemMessageMode: systemRole });
  warnings.push(...converted.warnings);
  warnings.push(...tools.warnings);

  if (options.topK !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'topK',
      details: 'Langdock chat completions have no top_k.',
    });
  }
  for (const [option, wireName] of Object.entries(langdockRejectedOptions)) {
    if (langdockOptions[option as keyof typeof langdockRejectedOptions] !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: `providerOptions.langdock.${option}`,
        details: `Langdock refuses requests with ${wireName}; it was not sent.`,
      });
    }
  }

  // Reasoning models refuse sampling settings (gpt-5.1 and later take some at effort none): dropped with a warning each.
  const atEffort = reasoningEffort === undefined ? '' : ` at reasoning effort ${reasoningEffort}`;
  const sampling = <T>(
    setting: LangdockSamplingSetting,
    value: T | undefined,
    option = false,
  ): T | undefined => {
    if (value === undefined || capabilities.acceptsSampling(setting, reasoningEffort)) return value;
    warnings.push({
      type: 'unsupported-setting',
      setting: option ? `providerOptions.langdock.${setting}` : setting,
      details: `${modelId} is a reasoning model, which accepts no ${setting}${atEffort}; it was not sent.`,
    });
    return undefined;
  };
  const temperature = sampling('temperature', options.temperature);
  const topP = sampling('topP', options.topP);
  const frequencyPenalty = sampling('frequencyPenalty', options.frequencyPenalty);
  const presencePenalty = sampling('presencePenalty', options.presencePenalty);
  const logprobs = sampling('logprobs', langdockOptions.logprobs, true);
  const logitBias = sampling('logitBias', langdockOptions.logitBias, true);

  // Reasoning models count hidden reasoning tokens against max_completion_tokens and refuse max_tokens.
  const { maxCompletionTokens } = langdockOptions;
  if (maxCompletionTokens !== undefined && options.maxOutputTokens !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'maxOutputTokens',
      details: `providerOptions.langdock.maxCompletionTokens (${maxCompletionTokens}) takes precedence; maxOutputTokens (${options.maxOutputTokens}) was not sent.`,
    });
  }
  const completionsLimit = capabilities.tokenLimit === 'max_completion_tokens';
  const completionLimit =
    maxCompletionTokens ?? (completionsLimit ? options.maxOutputTokens : undefined);
  const tokenLimit =
    maxCompletionTokens === undefined && !completionsLimit ? options.maxOutputTokens : undefined;

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
      type: 'unsupported-setting',
      setting: 'providerOptions.langdock.structuredOutputs',
      details:
        'structuredOutputs applies only in JSON mode with a schema (generateObject, streamObject); json_schema was not sent.',
    });
  }
  if (langdockOptions.strictJsonSchema !== undefined && responseFormat?.type !== 'json_schema') {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'providerOptions.langdock.strictJsonSchema',
      details:
        'strictJsonSchema applies only with structuredOutputs: true and a JSON schema; it was not sent.',
    });
  }
  const verbosity = chooseVerbosity(modelId, capabilities, langdockOptions.verbosity, warnings);

  const body: LangdockChatRequestBody = {
    model: modelId,
    messages,
    max_tokens: tokenLimit,
    max_completion_tokens: completionLimit,
    temperature,
    top_p: topP,
    frequency_penalty: frequencyPenalty,
    presence_penalty: presencePenalty,
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
    verbosity,
    prompt_cache_key: langdockOptions.promptCacheKey,
    metadata: langdockOptions.metadata,
    store: langdockOptions.store,
    prediction: langdockOptions.prediction,
    safety_identifier: langdockOptions.safetyIdentifier,
  };
  return {
    body: { ...dropUndefined(body), ...checkExtraBody(langdockOptions.extraBody, warnings) },
    warnings,
  };
}

const settingRanges = {
  temperature: [0, 2],
  topP: [0, 1],
  frequencyPenalty: [-2, 2],
  presencePenalty: [-2, 2],
} as const;

/** Values Langdock would answer with a 400: refused here, before any request, with what to do. */
function checkCallSettings(options: LangdockChatCall): void {
  for (const [setting, [min, max]] of Object.entries(settingRanges)) {
    const value = options[setting as keyof typeof settingRanges];
    if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
      throw new InvalidArgumentError({
        argument: setting,
        message: `${setting} must be a number from ${min} to ${max} on Langdock; got ${value}.`,
      });
    }
  }
  for (const setting of ['maxOutputTokens', 'seed'] as const) {
    const value = options[setting];
    if (value !== undefined && !Number.isSafeInteger(value)) {
      throw new InvalidArgumentError({
        argument: setting,
        message: `${setting} must be an integer; got ${value}.`,
      });
    }
  }
  if (options.maxOutputTokens !== undefined && options.maxOutputTokens < 1) {
    throw new InvalidArgumentError({
      argument: 'maxOutputTokens',
      message: `maxOutputTokens must be at least 1; got ${options.maxOutputTokens}.`,
    });
  }
  const stops = options.stopSequences ?? [];
  if (stops.length > LANGDOCK_MAX_STOP_SEQUENCES) {
    throw new InvalidArgumentError({
      argument: 'stopSequences',
      message: `Langdock accepts at most ${LANGDOCK_MAX_STOP_SEQUENCES} stop sequences; got ${stops.length}. Pass the ${LANGDOCK_MAX_STOP_SEQUENCES} that matter most.`,
    });
  }
}

/**
 * The `reasoning_effort` to send. `providerOptions.langdock.reasoningEffort` is sent as given; the
 * spec's `reasoning` (AI SDK 7) becomes the closest effort the model accepts, with a warning when that
 * is not the value asked for. Non-reasoning models get none (with a warning unless `none` was asked).
 * With function tools (unless forced), a family that takes them only at `none` gets `none`.
 */
function chooseReasoningEffort({
  modelId,
  capabilities,
  reasoning,
  explicit,
  functionTools,
  warnings,
}: {
  modelId: string;
  capabilities: LangdockModelCapabilities;
  reasoning: LangdockReasoning | undefined;
  explicit: LangdockReasoningEffort | undefined;
  /** Function tools are sent and the effort is not forced. */
  functionTools: boolean;
  warnings: LangdockWarning[];
}): LangdockReasoningEffort | undefined {
  if (!capabilities.isReasoningModel) {
    if (explicit !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'providerOptions.langdock.reasoningEffort',
        details: `${modelId} is not a reasoning model; reasoning_effort '${explicit}' was not sent. If it is one, create it with langdock(modelId, { reasoningModel: true }).`,
      });
    } else if (
      reasoning !== undefined &&
      reasoning !== 'provider-default' &&
      reasoning !== 'none'
    ) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'reasoning',
        details: `${modelId} is not a reasoning model; reasoning '${reasoning}' was not sent.`,
      });
    }
    return undefined;
  }
  const wanted = explicit ?? (reasoning === 'provider-default' ? undefined : reasoning);
  const asked = explicit !== undefined ? `reasoningEffort '${explicit}'` : `reasoning '${wanted}'`;
  const warn = (details: string) =>
    warnings.push({
      type: 'unsupported-setting',
      setting: explicit !== undefined ? 'providerOptions.langdock.reasoningEffort' : 'reasoning',
      details: `${modelId}: ${asked} ${details}`,
    });
  // Sent explicitly even when nothing was asked: left out, the family's default meets function tools and is refused too.
  if (functionTools && capabilities.effortWithFunctionTools === 'none') {
    if (wanted !== undefined && wanted !== 'none')
      warn(
        `was sent as 'none': ${modelId} refuses any other reasoning_effort together with function tools (Langdock answers 400). Set providerOptions.langdock.forceReasoningEffort: true to send it anyway.`,
      );
    return 'none';
  }
  if (wanted === undefined) return undefined;
  const efforts = capabilities.reasoningEfforts;
  // A model whose family is not known: the value as asked, and `max` as the highest every family but gpt-5-pro takes.
  if (efforts === undefined) return wanted === 'max' ? 'high' : wanted;
  // A value the model is known to refuse would only fail the call: the closest it takes is sent instead.
  const chosen = nearestLangdockReasoningEffort(efforts, wanted);
  if (chosen === undefined) warn(`was not sent: ${modelId} takes no reasoning_effort.`);
  else if (chosen !== wanted && wanted !== 'max')
    warn(
      `was sent as '${chosen}', the closest of the values ${modelId} accepts (${efforts.join(', ')}).`,
    );
  return chosen;
}

/** `verbosity` where the model takes it (gpt-5 family); else not sent, with a warning. */
function chooseVerbosity(
  modelId: string,
  capabilities: LangdockModelCapabilities,
  verbosity: LangdockVerbosity | undefined,
  warnings: LangdockWarning[],
): LangdockVerbosity | undefined {
  const takes = capabilities.verbosities;
  if (verbosity === undefined || takes === undefined || takes.includes(verbosity)) return verbosity;
  warnings.push({
    type: 'unsupported-setting',
    setting: 'providerOptions.langdock.verbosity',
    details:
      takes.length === 0
        ? `${modelId} takes no verbosity (a gpt-5 family setting); '${verbosity}' was not sent.`
        : `${modelId} takes only verbosity ${takes.map((value) => `'${value}'`).join(', ')}; '${verbosity}' was not sent, so the model's default applies.`,
  });
  return undefined;
}

/** Wire names this package sets itself, and the option that sets each: extraBody may not set them a second way. */
const typedParameters: Record<string, string> = {
  model: 'the model id',
  messages: 'the prompt',
  stream: 'streamText or generateText',
  max_tokens: 'maxOutputTokens',
  max_completion_tokens: 'maxOutputTokens or providerOptions.langdock.maxCompletionTokens',
  temperature: 'temperature',
  top_p: 'topP',
  frequency_penalty: 'frequencyPenalty',
  presence_penalty: 'presencePenalty',
  stop: 'stopSequences',
  seed: 'seed',
  response_format: 'responseFormat (generateObject, Output.object)',
  tools: 'tools',
  tool_choice: 'toolChoice',
  reasoning_effort: 'reasoning or providerOptions.langdock.reasoningEffort',
  user: 'providerOptions.langdock.user',
  logit_bias: 'providerOptions.langdock.logitBias',
  logprobs: 'providerOptions.langdock.logprobs',
  top_logprobs: 'providerOptions.langdock.logprobs',
  verbosity: 'providerOptions.langdock.verbosity',
  prompt_cache_key: 'providerOptions.langdock.promptCacheKey',
  metadata: 'providerOptions.langdock.metadata',
  store: 'providerOptions.langdock.store',
  prediction: 'providerOptions.langdock.prediction',
  safety_identifier: 'providerOptions.langdock.safetyIdentifier',
};

/** `extraBody` as sent: parameters Langdock refuses are left out with a warning, ones with a typed option are an error. */
function checkExtraBody(
  extraBody: Record<string, unknown> | undefined,
  warnings: LangdockWarning[],
): Record<string, unknown> {
  const sent: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(extraBody ?? {})) {
    if (value === null || value === undefined) continue;
    if (
      Object.values(langdockRejectedOptions).includes(
        name as (typeof langdockRejectedOptions)[keyof typeof langdockRejectedOptions],
      )
    ) {
      warnings.push({
        type: 'unsupported-setting',
        setting: `providerOptions.langdock.extraBody.${name}`,
        details: `Langdock refuses requests with ${name}; it was not sent.`,
      });
      continue;
    }
    const option = typedParameters[name];
    if (option !== undefined) {
      throw new InvalidArgumentError({
        argument: `providerOptions.langdock.extraBody.${name}`,
        message: `providerOptions.langdock.extraBody.${name}: ${name} is set through ${option}; extraBody is for parameters without an option of their own.`,
      });
    }
    sent[name] = value;
  }
  return sent;
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
