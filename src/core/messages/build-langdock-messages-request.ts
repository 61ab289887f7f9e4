import { InvalidArgumentError } from '@ai-sdk/provider';
import type {
  LangdockMessagesEffort,
  LangdockMessagesRequestBody,
  LangdockMessagesThinking,
  LangdockMessagesThinkingDisplay,
  LangdockMessagesTool,
} from './langdock-messages-api-types';
import type { LangdockChatCall, LangdockReasoning, LangdockWarning } from '../langdock-call';
import type { LangdockMessagesOptions } from './langdock-messages-options';
import type { LangdockMessagesModelCapabilities } from './langdock-messages-model-capabilities';
import { convertToLangdockMessagesPrompt } from './convert-to-langdock-messages-prompt';
import { prepareLangdockMessagesTools } from './prepare-langdock-messages-tools';

/** Anthropic's limit of cache breakpoints per request. */
export const LANGDOCK_MAX_CACHE_BREAKPOINTS = 4;

/** The least `budget_tokens` Anthropic takes. */
export const LANGDOCK_MIN_THINKING_BUDGET = 1024;

/**
 * `budget_tokens` per reasoning level on models with budget thinking: 1,024 is Anthropic's minimum, 32,000 the
 * most that fits with an answer in the smallest (Opus 4/4.1) limit; the steps between double roughly.
 */
export const langdockThinkingBudgets = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
  xhigh: 32000,
  max: 32000,
} as const satisfies Record<Exclude<LangdockReasoning, 'provider-default' | 'none'>, number>;

/** `max_tokens` when none is given at effort xhigh or max: Anthropic advises 64K there, so the answer is not cut short. */
const HIGH_EFFORT_MAX_TOKENS = 64_000;

export interface LangdockMessagesRequest {
  body: LangdockMessagesRequestBody;
  warnings: LangdockWarning[];
  /** JSON mode's tool: its input is the answer, which the response side turns into text. */
  jsonToolName?: string;
}

/** Call options -> the exact Messages body Langdock receives, plus a warning for everything not sent as asked. */
export function buildLangdockMessagesRequest({
  modelId,
  capabilities,
  options,
  langdockOptions = {},
}: {
  modelId: string;
  capabilities: LangdockMessagesModelCapabilities;
  options: LangdockChatCall;
  langdockOptions?: LangdockMessagesOptions;
}): LangdockMessagesRequest {
  checkCallSettings(options);
  const warnings: LangdockWarning[] = [];
  const plan = planThinking(modelId, capabilities, options.reasoning, langdockOptions, warnings);

  const converted = convertToLangdockMessagesPrompt(options.prompt, {
    sendReasoning: langdockOptions.sendReasoning ?? true,
  });
  warnings.push(...converted.warnings);
  let system = converted.system;

  const prepared = prepareLangdockMessagesTools(options);
  warnings.push(...prepared.warnings);
  let tools = prepared.tools;
  let toolChoice = prepared.toolChoice;

  for (const setting of ['seed', 'presencePenalty', 'frequencyPenalty'] as const) {
    if (options[setting] !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting,
        details: `The Messages API has no ${setting}; it was not sent.`,
      });
    }
  }
  if (langdockOptions.metadata !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'providerOptions.langdock.metadata',
      details:
        'providerOptions.langdock.metadata was not sent: Langdock refuses requests with metadata.',
    });
  }

  const sampling = chooseSampling(modelId, capabilities, plan.thinks, options, warnings);

  // A thinking model may not be forced to use a tool: it is offered the tools instead.
  if (plan.thinks && (toolChoice?.type === 'any' || toolChoice?.type === 'tool')) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'toolChoice',
      details: `Claude refuses a forced tool choice while thinking; toolChoice ${options.toolChoice?.type === 'tool' ? `'${options.toolChoice.toolName}'` : "'required'"} was sent as auto.`,
    });
    toolChoice = { type: 'auto' };
  }

  let jsonToolName: string | undefined;
  if (options.responseFormat?.type === 'json') {
    const json = jsonTool(options.responseFormat, tools ?? []);
    jsonToolName = json.name;
    if (options.toolChoice?.type === 'none' || options.toolChoice?.type === 'tool') {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'toolChoice',
        details: `JSON mode answers through the tool ${json.name}, so toolChoice '${options.toolChoice.type}' was replaced.`,
      });
    }
    if (plan.thinks) {
      // Forcing the tool is refused while thinking: the model is told to answer through it instead.
      toolChoice = { type: 'auto' };
      system = [
        ...(system ?? []),
        {
          type: 'text',
          text: `Give your final answer by calling the ${json.name} tool once, with the answer as its input, and write no answer text.`,
        },
      ];
    } else {
      toolChoice =
        tools === undefined
          ? { type: 'tool', name: json.name, disable_parallel_tool_use: true }
          : { type: 'any' };
    }
    tools = [...(tools ?? []), json];
  }

  const maxTokens = chooseMaxTokens(modelId, capabilities, plan, options.maxOutputTokens, warnings);
  const body: LangdockMessagesRequestBody = {
    model: modelId,
    max_tokens: maxTokens.maxTokens,
    system,
    messages: converted.messages,
    ...sampling,
    stop_sequences: options.stopSequences?.length ? options.stopSequences : undefined,
    tools,
    tool_choice: toolChoice,
    thinking: maxTokens.thinking,
    output_config: plan.effort === undefined ? undefined : { effort: plan.effort },
  };
  const sent = mergeExtraBody(dropUndefined(body), langdockOptions.extraBody, warnings);
  limitCacheBreakpoints(sent, warnings);
  return { body: sent, warnings, ...(jsonToolName !== undefined && { jsonToolName }) };
}

