import { z } from 'zod/v4';

// What a Langdock agent call takes, validated at the edge. Field names and limits are those of the Agents API's
// completions request (docs.langdock.com/api-endpoints/agent/agent); the Create/Update endpoints use other names.

const jsonSchemaObject = z.record(z.string(), z.json());

/** A temporary agent, defined in the request instead of in Langdock (`agent` in the request body). */
export const langdockAgentConfigSchema = z
  .object({
    /** Shown as the agent's name; at most 64 characters. */
    name: z.string().min(1).max(64),
    /** The agent's system prompt; at most 16,384 characters. */
    instructions: z.string().min(1).max(16384),
    description: z.string().max(256).optional(),
    /** 0 to 1. */
    temperature: z.number().min(0).max(1).optional(),
    /** A model id from `GET /agent/v1/models`; the workspace default when left out. */
    model: z.string().min(1).max(64).optional(),
    capabilities: z
      .object({
        webSearch: z.boolean().optional(),
        imageGeneration: z.boolean().optional(),
        dataAnalyst: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Langdock does not publish the item schema: each item is sent as it is. */
    actions: z.array(jsonSchemaObject).optional(),
    /** Langdock does not publish the item schema: each item is sent as it is. */
    vectorDb: z.array(jsonSchemaObject).optional(),
    knowledgeFolderIds: z.array(z.string().min(1)).optional(),
    /** Ids from `uploadAttachment`, available to every message of the call. */
    attachmentIds: z
      .array(z.guid('attachment ids are UUIDs, as uploadAttachment returns them'))
      .optional(),
  })
  .strict();

export type LangdockAgentConfig = z.infer<typeof langdockAgentConfigSchema>;

/** A saved agent's id, or a temporary agent's configuration. */
export type LangdockAgentTarget = string | LangdockAgentConfig;

const maxSteps = z.number().int().min(1).max(20);
const imageResponseFormat = z.enum(['url', 'b64_json']);

/**
 * The agent's structured output (`output` in the request body). A plain union: the declarations of
 * `z.discriminatedUnion` differ between zod 3.25's `zod/v4` and zod 4, and users compile against either.
 */
export const langdockAgentOutputSchema = z.union([
  /** One JSON object; with a schema, one that matches it. */
  z.object({ type: z.literal('object'), schema: jsonSchemaObject.optional() }).strict(),
  /** An array; with a schema, of items that match it. */
  z.object({ type: z.literal('array'), schema: jsonSchemaObject.optional() }).strict(),
  /** One of the given strings. */
  z
    .object({
      type: z.literal('enum'),
      enum: z.array(z.string()).min(1, 'enum needs at least one value'),
    })
    .strict(),
]);

export type LangdockAgentOutput = z.infer<typeof langdockAgentOutputSchema>;

/** `langdock.agent(agent, settings)`: defaults for every call of this model; call options win over them. */
export const langdockAgentSettingsSchema = z
  .object({
    /** Steps (model calls with tool use in between) the agent may take, 1..20. Langdock's default is not documented. */
    maxSteps: maxSteps.optional(),
    /** How generated images come back: a signed `url`, or `b64_json`. */
    imageResponseFormat: imageResponseFormat.optional(),
  })
  .strict();

export type LangdockAgentSettings = z.infer<typeof langdockAgentSettingsSchema>;

/** Per-call options of an agent model, passed as `providerOptions.langdock`. */
export const langdockAgentOptionsSchema = z
  .object({
    maxSteps: maxSteps.optional(),
    imageResponseFormat: imageResponseFormat.optional(),
    /** Structured output (`object`, `array` or `enum`); wins over `responseFormat`. */
    output: langdockAgentOutputSchema.optional(),
  })
  .strict();

export type LangdockAgentOptions = z.infer<typeof langdockAgentOptionsSchema>;

/** Per message of an agent call, `providerOptions.langdock` on a user message. */
export const langdockAgentMessageOptionsSchema = z
  .object({
    /** Uploaded attachments (`uploadAttachment`) the message refers to, sent as `metadata.attachments`. */
    attachments: z
      .array(z.guid('attachment ids are UUIDs, as uploadAttachment returns them'))
      .optional(),
  })
  .strict();

/** `agentResponse({...})`, less the messages, which come from the browser and are checked by their own rule. */
export const langdockAgentResponseOptionsSchema = z
  .object({
    agentId: z.string().trim().min(1, 'agentId must be a non-empty string').optional(),
    agent: langdockAgentConfigSchema.optional(),
    messages: z.unknown(),
    maxSteps: maxSteps.optional(),
    imageResponseFormat: imageResponseFormat.optional(),
    output: langdockAgentOutputSchema.optional(),
    /** Forward `metadata.attachments` of the browser's user messages; off by default (see the README). */
    forwardAttachments: z.boolean().optional(),
    abortSignal: z
      .custom<AbortSignal>(
        (value) => typeof AbortSignal !== 'undefined' && value instanceof AbortSignal,
        'abortSignal must be an AbortSignal',
      )
      .optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .refine(
    (options) => (options.agentId === undefined) !== (options.agent === undefined),
    'pass exactly one of agentId (a saved agent) and agent (a temporary agent)',
  );

export interface LangdockAgentResponseOptions {
  /** A saved agent, shared with the API key. Pass this or `agent`. */
  agentId?: string;
  /** A temporary agent. Pass this or `agentId`. */
  agent?: LangdockAgentConfig;
  /** The `messages` a `useChat` client sent (UIMessages), as they arrived. */
  messages: unknown;
  maxSteps?: number;
  imageResponseFormat?: 'url' | 'b64_json';
  output?: LangdockAgentOutput;
  /** Forward the ids in `metadata.attachments` of user messages. Off by default: they come from the browser. */
  forwardAttachments?: boolean;
  /** Usually `request.signal`: when the browser goes away, the agent's run is cancelled. */
  abortSignal?: AbortSignal;
  /** Extra headers for the request to Langdock. */
  headers?: Record<string, string>;
}

/** `uploadAttachment(file, options)`. */
export interface LangdockUploadAttachmentOptions {
  /** Required for bytes and for a Blob that is not a File. */
  filename?: string;
  /** Required for bytes; a Blob's own type otherwise. */
  mediaType?: string;
  abortSignal?: AbortSignal;
  headers?: Record<string, string | undefined>;
}

/** `deleteAttachment(id, options)`. */
export interface LangdockDeleteAttachmentOptions {
  abortSignal?: AbortSignal;
  headers?: Record<string, string | undefined>;
}
