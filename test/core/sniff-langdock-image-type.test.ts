import { describe, expect, it } from 'vitest';
import { sniffLangdockImageType } from '../../src/core/sniff-langdock-image-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const base64 = (data: Uint8Array) => btoa(String.fromCharCode(...data));

describe('sniffLangdockImageType', () => {
  const cases: Array<[string, Uint8Array, string | undefined]> = [
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xdb), 'image/jpeg'],
    ['GIF89a', bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61), 'image/gif'],
    ['WebP', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56), 'image/webp'],
    [
      'a RIFF that is not WebP (WAV)',
      bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45),
      undefined,
    ],
    ['a PNG cut short', bytes(0x89, 0x50, 0x4e), undefined],
    ['a PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d), undefined],
    ['nothing', bytes(), undefined],
  ];
  it.each(cases)('tells %s from raw bytes', (_, data, expected) => {
    expect(sniffLangdockImageType(data)).toBe(expected);
  });
  it.each(cases)('tells %s from base64', (_, data, expected) => {
    // As a whole file would be: the signature, then more bytes.
    expect(
      sniffLangdockImageType(base64(Uint8Array.from([...data, ...new Array<number>(30).fill(7)]))),
    ).toBe(expected);
    expect(sniffLangdockImageType(base64(data))).toBe(expected);
  });
  it('answers undefined for text that is not base64', () => {
    expect(sniffLangdockImageType('not base64 at all!!')).toBeUndefined();
  });
});
