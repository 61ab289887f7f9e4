import { APICallError } from '@ai-sdk/provider';
import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLangdock } from '../../src/index';
import { describeError, live, notableHeaders, rejection, report } from './live-env';

// The classic API's OpenAI route (chat completions), through the root entry on ai@5: the examples' scenarios, and
// checks that settle what the package assumes or took from others' live runs (../shared/LANGDOCK-MODELS-AND-GATEWAY.md
// section 4). Needs LANGDOCK_API_KEY; probes print what Langdock sent as `live-check:` lines.

const { model: modelId, gptToolsModel, claudeModel } = live;

const weather = tool({
  description: 'Get the current weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, celsius: 21 }),
});

/** The raw chunks' `usage` objects, as ai@5 hands raw chunks through with `includeRawChunks`. */
function rawUsages(rawValues: unknown[]): Array<Record<string, unknown>> {
  return rawValues.flatMap((value) => {
    const usage = (value as { usage?: unknown } | null)?.usage;
    return typeof usage === 'object' && usage !== null ? [usage as Record<string, unknown>] : [];
  });
}

describe.skipIf(!live.apiKey)(`live Langdock, OpenAI route (${live.region}, ${modelId})`, () => {
  // gateway: false, so LANGDOCK_GATEWAY in the environment cannot turn these into gateway checks.
  const langdock = createLangdock({ apiKey: live.apiKey, gateway: false });

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
      tools: { weather },
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
    const wrong = createLangdock({ apiKey: 'ld-not-a-real-key-123', gateway: false });
    await expect(
      generateText({ model: wrong(modelId), prompt: 'Hi', maxRetries: 0 }),
    ).rejects.toThrow(/Langdock API error 401/);
  });

  it(`gpt-5.2 and later refuse reasoning_effort with function tools [seen: pi-langdock; later versions assumed alike]: the reasoning_effort 'none' the package sends with tools passes (${gptToolsModel})`, async () => {
    const result = await generateText({
      model: langdock(gptToolsModel),
      prompt: 'What is the weather in Berlin? Use the weather tool, then answer.',
      tools: { weather },
      stopWhen: stepCountIs(3),
      providerOptions: { langdock: { reasoningEffort: 'low' } },
    });
    const body = result.steps[0]!.request.body as Record<string, unknown>;
    report('gpt tools model with tools: first body reasoning_effort and warnings', {
      reasoningEffort: body.reasoning_effort,
      warnings: result.steps[0]!.warnings,
    });
    expect(body.reasoning_effort).toBe('none');
    expect(JSON.stringify(result.steps[0]!.warnings)).toContain('forceReasoningEffort');
    expect(result.steps[0]!.toolCalls[0]?.toolName).toBe('weather');
    expect(result.text).toMatch(/21/);
  });

  it(`gpt-5.2 and later refuse reasoning_effort with function tools [seen: pi-langdock]: forceReasoningEffort with an effort is a 400 (${gptToolsModel})`, async () => {
    const call = (providerOptions: Record<string, unknown>) =>
      rejection(
        generateText({
          model: langdock(gptToolsModel),
          prompt: 'What is the weather in Berlin? Use the weather tool.',
          tools: { weather },
          maxRetries: 0,
          providerOptions: { langdock: { forceReasoningEffort: true, ...providerOptions } },
        }),
      );
    const forced = await call({ reasoningEffort: 'low' });
    report(
      'forced reasoning_effort low with tools',
      forced === undefined ? { accepted: true } : describeError(forced),
    );
    // No effort at all: others saw gpt-5.6 refuse even that (only an explicit 'none' passed there).
    const unset = await call({});
    report(
      'tools with no reasoning_effort sent',
      unset === undefined ? { accepted: true } : describeError(unset),
    );
    expect(APICallError.isInstance(forced) && forced.statusCode).toBe(400);
  });

  it(`x-ratelimit-* headers [seen: pi-langdock, route not stated] and x-request-id on the classic routes (the emulator assumes it): which route carries them (${modelId}, ${claudeModel})`, async () => {
    const chat = await generateText({ model: langdock(modelId), prompt: 'Say ok.' });
    const claude = await generateText({
      model: langdock(claudeModel),
      prompt: 'Say ok.',
      providerOptions: { langdock: { streamGenerate: false } },
    });
    const routes = { chat, messages: claude };
    for (const [route, result] of Object.entries(routes)) {
      const headers = notableHeaders(result.response.headers);
      report(`headers on the ${route} route`, {
        ...headers,
        providerMetadata: result.providerMetadata?.langdock,
      });
      expect(result.text.length).toBeGreaterThan(0);
      // The package's part: a request id that came is kept for Langdock's support.
      expect(result.providerMetadata?.langdock?.requestId).toBe(headers['x-request-id']);
    }
  });

  it('a wrong model id is a 400 "Invalid model, available models are: …" [seen]: the error names the closest ids and listModels()', async () => {
    const error = await rejection(
      generateText({ model: langdock(`${modelId}-typo`), prompt: 'Hi', maxRetries: 0 }),
    );
    report('wrong model on the OpenAI route', describeError(error));
    expect(APICallError.isInstance(error) && error.statusCode).toBe(400);
    const message = (error as Error).message;
    expect(message).toMatch(/the closest ids in its list are /);
    expect(message).toContain('listModels()');
  });

  it('classic chat-completions streams carry no usage without stream_options (why streamGenerate is off on chat): the package reports what the stream had', async () => {
    const result = streamText({
      model: langdock(modelId),
      prompt: 'Say ok.',
      includeRawChunks: true,
    });
    const rawValues: unknown[] = [];
    for await (const part of result.fullStream)
      if (part.type === 'raw') rawValues.push(part.rawValue);
    const usages = rawUsages(rawValues);
    const usage = await result.usage;
    report('chat stream usage without stream_options', {
      chunks: rawValues.length,
      rawUsage: usages.at(-1) ?? null,
      lastChunk: rawValues.at(-1),
      usage,
    });
    expect(rawValues.length).toBeGreaterThan(0);
    if (usages.length === 0) expect(usage.inputTokens).toBeUndefined();
    else expect(usage.inputTokens).toBe(usages.at(-1)!.prompt_tokens);
  });

  it('streamGenerate: true on chat assembles generateText from a stream; without usage in it, providerMetadata.langdock.estimatedUsage stands in', async () => {
    const result = await generateText({
      model: langdock(modelId),
      prompt: 'Reply with the single word: pong',
      providerOptions: { langdock: { streamGenerate: true } },
    });
    const estimated = result.providerMetadata?.langdock?.estimatedUsage as
      { inputTokens?: unknown; outputTokens?: unknown } | undefined;
    report('streamGenerate on chat', { usage: result.usage, estimatedUsage: estimated ?? null });
    expect(result.text.toLowerCase()).toContain('pong');
    expect((result.request.body as { stream?: unknown }).stream).toBe(true);
    if (result.usage.inputTokens === undefined) {
      expect(estimated?.inputTokens).toBeGreaterThan(0);
      expect(estimated?.outputTokens).toBeGreaterThan(0);
    } else {
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(estimated).toBeUndefined();
    }
  });
});
