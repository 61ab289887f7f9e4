// Conformance: JSON mode. `responseFormat: {type: 'json', schema}` gives text that parses and matches the schema.
// Chat completions send `response_format: json_object` with the schema in a system message; Messages has no JSON
// mode, so the schema becomes a tool the model is made to call, whose input is the answer (works on Bedrock/Vertex).
import { generateObject } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JSONSchema7 } from '@ai-sdk/provider-v4';
import type { RecordedRequest } from '../../emulator/index';
import {
  answerOfContent,
  answerOfParts,
  calls,
  cellsOf,
  readParts,
  rootProvider,
  routePath,
  specModel,
  useEmulators,
  type Cell,
} from './conformance-cells';

const emulators = useEmulators();
const PROMPT = 'Report the weather in Berlin.';
const Weather = z.object({ city: z.string(), celsius: z.number() }).strict();
const SCHEMA: JSONSchema7 = {
  type: 'object',
  properties: { city: { type: 'string' }, celsius: { type: 'number' } },
  required: ['city', 'celsius'],
  additionalProperties: false,
};

/** The body of a JSON-mode call: where the schema went, and how the answer was asked for. */
function expectJsonModeBody(cell: Cell, request: RecordedRequest) {
  const body = request.body as Record<string, unknown>;
  if (cell.model.route === 'chat') {
    expect(body.response_format).toEqual({ type: 'json_object' });
    const [system, user] = body.messages as Array<{ role: string; content: string }>;
    expect(system!.role).toBe('system');
    expect(system!.content).toMatch(/JSON/);
    expect(system!.content).toContain('"city":{"type":"string"}');
    expect(system!.content).toContain('"celsius":{"type":"number"}');
    expect(user).toEqual({ role: 'user', content: PROMPT });
    expect(body.tools).toBeUndefined();
    return;
  }
  expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: PROMPT }] }]);
  expect(body.tools).toEqual([
    {
      name: 'json',
      description: expect.stringMatching(/JSON/),
      input_schema: expect.objectContaining({
        type: 'object',
        properties: { city: { type: 'string' }, celsius: { type: 'number' } },
        required: ['city', 'celsius'],
      }),
    },
  ]);
  expect(body.tool_choice).toEqual({ type: 'tool', name: 'json', disable_parallel_tool_use: true });
  expect(body.max_tokens).toBe(16000);
  expect(body.system).toBeUndefined();
  expect(body.response_format).toBeUndefined();
}

describe.each(cellsOf())('JSON: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);

  if (cell.entry === 'root') {
    it('generateObject (ai@5) parses an object of the schema', async () => {
      const result = await generateObject({
        model: rootProvider(cell.mode, emulator())(cell.model.id),
        schema: Weather,
        prompt: PROMPT,
      });
      expect(Weather.parse(result.object)).toEqual(result.object);
      expect(result.object.city).toBe('Berlin');
      expect(result.finishReason).toBe('stop');
      expect(result.warnings).toEqual([]);
      expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`]);
      expectJsonModeBody(cell, emulator().requests[0]!);
    });
    return;
  }

  for (const call of ['doGenerate', 'doStream'] as const) {
    it(`${call}: the text is JSON of the schema, and no tool call shows`, async () => {
      const model = specModel(cell, emulator());
      const options = {
        prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: PROMPT }] }],
        responseFormat: { type: 'json' as const, schema: SCHEMA, name: 'weather' },
      };
      const answer =
        call === 'doGenerate'
          ? answerOfContent(await model.doGenerate(options))
          : answerOfParts(await readParts((await model.doStream(options)).stream));
      const parsed = Weather.parse(JSON.parse(answer.text));
      expect(parsed.city).toBe('Berlin');
      expect(answer.toolCalls).toEqual([]);
      expect(answer.finishReason.unified).toBe('stop');
      expect(answer.warnings).toEqual([]);
      expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`]);
      expectJsonModeBody(cell, emulator().requests[0]!);
    });
  }
});
