import type { LangdockFileData, LangdockPrompt } from './langdock-call';

/** A prompt as the V2 and V3 specs give it: like the core's, but a file part's data is raw (bytes, base64 or a URL). */
type RawFilePrompt = ReadonlyArray<{ role: string; content: unknown }>;

/**
 * The core's prompt from an older spec's: only file parts differ, their data is tagged. Messages without
 * files are passed as they are. Data that is tagged already (a newer spec's part passed through a
 * compatibility adapter) is kept.
 */
export function tagLangdockFileData(prompt: RawFilePrompt): LangdockPrompt {
  return prompt.map((message) => {
    const parts = message.content;
    if (
      (message.role !== 'user' && message.role !== 'assistant') ||
      !Array.isArray(parts) ||
      !parts.some(isFilePart)
    )
      return message as LangdockPrompt[number];
    return {
      ...message,
      content: parts.map((part) =>
        isFilePart(part) ? { ...part, data: tagFileData(part.data) } : part,
      ),
    } as LangdockPrompt[number];
  });
}

function isFilePart(part: unknown): part is { type: 'file'; data: unknown } {
  return typeof part === 'object' && part !== null && (part as { type?: unknown }).type === 'file';
}

function tagFileData(data: unknown): LangdockFileData {
  if (data instanceof URL) return { type: 'url', url: data };
  if (typeof data === 'string') return { type: 'data', data };
  if (
    typeof data === 'object' &&
    data !== null &&
    !ArrayBuffer.isView(data) &&
    typeof (data as { type?: unknown }).type === 'string'
  )
    return data as LangdockFileData;
  return { type: 'data', data: data as Uint8Array };
}
