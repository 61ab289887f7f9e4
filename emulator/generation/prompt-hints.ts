// Values a prompt plainly mentions, so generated tool arguments can use them instead of placeholders.

const PLACE_AFTER =
  /\b(?:in|at|for|from|to|near)\s+((?:[A-Z][\p{L}'’.-]*)(?:\s+(?:[A-Z][\p{L}'’.-]*|de|del|am|an|on|upon))*)/u;
const NUMBER = /-?\d+(?:\.\d+)?/g;
const QUOTED = /"([^"\n]+)"|“([^”\n]+)”|'([^'\n]{2,})'/;

/** A proper name after a preposition, e.g. "Berlin" in "weather in Berlin today". */
export function findPlace(text: string): string | undefined {
  const match = PLACE_AFTER.exec(text);
  const place = match?.[1]?.replace(/[.'’]+$/, '').replace(/\s+(?:de|del|am|an|on|upon)$/, '');
  return place === undefined || place === '' ? undefined : place;
}

export function findNumbers(text: string): number[] {
  return Array.from(text.matchAll(NUMBER), (match) => Number(match[0]));
}

export function findQuoted(text: string): string | undefined {
  const match = QUOTED.exec(text);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

/** A value written next to its property name, e.g. `unit: celsius` or `limit = 5`. */
export function findLabelledValue(text: string, key: string): string | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(
    `\\b${escaped}\\s*(?:[:=]|\\bis\\b)\\s*("[^"]*"|'[^']*'|[^\\s,;.!?]+)`,
    'i',
  ).exec(text);
  return match?.[1]?.replace(/^["']|["']$/g, '');
}

/** Whether `word` appears in `text` as a whole word, ignoring case. */
export function mentionsWord(text: string, word: string): boolean {
  if (word === '') return false;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Splits identifiers like `getWeather` or `get_current_weather` into lowercase words. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^a-zA-Z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

/**
 * Behaviours a prompt can ask the emulator for by naming them in the last user message, e.g.
 * `[emulate:refusal]`: what no request parameter can trigger (a refusal, an overloaded model, a broken stream).
 */
export const EMULATOR_HINTS = [
  'refusal',
  'redacted-thinking',
  'stream-error',
  'overloaded',
] as const;
export type EmulatorHint = (typeof EMULATOR_HINTS)[number];

export function findEmulatorHints(text: string): Set<EmulatorHint> {
  const found = new Set<EmulatorHint>();
  for (const match of text.matchAll(/\[emulate:([a-z-]+)\]/g)) {
    const hint = EMULATOR_HINTS.find((candidate) => candidate === match[1]);
    if (hint !== undefined) found.add(hint);
  }
  return found;
}

/** `[emulate:latency=<ms>]`: how long the model takes over this answer, in milliseconds. */
export function findLatencyHint(text: string): number | undefined {
  const match = /\[emulate:latency=(\d{1,9})\]/.exec(text);
  return match === null ? undefined : Number(match[1]);
}