/** Values the API would answer with a 400: refused here, before any request, with what to do. */
function checkCallSettings(options: LangdockChatCall): void {
  const refuse = (setting: string, rule: string, value: number) => {
    throw new InvalidArgumentError({
      argument: setting,
      message: `${setting} must be ${rule} for Claude; got ${value}.`,
    });
  };
  const { temperature, topP, topK, maxOutputTokens } = options;
  if (temperature !== undefined && !(Number.isFinite(temperature) && temperature >= 0))
    refuse('temperature', 'a number from 0 to 1', temperature);
  if (topP !== undefined && !(Number.isFinite(topP) && topP >= 0 && topP <= 1))
    refuse('topP', 'a number from 0 to 1', topP);
  if (topK !== undefined && !(Number.isSafeInteger(topK) && topK >= 1))
    refuse('topK', 'a positive integer', topK);
  if (
    maxOutputTokens !== undefined &&
    !(Number.isSafeInteger(maxOutputTokens) && maxOutputTokens >= 1)
  )
    refuse('maxOutputTokens', 'a positive integer', maxOutputTokens);
}

interface ThinkingPlan {
  /** What `thinking` says, before max_tokens is known (the budget may still be lowered to fit). */
  thinking: LangdockMessagesThinking | undefined;
  effort: LangdockMessagesEffort | undefined;
  /** Whether the model will think (also when nothing is sent and the model thinks by default). */
  thinks: boolean;
}

