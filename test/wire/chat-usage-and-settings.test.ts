// Issue #20, what a peer's suite and a new user found, end to end against the emulator: prediction counts in
// provider metadata, non-negative text tokens, verbosity kept off models that refuse it, and json_schema with
// strict (and the JSON instruction that still saves a backend that only knows JSON mode).
import { generateObject, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLangdock as createV3 } from '../../src/v3/index';
import { createLangdock as createV4 } from '../../src/v4/index';
import { echo, emulatorPerTest, langdockOn, requestsTo, WIRE_KEY } from './wire-emulator';

const emulators = emulatorPerTest();
const tokens = (text: string) => Math.ceil(text.length / 4);
const bodies = (emulator: Parameters<typeof requestsTo>[0]) =>
  requestsTo(emulator, '/chat/completions').map(
    (request) => request.body as Record<string, unknown>,
  );

describe('prediction', () => {
  const predicted = 'You said: "Hi". Something else entirely.';
  const accepted = tokens('You said: "Hi". ');
  const rejected = tokens(predicted) - accepted;

  it('accepted and rejected prediction tokens in providerMetadata.langdock, from generateText', async () => {
    const emulator = await emulators.start();
    const result = await generateText({
      model: langdockOn(emulator)('gpt-4.1'),
      prompt: 'Hi',
      providerOptions: { langdock: { prediction: { type: 'content', content: predicted } } },
    });
    expect(bodies(emulator)[0]?.prediction).toEqual({ type: 'content', content: predicted });
    expect(result.providerMetadata?.langdock).toMatchObject({
      acceptedPredictionTokens: accepted,
      rejectedPredictionTokens: rejected,
    });
    // Rejected prediction tokens are billed as output.
    expect(result.usage.outputTokens).toBe(tokens(echo('Hi')) + rejected);
  });

  it('and from a stream that ends with a usage chunk', async () => {
    const emulator = await emulators.start({ streamUsage: true });
    const stream = streamText({
      model: langdockOn(emulator)('gpt-4.1'),
      prompt: 'Hi',
      providerOptions: { langdock: { prediction: { type: 'content', content: predicted } } },
    });
    await stream.consumeStream();
    expect((await stream.providerMetadata)?.langdock).toMatchObject({
      acceptedPredictionTokens: accepted,
      rejectedPredictionTokens: rejected,
    });
  });
});

describe('reasoning tokens larger than completion tokens', () => {
  const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];
  const output = tokens(echo('Hi'));

  it('/v4 doGenerate: outputTokens.text is clamped at 0, reasoning as reported', async () => {
    const emulator = await emulators.start({ reasoningTokensExceedCompletion: true });
    const model = createV4({ apiKey: WIRE_KEY, baseURL: emulator.baseURL })('gpt-4.1');
    const result = await model.doGenerate({ prompt });
    expect(result.usage.outputTokens).toEqual({ total: output, text: 0, reasoning: output + 16 });
  });

  it('/v3 doGenerate: the same', async () => {
    const emulator = await emulators.start({ reasoningTokensExceedCompletion: true });
    const model = createV3({ apiKey: WIRE_KEY, baseURL: emulator.baseURL })('gpt-4.1');
    const result = await model.doGenerate({ prompt });
    expect(result.usage.outputTokens).toEqual({ total: output, text: 0, reasoning: output + 16 });
  });
});

describe('verbosity off the gpt-5 family', () => {
  it.each([
    {
      model: 'gpt-4.1',
      asked: 'low',
      sent: undefined,
      warned: "gpt-4.1 takes no verbosity (a gpt-5 family setting); 'low' was not sent.",
    },
    {
      model: 'gpt-5-chat',
      asked: 'low',
      sent: undefined,
      warned:
        "gpt-5-chat takes only verbosity 'medium'; 'low' was not sent, so the model's default applies.",
    },
    { model: 'gpt-5', asked: 'low', sent: 'low', warned: undefined },
    { model: 'gpt-5-chat', asked: 'medium', sent: 'medium', warned: undefined },
  ])(
    '$model with $asked: sent $sent, so the emulator’s 400 never happens',
    async ({ model, asked, sent, warned }) => {
      const emulator = await emulators.start();
      const result = await generateText({
        model: langdockOn(emulator)(model),
        prompt: 'Hi',
        providerOptions: { langdock: { verbosity: asked } },
      });
      expect(result.text).toBe(echo('Hi'));
      expect(bodies(emulator)[0]?.verbosity).toBe(sent);
      const warnings = (result.warnings ?? []).filter(
        (warning) => warning.type === 'other' && warning.message.includes('verbosity'),
      );
      expect(warnings).toEqual(
        warned === undefined
          ? []
          : [{ type: 'other', message: `providerOptions.langdock.verbosity: ${warned}` }],
      );
    },
  );
});

describe('structured outputs', () => {
  const schema = z.object({ city: z.string(), days: z.number() });

  it('json_schema goes with strict: true, and the answer follows the schema', async () => {
    const emulator = await emulators.start({ allowJsonSchema: true });
    const result = await generateObject({
      model: langdockOn(emulator)('gpt-4.1'),
      schema,
      prompt: 'Plan 3 days in Rome',
      providerOptions: { langdock: { structuredOutputs: true } },
    });
    const format = bodies(emulator)[0]?.response_format as {
      type: string;
      json_schema: { strict?: boolean };
    };
    expect([format.type, format.json_schema.strict]).toEqual(['json_schema', true]);
    expect(schema.safeParse(result.object).success).toBe(true);
  });

  it('a backend that takes json_schema as json_object still answers to the schema: the JSON instruction stayed', async () => {
    const emulator = await emulators.start({ jsonSchemaAsJsonObject: true });
    const result = await generateObject({
      model: langdockOn(emulator)('gpt-4.1'),
      schema,
      prompt: 'Plan 3 days in Rome',
      providerOptions: { langdock: { structuredOutputs: true } },
    });
    expect(schema.safeParse(result.object).success).toBe(true);
    expect((bodies(emulator)[0]?.response_format as { type: string }).type).toBe('json_schema');
  });
});
