import { describe, expect, it } from 'vitest';
import {
  validateLangdockMessagesResponse,
  validateLangdockMessagesStreamEvent,
} from '../../../src/core/messages/validate-langdock-messages-response';

const message = (fields: object = {}) => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [{ type: 'text', text: 'Hi' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
  ...fields,
});

describe('validateLangdockMessagesResponse', () => {
  it('accepts a Message, with blocks of types it does not read', () => {
    const body = message({
      content: [
        { type: 'thinking', thinking: 't', signature: 's' },
        { type: 'redacted_thinking', data: 'd' },
        { type: 'text', text: 'x', citations: [{ type: 'page_location', document_index: 0 }] },
        { type: 'tool_use', id: 'toolu_1', name: 'n', input: {} },
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} },
        { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: { error_code: 'x' } },
      ],
      stop_details: null,
      container: { id: 'c' },
    });
    expect(validateLangdockMessagesResponse(body)).toEqual({ success: true, value: body });
  });

  it.each([
    ['not an object', 'oops', 'message must be an object'],
    [
      'an error envelope',
      { type: 'error', error: { message: 'x' } },
      'message.content must be an array',
    ],
    ['no content', message({ content: undefined }), 'message.content must be an array'],
    [
      'a block without a type',
      message({ content: [{ text: 'x' }] }),
      'message.content[0].type must be a string',
    ],
    [
      'text that is not a string',
      message({ content: [{ type: 'text', text: 1 }] }),
      'message.content[0].text must be a string',
    ],
    [
      'a tool_use without a name',
      message({ content: [{ type: 'tool_use', id: 'toolu_1', input: {} }] }),
      'message.content[0].name must be a string',
    ],
    [
      'a web citation without a url',
      message({
        content: [{ type: 'text', text: 'x', citations: [{ type: 'web_search_result_location' }] }],
      }),
      'message.content[0].citations[0].url must be a string',
    ],
    [
      'a document citation with a negative index',
      message({
        content: [
          { type: 'text', text: 'x', citations: [{ type: 'char_location', document_index: -1 }] },
        ],
      }),
      'message.content[0].citations[0].document_index must be a non-negative integer',
    ],
    [
      'a stop_reason that is no string',
      message({ stop_reason: 3 }),
      'message.stop_reason must be a string',
    ],
    [
      'usage counts as text',
      message({ usage: { input_tokens: '5' } }),
      'message.usage.input_tokens must be a number',
    ],
    [
      'stop_details that is no object',
      message({ stop_details: 'refusal' }),
      'message.stop_details must be an object',
    ],
  ])('refuses %s', (_case, body, problem) => {
    expect(validateLangdockMessagesResponse(body)).toEqual({ success: false, problem });
  });
});

describe('validateLangdockMessagesStreamEvent', () => {
  it.each([
    [{ type: 'ping' }],
    [{ type: 'message_stop' }],
    [{ type: 'something_new', anything: [1] }],
    [{ type: 'message_start', message: { id: 'm', usage: { input_tokens: 1 } } }],
    [{ type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use' } }],
    [{ type: 'content_block_start', index: 0, content_block: { type: 'thinking' } }],
    [{ type: 'content_block_delta', index: 2, delta: { type: 'compaction_delta', content: null } }],
    [{ type: 'message_delta', delta: { stop_reason: null }, usage: { output_tokens: 3 } }],
  ])('accepts %j', (event) => {
    expect(validateLangdockMessagesStreamEvent(event)).toEqual({ success: true, value: event });
  });

  it.each([
    [[1], 'event must be an object'],
    [{ type: 'message_start' }, 'event.message must be an object'],
    [
      { type: 'content_block_start', index: 1.5, content_block: { type: 'text', text: '' } },
      'event.index must be a non-negative integer',
    ],
    [
      { type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking' } },
      'event.content_block.data must be a string',
    ],
    [
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta' } },
      'event.delta.signature must be a string',
    ],
    [
      { type: 'content_block_delta', index: 0, delta: { type: 'citations_delta', citation: {} } },
      'event.delta.citation.type must be a string',
    ],
    [{ type: 'content_block_stop', index: '0' }, 'event.index must be a non-negative integer'],
    [{ type: 'message_delta', usage: {} }, 'event.delta must be an object'],
    [
      { type: 'message_delta', delta: {}, usage: { output_tokens: 'many' } },
      'event.usage.output_tokens must be a number',
    ],
  ])('refuses %j', (event, problem) => {
    expect(validateLangdockMessagesStreamEvent(event)).toEqual({ success: false, problem });
  });
});
