// Conformance: plain text, generated and streamed, on every entry x model x destination; the exact body on the
// route's path, and text, finish and usage as a plain reading of the emulator's answer gives them.
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import type { LangdockEmulator } from '../../emulator/index';
import {
  ANTHROPIC_VERSION,
  answerOfContent,
  answerOfParts,
  calls,
  cellsOf,
  KEY,
  plainTokens,
  readParts,
  replayPlainly,
  rootProvider,
  routePath,
  specModel,
  useEmulators,
  type Cell,
  type PlainAnswer,
  type SpecAnswer,
} from './conformance-cells';

const emulators = useEmulators();
const PROMPT = 'Say hello.';
const ANSWER = 'You said: "Say hello.". This is a deterministic reply from the Langdock emulator.';

/** The body a one-message text call must send, streamed or not. */
function expectedBody(cell: Cell, stream: boolean) {
  if (cell.model.route === 'chat')
    return {
      model: cell.model.id,
      messages: [{ role: 'user', content: PROMPT }],
      ...(stream && { stream: true }),
    };
  return {
    model: cell.model.id,
    // The format requires max_tokens: the family's documented default (Claude 4 and later: 16,000).
    max_tokens: 16000,
    messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
    ...(stream && { stream: true }),
  };
}

function expectOneCall(cell: Cell, emulator: LangdockEmulator, stream: boolean) {
  expect(calls(emulator)).toEqual([`POST ${routePath(cell)}`]);
  const [request] = emulator.requests;
  expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(request!.headers['anthropic-version']).toBe(
    cell.model.route === 'messages' ? ANTHROPIC_VERSION : undefined,
  );
  expect(request!.body).toEqual(expectedBody(cell, stream));
  return request!;
}

/** V3/V4 usage as the plain reading gives it: nested, text tokens being output less reasoning, `raw` as sent. */
function expectSpecAgrees(cell: Cell, answer: SpecAnswer, plain: PlainAnswer) {
  const tokens = plainTokens(cell.model.route, plain.usage);
  expect(answer.text).toBe(ANSWER);
  expect(plain.text).toBe(ANSWER);
  expect(answer.finishReason).toEqual({ unified: 'stop', raw: plain.finishReason });
  expect(answer.usage).toEqual({
    inputTokens: {
      total: tokens.input,
      noCache: tokens.noCache,
      cacheRead: tokens.cacheRead,
      cacheWrite: tokens.cacheWrite,
    },
    outputTokens: {
      total: tokens.output,
      text: tokens.output === undefined ? undefined : tokens.output - (tokens.reasoning ?? 0),
      reasoning: tokens.reasoning,
    },
    raw: plain.usage,
  });
  expect(answer.warnings).toEqual([]);
  expectLangdockMetadata(cell, answer.providerMetadata?.langdock, plain);
}

/** Every answer names its request id; on the gateway the usage object and its cost come along. */
function expectLangdockMetadata(cell: Cell, langdock: unknown, plain: PlainAnswer) {
  expect(langdock).toMatchObject({ requestId: expect.stringMatching(/^req_emulator\d+$/) });
  if (cell.mode === 'gateway') {
    expect(typeof plain.usage?.cost).toBe('number');
    expect(langdock).toMatchObject({ cost: plain.usage!.cost, usage: plain.usage });
  } else {
    expect(langdock).not.toHaveProperty('cost');
  }
}

describe.each(cellsOf())('text: $name', (cell) => {
  const emulator = () => emulators.of(cell.mode);
  // Claude's generateText is assembled from a stream by default (streamGenerate), chat completions' is not.
  const generateStreams = cell.model.route === 'messages';

  if (cell.entry === 'root') {
    it('generateText (ai@5): the exact body, text, finish and usage', async () => {
      const result = await generateText({
        model: rootProvider(cell.mode, emulator())(cell.model.id),
        prompt: PROMPT,
      });
      const request = expectOneCall(cell, emulator(), generateStreams);
      const plain = await replayPlainly(emulator(), request);
      const tokens = plainTokens(cell.model.route, plain.usage);
      expect(result.text).toBe(ANSWER);
      expect(result.finishReason).toBe('stop');
      expect(result.usage).toEqual({
        inputTokens: tokens.input,
        outputTokens: tokens.output,
        totalTokens: tokens.input! + tokens.output!,
        reasoningTokens: tokens.reasoning,
        cachedInputTokens: tokens.cacheRead,
      });
      expect(result.warnings).toEqual([]);
      expectLangdockMetadata(cell, result.providerMetadata?.langdock, plain);
    });

    it('streamText (ai@5): the exact body, deltas, finish and usage', async () => {
      const result = streamText({
        model: rootProvider(cell.mode, emulator())(cell.model.id),
        prompt: PROMPT,
      });
      const deltas: string[] = [];
      for await (const delta of result.textStream) deltas.push(delta);
      const request = expectOneCall(cell, emulator(), true);
      const plain = await replayPlainly(emulator(), request);
      const tokens = plainTokens(cell.model.route, plain.usage);
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas.join('')).toBe(ANSWER);
      expect(await result.finishReason).toBe('stop');
      // A classic chat completions stream carries no usage (Langdock refuses stream_options): nothing is made up.
      expect(await result.usage).toEqual({
        inputTokens: tokens.input,
        outputTokens: tokens.output,
        totalTokens: tokens.input === undefined ? undefined : tokens.input + (tokens.output ?? 0),
        reasoningTokens: tokens.reasoning,
        cachedInputTokens: tokens.cacheRead,
      });
      expect(await result.warnings).toEqual([]);
      expectLangdockMetadata(cell, (await result.providerMetadata)?.langdock, plain);
    });
    return;
  }

  it('doGenerate: the exact body, text, finish and usage', async () => {
    const model = specModel(cell, emulator());
    expect([model.specificationVersion, model.provider, model.modelId]).toEqual([
      cell.entry,
      cell.model.route === 'chat' ? 'langdock.chat' : 'langdock.messages',
      cell.model.id,
    ]);
    const result = await model.doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
    });
    const request = expectOneCall(cell, emulator(), generateStreams);
    expectSpecAgrees(cell, answerOfContent(result), await replayPlainly(emulator(), request));
    expect(result.content.map((part) => part.type)).toEqual(['text']);
  });

  it('doStream: the exact body, parts in order, finish and usage', async () => {
    const { stream } = await specModel(cell, emulator()).doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
    });
    const parts = await readParts(stream);
    const request = expectOneCall(cell, emulator(), true);
    expectSpecAgrees(cell, answerOfParts(parts), await replayPlainly(emulator(), request));
    const kinds = parts.map((part) => part.type).filter((type, i, all) => type !== all[i - 1]);
    expect(kinds).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
  });

  if (cell.model.route === 'messages') {
    it('streamGenerate: false sends one non-streaming request with the same answer', async () => {
      const result = await specModel(cell, emulator()).doGenerate({
        prompt: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
        providerOptions: { langdock: { streamGenerate: false } },
      });
      const request = expectOneCall(cell, emulator(), false);
      expectSpecAgrees(cell, answerOfContent(result), await replayPlainly(emulator(), request));
    });
  }
});
