import { InvalidArgumentError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { LangdockPrompt, LangdockToolOutput } from '../../../src/core/langdock-call';
import { convertToLangdockMessagesPrompt } from '../../../src/core/messages/convert-to-langdock-messages-prompt';

const user = (text: string): LangdockPrompt[number] => ({
  role: 'user',
  content: [{ type: 'text', text }],
});
const assistant = (text: string): LangdockPrompt[number] => ({
  role: 'assistant',
  content: [{ type: 'text', text }],
});
const toolResult = (toolCallId: string, output: LangdockToolOutput): LangdockPrompt[number] => ({
  role: 'tool',
  content: [{ type: 'tool-result', toolCallId, toolName: 'weather', output }],
});
const call = (toolCallId: string, input: unknown = { city: 'Berlin' }) => ({
  type: 'tool-call' as const,
  toolCallId,
  toolName: 'weather',
  input,
});
const text = (value: string) => ({ type: 'text' as const, text: value });
/** A part with provider options its core type does not declare (reasoning, tool calls), as the specs pass them. */
const withOptions = <PART extends object>(part: PART, providerOptions: object): PART =>
  ({ ...part, providerOptions }) as PART;

// 1x1 PNG and the first bytes of a JPEG, enough for the sniffer.
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const pngBase64 = Buffer.from(png).toString('base64');
const jpegBase64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]).toString('base64');

describe('convertToLangdockMessagesPrompt: turns', () => {
  it.each<[string, LangdockPrompt, unknown, unknown[]]>([
    [
      'system messages become top-level system blocks',
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'Answer in German.' },
        user('Hi'),
      ],
      [text('Be brief.'), text('Answer in German.')],
      [{ role: 'user', content: [text('Hi')] }],
    ],
    [
      'consecutive user messages are merged',
      [user('a'), user('b')],
      undefined,
      [{ role: 'user', content: [text('a'), text('b')] }],
    ],
    [
      'consecutive assistant messages are merged',
      [user('a'), assistant('b'), assistant('c')],
      undefined,
      [
        { role: 'user', content: [text('a')] },
        { role: 'assistant', content: [text('b'), text('c')] },
      ],
    ],
    [
      'a tool message and the user message after it become one user message, tool results first',
      [
        user('Weather?'),
        { role: 'assistant', content: [call('c1')] },
        user('Also: be quick.'),
        toolResult('c1', { type: 'text', value: 'sunny' }),
      ],
      undefined,
      [
        { role: 'user', content: [text('Weather?')] },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'c1', name: 'weather', input: { city: 'Berlin' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'c1', content: 'sunny' },
            text('Also: be quick.'),
          ],
        },
      ],
    ],
    [
      'the text of a final assistant message loses trailing whitespace',
      [user('Write a haiku'), assistant('Autumn moon \n ')],
      undefined,
      [
        { role: 'user', content: [text('Write a haiku')] },
        { role: 'assistant', content: [text('Autumn moon')] },
      ],
    ],
    [
      'an earlier assistant message keeps its whitespace',
      [user('a'), assistant('b \n'), user('c')],
      undefined,
      [
        { role: 'user', content: [text('a')] },
        { role: 'assistant', content: [text('b \n')] },
        { role: 'user', content: [text('c')] },
      ],
    ],
    [
      'a final assistant message of only whitespace is left out',
      [user('a'), assistant('  ')],
      undefined,
      [{ role: 'user', content: [text('a')] }],
    ],
    [
      'tool-approval-response parts are not sent',
      [
        user('a'),
        { role: 'assistant', content: [call('c1')] },
        {
          role: 'tool',
          content: [
            { type: 'tool-approval-response', approvalId: 'x', approved: true },
            {
              type: 'tool-result',
              toolCallId: 'c1',
              toolName: 'weather',
              output: { type: 'json', value: { temp: 21 } },
            },
          ],
        },
      ],
      undefined,
      [
        { role: 'user', content: [text('a')] },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'c1', name: 'weather', input: { city: 'Berlin' } }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'c1', content: '{"temp":21}' }],
        },
      ],
    ],
  ])('%s', (_name, prompt, system, messages) => {
    expect(convertToLangdockMessagesPrompt(prompt)).toEqual({ system, messages, warnings: [] });
  });

  it('moves a system message after the conversation into the top-level system prompt, with a warning', () => {
    const result = convertToLangdockMessagesPrompt([
      { role: 'system', content: 'First.' },
      user('a'),
      { role: 'system', content: 'Later.' },
      assistant('b'),
    ]);
    expect(result.system).toEqual([text('First.'), text('Later.')]);
    expect(result.messages).toEqual([
      { role: 'user', content: [text('a')] },
      { role: 'assistant', content: [text('b')] },
    ]);
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'A system message after user or assistant messages was sent with the others in the top-level system prompt: the Messages format has no system messages between turns.',
      },
    ]);
  });
});