const effortRank = ['minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

/** The accepted effort closest to `wanted`: the lowest at or above it, else the highest. */
function nearestEffort(
  efforts: readonly LangdockMessagesEffort[],
  wanted: (typeof effortRank)[number],
): LangdockMessagesEffort | undefined {
  const rank = effortRank.indexOf(wanted);
  return (
    efforts.find((effort) => effortRank.indexOf(effort) >= rank) ?? efforts[efforts.length - 1]
  );
}

/**
 * `thinking` and `output_config.effort` from `providerOptions.langdock.thinking`, else from the call's
 * `reasoning`. A kind of thinking the model does not take becomes the one it takes, with a warning.
 */
function planThinking(
  modelId: string,
  capabilities: LangdockMessagesModelCapabilities,
  reasoning: LangdockReasoning | undefined,
  { thinking: explicit }: LangdockMessagesOptions,
  warnings: LangdockWarning[],
): ThinkingPlan {
  const off: ThinkingPlan = {
    thinking: capabilities.thinksByDefault ? { type: 'disabled' } : undefined,
    effort: undefined,
    thinks: false,
  };
  const adaptive = (
    effort: LangdockMessagesEffort | undefined,
    display: LangdockMessagesThinkingDisplay | undefined = capabilities.omitsThinkingByDefault
      ? 'summarized'
      : undefined,
  ): ThinkingPlan => ({
    // Where the model omits thinking text by default, it is asked for a summary: reasoning parts stay readable.
    thinking: { type: 'adaptive', ...(display !== undefined && { display }) },
    effort,
    thinks: true,
  });
  const budget = (
    budgetTokens: number,
    display?: LangdockMessagesThinkingDisplay,
  ): ThinkingPlan => ({
    thinking: {
      type: 'enabled',
      budget_tokens: budgetTokens,
      ...(display !== undefined && { display }),
    },
    effort: undefined,
    thinks: true,
  });

  if (explicit !== undefined) {
    const asked = `providerOptions.langdock.thinking {type: '${explicit.type}'}`;
    if (explicit.type === 'disabled') return off;
    if (capabilities.thinking === 'none') {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'providerOptions.langdock.thinking',
        details: `${asked} was not sent: ${modelId} has no extended thinking.`,
      });
      return { thinking: undefined, effort: undefined, thinks: false };
    }
    if (explicit.type === 'enabled') {
      if (capabilities.thinking === 'budget') {
        return budget(explicit.budgetTokens ?? langdockThinkingBudgets.medium, explicit.display);
      }
      warnings.push({
        type: 'unsupported-setting',
        setting: 'providerOptions.langdock.thinking',
        details: `${asked} was sent as {type: 'adaptive'}: ${modelId} takes adaptive thinking only${explicit.budgetTokens === undefined ? '' : ', so budgetTokens was not sent'}.`,
      });
      return adaptive(undefined, explicit.display);
    }
    if (capabilities.thinking === 'budget') {
      const budgetTokens =
        langdockThinkingBudgets[explicit.effort === undefined ? 'medium' : explicit.effort];
      warnings.push({
        type: 'unsupported-setting',
        setting: 'providerOptions.langdock.thinking',
        details: `${asked} was sent as {type: 'enabled', budget_tokens: ${budgetTokens}}: ${modelId} takes no adaptive thinking.`,
      });
      return budget(budgetTokens, explicit.display);
    }
    if (explicit.effort === undefined) return adaptive(undefined, explicit.display);
    const effort = nearestEffort(capabilities.efforts, explicit.effort);
    if (effort !== explicit.effort) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'providerOptions.langdock.thinking',
        details: `providerOptions.langdock.thinking.effort '${explicit.effort}' was sent as '${effort}', the closest of the efforts ${modelId} takes (${capabilities.efforts.join(', ')}).`,
      });
    }
    return adaptive(effort, explicit.display);
  }

  if (reasoning === undefined || reasoning === 'provider-default') {
    return { thinking: undefined, effort: undefined, thinks: capabilities.thinksByDefault };
  }
  if (reasoning === 'none') return off;
  switch (capabilities.thinking) {
    case 'none':
      warnings.push({
        type: 'unsupported-setting',
        setting: 'reasoning',
        details: `${modelId} has no extended thinking; reasoning '${reasoning}' was not sent.`,
      });
      return { thinking: undefined, effort: undefined, thinks: false };
    case 'budget':
      return budget(langdockThinkingBudgets[reasoning]);
    case 'adaptive': {
      const effort = nearestEffort(capabilities.efforts, reasoning);
      if (effort !== reasoning) {
        warnings.push({
          type: 'unsupported-setting',
          setting: 'reasoning',
          details: `${modelId}: reasoning '${reasoning}' was sent as effort '${effort}', the closest of the efforts it takes (${capabilities.efforts.join(', ')}).`,
        });
      }
      return adaptive(effort);
    }
  }
}

