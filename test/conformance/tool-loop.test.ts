// Conformance: the tool loop. The model calls a tool, the tool's result goes back in the route's format (a `tool`
// message on chat completions, a `tool_result` block in a user turn on Messages), and the model answers from it.
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JSONSchema7, LanguageModelV4Prompt } from '@ai-sdk/provider-v4';
import type { RecordedRequest } from '../../emulator/index';
import {
  answerOfContent,
  assistantTurn,
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
const PROMPT = 'What is the weather in Berlin?';
const RESULT = { city: 'Berlin', celsius: 21 };
const ANSWER = `Based on the tool results: weather returned ${JSON.stringify(RESULT)}.`;
const WEATHER_SCHEMA: JSONSchema7 = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
};

const weatherTool = () =>
  tool({
    description: 'Current weather in a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => ({ city, celsius: 21 }),
  });

/** The tool call ids each route's emulator gives (`call_…` on chat completions, `toolu_01…` on Messages). */
const TOOL_CALL_ID: Record<Cell['model']['route'], RegExp> = {
  chat: /^call_\w+$/,
  messages: /^toolu_01\w+$/,
};

/** The second request's conversation: the call as the model made it, then its result, in the route's format. */
function expectResultSentBack(cell: Cell, request: RecordedRequest, toolCallId: string) {
  const body = request.body as Record<string, unknown>;
  const result = JSON.stringify(RESULT);
  if (cell.model.route === 'chat') {
    expect(body.messages).toEqual([
      { role: 'user', content: PROMPT },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: toolCallId,
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Berlin"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: toolCallId, content: result },
    ]);
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'Current weather in a city',
          parameters: expect.objectContaining({
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          }),
        },
      },
    ]);
    return;
  }
  expect(body.messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: PROMPT }] },
    {
      role: 'assistant',
      content: [
        // Claude says what it does before an unforced call; the text goes back with the call.
        { type: 'text', text: 'I will call weather.' },
        { type: 'tool_use', id: toolCallId, name: 'weather', input: { city: 'Berlin' } },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolCallId, content: result }] },
  ]);
  expect(body.tools).toEqual([
    {
      name: 'weather',
      description: 'Current weather in a city',
      input_schema: expect.objectContaining({
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      }),
    },
  ]);
  expect(body.max_tokens).toBe(16000);
}

describe.each(cellsOf())('tool loop: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);

  if (cell.entry === 'root') {
    for (const run of ['generateText', 'streamText'] as const) {
      it(`${run} (ai@5) with stopWhen: a call, its result sent back, the answer`, async () => {
        const options = {
          model: rootProvider(cell.mode, emulator())(cell.model.id),
          prompt: PROMPT,
          tools: { weather: weatherTool() },
          stopWhen: stepCountIs(3),
        };
        const result = run === 'generateText' ? await generateText(options) : streamText(options);
        expect(await result.text).toBe(ANSWER);
        const steps = await result.steps;
        expect(steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
        const [call] = steps[0]!.toolCalls;
        expect(call).toMatchObject({ toolName: 'weather', input: { city: 'Berlin' } });
        expect(call!.toolCallId).toMatch(TOOL_CALL_ID[cell.model.route]);
        expect(steps[0]!.toolResults).toMatchObject([
          { toolCallId: call!.toolCallId, output: RESULT },
        ]);
        expect(steps.flatMap((step) => step.warnings ?? [])).toEqual([]);
        expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`, `POST ${routePath(cell)}`]);
        expectResultSentBack(cell, emulator().requests[1]!, call!.toolCallId);
      });
    }
    return;
  }

  for (const answerBy of ['doGenerate', 'doStream'] as const) {
    it(`doGenerate calls the tool; its result sent back, ${answerBy} answers`, async () => {
      const model = specModel(cell, emulator());
      const tools = [
        {
          type: 'function' as const,
          name: 'weather',
          description: 'Current weather in a city',
          inputSchema: WEATHER_SCHEMA,
        },
      ];
      const prompt: LanguageModelV4Prompt = [
        { role: 'user', content: [{ type: 'text', text: PROMPT }] },
      ];
      const first = await model.doGenerate({ prompt, tools, toolChoice: { type: 'auto' } });
      const called = answerOfContent(first);
      expect(called.finishReason.unified).toBe('tool-calls');
      expect(called.finishReason.raw).toBe(cell.model.route === 'chat' ? 'tool_calls' : 'tool_use');
      expect(called.toolCalls).toEqual([
        {
          toolCallId: expect.stringMatching(TOOL_CALL_ID[cell.model.route]),
          toolName: 'weather',
          input: { city: 'Berlin' },
        },
      ]);
      expect(called.warnings).toEqual([]);
      const { toolCallId } = called.toolCalls[0]!;
      // The assistant turn as ai builds it from the content: text as text, the call with its parsed input.
      prompt.push(assistantTurn(first.content), {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId,
            toolName: 'weather',
            output: { type: 'json', value: RESULT },
          },
        ],
      });
      const answer =
        answerBy === 'doGenerate'
          ? answerOfContent(await model.doGenerate({ prompt, tools, toolChoice: { type: 'auto' } }))
          : answerOfParts(
              await readParts(
                (await model.doStream({ prompt, tools, toolChoice: { type: 'auto' } })).stream,
              ),
            );
      expect(answer.text).toBe(ANSWER);
      expect(answer.finishReason.unified).toBe('stop');
      expect(answer.toolCalls).toEqual([]);
      expect(answer.warnings).toEqual([]);
      expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`, `POST ${routePath(cell)}`]);
      expectResultSentBack(cell, emulator().requests[1]!, toolCallId);
      expect((emulator().requests[1]!.body as { tool_choice?: unknown }).tool_choice).toEqual(
        cell.model.route === 'chat' ? 'auto' : { type: 'auto' },
      );
    });
  }
});
