// Deterministic sample values for a JSON Schema, filled with values the prompt mentions where they fit.
import { isArray, isRecord, isStringArray, type JsonObject } from '../server/json-guards';
import {
  findLabelledValue,
  findNumbers,
  findPlace,
  findQuoted,
  identifierWords,
  mentionsWord,
} from './prompt-hints';

export interface SampleOptions {
  /** Prompt text to take values from. */
  hintText?: string;
  /** Fill optional properties too; tool calls only fill those the prompt mentions. */
  includeOptional?: boolean;
}

const MAX_DEPTH = 12;
const PLACE_KEYS = [
  'city',
  'location',
  'place',
  'town',
  'country',
  'destination',
  'address',
  'region',
];
const QUERY_KEYS = [
  'query',
  'search',
  'q',
  'term',
  'keyword',
  'keywords',
  'prompt',
  'question',
  'topic',
];
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2025-01-01T12:00:00Z',
  date: '2025-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
};

export function sampleFromSchema(schema: JsonObject, options: SampleOptions = {}): unknown {
  return new SchemaSampler(schema, options).sample(schema, '', 0);
}

/** The first `{...}` in the text that parses as a JSON Schema object (has `type` or `properties`). */
export function findJsonSchemaInText(text: string): JsonObject | undefined {
  let attempts = 0;
  for (
    let start = text.indexOf('{');
    start !== -1 && attempts < 200;
    start = text.indexOf('{', start + 1)
  ) {
    attempts += 1;
    const end = matchingBrace(text, start);
    if (end === -1) continue;
    const candidate = parseJson(text.slice(start, end + 1));
    if (isRecord(candidate) && ('type' in candidate || 'properties' in candidate)) return candidate;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

class SchemaSampler {
  private readonly text: string;
  // Numbers in the prompt are handed out in order, so "add 3 and 5" fills a=3, b=5.
  private readonly numbers: number[];

  constructor(
    private readonly root: JsonObject,
    private readonly options: SampleOptions,
  ) {
    this.text = options.hintText ?? '';
    this.numbers = findNumbers(this.text);
  }

  sample(schema: JsonObject, key: string, depth: number): unknown {
    if (depth > MAX_DEPTH) return null;
    const resolved = this.resolve(schema, depth);
    if ('const' in resolved) return resolved.const;
    if (isArray(resolved.enum) && resolved.enum.length > 0)
      return this.pickEnum(resolved.enum, resolved);
    if ('default' in resolved) return resolved.default;
    switch (schemaType(resolved)) {
      case 'object':
        return this.sampleObject(resolved, depth);
      case 'array':
        return this.sampleArray(resolved, key, depth);
      case 'string':
        return this.sampleString(resolved, key);
      case 'integer':
        return this.sampleNumber(resolved, key, true);
      case 'number':
        return this.sampleNumber(resolved, key, false);
      case 'boolean':
        return this.sampleBoolean(key);
      case 'null':
        return null;
      default:
        return this.sampleString(resolved, key);
    }
  }

  /** Whether the prompt names a value for this property, which makes an optional tool argument worth filling. */
  hasHint(schema: JsonObject, key: string, depth: number): boolean {
    const resolved = this.resolve(schema, depth);
    if (isArray(resolved.enum))
      return resolved.enum.some((value) => mentionsWord(this.text, String(value)));
    if (findLabelledValue(this.text, key) !== undefined) return true;
    return (
      isPlaceKey(key) && schemaType(resolved) === 'string' && findPlace(this.text) !== undefined
    );
  }

  private resolve(schema: JsonObject, depth: number): JsonObject {
    if (depth > MAX_DEPTH) return {};
    if (typeof schema.$ref === 'string') {
      const target = this.lookupRef(schema.$ref);
      return target === undefined ? {} : this.resolve(target, depth + 1);
    }
    const alternatives = isArray(schema.anyOf)
      ? schema.anyOf
      : isArray(schema.oneOf)
        ? schema.oneOf
        : [];
    const chosen = alternatives.find(
      (option: unknown) => isRecord(option) && option.type !== 'null',
    );
    if (isRecord(chosen)) return this.resolve(chosen, depth + 1);
    if (isArray(schema.allOf)) return this.mergeAllOf(schema, schema.allOf, depth);
    return schema;
  }

  private lookupRef(ref: string): JsonObject | undefined {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.root;
    for (const segment of ref
      .slice(1)
      .split('/')
      .filter((part) => part !== '')) {
      const name = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isRecord(node) ? node[name] : undefined;
    }
    return isRecord(node) ? node : undefined;
  }

  private mergeAllOf(schema: JsonObject, parts: unknown[], depth: number): JsonObject {
    const merged: JsonObject = { ...schema, allOf: undefined };
    const properties: JsonObject = isRecord(schema.properties) ? { ...schema.properties } : {};
    const required: string[] = isStringArray(schema.required) ? [...schema.required] : [];
    for (const part of parts) {
      if (!isRecord(part)) continue;
      const resolved = this.resolve(part, depth + 1);
      Object.assign(merged, resolved, { properties, required });
      if (isRecord(resolved.properties)) Object.assign(properties, resolved.properties);
      if (isStringArray(resolved.required)) required.push(...resolved.required);
    }
    return merged;
  }

  private sampleObject(schema: JsonObject, depth: number): JsonObject {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = isStringArray(schema.required) ? schema.required : [];
    const result: JsonObject = {};
    for (const [key, child] of Object.entries(properties)) {
      if (!isRecord(child)) continue;
      const wanted =
        required.includes(key) ||
        this.options.includeOptional === true ||
        this.hasHint(child, key, depth + 1);
      if (wanted) result[key] = this.sample(child, key, depth + 1);
    }
    return result;
  }

  private sampleArray(schema: JsonObject, key: string, depth: number): unknown[] {
    if (isArray(schema.prefixItems)) {
      return schema.prefixItems.map((item: unknown) =>
        isRecord(item) ? this.sample(item, key, depth + 1) : null,
      );
    }
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 1;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(minItems, 1);
    const count = Math.min(Math.max(minItems, 1), maxItems);
    const items = isRecord(schema.items) ? schema.items : {};
    return Array.from({ length: count }, () => this.sample(items, key, depth + 1));
  }

  private sampleString(schema: JsonObject, key: string): string {
    const value = this.stringHint(key) ?? this.stringPlaceholder(schema, key);
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    return value.padEnd(minLength, '.').slice(0, maxLength);
  }

  private stringHint(key: string): string | undefined {
    const labelled = findLabelledValue(this.text, key);
    if (labelled !== undefined) return labelled;
    if (isPlaceKey(key)) return findPlace(this.text);
    if (identifierWords(key).some((word) => QUERY_KEYS.includes(word))) {
      return (
        findQuoted(this.text) ??
        (this.text.trim() === '' ? undefined : this.text.trim().slice(0, 200))
      );
    }
    return undefined;
  }

  private stringPlaceholder(schema: JsonObject, key: string): string {
    if (typeof schema.format === 'string' && schema.format in FORMAT_SAMPLES)
      return FORMAT_SAMPLES[schema.format] ?? '';
    if (isArray(schema.examples) && typeof schema.examples[0] === 'string')
      return schema.examples[0];
    return key === '' ? 'example' : `example ${identifierWords(key).join(' ')}`;
  }

  private sampleNumber(schema: JsonObject, key: string, integer: boolean): number {
    const labelled = Number(findLabelledValue(this.text, key));
    const hinted = Number.isFinite(labelled) ? labelled : this.numbers.shift();
    const minimum = lowerBound(schema);
    const maximum = upperBound(schema);
    // Start from 1, a plausible count or amount, and move into the allowed range (zod's int() sets huge bounds).
    let value = hinted ?? 1;
    if (minimum !== undefined) value = Math.max(value, minimum);
    if (maximum !== undefined) value = Math.min(value, maximum);
    return integer ? Math.round(value) : value;
  }

  private sampleBoolean(key: string): boolean {
    const labelled = findLabelledValue(this.text, key)?.toLowerCase();
    return labelled === 'true' || labelled === 'yes';
  }

  private pickEnum(values: unknown[], schema: JsonObject): unknown {
    const mentioned = values.find((value) => mentionsWord(this.text, String(value)));
    if (mentioned !== undefined) return mentioned;
    return 'default' in schema && values.includes(schema.default) ? schema.default : values[0];
  }
}

function isPlaceKey(key: string): boolean {
  return identifierWords(key).some((word) => PLACE_KEYS.includes(word));
}

function schemaType(schema: JsonObject): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (isArray(type)) {
    const first = type.find((entry: unknown) => typeof entry === 'string' && entry !== 'null');
    return typeof first === 'string' ? first : 'null';
  }
  if (isRecord(schema.properties)) return 'object';
  if (isRecord(schema.items) || isArray(schema.prefixItems)) return 'array';
  return undefined;
}

function lowerBound(schema: JsonObject): number | undefined {
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
  return undefined;
}

function upperBound(schema: JsonObject): number | undefined {
  if (typeof schema.maximum === 'number') return schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - 1;
  return undefined;
}