/** Sampling settings as sent: clamped to Claude's range, and left out where the model or thinking refuses them. */
function chooseSampling(
  modelId: string,
  capabilities: LangdockMessagesModelCapabilities,
  thinks: boolean,
  { temperature, topP, topK }: LangdockChatCall,
  warnings: LangdockWarning[],
): { temperature?: number; top_p?: number; top_k?: number } {
  const drop = (setting: string, details: string): undefined => {
    warnings.push({ type: 'unsupported-setting', setting, details });
    return undefined;
  };
  if (!capabilities.acceptsSampling) {
    const refused = `${modelId} refuses sampling settings (as Claude Opus 4.7 and later do); it was not sent.`;
    return {
      temperature: temperature === undefined ? undefined : drop('temperature', refused),
      top_p: topP === undefined ? undefined : drop('topP', refused),
      top_k: topK === undefined ? undefined : drop('topK', refused),
    };
  }
  let sentTemperature = temperature;
  if (temperature !== undefined && temperature > 1) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'temperature',
      details: `Claude takes a temperature from 0 to 1; ${temperature} was sent as 1.`,
    });
    sentTemperature = 1;
  }
  if (!thinks) return { temperature: sentTemperature, top_p: topP, top_k: topK };
  return {
    temperature:
      sentTemperature === undefined || sentTemperature === 1
        ? sentTemperature
        : drop(
            'temperature',
            `While Claude thinks, temperature can only be 1; ${sentTemperature} was not sent.`,
          ),
    top_p:
      topP === undefined || topP >= 0.95
        ? topP
        : drop('topP', `While Claude thinks, topP must be from 0.95 to 1; ${topP} was not sent.`),
    top_k:
      topK === undefined
        ? undefined
        : drop('topK', 'While Claude thinks, it takes no topK; it was not sent.'),
  };
}

/**
 * `max_tokens` (the answer's tokens, or the family default) and the thinking as sent. Budget thinking counts
 * against max_tokens, so its budget is added; what exceeds the family's limit is lowered to fit, with a warning.
 */
function chooseMaxTokens(
  modelId: string,
  { maxOutputTokens: limit, defaultMaxTokens }: LangdockMessagesModelCapabilities,
  plan: ThinkingPlan,
  maxOutputTokens: number | undefined,
  warnings: LangdockWarning[],
): { maxTokens: number; thinking: LangdockMessagesThinking | undefined } {
  const highEffort = plan.effort === 'xhigh' || plan.effort === 'max';
  let output =
    maxOutputTokens ??
    (highEffort
      ? Math.min(HIGH_EFFORT_MAX_TOKENS, limit ?? HIGH_EFFORT_MAX_TOKENS)
      : defaultMaxTokens);
  if (limit !== undefined && output > limit) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'maxOutputTokens',
      details: `${modelId} writes at most ${limit} output tokens; maxOutputTokens ${output} was sent as ${limit}.`,
    });
    output = limit;
  }
  const thinking = plan.thinking;
  if (thinking?.type !== 'enabled') return { maxTokens: output, thinking };
  const total = output + thinking.budget_tokens;
  if (limit === undefined || total <= limit) return { maxTokens: total, thinking };
  // The budget must stay below max_tokens: the answer keeps what it asked for, as far as the minimum budget allows.
  const budgetTokens = Math.max(LANGDOCK_MIN_THINKING_BUDGET, limit - output);
  warnings.push({
    type: 'unsupported-setting',
    setting: 'maxOutputTokens',
    details: `${modelId} writes at most ${limit} tokens, thinking included; ${output} output tokens plus a thinking budget of ${thinking.budget_tokens} would exceed it, so max_tokens was sent as ${limit} with budget_tokens ${budgetTokens}.`,
  });
  return { maxTokens: limit, thinking: { ...thinking, budget_tokens: budgetTokens } };
}

