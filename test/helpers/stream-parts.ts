import type { LanguageModelV2StreamPart } from '@ai-sdk/provider';
import { SseDecoder } from '../../src/core/stream/langdock-sse-decoder';
import { LangdockChatStreamProcessor } from '../../src/core/chat/langdock-chat-stream-processor';
import { v2StreamSpec } from '../../src/v2/langdock-v2-mapping';

/** The V2 finish part: the core's processor is tested through the spec whose parts the existing fixtures describe. */
export const v2Finish = { finishPart: v2StreamSpec(undefined).finishPart };

export function counterIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${next++}`;
}

/** Runs SSE bytes through the decoder and processor the way the model does, and collects the parts. */
export function partsFromSse(
  pieces: Array<string | Uint8Array>,
  { includeRawChunks = false }: { includeRawChunks?: boolean } = {},
): LanguageModelV2StreamPart[] {
  const parts: LanguageModelV2StreamPart[] = [];
  const processor = new LangdockChatStreamProcessor({
    ...v2Finish,
    emit: (part) => parts.push(part),
    generateId: counterIds(),
    includeRawChunks,
    url: 'http://test/chat/completions',
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
