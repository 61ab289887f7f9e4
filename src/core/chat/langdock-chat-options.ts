import { z } from 'zod/v4';

/** Chat model ids seen on Langdock. Any other id a workspace serves works too. */
export type LangdockChatModelId =
  | 'gpt-5'
  | 'gpt-5-mini'
  | 'gpt-5-nano'
  | 'gpt-5-chat'
  | 'gpt-4.1'
  | 'gpt-4.1-mini'
  | 'gpt-4.1-nano'
  | 'o4-mini'
  | 'o3'
  | 'o3-mini'
  | 'o1'
  | 'gpt-4o'
  | 'gpt-4o-mini'
  | 'gpt-35-turbo'
  | (string & {});

/** Langdock's `reasoning_effort` values, from least to most reasoning. */
export const langdockReasoningEfforts = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
] as const;
export type LangdockReasoningEffort = (typeof langdockReasoningEfforts)[number];

/** The gpt-5 family's `verbosity` values. */
export const langdockVerbosities = ['low', 'medium', 'high'] as const;
export type LangdockVerbosity = (typeof langdockVerbosities)[number];

/** Per-call options, passed as `providerOptions.langdock`. */
export const langdockChatOptionsSchema = z
  .object({
    /**
     * How `generateText` calls Langdock: `true` streams the answer and assembles it, which outlives the
     * proxy that ends a non-streaming call after about 100 seconds (a 524). Default false: Langdock's
     * chat completions streams carry no usage, so a streamed call reports `usage` only where the stream has it
     * (the gateway [assumed]) and otherwise an estimate in `providerMetadata.langdock.estimatedUsage`.
     */
    streamGenerate: z.boolean().optional(),
    /** `reasoning_effort` for reasoning models. */
    reasoningEffort: z.enum(langdockReasoningEfforts).optional(),
    /**
     * Send the reasoning effort (this option's, or AI SDK 7's `reasoning`) as chosen even with function
     * tools. The families seen to refuse the pair (gpt-5.2 and later: a 400) otherwise get
     * `reasoning_effort: 'none'` with function tools, and a warning when another effort was asked for.
     */
    forceReasoningEffort: z.boolean().optional(),
    /** End-user id, sent as `user`, for abuse monitoring. */
    user: z.string().min(1).optional(),
    /** Token id (as a string) to bias from -100 to 100, sent as `logit_bias`. */
    logitBias: z
      .record(
        z.string().regex(/^\d+$/, 'logitBias keys are token ids'),
        z.number().min(-100).max(100),
      )
      .optional(),
    /** `true` returns log probabilities; a number 1..20 also returns that many top alternatives. */
    logprobs: z.union([z.boolean(), z.number().int().min(1).max(20)]).optional(),
    /** Sent as `max_completion_tokens`; takes precedence over `maxOutputTokens`. */
    maxCompletionTokens: z.number().int().positive().optional(),
    /**
     * Send `response_format: json_schema` (strict unless `strictJsonSchema: false`) in JSON mode with a
     * schema, for deployments that accept it. The JSON instruction in the system message is sent too.
     */
    structuredOutputs: z.boolean().optional(),
    /**
     * With `structuredOutputs`: whether the backend enforces the schema, sent as `json_schema.strict`
     * (default true; strict mode needs every property in `required` and `additionalProperties: false`).
     */
    strictJsonSchema: z.boolean().optional(),
    /** The role system messages are sent with. Default `system`. */
    systemMessageMode: z.enum(['system', 'developer']).optional(),
    /**
     * How long the answer is, sent as `verbosity`: gpt-5 family only (its `-chat` variants take only
     * `medium`); any other model gets none, with a warning.
     */
    verbosity: z.enum(langdockVerbosities).optional(),
    /** Groups requests that share a long prefix for prompt caching, sent as `prompt_cache_key`. */
    promptCacheKey: z.string().min(1).optional(),
    /** Up to 16 key/value pairs stored with the completion, sent as `metadata`. */
    metadata: z
      .record(
        z.string().min(1).max(64, 'metadata keys are at most 64 characters'),
        z.string().max(512, 'metadata values are at most 512 characters'),
      )
      .refine((value) => Object.keys(value).length <= 16, 'metadata holds at most 16 pairs')
      .optional(),
    /** Whether the backend stores the completion (for evals and distillation), sent as `store`. */
    store: z.boolean().optional(),
    /** Predicted output, to speed up answers that are mostly known (an edited file), sent as `prediction`. */
    prediction: z
      .object({
        type: z.literal('content'),
        content: z.union([
          z.string(),
          z.array(z.object({ type: z.literal('text'), text: z.string() }).strict()),
        ]),
      })
      .strict()
      .optional(),
    /** A stable id of the end user for abuse detection (a hash, not an email), sent as `safety_identifier`. */
    safetyIdentifier: z.string().min(1).max(64).optional(),
    /**
     * Any other chat completions parameter, merged into the request body as it is (wire names). Only
     * `n`, `service_tier`, `parallel_tool_calls` and `stream_options` stay blocked (Langdock refuses them).
     */
    extraBody: z.record(z.string(), z.json()).optional(),
    // Options Langdock rejects: accepted here only to answer them with a warning.
    parallelToolCalls: z.json().optional(),
    serviceTier: z.json().optional(),
    n: z.json().optional(),
    streamOptions: z.json().optional(),
  })
  .strict();

export type LangdockChatOptions = z.infer<typeof langdockChatOptionsSchema>;

/** Per message, `providerOptions.langdock` on a prompt message. */
export const langdockMessageOptionsSchema = z
  .object({
    /** A name for the participant, sent as the message's `name` (system, user and assistant messages). */
    name: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[^\s<|\\/>]+$/, 'name may not hold spaces or the characters < | \\ / >')
      .optional(),
  })
  .strict();

/** Per image part, `providerOptions.langdock` on a file part. */
export const langdockImagePartOptionsSchema = z
  .object({
    /** How closely the model looks at the image, sent as `image_url.detail`. */
    imageDetail: z.enum(['low', 'high', 'auto']).optional(),
  })
  .strict();

/** Options other OpenAI providers take that Langdock refuses: never sent. */
export const langdockRejectedOptions = {
  parallelToolCalls: 'parallel_tool_calls',
  serviceTier: 'service_tier',
  n: 'n',
  streamOptions: 'stream_options',
} as const satisfies Partial<Record<keyof LangdockChatOptions, string>>;

/** Per-model settings: `langdock(modelId, settings)`. */
export const langdockChatModelSettingsSchema = z
  .object({
    /**
     * Treat the model as a reasoning model (`max_completion_tokens`, no sampling settings,
     * `reasoning_effort` sent) or not. By default this is derived from the model id.
     */
    reasoningModel: z.boolean().optional(),
  })
  .strict();

export type LangdockChatModelSettings = z.infer<typeof langdockChatModelSettingsSchema>;