describe('convertToLangdockMessagesPrompt: assistant parts', () => {
  const withReasoning = (providerOptions?: Record<string, Record<string, unknown>>) =>
    [
      user('a'),
      {
        role: 'assistant',
        content: [
          withOptions({ type: 'reasoning', text: 'Let me think.' }, providerOptions ?? {}),
          text('b'),
        ],
      },
    ] as LangdockPrompt;

  it.each<[string, Record<string, Record<string, unknown>> | undefined, unknown[]]>([
    [
      'a signed reasoning part becomes a thinking block',
      { langdock: { signature: 'sig-1' } },
      [{ type: 'thinking', thinking: 'Let me think.', signature: 'sig-1' }, text('b')],
    ],
    [
      'a signature under the anthropic key (history from @ai-sdk/anthropic) is read too',
      { anthropic: { signature: 'sig-2' } },
      [{ type: 'thinking', thinking: 'Let me think.', signature: 'sig-2' }, text('b')],
    ],
    [
      'the langdock key wins over the anthropic key',
      { langdock: { signature: 'mine' }, anthropic: { signature: 'theirs' } },
      [{ type: 'thinking', thinking: 'Let me think.', signature: 'mine' }, text('b')],
    ],
    [
      'redacted thinking is replayed as its data',
      { langdock: { redactedData: 'opaque' } },
      [{ type: 'redacted_thinking', data: 'opaque' }, text('b')],
    ],
    [
      'redacted thinking under the anthropic key',
      { anthropic: { redactedData: 'opaque-2' } },
      [{ type: 'redacted_thinking', data: 'opaque-2' }, text('b')],
    ],
  ])('%s', (_name, providerOptions, content) => {
    const result = convertToLangdockMessagesPrompt(withReasoning(providerOptions));
    expect(result.messages[1]).toEqual({ role: 'assistant', content });
    expect(result.warnings).toEqual([]);
  });

  it('drops unsigned reasoning with a warning', () => {
    const result = convertToLangdockMessagesPrompt(withReasoning(undefined));
    expect(result.messages[1]).toEqual({ role: 'assistant', content: [text('b')] });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Reasoning parts without a signature (from another provider, or edited) were not sent: Claude accepts only thinking it signed. Reasoning from Claude carries providerOptions.langdock.signature.',
      },
    ]);
  });

  it.each([
    ['signed', { langdock: { signature: 'sig' } }],
    ['unsigned', undefined],
  ])('sendReasoning: false drops %s reasoning without a warning', (_name, providerOptions) => {
    const result = convertToLangdockMessagesPrompt(withReasoning(providerOptions), {
      sendReasoning: false,
    });
    expect(result.messages[1]).toEqual({ role: 'assistant', content: [text('b')] });
    expect(result.warnings).toEqual([]);
  });

  it.each<[string, unknown, unknown, boolean]>([
    ['an object', { city: 'Berlin' }, { city: 'Berlin' }, false],
    ['a JSON string of an object', '{"city":"Paris"}', { city: 'Paris' }, false],
    ['undefined (a tool without input)', undefined, {}, false],
    ['invalid JSON', '{"city":', {}, true],
    ['a JSON array', '[1,2]', {}, true],
    ['a number', 42, {}, true],
    ['null', null, {}, true],
  ])('tool-call input as %s', (_name, input, expected, warns) => {
    const result = convertToLangdockMessagesPrompt([
      user('a'),
      { role: 'assistant', content: [{ ...call('c9'), input }] },
    ]);
    expect(result.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'c9', name: 'weather', input: expected }],
    });
    expect(result.warnings).toEqual(
      warns
        ? [
            {
              type: 'other',
              message:
                'Tool call c9 in the history had input that is not a JSON object (the model produced invalid arguments); it was sent with input {}.',
            },
          ]
        : [],
    );
  });

  it('drops provider-executed tool calls and results, files and custom parts, with one warning', () => {
    const result = convertToLangdockMessagesPrompt([
      user('a'),
      {
        role: 'assistant',
        content: [
          { ...call('p1'), providerExecuted: true },
          {
            type: 'tool-result',
            toolCallId: 'p1',
            toolName: 'web_search',
            output: { type: 'text', value: 'x' },
          },
          { type: 'file', data: { type: 'data', data: pngBase64 }, mediaType: 'image/png' },
          { type: 'custom' },
          text('done'),
        ],
      },
    ]);
    expect(result.messages[1]).toEqual({ role: 'assistant', content: [text('done')] });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Parts of earlier assistant messages were not sent (provider-executed tool-call, provider-executed tool-result, file, custom): a Messages assistant turn carries text, thinking and tool calls. Move a file into a user message.',
      },
    ]);
  });
});

