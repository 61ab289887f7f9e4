import { APICallError } from '@ai-sdk/provider';
import type {
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
} from '@ai-sdk/provider-v4';
import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLangdock } from '../../src/index';
import { createLangdock as createLangdockV4 } from '../../src/v4/index';
import { describeError, live, rejection, report, settle } from './live-env';

// Claude on the classic API's Anthropic route, checked against real Langdock: root entry on ai@5, and the /v4 model
// through doGenerate where V4's `reasoning` or its nested usage is needed. Each title names the assumption it
// settles (README "What is assumed", ../shared/LANGDOCK-MODELS-AND-GATEWAY.md section 2). Needs LANGDOCK_API_KEY.

const { claudeModel, claudeBudgetModel } = live;

type V4Content = LanguageModelV4GenerateResult['content'][number];

const textOf = (content: V4Content[]) =>
  content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
const reasoningOf = (content: V4Content[]) =>
  content.flatMap((part) =>
    part.type === 'reasoning'
      ? [{ text: part.text, signature: part.providerMetadata?.langdock?.signature }]
      : [],
  );
const userText = (text: string): LanguageModelV4CallOptions['prompt'][number] => ({
  role: 'user',
  content: [{ type: 'text', text }],
});

/** A prefix long enough for every Claude family's cache minimum (4,096 tokens at most), new on every run. */
function longPrefix(): string {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const facts = Array.from(
    { length: 700 },
    (_, i) => `Fact ${i + 1}: the code word of crate ${i + 1} is ${(i * 7919) % 10007}.`,
  );
  return `Inventory ${run}. Answer questions about the crates below in one short sentence.\n${facts.join('\n')}`;
}

