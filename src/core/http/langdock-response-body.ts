/** At most `maxBytes` of a body, as text; `complete` is false (and the download cancelled) when there was more. */
export async function readResponseBody(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; complete: boolean }> {
  if (response.body === null) return { text: '', complete: true };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const room = maxBytes - bytes;
    bytes += next.value.byteLength;
    if (bytes > maxBytes) {
      text += decoder.decode(next.value.subarray(0, room));
      await reader.cancel().catch(() => {});
      return { text, complete: false };
    }
    text += decoder.decode(next.value, { stream: true });
  }
  return { text: text + decoder.decode(), complete: true };
}
