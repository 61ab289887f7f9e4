import type { JSONValue } from '@ai-sdk/provider';

// Hand-written structural checks of only the fields this package reads: cheap enough for every
// stream chunk, strict enough that a malformed body becomes an error instead of a wrong answer.

// A check returns undefined, or the problem as the path below the value plus the rule broken
// (`.delta.content must be a string`): paths are only built for a failure, never per valid field.
export type Check = (value: unknown) => string | undefined;

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isNonEmptyJsonObject(value: unknown): value is Record<string, JSONValue> {
  if (!isJsonObject(value)) return false;
  for (const _key in value) return true;
  return false;
}

const optional =
  (type: 'string' | 'number'): Check =>
  (value) =>
    value === undefined || value === null || typeof value === type
      ? undefined
      : ` must be a ${type}`;

export const optionalString = optional('string');
export const requiredString: Check = (value) =>
  typeof value === 'string' ? undefined : ' must be a string';
export const optionalNumber = optional('number');

export function fieldsCheck(
  checks: Record<string, Check>,
): (record: Record<string, unknown>) => string | undefined {
  const fields = Object.entries(checks);
  return (record) => {
    for (const [key, check] of fields) {
      const problem = check(record[key]);
      if (problem !== undefined) return `.${key}${problem}`;
    }
    return undefined;
  };
}

export const optionalObject = (checks: Record<string, Check>): Check => {
  const checkFields = fieldsCheck(checks);
  return (value) => {
    if (value === undefined || value === null) return undefined;
    return isJsonObject(value) ? checkFields(value) : ' must be an object';
  };
};

export const optionalArray =
  (item: Check): Check =>
  (value) => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return ' must be an array';
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i]);
      if (problem !== undefined) return `[${i}]${problem}`;
    }
    return undefined;
  };

export const requiredObject = (checks: Record<string, Check>): Check => {
  const checkFields = fieldsCheck(checks);
  return (value) => (isJsonObject(value) ? checkFields(value) : ' must be an object');
};

/** A checked value, or the problem found, as a path and the rule broken. */
export type Validated<T> = { success: true; value: T } | { success: false; problem: string };