describe.skipIf(!live.apiKey)(
  `live Claude on Langdock's Anthropic route (${live.region}, ${claudeModel}, ${claudeBudgetModel})`,
  () => {
    const langdock = createLangdock({ apiKey: live.apiKey, gateway: false });
    const langdockV4 = createLangdockV4({ apiKey: live.apiKey, gateway: false });

    it('the Anthropic route is {base}/anthropic/{region}/v1 beside the OpenAI route [assumed]: streamText through langdock(claudeId) answers, with usage in the stream', async () => {
      const result = streamText({
        model: langdock(claudeModel),
        prompt: 'Reply with the single word: pong',
      });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      const usage = await result.usage;
      const response = await result.response;
      // The emulator assumes a -default id answers with itself and an @<date> id with its -<date> spelling.
      report('Claude stream', { answerModel: response.modelId, usage });
      expect(text.toLowerCase()).toContain('pong');
      expect(await result.finishReason).toBe('stop');
      expect(usage.inputTokens).toBeGreaterThan(0);
      expect(usage.outputTokens).toBeGreaterThan(0);
    });

    it('the Anthropic route [assumed]: generateText answers streamed and assembled (streamGenerate default true) and as one JSON request (streamGenerate: false)', async () => {
      for (const streamGenerate of [undefined, false]) {
        const result = await generateText({
          model: langdock(claudeModel),
          prompt: 'Reply with the single word: pong',
          ...(streamGenerate !== undefined && {
            providerOptions: { langdock: { streamGenerate } },
          }),
        });
        report(`Claude generateText, streamGenerate ${streamGenerate ?? 'default'}`, {
          answerModel: result.response.modelId,
          usage: result.usage,
          finishReason: result.finishReason,
        });
        expect(result.text.toLowerCase()).toContain('pong');
        expect((result.request.body as { stream?: unknown }).stream).toBe(
          streamGenerate === false ? undefined : true,
        );
        expect(result.usage.inputTokens).toBeGreaterThan(0);
        expect(result.usage.outputTokens).toBeGreaterThan(0);
      }
    });

    it('anthropic-version and Bearer are accepted (the package sends both); probes: no anthropic-version (the emulator assumes a 400), x-api-key instead of Bearer [doc examples]', async () => {
      const result = await langdockV4(claudeModel).doGenerate({
        prompt: [userText('Say ok.')],
        maxOutputTokens: 32,
      });
      expect(textOf(result.content).length).toBeGreaterThan(0);
      const url = (result.request as { url?: unknown } | undefined)?.url;
      expect(url).toMatch(/\/anthropic\/[a-z]+\/v1\/messages$/);
      const probe = async (headers: Record<string, string>) => {
        const response = await fetch(url as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({
            model: claudeModel,
            max_tokens: 16,
            messages: [{ role: 'user', content: 'Say ok.' }],
          }),
        });
        return { status: response.status, body: (await response.text()).slice(0, 300) };
      };
      report(
        'no anthropic-version header',
        await probe({ authorization: `Bearer ${live.apiKey}` }),
      );
      report(
        'x-api-key instead of Bearer',
        await probe({ 'x-api-key': live.apiKey!, 'anthropic-version': '2023-06-01' }),
      );
    });

    it("adaptive thinking with output_config.effort passes through Langdock [assumed]: V4 reasoning 'high' on the 4.6+ model answers with signed reasoning", async () => {
      const result = await langdockV4(claudeModel).doGenerate({
        prompt: [userText('Is 7919 a prime number? Reason it through, then answer yes or no.')],
        reasoning: 'high',
      });
      const body = result.request?.body as Record<string, unknown>;
      const reasoning = reasoningOf(result.content);
      report('adaptive thinking, effort high', {
        thinking: body.thinking,
        outputConfig: body.output_config,
        reasoning: reasoning.map(({ text, signature }) => ({
          textLength: text.length,
          signatureLength: typeof signature === 'string' ? signature.length : signature,
        })),
        usage: result.usage.raw,
      });
      expect(body.thinking).toMatchObject({ type: 'adaptive' });
      expect(body.output_config).toEqual({ effort: 'high' });
      expect(result.warnings).toEqual([]);
      expect(textOf(result.content).toLowerCase()).toContain('yes');
      expect(reasoning.length).toBeGreaterThan(0);
      expect(reasoning[0]!.signature).toEqual(expect.any(String));
    });

    it("adaptive thinking [assumed passes through]: effort 'max' on the 4.6+ model is taken (the emulator assumes adaptive families take every effort)", async () => {
      const error = await rejection(
        langdockV4(claudeModel).doGenerate({
          prompt: [userText('Say ok.')],
          reasoning: 'max',
          maxOutputTokens: 4000,
        }),
      );
      report(
        'adaptive thinking, effort max',
        error === undefined ? { accepted: true } : describeError(error),
      );
      expect(error).toBeUndefined();
    });

    it('adaptive thinking [assumed]: its signature replays on a second turn, after a tool call (Claude refuses unsigned thinking with tools)', async () => {
      const result = await generateText({
        model: langdock(claudeModel),
        prompt:
          'Work out 17 * 23 - 6 step by step, then call the lookup tool with that number, then tell me what it returned.',
        tools: {
          lookup: tool({
            description: 'Look up the label of a number',
            inputSchema: z.object({ number: z.number() }),
            execute: async ({ number }) => ({ number, label: 'marmalade' }),
          }),
        },
        stopWhen: stepCountIs(3),
        providerOptions: { langdock: { thinking: { type: 'adaptive', effort: 'high' } } },
      });
      const [first, second] = result.steps;
      // A step's content holds the reasoning with its provider metadata (ai@5 types step.reasoning without it).
      const firstReasoning = first?.content.find((part) => part.type === 'reasoning');
      const signature = firstReasoning?.providerMetadata?.langdock?.signature;
      const replayed = (second?.request.body as { messages?: unknown[] } | undefined)
        ?.messages?.[1] as { content?: Array<Record<string, unknown>> } | undefined;
      report('thinking replay with a tool call', {
        finishReasons: result.steps.map((step) => step.finishReason),
        firstStepReasoning: first?.reasoning.length,
        replayedBlockTypes: replayed?.content?.map((block) => block.type),
      });
      expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
      expect(first!.toolCalls[0]?.toolName).toBe('lookup');
      expect(signature).toEqual(expect.any(String));
      expect(replayed?.content?.[0]).toMatchObject({ type: 'thinking', signature });
      expect(result.text.toLowerCase()).toContain('marmalade');
    });

    it(`budget thinking ({type: 'enabled', budget_tokens}) works on Haiku 4.5 [seen: pi-langdock] (${claudeBudgetModel})`, async () => {
      const result = await generateText({
        model: langdock(claudeBudgetModel),
        prompt: 'Is 7919 a prime number? Answer yes or no.',
        providerOptions: { langdock: { thinking: { type: 'enabled', budgetTokens: 1024 } } },
      });
      const body = result.request.body as Record<string, unknown>;
      report('budget thinking', {
        thinking: body.thinking,
        maxTokens: body.max_tokens,
        reasoning: result.reasoning.map((part) => part.text.length),
        usage: result.usage,
      });
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
      expect(result.warnings).toEqual([]);
      expect(result.text.toLowerCase()).toContain('yes');
      expect(result.reasoning[0]?.text.length).toBeGreaterThan(0);
      expect(result.reasoning[0]?.providerMetadata?.langdock?.signature).toEqual(
        expect.any(String),
      );
    });

    it("thinking.display 'summarized' passes through Langdock [assumed], adaptive and budget", async () => {
      const cases = [
        { model: claudeModel, thinking: { type: 'adaptive', display: 'summarized' } },
        {
          model: claudeBudgetModel,
          thinking: { type: 'enabled', budgetTokens: 1024, display: 'summarized' },
        },
      ] as const;
      for (const { model, thinking } of cases) {
        const call = await settle(
          generateText({
            model: langdock(model),
            prompt: 'Is 7921 a prime number? Answer yes or no.',
            maxRetries: 0,
            providerOptions: { langdock: { thinking } },
          }),
        );
        if (!call.ok) {
          report(`thinking.display summarized on ${model} refused`, describeError(call.error));
          throw call.error;
        }
        const body = call.value.request.body as { thinking?: unknown };
        report(`thinking.display summarized on ${model}`, {
          thinking: body.thinking,
          reasoning: call.value.reasoning.map((part) => part.text.length),
        });
        expect(body.thinking).toMatchObject({ display: 'summarized' });
        expect(call.value.text.toLowerCase()).toContain('no');
      }
    });

    it('JSON mode through a forced tool with disable_parallel_tool_use passes through Langdock [assumed]: generateObject works on both Claude models, whichever backend (Bedrock, Vertex) serves them', async () => {
      const schema = z.object({ city: z.string(), country: z.string(), population: z.number() });
      for (const model of [claudeModel, claudeBudgetModel]) {
        const result = await generateObject({
          model: langdock(model),
          schema,
          prompt: 'The capital of France, with its approximate population.',
        });
        report(`JSON mode on ${model}`, {
          object: result.object,
          toolChoice: (result.request.body as { tool_choice?: unknown }).tool_choice,
          finishReason: result.finishReason,
        });
        expect((result.request.body as { tool_choice?: unknown }).tool_choice).toEqual({
          type: 'tool',
          name: 'json',
          disable_parallel_tool_use: true,
        });
        expect(schema.safeParse(result.object).success).toBe(true);
        expect(result.finishReason).toBe('stop');
      }
    });

    it("cache_control with ttl '1h' passes through Langdock [assumed]: usage reports a cache write, then a read of the same long prefix", async () => {
      const model = langdockV4(claudeModel);
      const system = longPrefix();
      const ask = (question: string) =>
        model.doGenerate({
          prompt: [
            {
              role: 'system',
              content: system,
              providerOptions: { langdock: { cacheControl: { type: 'ephemeral', ttl: '1h' } } },
            },
            userText(question),
          ],
          maxOutputTokens: 64,
        });
      const write = await ask('What is the code word of crate 3?');
      const body = write.request?.body as { system?: Array<Record<string, unknown>> };
      expect(body.system?.at(-1)?.cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
      // A second backend may not share the first one's cache: a third try tells that apart from no caching.
      let read = await ask('What is the code word of crate 5?');
      if (!(read.usage.inputTokens.cacheRead! > 0)) read = await ask('And of crate 7?');
      report('cache ttl 1h', {
        write: write.usage.inputTokens,
        writeRaw: write.usage.raw,
        read: read.usage.inputTokens,
        readRaw: read.usage.raw,
      });
      expect(write.warnings).toEqual([]);
      expect(write.usage.inputTokens.cacheWrite).toBeGreaterThan(0);
      expect(read.usage.inputTokens.cacheRead).toBeGreaterThan(0);
      // Anthropic splits writes by lifetime; where Langdock passes that through, the 1h bucket must hold them.
      const creation = (write.usage.raw as { cache_creation?: Record<string, unknown> } | undefined)
        ?.cache_creation;
      if (typeof creation?.ephemeral_1h_input_tokens === 'number')
        expect(creation.ephemeral_1h_input_tokens).toBeGreaterThan(0);
    });

    it('URL sources may not reach Claude behind Langdock, so files go inline [assumed]: a URL image on langdock.messages(id).doGenerate', async () => {
      const imageURL = new URL(
        'https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg',
      );
      const model = langdock.messages(claudeModel);
      const call = await settle(
        model.doGenerate({
          prompt: [
            {
              role: 'user',
              content: [
                { type: 'file', data: imageURL, mediaType: 'image/jpeg' },
                { type: 'text', text: 'What animal is in this picture? One word.' },
              ],
            },
          ],
          maxOutputTokens: 32,
        }),
      );
      report(
        'URL image source',
        call.ok
          ? {
              accepted: true,
              text: call.value.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])),
            }
          : { accepted: false, ...describeError(call.error) },
      );
      if (call.ok) {
        const body = call.value.request?.body as { messages: Array<{ content: unknown[] }> };
        expect(body.messages[0]!.content[0]).toEqual({
          type: 'image',
          source: { type: 'url', url: imageURL.href },
        });
      } else {
        expect(APICallError.isInstance(call.error)).toBe(true);
      }
      // Either way the package keeps sending files inline, as its supportedUrls says.
      expect(model.supportedUrls).toEqual({});
    });

    it('listModels() lists the chat route and the Anthropic route (GET /anthropic/{region}/v1/models)', async () => {
      const models = await langdock.listModels();
      const anthropic = models.filter((model) => model.route === 'messages');
      report('listModels routes', {
        chat: models.filter((model) => model.route === 'chat').length,
        messages: anthropic.length,
        claudeModelListed: anthropic.some((model) => model.id === claudeModel),
      });
      report('an Anthropic entry', anthropic[0] ?? null);
      expect(models.some((model) => model.route === 'chat')).toBe(true);
      expect(anthropic.length).toBeGreaterThan(0);
      expect(anthropic[0]!.id).toMatch(/claude/i);
    });

    it('a wrong Claude id is a 400 "Invalid model, available models are: …" [seen, route not stated]: the error names listModels()', async () => {
      const error = await rejection(
        generateText({ model: langdock(`${claudeModel}-typo`), prompt: 'Hi', maxRetries: 0 }),
      );
      report('wrong model on the Anthropic route', describeError(error));
      expect(APICallError.isInstance(error)).toBe(true);
      expect([400, 404]).toContain((error as APICallError).statusCode);
      expect((error as Error).message).toContain('listModels()');
    });
  },
);
