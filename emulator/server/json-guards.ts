// Narrowing helpers for parsed JSON, which arrives as `unknown`.

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Like Array.isArray, but yields `unknown[]` instead of `any[]`. */
export function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
