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
export const langdockReasoningEfforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export type LangdockReasoningEffort = (typeof langdockReasoningEfforts)[number];

/** Per-call options, passed as `providerOptions.langdock`. */
export const langdockChatOptionsSchema = z
  .object({
    /** `reasoning_effort` for reasoning models. */
    reasoningEffort: z.enum(langdockReasoningEfforts).optional(),
    /** End-user id, sent as `user`, for abuse monitoring. */
    user: z.string().min(1).optional(),
    /** Token id (as a string) to bias from -100 to 100, sent as `logit_bias`. */
    logitBias: z.record(z.string().regex(/^\d+$/, 'logitBias keys are token ids'), z.number().min(-100).max(100)).optional(),
    /** `true` returns log probabilities; a number 1..20 also returns that many top alternatives. */
    logprobs: z.union([z.boolean(), z.number().int().min(1).max(20)]).optional(),
    /** Sent as `max_completion_tokens`; takes precedence over `maxOutputTokens`. */
    maxCompletionTokens: z.number().int().positive().optional(),
    /** Send `response_format: json_schema` in JSON mode, for deployments that accept it. */
    structuredOutputs: z.boolean().optional(),
    /** With `structuredOutputs`: ask the backend to enforce the schema strictly. */
    strictJsonSchema: z.boolean().optional(),
    /** The role system messages are sent with. Default `system`. */
    systemMessageMode: z.enum(['system', 'developer']).optional(),
    // Options Langdock rejects: accepted here only to answer them with a warning.
    parallelToolCalls: z.json().optional(),
    serviceTier: z.json().optional(),
    n: z.json().optional(),
    streamOptions: z.json().optional(),
  })
  .strict();

export type LangdockChatOptions = z.infer<typeof langdockChatOptionsSchema>;

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
