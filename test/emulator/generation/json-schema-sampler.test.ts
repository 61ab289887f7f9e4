import { describe, expect, it } from 'vitest';
import {
  findJsonSchemaInText,
  sampleFromSchema,
} from '../../../emulator/generation/json-schema-sampler';

describe('sampleFromSchema', () => {
  it.each([
    { name: 'string', schema: { type: 'string' }, expected: 'example' },
    { name: 'integer with minimum', schema: { type: 'integer', minimum: 3 }, expected: 3 },
    {
      name: 'number with maximum below 1',
      schema: { type: 'number', maximum: 0.5 },
      expected: 0.5,
    },
    { name: 'boolean', schema: { type: 'boolean' }, expected: false },
    {
      name: 'enum picks the first',
      schema: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      expected: 'celsius',
    },
    { name: 'const', schema: { const: 'fixed' }, expected: 'fixed' },
    { name: 'default', schema: { type: 'integer', default: 7 }, expected: 7 },
    { name: 'nullable type list', schema: { type: ['null', 'integer'] }, expected: 1 },
    { name: 'date format', schema: { type: 'string', format: 'date' }, expected: '2025-01-01' },
    { name: 'minLength pads', schema: { type: 'string', minLength: 10 }, expected: 'example...' },
    { name: 'maxLength cuts', schema: { type: 'string', maxLength: 3 }, expected: 'exa' },
    {
      name: 'array uses minItems',
      schema: { type: 'array', items: { type: 'integer' }, minItems: 2 },
      expected: [1, 1],
    },
    {
      name: 'tuple',
      schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }] },
      expected: ['example', false],
    },
  ])('$name', ({ schema, expected }) => {
    expect(sampleFromSchema(schema)).toEqual(expected);
  });

  it('fills required properties, and optional ones only when asked', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        count: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['title'],
    };
    expect(sampleFromSchema(schema)).toEqual({ title: 'example title' });
    expect(sampleFromSchema(schema, { includeOptional: true })).toEqual({
      title: 'example title',
      count: 1,
      tags: ['example tags'],
    });
  });

  it('resolves $ref, anyOf and allOf', () => {
    const schema = {
      type: 'object',
      properties: {
        person: { $ref: '#/$defs/person' },
        score: { anyOf: [{ type: 'null' }, { type: 'number', minimum: 2 }] },
        merged: {
          allOf: [
            { properties: { a: { type: 'string' } }, required: ['a'] },
            { properties: { b: { type: 'integer' } }, required: ['b'] },
          ],
        },
      },
      required: ['person', 'score', 'merged'],
      $defs: {
        person: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      },
    };
    expect(sampleFromSchema(schema)).toEqual({
      person: { name: 'example name' },
      score: 2,
      merged: { a: 'example a', b: 1 },
    });
  });

  it('stops at recursive schemas', () => {
    const schema = { type: 'object', properties: { child: { $ref: '#' } }, required: ['child'] };
    const value = JSON.stringify(sampleFromSchema(schema));
    expect(value.startsWith('{"child":{"child":')).toBe(true);
    expect(value.endsWith('}')).toBe(true);
  });

  it('takes values from the prompt where they fit', () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { type: 'integer' },
        verbose: { type: 'boolean' },
      },
      required: ['city', 'days'],
    };
    expect(
      sampleFromSchema(schema, {
        hintText: 'Weather in San Francisco for 3 days in fahrenheit please',
      }),
    ).toEqual({
      city: 'San Francisco',
      days: 3,
      unit: 'fahrenheit',
    });
    expect(sampleFromSchema(schema, { hintText: 'city: Paris, days = 5, verbose: yes' })).toEqual({
      city: 'Paris',
      days: 5,
      verbose: true,
    });
  });

  it('hands prompt numbers out in order', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    };
    expect(sampleFromSchema(schema, { hintText: 'Add 3 and 4.5' })).toEqual({ a: 3, b: 4.5 });
  });
});

describe('findJsonSchemaInText', () => {
  it('finds the first object that looks like a schema', () => {
    const text =
      'Example {"not": "a schema"} then JSON schema:\n{"type":"object","properties":{"x":{"type":"string","pattern":"^{"}}}\nDone.';
    expect(findJsonSchemaInText(text)).toEqual({
      type: 'object',
      properties: { x: { type: 'string', pattern: '^{' } },
    });
  });

  it('returns undefined without a schema', () => {
    expect(findJsonSchemaInText('Reply in JSON {broken')).toBeUndefined();
  });
});