/** JSON mode's forced tool, named so it does not clash with a tool of the caller's. */
function jsonTool(
  responseFormat: Extract<NonNullable<LangdockChatCall['responseFormat']>, { type: 'json' }>,
  tools: LangdockMessagesTool[],
): LangdockMessagesTool {
  const taken = new Set(tools.map((tool) => tool.name));
  let name = 'json';
  for (let suffix = 1; taken.has(name); suffix++) {
    name = suffix === 1 ? 'json_output' : `json_output_${suffix}`;
  }
  const about = [responseFormat.name, responseFormat.description].filter(Boolean).join(': ');
  return {
    name,
    description: `Respond with a JSON object${about === '' ? '' : ` (${about})`}: its input is the answer.`,
    input_schema: responseFormat.schema ?? { type: 'object', additionalProperties: true },
  };
}

/** Wire names this package sets itself, and the option that sets each: extraBody may not set them a second way. */
const typedParameters: Record<string, string> = {
  model: 'the model id',
  messages: 'the prompt',
  system: 'system messages',
  stream: 'streamText or generateText',
  max_tokens: 'maxOutputTokens',
  temperature: 'temperature',
  top_p: 'topP',
  top_k: 'topK',
  stop_sequences: 'stopSequences',
  tools: 'tools',
  tool_choice: 'toolChoice',
  thinking: 'reasoning or providerOptions.langdock.thinking',
};

/** Parameters Langdock refuses: left out of extraBody with a warning. */
const refusedParameters = new Set(['metadata']);

/** The body with `extraBody` merged in: refused parameters left out, typed ones an error, output_config merged. */
function mergeExtraBody(
  body: LangdockMessagesRequestBody,
  extraBody: Record<string, unknown> | undefined,
  warnings: LangdockWarning[],
): LangdockMessagesRequestBody {
  const merged: LangdockMessagesRequestBody = { ...body };
  for (const [name, value] of Object.entries(extraBody ?? {})) {
    const argument = `providerOptions.langdock.extraBody.${name}`;
    if (value === null || value === undefined) continue;
    if (refusedParameters.has(name)) {
      warnings.push({
        type: 'unsupported-setting',
        setting: argument,
        details: `${argument} was not sent: Langdock refuses requests with ${name}.`,
      });
      continue;
    }
    const option = typedParameters[name];
    if (option !== undefined) {
      throw new InvalidArgumentError({
        argument,
        message: `${argument}: ${name} is set through ${option}; extraBody is for parameters without an option of their own.`,
      });
    }
    if (name === 'output_config') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new InvalidArgumentError({ argument, message: `${argument} must be an object.` });
      }
      if ('effort' in value && body.output_config?.effort !== undefined) {
        throw new InvalidArgumentError({
          argument: `${argument}.effort`,
          message: `${argument}.effort: the effort is set through reasoning or providerOptions.langdock.thinking.effort here; set it one way.`,
        });
      }
      merged.output_config = { ...value, ...body.output_config };
      continue;
    }
    merged[name] = value;
  }
  return merged;
}

/** Anthropic takes at most 4 cache breakpoints; past that, the first 4 in prompt order (tools, system, messages) stay. */
function limitCacheBreakpoints(
  body: LangdockMessagesRequestBody,
  warnings: LangdockWarning[],
): void {
  let count = 0;
  const visit = (block: { cache_control?: unknown }) => {
    if (block.cache_control === undefined) return;
    count++;
    if (count > LANGDOCK_MAX_CACHE_BREAKPOINTS) delete block.cache_control;
  };
  body.tools?.forEach(visit);
  body.system?.forEach(visit);
  for (const message of body.messages) message.content.forEach(visit);
  if (count > LANGDOCK_MAX_CACHE_BREAKPOINTS) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'providerOptions.langdock.cacheControl',
      details: `${count} cache breakpoints (cacheControl) were asked for; Anthropic takes at most ${LANGDOCK_MAX_CACHE_BREAKPOINTS}, so only the first ${LANGDOCK_MAX_CACHE_BREAKPOINTS} (tools, then system, then messages) were sent.`,
    });
  }
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