describe('convertToLangdockMessagesPrompt: tool results', () => {
  it.each<[string, LangdockToolOutput, object]>([
    ['text', { type: 'text', value: 'sunny' }, { content: 'sunny' }],
    ['json', { type: 'json', value: { temp: 21 } }, { content: '{"temp":21}' }],
    [
      'error-text',
      { type: 'error-text', value: 'timeout' },
      { content: 'timeout', is_error: true },
    ],
    [
      'error-json',
      { type: 'error-json', value: { code: 503 } },
      { content: '{"code":503}', is_error: true },
    ],
    [
      'execution-denied with a reason',
      { type: 'execution-denied', reason: 'too expensive' },
      { content: 'The tool was not run: the user denied it (too expensive).', is_error: true },
    ],
    [
      'execution-denied without a reason',
      { type: 'execution-denied' },
      { content: 'The tool was not run: the user denied it.', is_error: true },
    ],
    [
      'content: text and a V3 image-data item',
      {
        type: 'content',
        value: [
          { type: 'text', text: 'Here:' },
          { type: 'image-data', data: pngBase64, mediaType: 'image/png' },
        ],
      },
      {
        content: [
          text('Here:'),
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngBase64 } },
        ],
      },
    ],
    [
      'content: a V2 media item',
      { type: 'content', value: [{ type: 'media', data: jpegBase64, mediaType: 'image/jpeg' }] },
      {
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpegBase64 } },
        ],
      },
    ],
    [
      'content: a V4 file item with tagged bytes and a bare image type (sniffed)',
      {
        type: 'content',
        value: [{ type: 'file', data: { type: 'data', data: png }, mediaType: 'image' }],
      },
      {
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngBase64 } },
        ],
      },
    ],
    [
      'content: an image URL item',
      { type: 'content', value: [{ type: 'image-url', url: 'https://example.com/a.png' }] },
      { content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }] },
    ],
    [
      'content: a PDF file-data item',
      {
        type: 'content',
        value: [{ type: 'file-data', data: 'JVBERi0=', mediaType: 'application/pdf' }],
      },
      {
        content: [
          {
            type: 'document',
            source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' },
          },
        ],
      },
    ],
  ])('%s', (_name, output, expected) => {
    const result = convertToLangdockMessagesPrompt([
      user('a'),
      { role: 'assistant', content: [call('c1')] },
      toolResult('c1', output),
    ]);
    expect(result.messages[2]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'c1', ...expected }],
    });
    expect(result.warnings).toEqual([]);
  });

  it('names content it cannot send, with a warning', () => {
    const result = convertToLangdockMessagesPrompt([
      toolResult('c1', {
        type: 'content',
        value: [{ type: 'file-data', data: 'AAAA', mediaType: 'audio/wav' }, { type: 'custom' }],
      }),
    ]);
    expect(result.messages[0]).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'c1',
          content: [text('[file-data audio/wav not sent]'), text('[custom not sent]')],
        },
      ],
    });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Tool result content was named in text instead of sent (file-data audio/wav, custom): a tool result carries text, images (JPEG, PNG, GIF, WebP) and PDFs.',
      },
    ]);
  });
});

