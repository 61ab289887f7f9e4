import { z } from 'zod/v4';
import type { LangdockProviderOptions } from '../langdock-call';
import { parseLangdockProviderOptions } from '../parse-langdock-options';
import { langdockMessagesEfforts } from './langdock-messages-api-types';

/** Claude model ids seen on Langdock. Any other id a workspace serves works too. */
export type LangdockMessagesModelId =
  | 'claude-sonnet-5-default'
  | 'claude-opus-4-8-default'
  | 'claude-sonnet-4-6-default'
  | 'claude-haiku-4-5-20251001'
  | 'claude-haiku-4-5@20251001'
  | 'claude-sonnet-4-5-20250929'
  | 'claude-opus-4-1-20250805'
  | (string & {});

const thinkingDisplay = z.enum(['summarized', 'omitted']);

/** Per-call options for a Claude model, passed as `providerOptions.langdock`. */
export const langdockMessagesOptionsSchema = z
  .object({
    /**
     * Extended thinking, sent as `thinking` (and `output_config.effort`). Takes precedence over the call's
     * `reasoning`. A kind the model does not take is turned into the one it does, with a warning.
     */
    thinking: z
      // One object checked field by field, not a union: z.discriminatedUnion's declarations differ between
      // zod 3.25's zod/v4 and zod 4, and a plain union's error cannot say which field is wrong.
      .object({
        /**
         * `enabled`: thinking with a token budget (Claude 3.7 to 4.5); `adaptive`: the model decides how much
         * to think (Claude 4.6 and later); `disabled`: none, sent as such only where the model thinks by
         * default (Claude Opus 5).
         */
        type: z.enum(['enabled', 'adaptive', 'disabled']),
        /** With `enabled`: tokens thinking may use, at least 1,024; default 8,192. Added to max_tokens. */
        budgetTokens: z.number().int().min(1024).optional(),
        /** With `adaptive`: sent as `output_config.effort` (`xhigh` from Opus 4.7 and Sonnet 5 on). Default: the model's. */
        effort: z.enum(langdockMessagesEfforts).optional(),
        /** `summarized` thinking text, or `omitted` (only the signature comes back, sooner). Not with `disabled`. */
        display: thinkingDisplay.optional(),
      })
      .strict()
      .superRefine((thinking, context) => {
        const misplaced = (field: string, belongs: string) =>
          context.addIssue({
            code: 'custom',
            path: [field],
            message: `${field} goes with type '${belongs}', not '${thinking.type}'`,
          });
        if (thinking.budgetTokens !== undefined && thinking.type !== 'enabled')
          misplaced('budgetTokens', 'enabled');
        if (thinking.effort !== undefined && thinking.type !== 'adaptive')
          misplaced('effort', 'adaptive');
        if (thinking.display !== undefined && thinking.type === 'disabled')
          misplaced('display', 'enabled or adaptive');
      })
      .optional(),
    /**
     * How `generateText` calls Langdock: `true` streams the answer and assembles it, which outlives the
     * proxy that ends a non-streaming call after about 100 seconds (a 524). Default: true (Messages streams carry
     * usage, so nothing is lost).
     */
    streamGenerate: z.boolean().optional(),
    /** Replay the reasoning (signed thinking blocks) of earlier assistant turns. Default true. */
    sendReasoning: z.boolean().optional(),
    /**
     * Any other Messages parameter, merged into the request body as it is (wire names). `metadata` stays
     * blocked (Langdock refuses it); `output_config` fields other than `effort` are merged into the one sent.
     */
    extraBody: z.record(z.string(), z.json()).optional(),
    // Langdock refuses `metadata`: accepted here only to answer it with a warning.
    metadata: z.json().optional(),
  })
  .strict();

export type LangdockMessagesOptions = z.infer<typeof langdockMessagesOptionsSchema>;

/** `providerOptions.langdock` of a Claude call, validated; an unknown key is an error that points at extraBody. */
export function parseLangdockMessagesOptions(
  providerOptions: LangdockProviderOptions | undefined,
): LangdockMessagesOptions {
  return parseLangdockProviderOptions(langdockMessagesOptionsSchema, providerOptions, {
    help: 'See the options table in the README; a Messages parameter without an option goes in extraBody, by its wire name.',
  });
}

/** A prompt-cache breakpoint, as `providerOptions.langdock.cacheControl` (or `anthropic.cacheControl`) gives it. */
export const langdockCacheControlSchema = z
  .object({
    type: z.literal('ephemeral'),
    /** How long the entry lives: 5 minutes (default) or 1 hour. */
    ttl: z.enum(['5m', '1h']).optional(),
  })
  .strict();

/**
 * `providerOptions.langdock` on a prompt message, a part or a tool. Other keys are ignored: a part replayed
 * from an earlier answer carries that answer's provider metadata.
 */
export const langdockMessagesPartOptionsSchema = z.object({
  /** Cache the prompt up to and including this block (on a message: its last block), sent as `cache_control`. */
  cacheControl: langdockCacheControlSchema.optional(),
  /** A reasoning part's thinking signature, from the answer it came with: replayed as a `thinking` block. */
  signature: z.string().min(1).optional(),
  /** A reasoning part's encrypted thinking, from the answer it came with: replayed as `redacted_thinking`. */
  redactedData: z.string().min(1).optional(),
  /** A document's (PDF, text) title; default: the file name. */
  title: z.string().min(1).optional(),
  /** Context about a document the model reads but does not cite. */
  context: z.string().min(1).optional(),
  /** Let the model cite this document (answers carry source parts). */
  citations: z.boolean().optional(),
});

export type LangdockMessagesPartOptions = z.infer<typeof langdockMessagesPartOptionsSchema>;

/**
 * The part options of a message, part or tool: `providerOptions.langdock` (validated, an error names the path),
 * over what `providerOptions.anthropic` gives (history and settings written for @ai-sdk/anthropic; ignored where invalid).
 */
export function readLangdockMessagesPartOptions(
  providerOptions: LangdockProviderOptions | undefined,
  where: string,
): LangdockMessagesPartOptions {
  const own = parseLangdockProviderOptions(langdockMessagesPartOptionsSchema, providerOptions, {
    argument: `${where}.providerOptions.langdock`,
    help: 'A message, part or tool takes cacheControl ({ type: "ephemeral", ttl?: "5m" | "1h" }); a reasoning part signature or redactedData; a document title, context and citations.',
  });
  const anthropic = providerOptions?.anthropic ?? {};
  const borrowed: LangdockMessagesPartOptions = {};
  const cacheControl = langdockCacheControlSchema.safeParse(
    anthropic.cacheControl ?? anthropic.cache_control,
  );
  if (cacheControl.success) borrowed.cacheControl = cacheControl.data;
  for (const key of ['signature', 'redactedData', 'title', 'context'] as const) {
    const value = anthropic[key];
    if (typeof value === 'string' && value !== '') borrowed[key] = value;
  }
  const defined = Object.entries(own).filter(([, value]) => value !== undefined);
  return { ...borrowed, ...Object.fromEntries(defined) };
}
