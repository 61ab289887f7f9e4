import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import type { LangdockPrompt } from '../../../src/core/langdock-call';
import { describe, expect, it } from 'vitest';
import { convertToLangdockMessages } from '../../../src/core/chat/convert-to-langdock-chat-messages';

// The first bytes of a PNG file, base64.
const pngBase64 = 'iVBORw0KGgoAAAANSUhEUg==';

describe('convertToLangdockMessages', () => {
  it.each<[string, LangdockPrompt, unknown[]]>([
    [
      'system',
      [{ role: 'system', content: 'Be brief.' }],
      [{ role: 'system', content: 'Be brief.' }],
    ],
    [
      'single user text as a string',
      [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      [{ role: 'user', content: 'Hi' }],
    ],
    [
      'several user text parts as parts',
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      ],
    ],
    [
      'image bytes as a data URL with the media type',
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What?' },
            {
              type: 'file',
              mediaType: 'image/png',
              data: { type: 'data', data: Uint8Array.of(1, 2, 3) },
            },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
          ],
        },
      ],
    ],
    [
      'base64 image string as a data URL',
      [
        {
          role: 'user',
          content: [
            { type: 'file', mediaType: 'image/webp', data: { type: 'data', data: 'AQID' } },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'data:image/webp;base64,AQID' } }],
        },
      ],
    ],
    [
      'image/* with PNG bytes as PNG, told from the bytes',
      [
        {
          role: 'user',
          content: [
            { type: 'file', mediaType: 'image/*', data: { type: 'data', data: pngBase64 } },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64}` } },
          ],
        },
      ],
    ],
    [
      'a top-level image type with JPEG bytes as JPEG',
      [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image',
              data: { type: 'data', data: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) },
            },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4A==' } }],
        },
      ],
    ],
    [
      'a top-level image type by URL, passed through',
      [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image',
              data: { type: 'url', url: new URL('https://example.com/cat') },
            },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat' } }],
        },
      ],
    ],
    [
      'an inline text document as text',
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise:' },
            { type: 'file', mediaType: 'text/plain', data: { type: 'text', text: 'The notes.' } },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise:' },
            { type: 'text', text: 'The notes.' },
          ],
        },
      ],
    ],
    [
      'a denied tool call as a tool message that says so, with and without a reason',
      [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'a',
              toolName: 'pay',
              output: { type: 'execution-denied', reason: 'too expensive' },
            },
            { type: 'tool-approval-response', approvalId: 'ap-1', approved: false },
            {
              type: 'tool-result',
              toolCallId: 'b',
              toolName: 'pay',
              output: { type: 'execution-denied' },
            },
          ],
        },
      ],
      [
        {
          role: 'tool',
          tool_call_id: 'a',
          content: 'The tool was not run: the user denied it (too expensive).',
        },
        { role: 'tool', tool_call_id: 'b', content: 'The tool was not run: the user denied it.' },
      ],
    ],
    [
      'https image URL passed through',
      [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image/png',
              data: { type: 'url', url: new URL('https://example.com/cat.png') },
            },
          ],
        },
      ],
      [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }],
        },
      ],
    ],
    [
      'assistant text',
      [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'text', text: 'there' },
          ],
        },
      ],
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
            {
              id: 'c1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Berlin"}' },
            },
            { id: 'c2', type: 'function', function: { name: 'now', arguments: '{}' } },
          ],
        },
      ],
    ],
    [
      'assistant text with a tool call',
      [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: { a: 1 } },
          ],
        },
      ],
      [
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 't', arguments: '{"a":1}' } },
          ],
        },
      ],
    ],
    [
      'tool results of every output kind, one tool message each',
      [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'a',
              toolName: 't',
              output: { type: 'text', value: 'sunny' },
            },
            {
              type: 'tool-result',
              toolCallId: 'b',
              toolName: 't',
              output: { type: 'error-text', value: 'boom' },
            },
            {
              type: 'tool-result',
              toolCallId: 'c',
              toolName: 't',
              output: { type: 'json', value: { temp: 21 } },
            },
            {
              type: 'tool-result',
              toolCallId: 'd',
              toolName: 't',
              output: { type: 'error-json', value: { code: 7 } },
            },
            {
              type: 'tool-result',
              toolCallId: 'e',
              toolName: 't',
              output: { type: 'content', value: [{ type: 'text', text: 'x' }] },
            },
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
    expect(
      convertToLangdockMessages([{ role: 'system', content: 'x' }], {
        systemMessageMode: 'developer',
      }).messages,
    ).toEqual([{ role: 'developer', content: 'x' }]);
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
            output: {
              type: 'content',
              value: [
                { type: 'text', text: 'Sales chart:' },
                { type: 'media', data: 'iVBORw0KGgo=', mediaType: 'image/png' },
              ],
            },
          },
        ],
      },
    ]);
    expect(result.messages).toEqual([
      { role: 'tool', tool_call_id: 'a', content: 'Sales chart:\n[image/png not sent]' },
    ]);
    expect(result.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('media in tool results were not sent') },
    ]);
  });

  it('drops reasoning parts with one warning', () => {
    const result = convertToLangdockMessages([
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'hmm' },
          { type: 'text', text: 'ok' },
          { type: 'reasoning', text: 'again' },
        ],
      },
    ]);
    expect(result.messages).toEqual([{ role: 'assistant', content: 'ok' }]);
    expect(result.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('Reasoning parts') },
    ]);
  });

  it.each([
    ['application/pdf', 'report.pdf'],
    ['audio/wav', undefined],
    ['text/plain', 'notes.txt'],
  ])('refuses a %s file with a clear error', (mediaType, filename) => {
    const convert = () =>
      convertToLangdockMessages([
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType,
              data: { type: 'data', data: 'AQID' },
              ...(filename && { filename }),
            },
          ],
        },
      ]);
    expect(convert).toThrow(UnsupportedFunctionalityError);
    expect(convert).toThrow(
      `Langdock chat completions take images only; got a file of type ${mediaType}`,
    );
  });

  it.each([
    [
      'bytes of no known image type',
      { type: 'data' as const, data: Uint8Array.of(1, 2, 3, 4) },
      "bytes that are not PNG, JPEG, GIF or WebP. Pass its full media type (such as 'image/png')",
    ],
    [
      'a file reference',
      { type: 'reference' as const, reference: { langdock: 'file-1' } },
      'pass the image bytes or an https URL instead',
    ],
  ])('refuses an image of unknown subtype with %s, saying what to do', (_, data, message) => {
    expect(() =>
      convertToLangdockMessages([
        { role: 'user', content: [{ type: 'file', mediaType: 'image', data }] },
      ]),
    ).toThrow(message);
  });

  it('drops what an assistant message from another provider holds beyond text and tool calls, with one warning naming it', () => {
    const result = convertToLangdockMessages([
      {
        role: 'assistant',
        content: [
          { type: 'custom' },
          { type: 'text', text: 'ok' },
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'AQID' } },
          {
            type: 'tool-result',
            toolCallId: 'ws-1',
            toolName: 'web_search',
            output: { type: 'json', value: { hits: 3 } },
          },
          { type: 'reasoning-file' },
        ],
      },
    ]);
    expect(result.messages).toEqual([{ role: 'assistant', content: 'ok' }]);
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Parts of earlier assistant messages were not sent (custom, file, provider-executed tool-result, reasoning-file): Langdock chat completions carry only text and tool calls there. Move a file into a user message.',
      },
    ]);
  });

  it('leaves out a provider-executed tool call with its result, so no tool call goes unanswered, and says so', () => {
    const result = convertToLangdockMessages([
      { role: 'user', content: [{ type: 'text', text: 'News about the Spree?' }] },
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'ws-1',
            toolName: 'web_search',
            input: { query: 'Spree' },
            providerExecuted: true,
          },
          {
            type: 'tool-result',
            toolCallId: 'ws-1',
            toolName: 'web_search',
            output: { type: 'json', value: { hits: 3 } },
          },
          { type: 'text', text: 'Three articles.' },
        ],
      },
    ]);
    expect(result.messages).toEqual([
      { role: 'user', content: 'News about the Spree?' },
      { role: 'assistant', content: 'Three articles.' },
    ]);
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Parts of earlier assistant messages were not sent (provider-executed tool-call, provider-executed tool-result): Langdock chat completions carry only text and tool calls there. Move a file into a user message.',
      },
    ]);
  });

  it.each([
    ['a JSON object string, sent as it is', '{"city":"Berlin"}', '{"city":"Berlin"}', false],
    ['cut-off JSON, sent as {}', '{"city":"Ber', '{}', true],
    ['a JSON array, sent as {}', '[1,2]', '{}', true],
    ['plain text, sent as {}', 'Berlin', '{}', true],
    ['a parsed object, encoded once', { city: 'Berlin' }, '{"city":"Berlin"}', false],
  ])('replays a tool call whose input is %s', (_, input, args, warned) => {
    const result = convertToLangdockMessages([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input }],
      },
    ]);
    expect(result.messages).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'weather', arguments: args } },
        ],
      },
    ]);
    expect(result.warnings).toEqual(
      warned
        ? [
            {
              type: 'other',
              message:
                'Tool call c1 in the history had input that is not a JSON object (the model produced invalid arguments); it was sent with arguments {}.',
            },
          ]
        : [],
    );
  });
});

describe('per-message and per-part options (#12)', () => {
  it('sends a message name and an image detail', () => {
    const result = convertToLangdockMessages([
      { role: 'system', content: 'Be brief.', providerOptions: { langdock: { name: 'policy' } } },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'url', url: new URL('https://example.com/a.png') },
            providerOptions: { langdock: { imageDetail: 'low' } },
          },
        ],
        providerOptions: { langdock: { name: 'alice' } },
      },
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'A cat.' }],
        providerOptions: { langdock: { name: 'bot' } },
      },
      {
        role: 'user',
        content: [{ type: 'text', text: 'Thanks' }],
        providerOptions: { langdock: { name: null } },
      },
    ]);
    expect(result.messages).toEqual([
      { role: 'system', content: 'Be brief.', name: 'policy' },
      {
        role: 'user',
        name: 'alice',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
        ],
      },
      { role: 'assistant', content: 'A cat.', name: 'bot' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it.each([
    [
      'a name with a space',
      [
        {
          role: 'user' as const,
          content: [{ type: 'text' as const, text: 'x' }],
          providerOptions: { langdock: { name: 'Alice Smith' } },
        },
      ],
      'prompt[0].providerOptions.langdock.name: name may not hold spaces',
    ],
    [
      'an unknown message option',
      [
        {
          role: 'user' as const,
          content: [{ type: 'text' as const, text: 'x' }],
          providerOptions: { langdock: { nick: 'a' } },
        },
      ],
      'prompt[0].providerOptions.langdock: Unrecognized key: "nick"',
    ],
    [
      'an image detail Langdock does not know',
      [
        {
          role: 'user' as const,
          content: [
            {
              type: 'file' as const,
              mediaType: 'image/png',
              data: { type: 'data' as const, data: 'AQID' },
              providerOptions: { langdock: { imageDetail: 'max' } },
            },
          ],
        },
      ],
      'prompt[0].content[0].providerOptions.langdock.imageDetail:',
    ],
    [
      'a name on a tool message',
      [
        {
          role: 'tool' as const,
          content: [
            {
              type: 'tool-result' as const,
              toolCallId: 'a',
              toolName: 't',
              output: { type: 'text' as const, value: 'x' },
            },
          ],
          providerOptions: { langdock: { name: 'x' } },
        },
      ],
      'prompt[0].providerOptions.langdock.name: tool messages take no name in chat completions',
    ],
  ])('refuses %s, naming where it is', (_, prompt, message) => {
    expect(() => convertToLangdockMessages(prompt)).toThrow(message);
  });
});
