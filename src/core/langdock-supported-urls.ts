/**
 * URLs Langdock fetches itself: https images. Anything else the AI SDK downloads and sends inline. The
 * newest spec names a file's type by its top-level type alone (`image`), so both keys are given.
 */
export function langdockSupportedUrls(): Record<string, RegExp[]> {
  const https = [/^https:\/\/.+$/i];
  return { 'image/*': https, image: https };
}
