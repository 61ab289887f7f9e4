import type { JSONValue } from '@ai-sdk/provider';
import { isJsonObject, isNonEmptyJsonObject } from '../http/langdock-json-guards';

export interface LangdockContentFilterVerdict {
  /** Azure's `content_filter_results` as sent: categories (`hate`, `custom_blocklists`, …) and their verdicts. */
  results: Record<string, JSONValue>;
  /** Azure's asynchronous filter: `content_filter_offsets`, the part of the answer the verdict is about. */
  offsets?: JSONValue;
}

/**
 * Every content filter verdict of one response, in the order they came. Azure repeats a verdict on
 * every chunk, and its asynchronous filter sends one per category after the text: a verdict equal to
 * the one before is kept once, no verdict is replaced by a later one.
 */
export class LangdockContentFilterLog {
  private readonly verdicts: LangdockContentFilterVerdict[] = [];

  // Called for every chunk of an Azure stream: the comparison with the last verdict allocates nothing.
  add(results: unknown, offsets: unknown): void {
    if (!isNonEmptyJsonObject(results)) return;
    const normalized = offsets === null ? undefined : offsets;
    const last = this.verdicts[this.verdicts.length - 1];
    if (last !== undefined && sameJson(last.results, results) && sameJson(last.offsets, normalized))
      return;
    this.verdicts.push(
      normalized === undefined ? { results } : { results, offsets: normalized as JSONValue },
    );
  }

  /** `contentFilterResults` (the verdicts) and `contentFilterHits` (what was filtered or detected), for provider metadata. */
  metadata(): Record<string, JSONValue> {
    if (this.verdicts.length === 0) return {};
    const hits = langdockContentFilterHits(this.verdicts);
    return {
      contentFilterResults: this.verdicts as unknown as JSONValue,
      ...(hits.length > 0 && { contentFilterHits: hits }),
    };
  }
}

/** Categories any verdict filtered or detected, once each, in order: `hate`, `custom_blocklists:<id>`. */
export function langdockContentFilterHits(
  verdicts: readonly LangdockContentFilterVerdict[],
): string[] {
  const hits = new Set<string>();
  const flagged = (value: unknown) =>
    isJsonObject(value) && (value.filtered === true || value.detected === true);
  const named = (category: string, item: unknown) =>
    isJsonObject(item) && typeof item.id === 'string' ? `${category}:${item.id}` : category;
  for (const { results } of verdicts) {
    for (const [category, value] of Object.entries(results)) {
      // Blocklists come as a list of hits, or (newer shape) as `{ filtered, details: [{ id, filtered }] }`.
      const items = Array.isArray(value)
        ? value
        : isJsonObject(value) && Array.isArray(value.details)
          ? value.details
          : undefined;
      const itemHits = (items ?? []).filter(flagged).map((item) => named(category, item));
      if (itemHits.length > 0) itemHits.forEach((hit) => hits.add(hit));
      else if (flagged(value)) hits.add(category);
    }
  }
  return [...hits];
}

/** Whether two parsed JSON values are equal, compared in place (key order does not matter). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (
      !Object.hasOwn(b, key) ||
      !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
    )
      return false;
  }
  return true;
}
