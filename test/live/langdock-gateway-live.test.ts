import { APICallError } from '@ai-sdk/provider';
import { embed, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/index';
import { costLikeFields, describeError, live, notableHeaders, rejection, report } from './live-env';

// Langdock's Model Gateway, checked live through `createLangdock({ gateway: true })` on ai@5. Each title names the
// assumption it settles (README "The Model Gateway" and its assumptions table, emulator/README.md, and
// ../shared/LANGDOCK-MODELS-AND-GATEWAY.md section 3). Needs LANGDOCK_GATEWAY_API_KEY.

const { gatewayModel, gatewayClaudeModel, gatewayEmbeddingModel } = live;

/** The raw chunks' `usage` objects, as ai@5 hands raw chunks through with `includeRawChunks`. */
function rawUsages(rawValues: unknown[]): Array<Record<string, unknown>> {
  return rawValues.flatMap((value) => {
    const usage = (value as { usage?: unknown } | null)?.usage;
    return typeof usage === 'object' && usage !== null ? [usage as Record<string, unknown>] : [];
  });
}

/** `providerMetadata.langdock.cost` is the number the usage object holds, whenever it holds one under a cost-like name. */
function expectCostRead(what: string, langdock: Record<string, unknown> | undefined) {
  const usage = langdock?.usage;
  const costs = costLikeFields(usage);
  report(`gateway usage object (${what})`, {
    usage: usage ?? null,
    costLikeFields: costs,
    cost: langdock?.cost ?? null,
  });
  if (costs.length === 0) {
    expect(langdock?.cost).toBeUndefined();
    return;
  }
  expect(langdock?.cost).toEqual(expect.any(Number));
  expect(costs.map((field) => field.value)).toContain(langdock?.cost);
}

describe.skipIf(!live.gatewayApiKey)(
  `live Langdock Model Gateway (${live.gatewayBaseURL}, ${gatewayModel}, ${gatewayClaudeModel})`,
  () => {
    const gateway = createLangdock({
      gateway: true,
      apiKey: live.gatewayApiKey,
      baseURL: live.gatewayBaseURL,
    });

    it(`the gateway's chat path is /v1/chat/completions [assumed]: ${gatewayModel} streams and generates`, async () => {
      const result = streamText({
        model: gateway(gatewayModel),
        prompt: 'Reply with the single word: pong',
      });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text.toLowerCase()).toContain('pong');
      expect(await result.finishReason).toBe('stop');
      const generated = await generateText({
        model: gateway(gatewayModel),
        prompt: 'Reply with the single word: pong',
      });
      expect(generated.text.toLowerCase()).toContain('pong');
      expect(generated.usage.inputTokens).toBeGreaterThan(0);
    });

    it(`"any enabled model works with any format" [doc] on /v1/chat/completions [assumed path]: Claude through gateway.chat(${gatewayClaudeModel}), with no OpenAI family rule applied`, async () => {
      const result = await generateText({
        model: gateway.chat(gatewayClaudeModel),
        prompt: 'Reply with the single word: pong',
      });
      report('Claude through chat completions', {
        answerModel: result.response.modelId,
        usage: result.usage,
        warnings: result.warnings,
      });
      expect(result.text.toLowerCase()).toContain('pong');
      expect(result.warnings).toEqual([]);
    });

    it(`the gateway's Anthropic path is /v1/messages [assumed]: Claude (${gatewayClaudeModel}) streams and generates there`, async () => {
      const result = streamText({
        model: gateway(gatewayClaudeModel),
        prompt: 'Reply with the single word: pong',
      });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text.toLowerCase()).toContain('pong');
      expect((await result.usage).inputTokens).toBeGreaterThan(0);
      const generated = await generateText({
        model: gateway(gatewayClaudeModel),
        prompt: 'Reply with the single word: pong',
        providerOptions: { langdock: { streamGenerate: false } },
      });
      report('Claude on /v1/messages', {
        answerModel: generated.response.modelId,
        usage: generated.usage,
      });
      expect(generated.text.toLowerCase()).toContain('pong');
    });

    it('gateway /v1/models entries name context_window and operations [assumed]: listModels() types both (print an entry)', async () => {
      const models = await gateway.listModels();
      const fieldNames = [...new Set(models.flatMap((model) => Object.keys(model.raw)))].sort();
      const operationNames = [...new Set(models.flatMap((model) => model.operations ?? []))].sort();
      report('gateway model entry', models[0]?.raw ?? null);
      report('gateway model fields', {
        count: models.length,
        fieldNames,
        operationNames,
        contextWindowNamed: models.some((model) => 'context_window' in model.raw),
        operationsNamed: models.some((model) => 'operations' in model.raw),
        listed: {
          [gatewayModel]: models.some((model) => model.id === gatewayModel),
          [gatewayClaudeModel]: models.some((model) => model.id === gatewayClaudeModel),
          [gatewayEmbeddingModel]: models.some((model) => model.id === gatewayEmbeddingModel),
        },
      });
      expect(models.length).toBeGreaterThan(0);
      expect(models.every((model) => model.route === 'gateway')).toBe(true);
      // The docs say every entry gives its context window and operations: the package must have read them.
      expect(models.some((model) => typeof model.contextWindow === 'number')).toBe(true);
      expect(models.some((model) => Array.isArray(model.operations))).toBe(true);
    });

    it("the gateway's cost field is `cost` (also read: total_cost, cost_usd) [assumed]: providerMetadata.langdock.cost is the usage object's numeric cost (chat, chat stream, messages)", async () => {
      const chat = await generateText({ model: gateway(gatewayModel), prompt: 'Say ok.' });
      expect(chat.providerMetadata?.langdock?.usage).toBeDefined();
      expectCostRead('chat completions', chat.providerMetadata?.langdock);
      const stream = streamText({ model: gateway(gatewayModel), prompt: 'Say ok.' });
      await stream.consumeStream();
      expectCostRead('chat completions stream', (await stream.providerMetadata)?.langdock);
      const messages = await generateText({
        model: gateway(gatewayClaudeModel),
        prompt: 'Say ok.',
      });
      expect(messages.providerMetadata?.langdock?.usage).toBeDefined();
      expectCostRead('messages', messages.providerMetadata?.langdock);
    });

    it('gateway streams carry usage without stream_options [assumed]: the package reports what the stream had (GPT and Claude on chat completions)', async () => {
      for (const model of [gateway(gatewayModel), gateway.chat(gatewayClaudeModel)]) {
        const result = streamText({ model, prompt: 'Say ok.', includeRawChunks: true });
        const rawValues: unknown[] = [];
        for await (const part of result.fullStream)
          if (part.type === 'raw') rawValues.push(part.rawValue);
        const usages = rawUsages(rawValues);
        const usage = await result.usage;
        report(`gateway chat stream usage without stream_options (${model.modelId})`, {
          carriesUsage: usages.length > 0,
          rawUsage: usages.at(-1) ?? null,
          lastChunk: rawValues.at(-1),
          usage,
        });
        expect(rawValues.length).toBeGreaterThan(0);
        if (usages.length === 0) expect(usage.inputTokens).toBeUndefined();
        else expect(usage.inputTokens).toBe(usages.at(-1)!.prompt_tokens);
      }
    });

    it('every gateway response carries x-request-id [doc]: kept as providerMetadata.langdock.requestId (chat, messages, a stream)', async () => {
      const chat = await generateText({ model: gateway(gatewayModel), prompt: 'Say ok.' });
      const messages = await generateText({
        model: gateway(gatewayClaudeModel),
        prompt: 'Say ok.',
        providerOptions: { langdock: { streamGenerate: false } },
      });
      for (const [route, result] of Object.entries({ chat, messages })) {
        const headers = notableHeaders(result.response.headers);
        report(`gateway headers (${route})`, headers);
        expect(headers['x-request-id']).toEqual(expect.any(String));
        expect(result.providerMetadata?.langdock?.requestId).toBe(headers['x-request-id']);
      }
      const stream = streamText({ model: gateway(gatewayModel), prompt: 'Say ok.' });
      await stream.consumeStream();
      const headers = notableHeaders((await stream.response).headers);
      expect(headers['x-request-id']).toEqual(expect.any(String));
      expect((await stream.providerMetadata)?.langdock?.requestId).toBe(headers['x-request-id']);
    });

    it('gateway errors come in the called format plus a top-level `message` [doc]: a wrong model id, read once with its request id', async () => {
      for (const model of [
        gateway.chat(`${gatewayModel}-typo`),
        gateway.messages(`${gatewayClaudeModel}-typo`),
      ]) {
        const error = await rejection(generateText({ model, prompt: 'Hi', maxRetries: 0 }));
        report(`gateway wrong model (${model.provider})`, {
          ...describeError(error),
          headers: APICallError.isInstance(error) ? notableHeaders(error.responseHeaders) : {},
        });
        expect(APICallError.isInstance(error)).toBe(true);
        const apiError = error as APICallError;
        expect(apiError.statusCode).toBeGreaterThanOrEqual(400);
        expect(apiError.statusCode).toBeLessThan(500);
        const body = JSON.parse(apiError.responseBody ?? 'null') as {
          message?: unknown;
          error?: { message?: unknown };
        } | null;
        expect(body?.message).toEqual(expect.any(String));
        const nested = typeof body?.error?.message === 'string' ? body.error.message : undefined;
        // The package shows the error's message once, not once per copy (a code may replace its full stop).
        const shown = (nested ?? (body!.message as string)).replace(/[.\s]+$/, '');
        expect(apiError.message).toContain(shown);
        expect(apiError.message.split(shown).length - 1).toBe(1);
        const requestId = apiError.responseHeaders?.['x-request-id'];
        if (requestId !== undefined) expect(apiError.message).toContain(requestId);
      }
    });

    it(`embeddings go to the gateway's /v1/embeddings [assumed] (${gatewayEmbeddingModel})`, async () => {
      const result = await embed({
        model: gateway.textEmbeddingModel(gatewayEmbeddingModel),
        value: 'Langdock',
      });
      report('gateway embedding', {
        dimensions: result.embedding.length,
        usage: result.usage,
        headers: notableHeaders(result.response?.headers),
      });
      expect(result.embedding.length).toBeGreaterThan(0);
      expect(result.embedding.every((value) => Number.isFinite(value))).toBe(true);
    });
  },
);
