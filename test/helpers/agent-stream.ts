import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LangdockAgentStreamSpec } from '../../src/core/agent/langdock-agent-parts';
import { LangdockAgentStreamProcessor } from '../../src/core/agent/langdock-agent-stream-processor';
import { SseDecoder } from '../../src/core/stream/langdock-sse-decoder';

/** A raw SSE fixture, byte for byte as captured (glued events included). */
export function readSseFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}.sse`, import.meta.url)), 'utf8');
}

/** SSE text of UI message chunks, one well-framed event each, ending with `[DONE]`. */
export function uiStream(chunks: unknown[], { done = true }: { done?: boolean } = {}): string {
  return (
    chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') +
    (done ? 'data: [DONE]\n\n' : '')
  );
}

/** Runs SSE pieces through the decoder and the agent processor as the agent model does, and collects the parts. */
export function agentPartsFromSse<START, FINISH, FILE>(
  pieces: Array<string | Uint8Array>,
  spec: LangdockAgentStreamSpec<START, FINISH, FILE>,
  {
    includeRawChunks = false,
    redact,
  }: { includeRawChunks?: boolean; redact?: (text: string) => string } = {},
): unknown[] {
  const parts: unknown[] = [];
  const processor = new LangdockAgentStreamProcessor<FINISH, FILE>({
    emit: (part) => parts.push(part),
    spec,
    includeRawChunks,
    ...(redact !== undefined && { redact }),
    url: 'http://test/agent/v1/chat/completions',
    requestBodyValues: {},
  });
  const decoder = new SseDecoder((data) => processor.push(data));
  const encoder = new TextEncoder();
  for (const piece of pieces)
    decoder.push(typeof piece === 'string' ? encoder.encode(piece) : piece);
  decoder.end();
  processor.finish();
  return parts;
}
