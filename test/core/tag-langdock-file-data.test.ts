import { describe, expect, it } from 'vitest';
import { tagLangdockFileData } from '../../src/core/tag-langdock-file-data';

const url = new URL('https://example.com/a.png');
const bytes = Uint8Array.of(1, 2, 3);

describe('tagLangdockFileData', () => {
  it.each([
    ['a URL', url, { type: 'url', url }],
    ['base64 text', 'AQID', { type: 'data', data: 'AQID' }],
    ['bytes', bytes, { type: 'data', data: bytes }],
    [
      'data tagged already (a newer spec through an adapter)',
      { type: 'url', url },
      { type: 'url', url },
    ],
  ])('tags %s', (_, data, expected) => {
    const [message] = tagLangdockFileData([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'x' },
          { type: 'file', mediaType: 'image/png', data },
        ],
      },
    ]);
    expect(message).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'x' },
        { type: 'file', mediaType: 'image/png', data: expected },
      ],
    });
  });

  it('passes messages without files as they are, the same objects', () => {
    const prompt = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    ];
    const tagged = tagLangdockFileData(prompt);
    expect(tagged[0]).toBe(prompt[0]);
    expect(tagged[1]).toBe(prompt[1]);
  });
});
