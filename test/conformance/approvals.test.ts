// Conformance: tool approvals (V3 and V4; ai@5 has none). A denied call comes back as a `tool-approval-response`
// and an `execution-denied` result: the approval response is the SDK's own and is not sent, the denial goes to the
// model as the call's answer in the route's format (an error result on Messages), and nothing warns.
import { describe, expect, it } from 'vitest';
import type { JSONSchema7, LanguageModelV4Prompt } from '@ai-sdk/provider-v4';
import {
  answerOfContent,
  answerOfParts,
  assistantTurn,
  calls,
  cellsOf,
  CLAUDE,
  GPT,
  readParts,
  routePath,
  specModel,
  useEmulators,
} from './conformance-cells';

const emulators = useEmulators();
const PROMPT = 'Remove the file /tmp/report.txt with removeFile.';
const DENIAL = 'The tool was not run: the user denied it (not now).';
const tools = [
  {
    type: 'function' as const,
    name: 'removeFile',
    description: 'Remove a file',
    inputSchema: {
      type: 'object',
      properties: { path: { type: 'string' } },
      required: ['path'],
    } as JSONSchema7,
  },
];

describe.each(cellsOf([GPT, CLAUDE], ['v3', 'v4']))('approvals: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);

  for (const call of ['doGenerate', 'doStream'] as const) {
    it(`${call}: a denied call is answered with its denial, in the route's format`, async () => {
      const model = specModel(cell, emulator());
      const prompt: LanguageModelV4Prompt = [
        { role: 'user', content: [{ type: 'text', text: PROMPT }] },
      ];
      const first = await model.doGenerate({ prompt, tools });
      const toolCall = first.content.find((part) => part.type === 'tool-call');
      expect(toolCall).toMatchObject({ toolName: 'removeFile' });
      const { toolCallId } = toolCall as { toolCallId: string };
      prompt.push(assistantTurn(first.content), {
        role: 'tool',
        content: [
          {
            type: 'tool-approval-response',
            approvalId: 'approval-1',
            approved: false,
            reason: 'not now',
          },
          {
            type: 'tool-result',
            toolCallId,
            toolName: 'removeFile',
            output: { type: 'execution-denied', reason: 'not now' },
          },
        ],
      });
      const answer =
        call === 'doGenerate'
          ? answerOfContent(await model.doGenerate({ prompt, tools }))
          : answerOfParts(await readParts((await model.doStream({ prompt, tools })).stream));
      expect(answer.text).toBe(
        cell.model.route === 'chat'
          ? `Based on the tool results: removeFile returned ${DENIAL}.`
          : `Based on the tool results: removeFile failed with ${DENIAL}.`,
      );
      expect(answer.toolCalls).toEqual([]);
      expect(answer.warnings).toEqual([]);
      expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`, `POST ${routePath(cell)}`]);
      const messages = (emulator().requests[1]!.body as { messages: unknown[] }).messages;
      expect(messages.at(-1)).toEqual(
        cell.model.route === 'chat'
          ? { role: 'tool', tool_call_id: toolCallId, content: DENIAL }
          : {
              role: 'user',
              content: [
                { type: 'tool_result', tool_use_id: toolCallId, content: DENIAL, is_error: true },
              ],
            },
      );
    });
  }
});
