import { describe, expect, it } from 'vitest';
import type { LangdockChatResponse } from '../../../src/core/chat/langdock-chat-api-types';
import { mapLangdockChatResponse } from '../../../src/core/chat/map-langdock-chat-response';
import { counterIds } from '../../helpers/stream-parts';

const response = (
  message: LangdockChatResponse['choices'][number]['message'],
  finish_reason = 'stop',
  extra: Partial<LangdockChatResponse['choices'][number]> = {},
): LangdockChatResponse => ({
  id: 'r',
  created: 1764000000,
  model: 'deepseek-r1',
  choices: [{ index: 0, message, finish_reason, ...extra }],
});

describe('mapLangdockChatResponse', () => {
  it('puts reasoning_content first, as reasoning (#12 item 10)', () => {
    const mapped = mapLangdockChatResponse(
      response({ role: 'assistant', reasoning_content: 'Let me think.', content: '42' }),
      counterIds(),
    );
    expect(mapped.content).toEqual([
      { type: 'reasoning', text: 'Let me think.' },
      { type: 'text', text: '42' },
    ]);
  });

  it('drops a tool call that length cut off, with a warning, and keeps the complete one (#12 item 7)', () => {
    const mapped = mapLangdockChatResponse(
      response(
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'a',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Rome"}' },
            },
            { id: 'b', type: 'function', function: { name: 'weather', arguments: '{"city":"Pa' } },
          ],
        },
        'length',
      ),
      counterIds(),
    );
    expect(mapped.content).toEqual([
      { type: 'tool-call', toolCallId: 'a', toolName: 'weather', input: '{"city":"Rome"}' },
    ]);
    expect(mapped.warnings).toEqual([
      {
        type: 'other',
        message:
          'Tool call b (weather) was cut off by the output token limit (finish_reason length): its arguments are incomplete, so it was not passed on. Raise maxOutputTokens.',
      },
    ]);
    expect(mapped.finish).toMatchObject({ outcome: 'finished', finishReason: 'length' });
  });

  it('passes on a tool call with unparsable arguments when the model said it finished normally', () => {
    const mapped = mapLangdockChatResponse(
      response(
        {
          role: 'assistant',
          tool_calls: [{ id: 'a', type: 'function', function: { name: 'w', arguments: '{bad' } }],
        },
        'tool_calls',
      ),
      counterIds(),
    );
    expect(mapped.content).toEqual([
      { type: 'tool-call', toolCallId: 'a', toolName: 'w', input: '{bad' },
    ]);
    expect(mapped.warnings).toEqual([]);
  });

  it('keeps the content filter verdict as a list, with its hits (#12 item 9)', () => {
    const results = {
      hate: { filtered: false, severity: 'safe' },
      custom_blocklists: { filtered: true, details: [{ id: 'words', filtered: true }] },
    };
    const mapped = mapLangdockChatResponse(
      response({ role: 'assistant', content: 'x' }, 'content_filter', {
        content_filter_results: results,
      }),
      counterIds(),
    );
    expect(mapped.finish.providerMetadata).toEqual({
      contentFilterResults: [{ results }],
      contentFilterHits: ['custom_blocklists:words'],
    });
  });

  it.each<[string, NonNullable<LangdockChatResponse['usage']>, object | undefined]>([
    [
      'both counts',
      {
        completion_tokens_details: { accepted_prediction_tokens: 7, rejected_prediction_tokens: 2 },
      },
      { acceptedPredictionTokens: 7, rejectedPredictionTokens: 2 },
    ],
    [
      'a zero and a null',
      {
        completion_tokens_details: {
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: null,
        },
      },
      { acceptedPredictionTokens: 0 },
    ],
    ['no details', { prompt_tokens: 3 }, undefined],
  ])('puts predicted-output counts in provider metadata: %s (#20)', (_name, usage, expected) => {
    const mapped = mapLangdockChatResponse(
      { ...response({ role: 'assistant', content: 'x' }), usage },
      counterIds(),
    );
    expect(mapped.finish.providerMetadata).toEqual(expected);
  });
});