describe('convertToLangdockMessagesPrompt: files', () => {
  const file = (data: unknown, mediaType: string, extra: object = {}): LangdockPrompt =>
    [{ role: 'user', content: [{ type: 'file', data, mediaType, ...extra }] }] as LangdockPrompt;

  it.each<[string, LangdockPrompt, unknown]>([
    [
      'a PNG as base64',
      file({ type: 'data', data: pngBase64 }, 'image/png'),
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngBase64 } },
    ],
    [
      'image bytes with a bare image type (sniffed)',
      file({ type: 'data', data: png }, 'image'),
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngBase64 } },
    ],
    [
      'image base64 with image/* (sniffed)',
      file({ type: 'data', data: jpegBase64 }, 'image/*'),
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpegBase64 } },
    ],
    [
      'image/jpg, read as image/jpeg',
      file({ type: 'data', data: jpegBase64 }, 'image/jpg'),
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpegBase64 } },
    ],
    [
      'an image URL',
      file({ type: 'url', url: new URL('https://example.com/cat.webp') }, 'image/webp'),
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.webp' } },
    ],
    [
      'a PDF as bytes, titled by its file name',
      file({ type: 'data', data: Uint8Array.from([0x25, 0x50, 0x44, 0x46]) }, 'application/pdf', {
        filename: 'report.pdf',
      }),
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERg==' },
        title: 'report.pdf',
      },
    ],
    [
      'a PDF URL',
      file({ type: 'url', url: new URL('https://example.com/a.pdf') }, 'application/pdf'),
      { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
    ],
    [
      'a PDF with title, context and citations options',
      file({ type: 'data', data: 'JVBERg==' }, 'application/pdf', {
        filename: 'r.pdf',
        providerOptions: { langdock: { title: 'Report', context: 'Q3', citations: true } },
      }),
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERg==' },
        title: 'Report',
        context: 'Q3',
        citations: { enabled: true },
      },
    ],
    [
      'text/plain as base64',
      file({ type: 'data', data: Buffer.from('Hällo').toString('base64') }, 'text/plain', {
        filename: 'notes.txt',
      }),
      {
        type: 'document',
        source: { type: 'text', media_type: 'text/plain', data: 'Hällo' },
        title: 'notes.txt',
      },
    ],
    [
      'text/plain as bytes',
      file({ type: 'data', data: new TextEncoder().encode('plain') }, 'text/plain'),
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain' } },
    ],
    [
      'inline text data (text/markdown, read as plain text)',
      file({ type: 'text', text: '# Title' }, 'text/markdown'),
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: '# Title' } },
    ],
  ])('%s', (_name, prompt, block) => {
    const result = convertToLangdockMessagesPrompt(prompt);
    expect(result.messages).toEqual([{ role: 'user', content: [block] }]);
    expect(result.warnings).toEqual([]);
  });

  it.each<[string, LangdockPrompt, new (...args: never[]) => Error, string]>([
    [
      'a file reference',
      file({ type: 'reference', reference: { langdock: 'file-1' } }, 'application/pdf'),
      UnsupportedFunctionalityError,
      "prompt[0].content[0]: Claude on Langdock takes no uploaded-file references; pass the file's bytes or an https URL instead.",
    ],
    [
      'audio',
      file({ type: 'data', data: 'AAAA' }, 'audio/mpeg', { filename: 'a.mp3' }),
      UnsupportedFunctionalityError,
      'prompt[0].content[0]: Claude on Langdock takes images (JPEG, PNG, GIF, WebP), PDFs and text files; got a file of type audio/mpeg (a.mp3). Convert it to one of those, or extract its text and send that as a text part.',
    ],
    [
      'a Word document',
      file(
        { type: 'data', data: 'AAAA' },
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
      UnsupportedFunctionalityError,
      'prompt[0].content[0]: Claude on Langdock takes images (JPEG, PNG, GIF, WebP), PDFs and text files; got a file of type application/vnd.openxmlformats-officedocument.wordprocessingml.document. Convert it to one of those, or extract its text and send that as a text part.',
    ],
    [
      'a TIFF image',
      file({ type: 'data', data: 'AAAA' }, 'image/tiff'),
      InvalidArgumentError,
      'prompt[0].content[0]: Claude reads JPEG, PNG, GIF and WebP images; got image/tiff. Convert it to one of those formats, or pass its full media type.',
    ],
    [
      'an image of unknown bytes with a bare type',
      file({ type: 'data', data: 'AAAAAAAAAAAAAAAA' }, 'image'),
      InvalidArgumentError,
      "prompt[0].content[0]: Claude reads JPEG, PNG, GIF and WebP images; got 'image' with bytes that are none of these. Convert it to one of those formats, or pass its full media type.",
    ],
    [
      'a text file by URL',
      file({ type: 'url', url: new URL('https://example.com/a.txt') }, 'text/plain'),
      UnsupportedFunctionalityError,
      'prompt[0].content[0]: Claude fetches only images and PDFs by URL; pass the text of https://example.com/a.txt instead.',
    ],
  ])('refuses %s', (_name, prompt, errorClass, message) => {
    expect(() => convertToLangdockMessagesPrompt(prompt)).toThrow(errorClass);
    expect(() => convertToLangdockMessagesPrompt(prompt)).toThrow(message);
  });
});

