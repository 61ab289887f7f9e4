import { InvalidArgumentError } from '@ai-sdk/provider';
import type { LangdockProviderOptions } from './langdock-call';
import type { z } from 'zod/v4';

/** `value` validated by `schema`; every problem is named by its full path (under `argument`) so the caller can find it. */
export function parseLangdockSettings<SCHEMA extends z.ZodType>(
  schema: SCHEMA,
  value: unknown,
  { argument, what, help }: { argument: string; what: string; help: string },
): z.output<SCHEMA> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${[argument, ...issue.path.map(String)].join('.')}: ${describeIssue(issue)}`,
    );
    throw new InvalidArgumentError({
      argument,
      message: `Invalid ${what}. ${problems.join('; ')}. ${help}`,
    });
  }
  return parsed.data;
}

/** Zod reports a bad record key as "Invalid key in record"; the reason sits one level down. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const nested =
    'issues' in issue && Array.isArray(issue.issues)
      ? issue.issues.map((inner: z.core.$ZodIssue) => inner.message)
      : [];
  return nested.length > 0 ? `${issue.message} (${nested.join('; ')})` : issue.message;
}

/** `providerOptions.langdock`, validated. */
export function parseLangdockProviderOptions<SCHEMA extends z.ZodType>(
  schema: SCHEMA,
  providerOptions: LangdockProviderOptions | undefined,
  {
    argument = 'providerOptions.langdock',
    help = 'See the options table in the README.',
  }: { argument?: string; help?: string } = {},
): z.output<SCHEMA> {
  return parseLangdockSettings(schema, withoutNulls(providerOptions?.langdock ?? {}), {
    argument,
    what: 'Langdock provider options',
    help,
  });
}

/** A `null` option means unset, as in the OpenAI API: left out before validation. */
export function withoutNulls(options: unknown): unknown {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== null));
}
