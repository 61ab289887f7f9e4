import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LangdockFinish } from '../../../src/core/langdock-call';
import { mapLangdockMessagesResponse } from '../../../src/core/messages/map-langdock-messages-response';
import { validateLangdockMessagesResponse } from '../../../src/core/messages/validate-langdock-messages-response';
import { requireSharedData } from '../../helpers/requires';
import { messagesPartsFromSse, type MessagesPart } from '../../helpers/messages-stream-parts';
import { counterIds } from '../../helpers/stream-parts';

// Real recorded Anthropic Messages streams and bodies (../shared/real-streams/anthropic, see SOURCES.md; not
// ours, so read in place and never copied; LANGDOCK_ANTHROPIC_REAL_STREAMS may point elsewhere). Each goes through the decoder and processor (or the mapper); what
// comes out is compared with what a plain reading of the same events says the answer was. The recordings of
// JSON mode (`anthropic-json-*`) were made with @ai-sdk/anthropic, whose JSON tool is named `json`.
const shared = requireSharedData('real-streams/anthropic', {
  env: 'LANGDOCK_ANTHROPIC_REAL_STREAMS',
});
const list = (suffix: string) =>
  shared.available
    ? readdirSync(shared.path)
        .filter((name) => name.endsWith(suffix))
        .sort()
    : [];
const streams = list('.chunks.txt');
const bodies = list('.json');
const SPLICED = 'spliced-message-start.chunks.txt';

const jsonToolFor = (name: string) => (name.includes('-json-') ? 'json' : undefined);

type Event = {
  type: string;
  index?: number;
  message?: { id?: string; usage?: Record<string, unknown> };
  content_block?: { type: string; name?: string };
  delta?: {
    type?: string;
    text?: string;
    thinking?: string;
    signature?: string;
    partial_json?: string;
    citation?: { type: string; url?: string };
    stop_reason?: string | null;
    stop_details?: unknown;
  };
  usage?: Record<string, unknown>;
};

type Block = { type: string; name?: string; input: string };

/** The answer as a plain reading of the events gives it: no SSE, no parts, one pass. */
function readEvents(events: Event[], jsonTool: string | undefined) {
  let text = '';
  let reasoning = '';
  const signatures: string[] = [];
  const calls: Array<{ name: string; input: unknown }> = [];
  const urls = new Set<string>();
  let stopReason: string | undefined;
  let stopDetails: unknown;
  let usage: Record<string, unknown> | undefined;
  let messageId: string | undefined;
  const blocks = new Map<number, Block>();
  for (const event of events) {
    switch (event.type) {
      case 'message_start':
        if (messageId !== undefined) break;
        messageId = event.message!.id;
        usage = event.message!.usage;
        break;
      case 'content_block_start':
        blocks.set(event.index!, {
          type: event.content_block!.type,
          name: event.content_block!.name,
          input: '',
        });
        break;
      case 'content_block_delta': {
        const block = blocks.get(event.index!)!;
        const delta = event.delta!;
        if (delta.type === 'text_delta' && jsonTool === undefined) text += delta.text;
        if (delta.type === 'thinking_delta') reasoning += delta.thinking;
        if (delta.type === 'signature_delta') signatures.push(delta.signature!);
        if (delta.type === 'input_json_delta') block.input += delta.partial_json;
        if (delta.type === 'citations_delta' && delta.citation!.url) urls.add(delta.citation!.url);
        break;
      }
      case 'content_block_stop': {
        const block = blocks.get(event.index!)!;
        if (block.type !== 'tool_use') break;
        if (block.name === jsonTool) text += block.input;
        else calls.push({ name: block.name!, input: JSON.parse(block.input || '{}') });
        break;
      }
      case 'message_delta':
        stopReason = event.delta!.stop_reason ?? undefined;
        stopDetails = event.delta!.stop_details;
        usage = { ...usage, ...event.usage };
        break;
    }
  }
  return { text, reasoning, signatures, calls, urls: [...urls], stopReason, stopDetails, usage };
}

