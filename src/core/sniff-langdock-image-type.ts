import { convertBase64ToUint8Array } from '@ai-sdk/provider-utils';

// The file signatures of the image types chat completions take (PNG, JPEG, GIF, WebP).
const signatures: ReadonlyArray<{ mediaType: string; bytes: ReadonlyArray<number | undefined> }> = [
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  // RIFF, four bytes of length, WEBP.
  {
    mediaType: 'image/webp',
    bytes: [
      0x52,
      0x49,
      0x46,
      0x46,
      undefined,
      undefined,
      undefined,
      undefined,
      0x57,
      0x45,
      0x42,
      0x50,
    ],
  },
];

// 16 base64 characters decode to the 12 bytes the longest signature needs.
const BASE64_PREFIX = 16;

/** The image's media type from its first bytes (raw or base64), or undefined when it is none of the four. */
export function sniffLangdockImageType(data: Uint8Array | string): string | undefined {
  let head: Uint8Array;
  try {
    head =
      typeof data === 'string' ? convertBase64ToUint8Array(data.slice(0, BASE64_PREFIX)) : data;
  } catch {
    return undefined;
  }
  return signatures.find(
    ({ bytes }) =>
      bytes.length <= head.length &&
      bytes.every((byte, i) => byte === undefined || head[i] === byte),
  )?.mediaType;
}
