import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LangdockFinish, LangdockStreamPart } from '../../../src/core/langdock-call';
import { SseDecoder } from '../../../src/core/stream/langdock-sse-decoder';
import { LangdockChatStreamProcessor } from '../../../src/core/chat/langdock-chat-stream-processor';
import { counterIds } from '../../helpers/stream-parts';
import { requireSharedData } from '../../helpers/requires';

// Real recorded OpenAI and Azure streams (../shared/real-streams, see its SOURCES.md; not ours, so read in
// place and never copied). Each goes through the decoder and processor; what comes out is compared with
// what a plain reading of the same chunks says the answer was.
// Outside CI a clone may lack ../shared (the suite is skipped, and says so); under CI=true its absence fails.
const realStreams = requireSharedData('real-streams', { env: 'LANGDOCK_REAL_STREAMS' });
const folder = realStreams.path;
const files = realStreams.available
  ? readdirSync(folder).filter((name) => name.endsWith('.jsonl'))
  : [];

type Chunk = {
  choices?: Array<{
    delta?: {
      content?: string | null;
      reasoning_content?: string | null;
      tool_calls?: Array<{
        index: number;
        id?: string;
        function?: { name?: string; arguments?: string };
      }> | null;
    };
    finish_reason?: string | null;
    content_filter_results?: Record<string, unknown>;
    content_filter_offsets?: unknown;
  }>;
  usage?: Record<string, unknown> | null;
};

/** The answer as a plain reading of the chunks gives it: no state machine, no SSE. */
function reference(chunks: Chunk[]) {
  let text = '';
  let reasoning = '';
  let finishReason: string | undefined;
  let usage: Record<string, unknown> | undefined;
  const calls: Array<{ name: string; arguments: string }> = [];
  const verdicts: string[] = [];
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    text += choice.delta?.content ?? '';
    reasoning += choice.delta?.reasoning_content ?? '';
    for (const call of choice.delta?.tool_calls ?? []) {
      if (call.id) calls[call.index] = { name: call.function?.name ?? '', arguments: '' };
      calls[call.index]!.arguments += call.function?.arguments ?? '';
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
    if (choice.content_filter_results && Object.keys(choice.content_filter_results).length > 0) {
      verdicts.push(
        JSON.stringify(
          choice.content_filter_offsets
            ? { results: choice.content_filter_results, offsets: choice.content_filter_offsets }
            : { results: choice.content_filter_results },
        ),
      );
    }
  }
  return { text, reasoning, finishReason, usage, calls, verdicts: [...new Set(verdicts)] };
}

type FinishPart = { type: 'finish'; finish: LangdockFinish };

function run(lines: string[]) {
  const parts: Array<LangdockStreamPart | FinishPart> = [];
  const processor = new LangdockChatStreamProcessor<FinishPart>({
    emit: (part) => parts.push(part),
    finishPart: (finish) => ({ type: 'finish', finish }),
    reportsInterruption: true,
    generateId: counterIds(),
    url: 'http://test/chat/completions',
    requestBodyValues: {},
  });
  const decoder = new SseDecoder((data) => processor.push(data));
  decoder.pushText(`${lines.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`);
  decoder.end();
  processor.finish();
  return parts;
}

describe('real recorded streams', realStreams.suite, () => {
  it('are there to read (../shared/real-streams, or LANGDOCK_REAL_STREAMS)', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('%s comes out as the plain reading of its chunks says', (name) => {
    const lines = readFileSync(`${folder}/${name}`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const expected = reference(lines.map((line) => JSON.parse(line) as Chunk));
    const parts = run(lines);

    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    const deltas = (type: string) =>
      parts
        .filter(
          (part): part is { type: 'text-delta'; id: string; delta: string } => part.type === type,
        )
        .map((part) => part.delta)
        .join('');
    expect(deltas('text-delta')).toBe(expected.text);
    expect(deltas('reasoning-delta')).toBe(expected.reasoning);
    if (expected.reasoning !== '') {
      const types = parts.map((part) => part.type);
      expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('text-start'));
    }
    expect(
      parts
        .filter((part) => part.type === 'tool-call')
        .map((part) => [part.toolName, JSON.parse(part.input)]),
    ).toEqual(expected.calls.map((call) => [call.name, JSON.parse(call.arguments)]));

    const finish = (parts.at(-1) as { finish: LangdockFinish }).finish;
    expect(finish.outcome).toBe('finished');
    expect(finish.finishReason).toBe(expected.finishReason);
    expect(finish.usage?.raw).toEqual(expected.usage);
    const kept = ((finish.providerMetadata?.contentFilterResults ?? []) as unknown[]).map(
      (verdict) => JSON.stringify(verdict),
    );
    for (const verdict of expected.verdicts) expect(kept).toContain(verdict);
  });

  it('keeps the blocklist hit of an Azure asynchronous filter that a later all-safe verdict follows', () => {
    // The suite runs only where the folder is; there, this recording must be in it.
    expect(files).toContain('svir--azure-async-flagged.jsonl');
    const lines = readFileSync(`${folder}/svir--azure-async-flagged.jsonl`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const finish = (run(lines).at(-1) as { finish: LangdockFinish }).finish;
    expect(finish.providerMetadata?.contentFilterHits).toEqual(['custom_blocklists:svir']);
    const verdicts = finish.providerMetadata?.contentFilterResults as Array<{
      results: Record<string, unknown>;
    }>;
    expect(verdicts.at(-1)!.results).toHaveProperty('hate');
    expect(verdicts.some((verdict) => 'custom_blocklists' in verdict.results)).toBe(true);
  });
});
