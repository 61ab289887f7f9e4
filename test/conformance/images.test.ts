// Conformance: a PNG file part reaches the model inline (a data URL on chat completions, a base64 `image` block on
// Messages), and the model's answer counts it.
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import type { LanguageModelV4Prompt } from '@ai-sdk/provider-v4';
import {
  answerOfContent,
  answerOfParts,
  calls,
  cellsOf,
  PNG_BASE64,
  PNG_BYTES,
  readParts,
  rootProvider,
  routePath,
  specModel,
  useEmulators,
  type Cell,
} from './conformance-cells';

const emulators = useEmulators();
const QUESTION = 'What is in this picture?';
const ANSWER = `You said: "${QUESTION}" (with 1 attachment). This is a deterministic reply from the Langdock emulator.`;

function expectedUserMessage(cell: Cell) {
  if (cell.model.route === 'chat')
    return {
      role: 'user',
      content: [
        { type: 'text', text: QUESTION },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      ],
    };
  return {
    role: 'user',
    content: [
      { type: 'text', text: QUESTION },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
    ],
  };
}

describe.each(cellsOf())('images: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);

  if (cell.entry === 'root') {
    for (const part of ['file', 'image'] as const) {
      it(`generateText (ai@5) with a PNG ${part} part`, async () => {
        const result = await generateText({
          model: rootProvider(cell.mode, emulator())(cell.model.id),
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: QUESTION },
                part === 'file'
                  ? { type: 'file', data: PNG_BYTES, mediaType: 'image/png' }
                  : { type: 'image', image: PNG_BYTES },
              ],
            },
          ],
        });
        expect(result.text).toBe(ANSWER);
        expect(result.warnings).toEqual([]);
        expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`]);
        expect((emulator().requests[0]!.body as { messages: unknown }).messages).toEqual([
          expectedUserMessage(cell),
        ]);
      });
    }
    return;
  }

  for (const call of ['doGenerate', 'doStream'] as const) {
    it(`${call} with a PNG file part (bytes)`, async () => {
      const model = specModel(cell, emulator());
      const prompt: LanguageModelV4Prompt = [
        {
          role: 'user',
          content: [
            { type: 'text', text: QUESTION },
            { type: 'file', data: { type: 'data', data: PNG_BYTES }, mediaType: 'image/png' },
          ],
        },
      ];
      const answer =
        call === 'doGenerate'
          ? answerOfContent(await model.doGenerate({ prompt }))
          : answerOfParts(await readParts((await model.doStream({ prompt })).stream));
      expect(answer.text).toBe(ANSWER);
      expect(answer.finishReason.unified).toBe('stop');
      expect(answer.warnings).toEqual([]);
      expect(calls(emulator())).toEqual([`POST ${routePath(cell)}`]);
      expect((emulator().requests[0]!.body as { messages: unknown }).messages).toEqual([
        expectedUserMessage(cell),
      ]);
    });
  }
});
