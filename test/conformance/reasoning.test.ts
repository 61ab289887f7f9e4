// Conformance: reasoning. V4's `reasoning` call option, and `providerOptions.langdock` (`reasoningEffort` on chat
// completions, `thinking` on Claude), reach the wire as each route takes them, with no warning. Claude's thinking
// comes back as reasoning with its signature in provider metadata, and goes back, signed, on the next turn.
import { generateText, stepCountIs, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type {
  JSONSchema7,
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
} from '@ai-sdk/provider-v4';
import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockEmulator } from '../../emulator/index';
import {
  answerOfContent,
  answerOfParts,
  assistantTurn,
  calls,
  CLAUDE,
  CLAUDE_BUDGET,
  cellsOf,
  GPT,
  readParts,
  replayPlainly,
  rootProvider,
  routePath,
  specModel,
  useEmulators,
  type Cell,
  type SpecAnswer,
} from './conformance-cells';

const emulators = useEmulators();
const PROMPT = 'Is 7919 a prime number?';
const FOLLOW_UP = 'And 7921?';
const answerTo = (text: string) =>
  `You said: "${text}". This is a deterministic reply from the Langdock emulator.`;

/** How each model is asked to reason through provider options (root and /v3; /v4 has `reasoning` too). */
function reasoningProviderOptions(cell: Cell): Record<string, Record<string, JSONValue>> {
  if (cell.model === GPT) return { langdock: { reasoningEffort: 'high' } };
  if (cell.model === CLAUDE)
    return { langdock: { thinking: { type: 'adaptive', effort: 'high' } } };
  return { langdock: { thinking: { type: 'enabled', budgetTokens: 2048 } } };
}

/** V4's own setting; on the budget family `low` is 2,048 tokens of thinking, the same as the provider option. */
const v4Reasoning = (cell: Cell) => (cell.model === CLAUDE_BUDGET ? 'low' : 'high');

/** What the body says about reasoning: reasoning_effort on chat completions, thinking (+ effort) on Messages. */
function expectReasoningSent(cell: Cell, body: Record<string, unknown>) {
  if (cell.model === GPT) {
    expect(body.reasoning_effort).toBe('high');
    expect(body.max_tokens).toBeUndefined();
    return;
  }
  if (cell.model === CLAUDE) {
    expect(body.thinking).toEqual({ type: 'adaptive' });
    expect(body.output_config).toEqual({ effort: 'high' });
    expect(body.max_tokens).toBe(16000);
    return;
  }
  // Budget thinking counts against max_tokens: the budget comes on top of the answer's 16,000.
  expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
  expect(body.output_config).toBeUndefined();
  expect(body.max_tokens).toBe(16000 + 2048);
}

/** Claude's thinking as a plain reading of the answer gives it, each with its signature in provider metadata. */
async function expectSignedReasoning(
  cell: Cell,
  emulator: LangdockEmulator,
  reasoning: Array<{ text: string; providerMetadata?: unknown }>,
) {
  if (cell.model.route === 'chat') {
    expect(reasoning).toEqual([]);
    return;
  }
  const plain = await replayPlainly(emulator, emulator.requests.at(-1)!);
  expect(plain.thinking).toHaveLength(1);
  expect(plain.thinking[0]!.thinking.length).toBeGreaterThan(0);
  expect(reasoning).toEqual([
    {
      text: plain.thinking[0]!.thinking,
      providerMetadata: { langdock: { signature: plain.thinking[0]!.signature } },
    },
  ]);
}

/** The second turn sends the first turn's thinking back first, signed, then the text (Messages only). */
function expectThinkingReplayed(
  cell: Cell,
  body: Record<string, unknown>,
  thinking: { text: string; signature: unknown } | undefined,
) {
  const messages = body.messages as Array<{ role: string; content: unknown }>;
  if (cell.model.route === 'chat') {
    expect(messages).toEqual([
      { role: 'user', content: PROMPT },
      { role: 'assistant', content: answerTo(PROMPT) },
      { role: 'user', content: FOLLOW_UP },
    ]);
    return;
  }
  expect(messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: PROMPT }] },
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: thinking!.text, signature: thinking!.signature },
        { type: 'text', text: answerTo(PROMPT) },
      ],
    },
    { role: 'user', content: [{ type: 'text', text: FOLLOW_UP }] },
  ]);
}