function lines(name: string): string[] {
  return readFileSync(join(shared.path, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function run(name: string): MessagesPart[] {
  const sse = lines(name)
    .map((data) => `event: ${(JSON.parse(data) as Event).type}\ndata: ${data}\n\n`)
    .join('');
  return messagesPartsFromSse([sse], {
    jsonToolName: jsonToolFor(name),
    reportsInterruption: true,
  });
}

const deltas = (parts: MessagesPart[], type: 'text-delta' | 'reasoning-delta') =>
  parts.flatMap((part) => (part.type === type ? [part.delta] : [])).join('');
const finishOf = (parts: MessagesPart[]) =>
  (parts.at(-1) as { type: 'finish'; finish: LangdockFinish }).finish;

describe('real recorded Anthropic Messages streams and bodies', shared.suite, () => {
  it('are there to read (../shared/real-streams/anthropic)', () => {
    expect(streams.length).toBeGreaterThanOrEqual(11);
    expect(bodies.length).toBeGreaterThanOrEqual(9);
  });

  it.each(streams.filter((name) => name !== SPLICED))(
    'stream %s comes out as the plain reading of its events says',
    (name) => {
      const expected = readEvents(
        lines(name).map((line) => JSON.parse(line) as Event),
        jsonToolFor(name),
      );
      const parts = run(name);

      expect(parts.filter((part) => part.type === 'error')).toEqual([]);
      expect(parts.filter((part) => part.type === 'response-metadata')).toHaveLength(1);
      expect(deltas(parts, 'text-delta')).toBe(expected.text);
      expect(deltas(parts, 'reasoning-delta')).toBe(expected.reasoning);
      expect(
        parts.flatMap((part) =>
          part.type === 'reasoning-delta' && part.providerMetadata
            ? [part.providerMetadata.langdock!.signature]
            : [],
        ),
      ).toEqual(expected.signatures);
      expect(
        parts.flatMap((part) =>
          part.type === 'tool-call' ? [{ name: part.toolName, input: JSON.parse(part.input) }] : [],
        ),
      ).toEqual(expected.calls);
      expect(
        parts.flatMap((part) =>
          part.type === 'source' && part.sourceType === 'url' ? [part.url] : [],
        ),
      ).toEqual(expected.urls);

      const finish = finishOf(parts);
      expect(finish.outcome).toBe('finished');
      expect(finish.finishReason).toBe(expected.stopReason);
      expect(finish.usage?.raw).toEqual(expected.usage);
      expect(finish.usage?.outputTokens).toBe(expected.usage?.output_tokens);
      expect(finish.providerMetadata?.stopDetails).toEqual(expected.stopDetails ?? undefined);
    },
  );

  it.each([
    ['anthropic-text.chunks.txt', 'stop'],
    ['anthropic-clear-thinking.1.chunks.txt', 'stop'],
    ['anthropic-json-tool.1.chunks.txt', 'stop'],
    ['anthropic-json-tool.2.chunks.txt', 'stop'],
    ['anthropic-json-other-tool.1.chunks.txt', 'tool-calls'],
    ['anthropic-tool-no-args.chunks.txt', 'tool-calls'],
    ['anthropic-refusal.chunks.txt', 'content-filter'],
    ['anthropic-web-search-tool.1.chunks.txt', 'stop'],
  ])('stream %s finishes as %s', (name, reason) => {
    expect(streams).toContain(name);
    expect(finishOf(run(name)).reason).toBe(reason);
  });

  it('takes the input tokens message_delta updates (anthropic-message-delta-input-tokens)', () => {
    const usage = finishOf(run('anthropic-message-delta-input-tokens.chunks.txt')).usage;
    expect(usage).toMatchObject({ inputTokens: 61, outputTokens: 2, totalTokens: 63 });
  });

  it('refuses the second message spliced into the first (spliced-message-start)', () => {
    const parts = run(SPLICED);
    expect(parts.filter((part) => part.type === 'response-metadata')).toEqual([
      { type: 'response-metadata', id: 'msg_first', modelId: 'claude-3-haiku-20240307' },
    ]);
    expect(
      parts.flatMap((part) => (part.type === 'error' ? [(part.error as Error).message] : [])),
    ).toEqual([
      'The Langdock stream started message "msg_second" inside message "msg_first"; the rest of the stream was not read.',
      'The Langdock stream ended before tool call toolu_first (test-tool) was complete; it was not passed on.',
    ]);
    expect(parts.some((part) => part.type === 'tool-call')).toBe(false);
    expect(deltas(parts, 'reasoning-delta')).toBe('I will call the tool.');
    expect(finishOf(parts).outcome).toBe('failed');
  });

  it.each(bodies)('body %s maps as a plain reading of its blocks says', (name) => {
    const raw: unknown = JSON.parse(readFileSync(join(shared.path, name), 'utf8'));
    const validated = validateLangdockMessagesResponse(raw);
    if (!validated.success) throw new Error(validated.problem);
    const body = raw as {
      content: Array<{
        type: string;
        text?: string;
        thinking?: string;
        signature?: string;
        name?: string;
        input?: unknown;
        citations?: Array<{ url?: string }> | null;
      }>;
      stop_reason: string;
      usage: Record<string, unknown>;
    };
    const jsonTool = jsonToolFor(name);
    const { content, finish } = mapLangdockMessagesResponse(validated.value, counterIds(), {
      jsonToolName: jsonTool,
    });

    const blocksOf = (type: string) => body.content.filter((block) => block.type === type);
    const text = [
      ...(jsonTool === undefined ? blocksOf('text').map((block) => block.text) : []),
      ...blocksOf('tool_use')
        .filter((block) => block.name === jsonTool)
        .map((block) => JSON.stringify(block.input)),
    ];
    expect(content.flatMap((part) => (part.type === 'text' ? [part.text] : []))).toEqual(text);
    expect(content.filter((part) => part.type === 'reasoning')).toEqual(
      blocksOf('thinking').map((block) => ({
        type: 'reasoning',
        text: block.thinking,
        providerMetadata: { langdock: { signature: block.signature } },
      })),
    );
    expect(
      content.flatMap((part) =>
        part.type === 'tool-call' ? [{ name: part.toolName, input: JSON.parse(part.input) }] : [],
      ),
    ).toEqual(
      blocksOf('tool_use')
        .filter((block) => block.name !== jsonTool)
        .map((block) => ({ name: block.name, input: block.input })),
    );
    const urls = new Set(
      blocksOf('text').flatMap((block) => (block.citations ?? []).map((citation) => citation.url)),
    );
    expect(
      content.flatMap((part) =>
        part.type === 'source' && part.sourceType === 'url' ? [part.url] : [],
      ),
    ).toEqual([...urls]);
    expect(finish.finishReason).toBe(body.stop_reason);
    expect(finish.usage?.raw).toEqual(body.usage);
  });

  it('reads the thinking tokens Claude Opus 5 reports (anthropic-claude-opus-5-reasoning-high.1.json)', () => {
    const name = 'anthropic-claude-opus-5-reasoning-high.1.json';
    const raw: unknown = JSON.parse(readFileSync(join(shared.path, name), 'utf8'));
    const validated = validateLangdockMessagesResponse(raw);
    expect(validated.success).toBe(true);
    if (!validated.success) return;
    const { finish } = mapLangdockMessagesResponse(validated.value, counterIds());
    expect(finish.usage).toMatchObject({ outputTokens: 1699, reasoningTokens: 139 });
  });
});