describe('convertToLangdockMessagesPrompt: cache_control', () => {
  const ephemeral = { type: 'ephemeral' };
  const hour = { type: 'ephemeral', ttl: '1h' };

  it('puts a message breakpoint on its last block and a part breakpoint on that part', () => {
    const result = convertToLangdockMessagesPrompt([
      {
        role: 'system',
        content: 'Long rules.',
        providerOptions: { langdock: { cacheControl: hour } },
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'doc', providerOptions: { langdock: { cacheControl: ephemeral } } },
          text('question'),
        ],
      },
      {
        role: 'user',
        content: [text('more'), text('last')],
        providerOptions: { anthropic: { cacheControl: ephemeral } },
      },
    ]);
    expect(result.system).toEqual([{ ...text('Long rules.'), cache_control: hour }]);
    expect(result.messages).toEqual([
      {
        role: 'user',
        content: [
          { ...text('doc'), cache_control: ephemeral },
          text('question'),
          text('more'),
          { ...text('last'), cache_control: ephemeral },
        ],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads cache_control (snake case) under the anthropic key', () => {
    const result = convertToLangdockMessagesPrompt([
      {
        role: 'user',
        content: [text('a')],
        providerOptions: { anthropic: { cache_control: hour } },
      },
    ]);
    expect(result.messages[0]!.content).toEqual([{ ...text('a'), cache_control: hour }]);
  });

  it('marks tool results, tool calls and assistant text', () => {
    const result = convertToLangdockMessagesPrompt([
      user('a'),
      {
        role: 'assistant',
        content: [
          text('Checking.'),
          withOptions(call('c1'), { langdock: { cacheControl: ephemeral } }),
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'weather',
            output: { type: 'text', value: 'sunny' },
          },
        ],
        providerOptions: { langdock: { cacheControl: ephemeral } },
      },
    ]);
    expect(result.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          text('Checking.'),
          {
            type: 'tool_use',
            id: 'c1',
            name: 'weather',
            input: { city: 'Berlin' },
            cache_control: ephemeral,
          },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'c1', content: 'sunny', cache_control: ephemeral },
        ],
      },
    ]);
  });

  it('sends no breakpoint on thinking, with a warning', () => {
    const result = convertToLangdockMessagesPrompt([
      user('a'),
      {
        role: 'assistant',
        content: [
          withOptions(
            { type: 'reasoning', text: 'hm' },
            { langdock: { signature: 's', cacheControl: ephemeral } },
          ),
        ],
        providerOptions: { langdock: { cacheControl: ephemeral } },
      },
    ]);
    expect(result.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'thinking', thinking: 'hm', signature: 's' }],
    });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'cacheControl on thinking was not sent (prompt[1].content[0], prompt[1]): thinking blocks are cached with their turn and take no breakpoint of their own.',
      },
    ]);
  });

  it.each([
    ['a wrong type', { type: 'persistent' }],
    ['a wrong ttl', { type: 'ephemeral', ttl: '2h' }],
  ])('refuses langdock.cacheControl with %s, naming the path', (_name, cacheControl) => {
    expect(() =>
      convertToLangdockMessagesPrompt([
        user('a'),
        { role: 'user', content: [text('b')], providerOptions: { langdock: { cacheControl } } },
      ]),
    ).toThrow(/prompt\[1\]\.providerOptions\.langdock\.cacheControl/);
  });

  it('ignores an invalid anthropic.cacheControl and unknown langdock keys from replayed metadata', () => {
    const result = convertToLangdockMessagesPrompt([
      {
        role: 'user',
        content: [text('a')],
        providerOptions: {
          anthropic: { cacheControl: { type: 'forever' } },
          langdock: { somethingFromAResponse: 1 },
        },
      },
    ]);
    expect(result.messages).toEqual([{ role: 'user', content: [text('a')] }]);
  });
});