describe.each(cellsOf([GPT, CLAUDE, CLAUDE_BUDGET]))('reasoning: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);

  if (cell.entry === 'root') {
    it('generateText (ai@5) with provider options; the next turn replays the signed thinking', async () => {
      const model = rootProvider(cell.mode, emulator())(cell.model.id);
      const providerOptions = reasoningProviderOptions(cell);
      const first = await generateText({ model, prompt: PROMPT, providerOptions });
      expect(first.text).toBe(answerTo(PROMPT));
      expect(first.warnings).toEqual([]);
      expectReasoningSent(cell, emulator().requests[0]!.body as Record<string, unknown>);
      await expectSignedReasoning(
        cell,
        emulator(),
        first.reasoning.map(({ text, providerMetadata }) => ({ text, providerMetadata })),
      );
      const second = await generateText({
        model,
        messages: [
          { role: 'user', content: PROMPT },
          ...first.response.messages,
          { role: 'user', content: FOLLOW_UP },
        ],
        providerOptions,
      });
      expect(second.text).toBe(answerTo(FOLLOW_UP));
      expect(second.warnings).toEqual([]);
      // Requests: the first turn, its plain replay, the second turn.
      expect(calls(emulator())).toEqual(
        Array.from(
          { length: cell.model.route === 'chat' ? 2 : 3 },
          () => `POST ${routePath(cell)}`,
        ),
      );
      const body = emulator().requests.at(-1)!.body as Record<string, unknown>;
      expectReasoningSent(cell, body);
      const [thinking] = first.reasoning;
      expectThinkingReplayed(
        cell,
        body,
        thinking && {
          text: thinking.text,
          signature: thinking.providerMetadata?.langdock?.signature,
        },
      );
    });

    if (cell.model.route === 'messages') {
      it('a tool loop while thinking (ai@5): the tool_use turn goes back starting with its signed thinking', async () => {
        const result = await generateText({
          model: rootProvider(cell.mode, emulator())(cell.model.id),
          prompt: 'What is the weather in Berlin?',
          tools: {
            weather: tool({
              description: 'Current weather in a city',
              inputSchema: z.object({ city: z.string() }),
              execute: async ({ city }) => ({ city, celsius: 21 }),
            }),
          },
          stopWhen: stepCountIs(3),
          providerOptions: reasoningProviderOptions(cell),
        });
        expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
        expect(result.text).toBe(
          'Based on the tool results: weather returned {"city":"Berlin","celsius":21}.',
        );
        const thinking = result.steps[0]!.content.find((part) => part.type === 'reasoning');
        const signature = thinking?.providerMetadata?.langdock?.signature;
        expect(typeof signature).toBe('string');
        const messages = (emulator().requests[1]!.body as { messages: unknown[] }).messages;
        expect(messages[1]).toEqual({
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: thinking!.text, signature },
            { type: 'text', text: 'I will call weather.' },
            {
              type: 'tool_use',
              id: result.steps[0]!.toolCalls[0]!.toolCallId,
              name: 'weather',
              input: { city: 'Berlin' },
            },
          ],
        });
        expect(result.steps.flatMap((step) => step.warnings ?? [])).toEqual([]);
      });
    }
    return;
  }

  const ways: Array<[string, Partial<LanguageModelV4CallOptions>]> = [
    ['providerOptions.langdock', { providerOptions: reasoningProviderOptions(cell) }],
  ];
  if (cell.entry === 'v4')
    ways.push([`reasoning: '${v4Reasoning(cell)}'`, { reasoning: v4Reasoning(cell) }]);

  for (const [how, setting] of ways) {
    for (const call of ['doGenerate', 'doStream'] as const) {
      it(`${call} with ${how}; the next turn replays the signed thinking`, async () => {
        const model = specModel(cell, emulator());
        const prompt: LanguageModelV4Prompt = [
          { role: 'user', content: [{ type: 'text', text: PROMPT }] },
        ];
        const run = async (options: LanguageModelV4CallOptions) => {
          if (call === 'doStream')
            return answerAndContent(
              answerOfParts(await readParts((await model.doStream(options)).stream)),
            );
          const result = await model.doGenerate(options);
          return { answer: answerOfContent(result), content: result.content };
        };
        const first = await run({ prompt, ...setting });
        expect(first.answer.text).toBe(answerTo(PROMPT));
        expect(first.answer.finishReason.unified).toBe('stop');
        expect(first.answer.warnings).toEqual([]);
        expectReasoningSent(cell, emulator().requests[0]!.body as Record<string, unknown>);
        await expectSignedReasoning(cell, emulator(), first.answer.reasoning);
        const replayed = first.content;
        prompt.push(assistantTurn(replayed), {
          role: 'user',
          content: [{ type: 'text', text: FOLLOW_UP }],
        });
        const second = await run({ prompt, ...setting });
        expect(second.answer.text).toBe(answerTo(FOLLOW_UP));
        expect(second.answer.warnings).toEqual([]);
        const body = emulator().requests.at(-1)!.body as Record<string, unknown>;
        expectReasoningSent(cell, body);
        const thinking = assistantTurn(replayed).content as Array<{
          type: string;
          text?: string;
          providerOptions?: { langdock?: { signature?: unknown } };
        }>;
        const reasoningPart = thinking.find((part) => part.type === 'reasoning');
        expectThinkingReplayed(
          cell,
          body,
          reasoningPart && {
            text: reasoningPart.text!,
            signature: reasoningPart.providerOptions?.langdock?.signature,
          },
        );
      });
    }
  }

  if (cell.model.route === 'messages' && cell.entry === 'v4') {
    it('doStream: a tool call while thinking, replayed with its signed thinking first', async () => {
      const model = specModel(cell, emulator());
      const tools = [
        {
          type: 'function' as const,
          name: 'weather',
          description: 'Current weather in a city',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } } } as JSONSchema7,
        },
      ];
      const prompt: LanguageModelV4Prompt = [
        { role: 'user', content: [{ type: 'text', text: 'What is the weather in Berlin?' }] },
      ];
      const parts = await readParts(
        (await model.doStream({ prompt, tools, reasoning: v4Reasoning(cell) })).stream,
      );
      const answer = answerOfParts(parts);
      expect(answer.finishReason.unified).toBe('tool-calls');
      expect(answer.reasoning).toHaveLength(1);
      const signature = answer.reasoning[0]!.providerMetadata?.langdock?.signature;
      expect(typeof signature).toBe('string');
      const [toolCall] = answer.toolCalls;
      prompt.push(
        {
          role: 'assistant',
          content: [
            {
              type: 'reasoning',
              text: answer.reasoning[0]!.text,
              providerOptions: answer.reasoning[0]!.providerMetadata!,
            },
            { type: 'text', text: answer.text },
            {
              type: 'tool-call',
              toolCallId: toolCall!.toolCallId,
              toolName: 'weather',
              input: toolCall!.input,
            },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: toolCall!.toolCallId,
              toolName: 'weather',
              output: { type: 'json', value: { celsius: 21 } },
            },
          ],
        },
      );
      const second = answerOfParts(
        await readParts(
          (await model.doStream({ prompt, tools, reasoning: v4Reasoning(cell) })).stream,
        ),
      );
      expect(second.text).toBe('Based on the tool results: weather returned {"celsius":21}.');
      expect(second.warnings).toEqual([]);
      const messages = (emulator().requests[1]!.body as { messages: Array<{ content: unknown[] }> })
        .messages;
      expect(messages[1]!.content[0]).toEqual({
        type: 'thinking',
        thinking: answer.reasoning[0]!.text,
        signature,
      });
    });
  }
});

/** A streamed answer, with the content ai would keep of it for the next turn (text and reasoning, in order). */
function answerAndContent(answer: SpecAnswer) {
  return {
    answer,
    content: [
      ...answer.reasoning.map((block) => ({
        type: 'reasoning' as const,
        text: block.text,
        ...(block.providerMetadata !== undefined && { providerMetadata: block.providerMetadata }),
      })),
      { type: 'text' as const, text: answer.text },
    ],
  };
}
