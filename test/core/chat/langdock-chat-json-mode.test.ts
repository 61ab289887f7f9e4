import { describe, expect, it } from 'vitest';
import {
  applyLangdockJsonMode,
  buildJsonInstruction,
} from '../../../src/core/chat/langdock-chat-json-mode';
import type { LangdockMessage } from '../../../src/core/chat/langdock-chat-api-types';

const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
const user: LangdockMessage = { role: 'user', content: 'Invent a person.' };

describe('applyLangdockJsonMode', () => {
  it('sends json_object and puts the schema in a new system message', () => {
    const result = applyLangdockJsonMode([user], {
      schema,
      structuredOutputs: false,
      systemRole: 'system',
    });
    expect(result.responseFormat).toEqual({ type: 'json_object' });
    expect(result.messages).toEqual([
      { role: 'system', content: buildJsonInstruction({ schema }) },
      user,
    ]);
    expect(result.messages[0]!.content).toContain(JSON.stringify(schema));
    expect(result.messages[0]!.content).toMatch(/JSON/);
  });

  it('appends the instruction to an existing system or developer message', () => {
    for (const role of ['system', 'developer'] as const) {
      const result = applyLangdockJsonMode([{ role, content: 'You are terse.' }, user], {
        schema,
        structuredOutputs: false,
        systemRole: 'system',
      });
      expect(result.messages).toEqual([
        { role, content: `You are terse.\n\n${buildJsonInstruction({ schema })}` },
        user,
      ]);
    }
  });

  it('keeps the name of the system message it appends the instruction to', () => {
    const result = applyLangdockJsonMode(
      [{ role: 'system', content: 'You are terse.', name: 'house_rules' }, user],
      { schema, structuredOutputs: false, systemRole: 'system' },
    );
    expect(result.messages[0]).toEqual({
      role: 'system',
      content: `You are terse.\n\n${buildJsonInstruction({ schema })}`,
      name: 'house_rules',
    });
  });

  it('uses the developer role for a new message in developer mode', () => {
    const result = applyLangdockJsonMode([user], {
      structuredOutputs: false,
      systemRole: 'developer',
    });
    expect(result.messages[0]).toEqual({ role: 'developer', content: buildJsonInstruction({}) });
  });

  it('asks for JSON even without a schema, so the backend accepts json_object', () => {
    const instruction = buildJsonInstruction({});
    expect(instruction).toBe(
      'Answer with a single JSON object and nothing else: no prose, no Markdown code fences.',
    );
    expect(
      applyLangdockJsonMode([user], { structuredOutputs: false, systemRole: 'system' }).messages[0]!
        .content,
    ).toBe(instruction);
  });

  it('names and describes the object when given', () => {
    expect(buildJsonInstruction({ name: 'person', description: 'a fictional person' })).toContain(
      'The object is: person (a fictional person).',
    );
    expect(buildJsonInstruction({ description: 'a fictional person' })).toContain(
      'The object is: a fictional person.',
    );
  });

  it('sends json_schema with structured outputs and keeps the JSON instruction (#20)', () => {
    const result = applyLangdockJsonMode([user], {
      schema,
      name: 'person',
      description: 'd',
      structuredOutputs: true,
      systemRole: 'system',
    });
    expect(result).toEqual({
      messages: [
        {
          role: 'system',
          content: buildJsonInstruction({ schema, name: 'person', description: 'd' }),
        },
        user,
      ],
      responseFormat: {
        type: 'json_schema',
        json_schema: { name: 'person', description: 'd', schema, strict: true },
      },
    });
  });

  it.each([true, false])('sends strict: %s when the call says so', (strict) => {
    const result = applyLangdockJsonMode([user], {
      schema,
      structuredOutputs: true,
      strict,
      systemRole: 'system',
    });
    expect(result.responseFormat).toEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema, strict },
    });
  });

  it('falls back to json_object with structured outputs but no schema', () => {
    const result = applyLangdockJsonMode([user], { structuredOutputs: true, systemRole: 'system' });
    expect(result.responseFormat).toEqual({ type: 'json_object' });
    expect(result.messages).toHaveLength(2);
  });

  it('names a json_schema "response" when the call names none', () => {
    const result = applyLangdockJsonMode([user], {
      schema,
      structuredOutputs: true,
      systemRole: 'system',
    });
    expect(result.responseFormat).toEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema, strict: true },
    });
  });
});
