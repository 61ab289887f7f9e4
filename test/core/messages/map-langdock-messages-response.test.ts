import { describe, expect, it } from 'vitest';
import type { LangdockMessagesResponse } from '../../../src/core/messages/langdock-messages-response-types';
import { mapLangdockMessagesResponse } from '../../../src/core/messages/map-langdock-messages-response';
import { counterIds } from '../../helpers/stream-parts';

const usage = {
  input_tokens: 12,
  cache_creation_input_tokens: 30,
  cache_read_input_tokens: 0,
  output_tokens: 40,
  service_tier: 'standard',
};

const body = (fields: Partial<LangdockMessagesResponse>): LangdockMessagesResponse => ({
  id: 'msg_1',
  model: 'claude-sonnet-4-5-20250929',
  content: [],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage,
  ...fields,
});

const map = (response: LangdockMessagesResponse, jsonToolName?: string) =>
  mapLangdockMessagesResponse(response, counterIds(), { jsonToolName });

describe('mapLangdockMessagesResponse', () => {
  it('maps thinking with its signature, redacted thinking, text and tool calls, with usage and metadata', () => {
    expect(
      map(
        body({
          content: [
            { type: 'thinking', thinking: 'Think.', signature: 'EqQB' },
            { type: 'redacted_thinking', data: 'EmwK' },
            { type: 'text', text: 'Calling.' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'München' } },
            { type: 'tool_use', id: 'toolu_2', name: 'now', input: {} },
          ],
          stop_reason: 'tool_use',
        }),
      ),
    ).toEqual({
      content: [
        {
          type: 'reasoning',
          text: 'Think.',
          providerMetadata: { langdock: { signature: 'EqQB' } },
        },
        { type: 'reasoning', text: '', providerMetadata: { langdock: { redactedData: 'EmwK' } } },
        { type: 'text', text: 'Calling.' },
        {
          type: 'tool-call',
          toolCallId: 'toolu_1',
          toolName: 'weather',
          input: '{"city":"München"}',
        },
        { type: 'tool-call', toolCallId: 'toolu_2', toolName: 'now', input: '{}' },
      ],
      warnings: [],
      finish: {
        outcome: 'finished',
        finishReason: 'tool_use',
        reason: 'tool-calls',
        usage: {
          inputTokens: 42,
          cacheReadTokens: 0,
          cacheWriteTokens: 30,
          outputTokens: 40,
          reasoningTokens: undefined,
          totalTokens: 82,
          raw: usage,
        },
        providerMetadata: { usage, cacheCreationInputTokens: 30 },
      },
      metadata: { id: 'msg_1', modelId: 'claude-sonnet-4-5-20250929' },
    });
  });

  it("JSON mode: the forced tool's input is the text, other text is left out, tool_use is a stop", () => {
    const mapped = map(
      body({
        content: [
          { type: 'text', text: "I'll use the json tool." },
          { type: 'tool_use', id: 'toolu_j', name: 'json', input: { elements: [1, 2] } },
        ],
        stop_reason: 'tool_use',
      }),
      'json',
    );
    expect(mapped.content).toEqual([{ type: 'text', text: '{"elements":[1,2]}' }]);
    expect(mapped.finish.reason).toBe('stop');
  });

  it('JSON mode: another tool called instead is a tool call, and tool_use stays tool-calls', () => {
    const mapped = map(
      body({
        content: [{ type: 'tool_use', id: 'toolu_w', name: 'weather', input: { location: 'SF' } }],
        stop_reason: 'tool_use',
      }),
      'json',
    );
    expect(mapped.content).toEqual([
      { type: 'tool-call', toolCallId: 'toolu_w', toolName: 'weather', input: '{"location":"SF"}' },
    ]);
    expect(mapped.finish.reason).toBe('tool-calls');
  });

  it('makes one source per cited page or document across text blocks, and leaves server tool blocks out', () => {
    const web = (url: string) => ({
      type: 'web_search_result_location' as const,
      url,
      title: url.toUpperCase(),
      cited_text: 'x',
    });
    const mapped = map(
      body({
        content: [
          { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} },
          { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
          { type: 'text', text: 'A', citations: [web('https://a'), web('https://a')] },
          {
            type: 'text',
            text: 'B',
            citations: [
              web('https://a'),
              web('https://b'),
              { type: 'page_location', document_index: 0, document_title: 'Manual' },
            ],
          },
        ] as unknown as LangdockMessagesResponse['content'],
      }),
    );
    expect(mapped.content).toEqual([
      { type: 'text', text: 'A' },
      { type: 'source', sourceType: 'url', id: 'id-0', url: 'https://a', title: 'HTTPS://A' },
      { type: 'text', text: 'B' },
      { type: 'source', sourceType: 'url', id: 'id-1', url: 'https://b', title: 'HTTPS://B' },
      {
        type: 'source',
        sourceType: 'document',
        id: 'id-2',
        mediaType: 'application/pdf',
        title: 'Manual',
        providerMetadata: { langdock: { documentIndex: 0 } },
      },
    ]);
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['refusal', 'content-filter'],
    ['pause_turn', undefined],
  ])('stop_reason %s is %s', (stopReason, reason) => {
    expect(map(body({ stop_reason: stopReason })).finish).toMatchObject({
      outcome: 'finished',
      finishReason: stopReason,
      reason,
    });
  });

  it('keeps the stop sequence, refusal details, container and context management in provider metadata', () => {
    const stopDetails = { type: 'refusal', category: 'cyber' };
    const container = { id: 'container_1', expires_at: '2026-01-01T00:00:00Z' };
    const mapped = map({
      ...body({
        stop_reason: 'refusal',
        stop_sequence: 'STOP',
        stop_details: stopDetails,
        container,
      }),
      context_management: { applied_edits: [] },
      usage: undefined,
    });
    expect(mapped.finish.usage).toBeUndefined();
    expect(mapped.finish.providerMetadata).toEqual({
      stopSequence: 'STOP',
      stopDetails,
      container,
      contextManagement: { applied_edits: [] },
    });
  });

  it('leaves out metadata the body does not carry', () => {
    expect(map(body({ id: null, model: undefined })).metadata).toEqual({});
  });
});
