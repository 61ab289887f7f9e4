import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { v2AgentStreamSpec } from '../../../src/v2/langdock-v2-agent-mapping';
import { v3AgentStreamSpec } from '../../../src/v3/langdock-v3-agent-mapping';
import { v4AgentStreamSpec } from '../../../src/v4/langdock-v4-agent-mapping';
import { agentPartsFromSse, readSseFixture, uiStream } from '../../helpers/agent-stream';

const noUsage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};
const v4Finish = (unified: string, raw: string | undefined, providerMetadata?: unknown) => ({
  type: 'finish',
  finishReason: { unified, raw },
  usage: noUsage,
  ...(providerMetadata !== undefined && { providerMetadata: { langdock: providerMetadata } }),
});
const search = [
  { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'web_search' },
  { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '{"query":' },
  { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '"Berlin"}' },
  {
    type: 'tool-input-available',
    toolCallId: 'call_1',
    toolName: 'web_search',
    input: { query: 'Berlin' },
  },
  {
    type: 'tool-output-available',
    toolCallId: 'call_1',
    output: { results: [{ url: 'https://example.com/a' }] },
  },
];

describe('LangdockAgentStreamProcessor', () => {
  it('reads the captured stream, glued events included: text and reasoning with their ids, a bare finish as stop', () => {
    const id = 'msg_07f60f20a7cd721a016a8b1bbb181c81a4bab45e4e0ed9ef02';
    expect(agentPartsFromSse([readSseFixture('agent-captured')], v4AgentStreamSpec)).toEqual([
      { type: 'response-metadata', id: '5f56521c' },
      { type: 'reasoning-start', id: 'rs_07f6:0' },
      { type: 'reasoning-end', id: 'rs_07f6:0' },
      { type: 'text-start', id },
      { type: 'text-delta', id, delta: '1' },
      { type: 'text-delta', id, delta: ' …' },
      { type: 'text-delta', id, delta: '  \n' },
      { type: 'text-delta', id, delta: '2' },
      { type: 'text-end', id },
      v4Finish('stop', undefined, {
        messageMetadata: { modelName: 'GPT-5.6 Luna' },
        data: [{ type: 'data-conversation-id', data: null }],
      }),
    ]);
  });

  it("passes the agent's tool on as a dynamic provider-executed call with its result, and sources as sources (V4)", () => {
    const parts = agentPartsFromSse(
      [
        uiStream([
          ...search,
          { type: 'source-url', sourceId: 's1', url: 'https://example.com/a', title: 'A' },
          {
            type: 'source-document',
            sourceId: 's2',
            mediaType: 'application/pdf',
            title: 'Handbook',
            filename: 'handbook.pdf',
          },
          { type: 'finish', finishReason: 'stop' },
        ]),
      ],
      v4AgentStreamSpec,
    );
    expect(parts).toEqual([
      {
        type: 'tool-input-start',
        id: 'call_1',
        toolName: 'web_search',
        providerExecuted: true,
        dynamic: true,
      },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"query":' },
      { type: 'tool-input-delta', id: 'call_1', delta: '"Berlin"}' },
      { type: 'tool-input-end', id: 'call_1' },
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: '{"query":"Berlin"}',
        providerExecuted: true,
        dynamic: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'web_search',
        result: { results: [{ url: 'https://example.com/a' }] },
        dynamic: true,
      },
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com/a', title: 'A' },
      {
        type: 'source',
        sourceType: 'document',
        id: 's2',
        mediaType: 'application/pdf',
        title: 'Handbook',
        filename: 'handbook.pdf',
      },
      v4Finish('stop', 'stop'),
    ]);
  });

  it('V2: passes only tools the call names, marks results provider-executed, and keeps the others in provider metadata', () => {
    const chunks = [
      ...search,
      {
        type: 'tool-input-available',
        toolCallId: 'call_2',
        toolName: 'crm_lookup',
        input: { id: 7 },
      },
      { type: 'tool-output-error', toolCallId: 'call_2', errorText: 'CRM down' },
      { type: 'finish' },
    ];
    const parts = agentPartsFromSse(
      [uiStream(chunks)],
      v2AgentStreamSpec([
        { type: 'provider-defined', id: 'langdock.agent_tool', name: 'web_search', args: {} },
      ]),
    );
    expect(parts).toEqual([
      { type: 'tool-input-start', id: 'call_1', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"query":' },
      { type: 'tool-input-delta', id: 'call_1', delta: '"Berlin"}' },
      { type: 'tool-input-end', id: 'call_1' },
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'web_search',
        input: '{"query":"Berlin"}',
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'web_search',
        result: { results: [{ url: 'https://example.com/a' }] },
        providerExecuted: true,
      },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined },
        providerMetadata: {
          langdock: {
            toolCalls: [
              {
                toolCallId: 'call_2',
                toolName: 'crm_lookup',
                input: { id: 7 },
                errorText: 'CRM down',
              },
            ],
          },
        },
      },
    ]);
  });

  it('turns tool errors and denials into error results, and skips preliminary results where the spec has none', () => {
    const chunks = [
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'image', input: {} },
      {
        type: 'tool-output-available',
        toolCallId: 'a',
        output: { progress: 50 },
        preliminary: true,
      },
      { type: 'tool-output-available', toolCallId: 'a', output: null },
      {
        type: 'tool-input-error',
        toolCallId: 'b',
        toolName: 'crm',
        input: '{bad',
        errorText: 'invalid input',
      },
      { type: 'tool-input-available', toolCallId: 'c', toolName: 'send_mail', input: { to: 'x' } },
      { type: 'tool-output-denied', toolCallId: 'c' },
      { type: 'finish' },
    ];
    const v3 = agentPartsFromSse([uiStream(chunks)], v3AgentStreamSpec).filter(
      (part) => (part as { type: string }).type === 'tool-result',
    );
    expect(v3).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'a',
        toolName: 'image',
        result: { progress: 50 },
        preliminary: true,
        dynamic: true,
      },
      { type: 'tool-result', toolCallId: 'a', toolName: 'image', result: {}, dynamic: true },
      {
        type: 'tool-result',
        toolCallId: 'b',
        toolName: 'crm',
        result: 'invalid input',
        isError: true,
        dynamic: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'c',
        toolName: 'send_mail',
        result: 'The tool call was denied.',
        isError: true,
        dynamic: true,
      },
    ]);
    const v2 = agentPartsFromSse(
      [uiStream(chunks)],
      v2AgentStreamSpec([
        { type: 'provider-defined', id: 'langdock.agent_tool', name: 'image', args: {} },
      ]),
    );
    expect(v2.filter((part) => (part as { type: string }).type === 'tool-result')).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'a',
        toolName: 'image',
        result: {},
        providerExecuted: true,
      },
    ]);
  });

  it('leaves a call that awaits confirmation without a result, and keeps an approval request as a note', () => {
    const chunks = [
      { type: 'tool-input-available', toolCallId: 'c', toolName: 'send_mail', input: { to: 'x' } },
      { type: 'tool-approval-request', approvalId: 'ap1', toolCallId: 'c' },
      { type: 'finish' },
    ];
    expect(agentPartsFromSse([uiStream(chunks)], v4AgentStreamSpec)).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'c',
        toolName: 'send_mail',
        input: '{"to":"x"}',
        providerExecuted: true,
        dynamic: true,
      },
      v4Finish('stop', undefined, {
        toolApprovalRequests: [
          { type: 'tool-approval-request', approvalId: 'ap1', toolCallId: 'c' },
        ],
      }),
    ]);
  });

  it('turns an error chunk into an error part with the key redacted, and the finish into an error', () => {
    const redact = (text: string) => text.split('ld-secret-key-123').join('[redacted]');
    const parts = agentPartsFromSse(
      [
        uiStream([
          { type: 'start' },
          { type: 'error', errorText: 'Tool failed with key ld-secret-key-123' },
        ]),
      ],
      v4AgentStreamSpec,
      { redact },
    );
    expect(parts).toHaveLength(2);
    const error = (parts[0] as { error: APICallError }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'The Langdock agent reported an error: Tool failed with key [redacted]',
    );
    expect(error.isRetryable).toBe(false);
    expect(JSON.stringify(parts)).not.toContain('ld-secret-key-123');
    expect(parts[1]).toEqual(v4Finish('error', undefined));
  });

  it('says interrupted on V4 when the finish chunk never came; V2 and V3 add an error part', () => {
    const chunks = [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hal' },
    ];
    expect(agentPartsFromSse([uiStream(chunks, { done: false })], v4AgentStreamSpec)).toEqual([
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hal' },
      { type: 'text-end', id: 't' },
      v4Finish('interrupted', undefined),
    ]);
    const v3 = agentPartsFromSse([uiStream(chunks, { done: false })], v3AgentStreamSpec);
    expect(v3.slice(-2)).toEqual([
      {
        type: 'error',
        error: new InvalidResponseDataError({
          data: undefined,
          message:
            "The Langdock agent's stream ended before its finish chunk: the answer may be incomplete.",
        }),
      },
      { type: 'finish', finishReason: { unified: 'error', raw: undefined }, usage: noUsage },
    ]);
  });

  it('opens text a delta arrives for without text-start, and closes it at the end', () => {
    expect(
      agentPartsFromSse(
        [uiStream([{ type: 'text-delta', id: 'm', delta: 'x' }, { type: 'finish' }])],
        v4AgentStreamSpec,
      ),
    ).toEqual([
      { type: 'text-start', id: 'm' },
      { type: 'text-delta', id: 'm', delta: 'x' },
      { type: 'text-end', id: 'm' },
      v4Finish('stop', undefined),
    ]);
  });

  it('keeps a finish reason the chunk names, and calls one the specs do not know other', () => {
    const finish = (finishReason: string) =>
      agentPartsFromSse([uiStream([{ type: 'finish', finishReason }])], v4AgentStreamSpec).at(-1);
    expect(finish('length')).toEqual(v4Finish('length', 'length'));
    expect(finish('unknown')).toEqual(v4Finish('other', 'unknown'));
  });

  it('reads an abort chunk as an interruption with an error part', () => {
    const parts = agentPartsFromSse(
      [uiStream([{ type: 'abort' }, { type: 'finish' }])],
      v4AgentStreamSpec,
    );
    expect(parts).toEqual([
      {
        type: 'error',
        error: new InvalidResponseDataError({
          data: undefined,
          message: "Langdock aborted the agent's run before it finished: the answer is incomplete.",
        }),
      },
      v4Finish('interrupted', undefined),
    ]);
  });

  it('emits structured output that came only as a value as one text part, and keeps it in provider metadata', () => {
    for (const chunks of [
      [{ type: 'finish', output: { city: 'Berlin' } }],
      [{ type: 'finish', messageMetadata: { output: { city: 'Berlin' } } }],
      [{ type: 'data-output', data: { city: 'Berlin' } }, { type: 'finish' }],
    ]) {
      const parts = agentPartsFromSse([uiStream(chunks)], v4AgentStreamSpec);
      expect(parts.slice(0, 3)).toEqual([
        { type: 'text-start', id: 'output' },
        { type: 'text-delta', id: 'output', delta: '{"city":"Berlin"}' },
        { type: 'text-end', id: 'output' },
      ]);
      expect(
        (parts[3] as { providerMetadata: { langdock: { output: unknown } } }).providerMetadata
          .langdock.output,
      ).toEqual({ city: 'Berlin' });
    }
    // When the answer streamed as text, the text is the result and nothing is added.
    const streamed = agentPartsFromSse(
      [
        uiStream([
          { type: 'text-delta', id: 't', delta: '{"city":"Berlin"}' },
          { type: 'finish', output: { city: 'Berlin' } },
        ]),
      ],
      v4AgentStreamSpec,
    );
    expect(
      streamed.filter((part) => (part as { type: string }).type === 'text-delta'),
    ).toHaveLength(1);
  });

  it('passes inline files on in every spec, links only on V4 (else provider metadata)', () => {
    const chunks = [
      { type: 'file', url: 'data:image/png;base64,iVBORw0KGgo=', mediaType: 'image/png' },
      { type: 'file', url: 'https://files.example.com/signed/1.png', mediaType: 'image/png' },
      { type: 'finish' },
    ];
    expect(agentPartsFromSse([uiStream(chunks)], v4AgentStreamSpec).slice(0, 2)).toEqual([
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      {
        type: 'file',
        mediaType: 'image/png',
        data: { type: 'url', url: new URL('https://files.example.com/signed/1.png') },
      },
    ]);
    expect(agentPartsFromSse([uiStream(chunks)], v3AgentStreamSpec)).toEqual([
      { type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: undefined },
        usage: noUsage,
        providerMetadata: {
          langdock: {
            files: [{ url: 'https://files.example.com/signed/1.png', mediaType: 'image/png' }],
          },
        },
      },
    ]);
  });

  it('reports an event that is not JSON (and cannot be split into events) and one that is no UI chunk', () => {
    const parts = agentPartsFromSse(
      [
        'data: {broken\n\n',
        'data: [1,2]\n\n',
        'data: {"type":"text-delta","id":"t"}\n\n',
        'data: {"type":"finish"}\n\n',
      ],
      v4AgentStreamSpec,
    );
    expect((parts[0] as { error: unknown }).error).toBeInstanceOf(JSONParseError);
    expect((parts[1] as { error: unknown }).error).toBeInstanceOf(TypeValidationError);
    expect(((parts[2] as { error: TypeValidationError }).error.cause as Error).message).toBe(
      'The text-delta chunk needs a string id and delta.',
    );
    expect(parts[3]).toEqual(v4Finish('error', undefined));
  });

  it('redacts a key echoed with \\u escapes from raw parts and from the value of a bad chunk', () => {
    const redact = (text: string) => text.split('ld-secret-key-123').join('[redacted]');
    const parts = agentPartsFromSse(
      [
        'data: {"type":"message-metadata","messageMetadata":{"key":"\\u006cd-secret-key-123"}}\n\n',
        'data: {"type":"text-delta","id":"\\u006cd-secret-key-123"}\n\n',
      ],
      v4AgentStreamSpec,
      { includeRawChunks: true, redact },
    );
    expect(parts[0]).toEqual({
      type: 'raw',
      rawValue: { type: 'message-metadata', messageMetadata: { key: '[redacted]' } },
    });
    expect(parts[1]).toEqual({ type: 'raw', rawValue: { type: 'text-delta', id: '[redacted]' } });
    expect((parts[2] as { error: TypeValidationError }).error.value).toEqual({
      type: 'text-delta',
      id: '[redacted]',
    });
  });

  it('ignores chunk types it does not know, and passes raw chunks when asked', () => {
    const parts = agentPartsFromSse(
      [uiStream([{ type: 'keepalive' }, { type: 'finish' }])],
      v4AgentStreamSpec,
      { includeRawChunks: true },
    );
    expect(parts).toEqual([
      { type: 'raw', rawValue: { type: 'keepalive' } },
      { type: 'raw', rawValue: { type: 'finish' } },
      v4Finish('stop', undefined),
    ]);
  });
});
