import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLangdock } from '../../src/v2/index';

const apiKey = process.env.LANGDOCK_API_KEY;
const modelId = process.env.LANGDOCK_MODEL ?? 'gpt-4.1';

if (!apiKey) {
  console.warn(
    'test:live skipped: set LANGDOCK_API_KEY (and optionally LANGDOCK_REGION, LANGDOCK_MODEL) to run it against Langdock.',
  );
}

describe.skipIf(!apiKey)(
  `live Langdock (${process.env.LANGDOCK_REGION ?? 'eu'}, ${modelId})`,
  () => {
    const langdock = createLangdock();

    it('streams text', async () => {
      const result = streamText({
        model: langdock(modelId),
        prompt: 'Reply with the single word: pong',
      });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text.toLowerCase()).toContain('pong');
      expect(await result.finishReason).toBe('stop');
    });

    it('generates text', async () => {
      const { text } = await generateText({
        model: langdock(modelId),
        prompt: 'What is 2 + 3? Answer with the number only.',
      });
      expect(text).toContain('5');
    });

    it('runs a tool loop', async () => {
      const result = await generateText({
        model: langdock(modelId),
        prompt: 'What is the weather in Berlin? Use the weather tool, then answer.',
        tools: {
          weather: tool({
            description: 'Get the current weather in a city',
            inputSchema: z.object({ city: z.string() }),
            execute: async ({ city }) => ({ city, celsius: 21 }),
          }),
        },
        stopWhen: stepCountIs(3),
      });
      expect(result.steps[0]!.toolCalls[0]).toMatchObject({
        toolName: 'weather',
        input: { city: expect.stringMatching(/berlin/i) },
      });
      expect(result.text).toMatch(/21/);
    });

    it('generates an object in JSON mode', async () => {
      const schema = z.object({ name: z.string(), age: z.number() });
      const { object } = await generateObject({
        model: langdock(modelId),
        schema,
        prompt: 'Invent a person.',
      });
      expect(schema.safeParse(object).success).toBe(true);
    });

    it('explains a wrong key', async () => {
      const wrong = createLangdock({ apiKey: 'ld-not-a-real-key-123' });
      await expect(generateText({ model: wrong(modelId), prompt: 'Hi' })).rejects.toThrow(
        /Langdock API error 401/,
      );
    });
  },
);
