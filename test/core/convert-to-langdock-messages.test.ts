import { UnsupportedFunctionalityError, type LanguageModelV2Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToLangdockMessages } from '../../src/core/convert-to-langdock-messages';

describe('convertToLangdockMessages', () => {
  it.each<[string, LanguageModelV2Prompt, unknown[]]>([
    ['system', [{ role: 'system', content: 'Be brief.' }], [{ role: 'system', content: 'Be brief.' }]],
    ['single user text as a string', [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], [{ role: 'user', content: 'Hi' }]],
    [
      'several user text parts as parts',
      [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }],
      [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }],
    ],
    [
      'image bytes as a data URL with the media type',
      [{ role: 'user', content: [{ type: 'text', text: 'What?' }, { type: 'file', mediaType: 'image/png', data: Uint8Array.of(1, 2, 3) }] }],
      [{ role: 'user', content: [{ type: 'text', text: 'What?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } }] }],
    ],
    [
      'base64 image string as a data URL',
      [{ role: 'user', content: [{ type: 'file', mediaType: 'image/webp', data: 'AQID' }] }],
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/webp;base64,AQID' } }] }],
    ],
    [
      'image/* wildcard as JPEG',
      [{ role: 'user', content: [{ type: 'file', mediaType: 'image/*', data: 'AQID' }] }],
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AQID' } }] }],
    ],
    [
      'https image URL passed through',
      [{ role: 'user', content: [{ type: 'file', mediaType: 'image/png', data: new URL('https://example.com/cat.png') }] }],
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
    ],
    [
      'assistant text',
      [{ role: 'assistant', content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'there' }] }],
      [{ role: 'assistant', content: 'Hello there' }],
    ],
    [
      'assistant tool calls with JSON string arguments',
      [
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Berlin' } },
            { type: 'tool-call', toolCallId: 'c2', toolName: 'now', input: {} },
          ],
        },
      ],
      [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Berlin"}' } },
            { id: 'c2', type: 'function', function: { name: 'now', arguments: '{}' } },
          ],
        },
      ],
    ],
    [
      'assistant text with a tool call',
      [{ role: 'assistant', content: [{ type: 'text', text: 'Checking.' }, { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: { a: 1 } }] }],
      [{ role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{"a":1}' } }] }],
    ],
    [
      'tool results of every output kind, one tool message each',
      [
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'a', toolName: 't', output: { type: 'text', value: 'sunny' } },
            { type: 'tool-result', toolCallId: 'b', toolName: 't', output: { type: 'error-text', value: 'boom' } },
            { type: 'tool-result', toolCallId: 'c', toolName: 't', output: { type: 'json', value: { temp: 21 } } },
            { type: 'tool-result', toolCallId: 'd', toolName: 't', output: { type: 'error-json', value: { code: 7 } } },
            { type: 'tool-result', toolCallId: 'e', toolName: 't', output: { type: 'content', value: [{ type: 'text', text: 'x' }] } },
          ],
        },
      ],
      [
        { role: 'tool', tool_call_id: 'a', content: 'sunny' },
        { role: 'tool', tool_call_id: 'b', content: 'boom' },
        { role: 'tool', tool_call_id: 'c', content: '{"temp":21}' },
        { role: 'tool', tool_call_id: 'd', content: '{"code":7}' },
        { role: 'tool', tool_call_id: 'e', content: 'x' },
      ],
    ],
  ])('%s', (_name, prompt, expected) => {
    const result = convertToLangdockMessages(prompt);
    expect(result.messages).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it('sends system messages as developer messages when asked', () => {
    expect(convertToLangdockMessages([{ role: 'system', content: 'x' }], { systemMessageMode: 'developer' }).messages).toEqual([
      { role: 'developer', content: 'x' },
    ]);
  });

  it('sends the text of content tool results and warns about media it cannot send', () => {
    const result = convertToLangdockMessages([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'a',
            toolName: 'chart',
            output: { type: 'content', value: [{ type: 'text', text: 'Sales chart:' }, { type: 'media', data: 'iVBORw0KGgo=', mediaType: 'image/png' }] },
          },
        ],
      },
    ]);
    expect(result.messages).toEqual([{ role: 'tool', tool_call_id: 'a', content: 'Sales chart:\n[image/png not sent]' }]);
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringContaining('media in tool results were not sent') }]);
  });

  it('drops reasoning parts with one warning', () => {
    const result = convertToLangdockMessages([
      { role: 'assistant', content: [{ type: 'reasoning', text: 'hmm' }, { type: 'text', text: 'ok' }, { type: 'reasoning', text: 'again' }] },
    ]);
    expect(result.messages).toEqual([{ role: 'assistant', content: 'ok' }]);
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringContaining('Reasoning parts') }]);
  });

  it.each([
    ['application/pdf', 'report.pdf'],
    ['audio/wav', undefined],
    ['text/plain', 'notes.txt'],
  ])('refuses a %s file with a clear error', (mediaType, filename) => {
    const convert = () =>
      convertToLangdockMessages([{ role: 'user', content: [{ type: 'file', mediaType, data: 'AQID', ...(filename && { filename }) }] }]);
    expect(convert).toThrow(UnsupportedFunctionalityError);
    expect(convert).toThrow(`Langdock chat completions take images only; got a file of type ${mediaType}`);
  });

  it('refuses files in assistant messages', () => {
    expect(() => convertToLangdockMessages([{ role: 'assistant', content: [{ type: 'file', mediaType: 'image/png', data: 'AQID' }] }])).toThrow(
      'Move the file into a user message',
    );
  });
});
