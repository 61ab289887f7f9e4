import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
  type JSONValue,
} from '@ai-sdk/provider';
import type { LangdockUIMessageChunk } from './langdock-agent-api-types';
import type {
  LangdockAgentFile,
  LangdockAgentFinish,
  LangdockAgentStreamPart,
  LangdockAgentStreamSpec,
} from './langdock-agent-parts';
import { redactedCause, redactedValue } from '../http/langdock-redaction';
import { splitLangdockGluedEvents } from './split-langdock-agent-glued-events';
import { isJsonObject } from '../http/langdock-json-guards';

export interface LangdockAgentStreamProcessorOptions<FINISH, FILE> {
  emit: (part: LangdockAgentStreamPart | FINISH | FILE) => void;
  spec: Pick<
    LangdockAgentStreamSpec<unknown, FINISH, FILE>,
    'finishPart' | 'reportsInterruption' | 'tools' | 'filePart'
  >;
  includeRawChunks?: boolean;
  /** Removes the API key from server text before it reaches a part. */
  redact?: (text: string) => string;
  /** For errors the agent reports inside the stream. */
  url: string;
  requestBodyValues: unknown;
}

interface AgentToolCall {
  toolName: string;
  /** Its parts are emitted (the spec passes it); else it is kept in provider metadata. */
  passed: boolean;
  /** `tool-input-start` was emitted, so a `tool-input-end` is owed. */
  inputOpen: boolean;
  called: boolean;
  /** What provider metadata keeps of a call that was not passed on. */
  record?: Record<string, JSONValue>;
}

type Chunk = LangdockUIMessageChunk;

/**
 * The agent's UI message stream (AI SDK 5 chunks, one per SSE event) as stream parts. Text and reasoning keep
 * their ids; the agent's tools become provider-executed calls with their results; sources stay sources;
 * `data-*` chunks, message metadata and what the spec cannot carry go into provider metadata.
 */
export class LangdockAgentStreamProcessor<FINISH = never, FILE = never> {
  private readonly emit: (part: LangdockAgentStreamPart | FINISH | FILE) => void;
  private readonly redact: (text: string) => string;
  private readonly openText = new Set<string>();
  private readonly openReasoning = new Set<string>();
  private readonly toolCalls = new Map<string, AgentToolCall>();
  private textSent = false;
  private finished = false;
  private finishReason: string | undefined;
  private failed = false;
  private reported = false;
  private aborted = false;
  private messageMetadata: Record<string, JSONValue> | undefined;
  private readonly data: JSONValue[] = [];
  private readonly heldToolCalls: Array<Record<string, JSONValue>> = [];
  private readonly files: LangdockAgentFile[] = [];
  private readonly approvals: JSONValue[] = [];
  private output: JSONValue | undefined;

  constructor(private readonly options: LangdockAgentStreamProcessorOptions<FINISH, FILE>) {
    this.emit = options.emit;
    this.redact = options.redact ?? ((text) => text);
  }

  push(data: string): void {
    if (data === '[DONE]' || data.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (cause) {
      // Only data that failed to parse is looked at for glued events.
      const events = splitLangdockGluedEvents(data);
      if (events === undefined)
        return this.fail(
          new JSONParseError({ text: this.redact(data), cause: redactedCause(cause, this.redact) }),
        );
      for (const event of events) this.push(event);
      return;
    }
    if (this.options.includeRawChunks)
      this.emit({ type: 'raw', rawValue: redactedValue(data, value, this.redact) });
    if (!isJsonObject(value) || typeof value.type !== 'string') {
      return this.fail(
        new TypeValidationError({
          value: redactedValue(data, value, this.redact),
          cause: new Error('A Langdock agent stream event must be an object with a string type.'),
        }),
      );
    }
    const problem = this.chunk(value as Chunk);
    if (problem !== undefined)
      this.fail(
        new TypeValidationError({
          value: redactedValue(data, value, this.redact),
          cause: new Error(`The ${value.type} chunk ${problem}.`),
        }),
      );
  }

  /** The byte stream broke off (connection lost, oversized event): report why, then finish. */
  interrupt(error: unknown): void {
    if (this.finished) this.fail(error);
    else this.report(error);
    this.finish();
  }

  /** The byte stream ended: close open parts and report how the answer ended. */
  finish(): void {
    for (const id of this.openReasoning) this.emit({ type: 'reasoning-end', id });
    this.openReasoning.clear();
    for (const id of this.openText) this.emit({ type: 'text-end', id });
    this.openText.clear();
    for (const [id, call] of this.toolCalls) {
      if (call.inputOpen) this.emit({ type: 'tool-input-end', id });
      call.inputOpen = false;
    }
    // Structured output that came only as a value (not as text): as text, so the AI SDK can parse it.
    if (!this.textSent && this.output !== undefined && !this.failed) {
      this.emit({ type: 'text-start', id: 'output' });
      this.emit({ type: 'text-delta', id: 'output', delta: JSON.stringify(this.output) });
      this.emit({ type: 'text-end', id: 'output' });
    }
    const interrupted = !this.finished || this.aborted;
    if (!this.finished && !this.reported && !this.options.spec.reportsInterruption) {
      this.report(
        new InvalidResponseDataError({
          data: undefined,
          message:
            "The Langdock agent's stream ended before its finish chunk: the answer may be incomplete.",
        }),
      );
    }
    const finish: LangdockAgentFinish = {
      outcome: this.failed ? 'failed' : interrupted ? 'interrupted' : 'finished',
      finishReason: this.finishReason,
      providerMetadata: this.providerMetadata(),
    };
    this.emit(this.options.spec.finishPart(finish));
  }

  /** Handles one chunk; returns what is wrong with it, if anything. */
  private chunk(chunk: Chunk): string | undefined {
    switch (chunk.type) {
      case 'text-start':
      case 'reasoning-start': {
        const id = chunk.id;
        if (typeof id !== 'string') return 'has no string id';
        this.open(chunk.type === 'text-start' ? 'text' : 'reasoning', id);
        return;
      }
      case 'text-delta':
      case 'reasoning-delta': {
        const { id, delta } = chunk;
        if (typeof id !== 'string' || typeof delta !== 'string')
          return 'needs a string id and delta';
        const kind = chunk.type === 'text-delta' ? 'text' : 'reasoning';
        this.open(kind, id);
        if (kind === 'text') {
          if (delta !== '') this.textSent = true;
          this.emit({ type: 'text-delta', id, delta });
        } else {
          this.emit({ type: 'reasoning-delta', id, delta });
        }
        return;
      }
      case 'text-end':
      case 'reasoning-end': {
        const id = chunk.id;
        if (typeof id !== 'string') return 'has no string id';
        const open = chunk.type === 'text-end' ? this.openText : this.openReasoning;
        if (open.delete(id)) this.emit({ type: chunk.type, id });
        return;
      }
      case 'tool-input-start': {
        const { toolCallId, toolName } = chunk;
        if (typeof toolCallId !== 'string' || typeof toolName !== 'string')
          return 'needs a string toolCallId and toolName';
        const call = this.toolCall(toolCallId, toolName);
        if (call.passed && !call.inputOpen && !call.called) {
          call.inputOpen = true;
          this.emit({
            type: 'tool-input-start',
            id: toolCallId,
            toolName,
            providerExecuted: true,
            ...this.dynamic(),
          });
        }
        return;
      }
      case 'tool-input-delta': {
        const { toolCallId, inputTextDelta } = chunk;
        if (typeof toolCallId !== 'string' || typeof inputTextDelta !== 'string')
          return 'needs a string toolCallId and inputTextDelta';
        if (this.toolCalls.get(toolCallId)?.inputOpen)
          this.emit({ type: 'tool-input-delta', id: toolCallId, delta: inputTextDelta });
        return;
      }
      case 'tool-input-available':
      case 'tool-input-error': {
        const { toolCallId, toolName } = chunk;
        if (typeof toolCallId !== 'string' || typeof toolName !== 'string')
          return 'needs a string toolCallId and toolName';
        if (chunk.type === 'tool-input-error' && typeof chunk.errorText !== 'string')
          return 'needs a string errorText';
        this.callTool(toolCallId, toolName, (chunk.input ?? {}) as JSONValue);
        if (chunk.type === 'tool-input-error')
          this.toolResult(toolCallId, this.redact(chunk.errorText as string), true, false);
        return;
      }
      case 'tool-output-available': {
        const { toolCallId } = chunk;
        if (typeof toolCallId !== 'string') return 'has no string toolCallId';
        this.toolResult(
          toolCallId,
          (chunk.output ?? {}) as JSONValue,
          false,
          chunk.preliminary === true,
        );
        return;
      }
      case 'tool-output-error': {
        const { toolCallId, errorText } = chunk;
        if (typeof toolCallId !== 'string' || typeof errorText !== 'string')
          return 'needs a string toolCallId and errorText';
        this.toolResult(toolCallId, this.redact(errorText), true, false);
        return;
      }
      case 'tool-output-denied': {
        const { toolCallId } = chunk;
        if (typeof toolCallId !== 'string') return 'has no string toolCallId';
        this.toolResult(toolCallId, 'The tool call was denied.', true, false);
        return;
      }
      case 'tool-approval-request':
        // Nothing in the Agents API can answer it: kept as a note, not as a part the AI SDK would wait on.
        this.approvals.push(chunk as JSONValue);
        return;
      case 'source-url': {
        const { sourceId, url, title } = chunk;
        if (typeof sourceId !== 'string' || typeof url !== 'string')
          return 'needs a string sourceId and url';
        this.emit({
          type: 'source',
          sourceType: 'url',
          id: sourceId,
          url,
          ...(typeof title === 'string' && { title }),
        });
        return;
      }
      case 'source-document': {
        const { sourceId, mediaType, title, filename } = chunk;
        if (
          typeof sourceId !== 'string' ||
          typeof mediaType !== 'string' ||
          typeof title !== 'string'
        )
          return 'needs a string sourceId, mediaType and title';
        this.emit({
          type: 'source',
          sourceType: 'document',
          id: sourceId,
          mediaType,
          title,
          ...(typeof filename === 'string' && { filename }),
        });
        return;
      }
      case 'file': {
        const { url, mediaType } = chunk;
        if (typeof url !== 'string' || typeof mediaType !== 'string')
          return 'needs a string url and mediaType';
        const file = { url, mediaType };
        const part = this.options.spec.filePart(file);
        if (part === undefined) this.files.push(file);
        else this.emit(part);
        return;
      }
      case 'start': {
        if (typeof chunk.messageId === 'string')
          this.emit({ type: 'response-metadata', id: chunk.messageId });
        this.addMessageMetadata(chunk.messageMetadata);
        return;
      }
      case 'message-metadata':
        this.addMessageMetadata(chunk.messageMetadata);
        return;
      case 'finish':
        this.finished = true;
        if (typeof chunk.finishReason === 'string') this.finishReason = chunk.finishReason;
        this.addMessageMetadata(chunk.messageMetadata);
        if (chunk.output !== undefined) this.output = chunk.output as JSONValue;
        return;
      case 'error': {
        const errorText =
          typeof chunk.errorText === 'string' ? this.redact(chunk.errorText) : undefined;
        this.fail(
          new APICallError({
            message: `The Langdock agent reported an error: ${errorText ?? 'no errorText given'}`,
            url: this.options.url,
            requestBodyValues: this.options.requestBodyValues,
            data: { errorText: errorText ?? null },
            isRetryable: false,
          }),
        );
        return;
      }
      case 'abort':
        this.aborted = true;
        this.report(
          new InvalidResponseDataError({
            data: undefined,
            message:
              "Langdock aborted the agent's run before it finished: the answer is incomplete.",
          }),
        );
        return;
      case 'start-step':
      case 'finish-step':
        return;
      default:
        if (chunk.type.startsWith('data-')) {
          const { type, id, data } = chunk;
          this.data.push({
            type,
            ...(typeof id === 'string' && { id }),
            data: (data ?? null) as JSONValue,
          });
          if (type === 'data-output' && data !== undefined) this.output = data as JSONValue;
        }
        // Other chunk types (a newer AI SDK's) carry nothing this package could pass on.
        return;
    }
  }

  private open(kind: 'text' | 'reasoning', id: string): void {
    const open = kind === 'text' ? this.openText : this.openReasoning;
    if (open.has(id)) return;
    open.add(id);
    this.emit({ type: kind === 'text' ? 'text-start' : 'reasoning-start', id });
  }

  private dynamic(): { dynamic?: true } {
    return this.options.spec.tools.dynamic ? { dynamic: true } : {};
  }

  private toolCall(toolCallId: string, toolName: string): AgentToolCall {
    let call = this.toolCalls.get(toolCallId);
    if (call === undefined) {
      const passes = this.options.spec.tools.passes;
      call = {
        toolName,
        passed: passes === undefined || passes(toolName),
        inputOpen: false,
        called: false,
      };
      this.toolCalls.set(toolCallId, call);
    }
    return call;
  }

  private callTool(toolCallId: string, toolName: string, input: JSONValue): void {
    const call = this.toolCall(toolCallId, toolName);
    if (call.called) return;
    call.called = true;
    if (!call.passed) {
      call.record = { toolCallId, toolName, input };
      this.heldToolCalls.push(call.record);
      return;
    }
    if (call.inputOpen) {
      call.inputOpen = false;
      this.emit({ type: 'tool-input-end', id: toolCallId });
    }
    this.emit({
      type: 'tool-call',
      toolCallId,
      toolName,
      input: JSON.stringify(input),
      providerExecuted: true,
      ...this.dynamic(),
    });
  }

  private toolResult(
    toolCallId: string,
    result: JSONValue,
    isError: boolean,
    preliminary: boolean,
  ): void {
    const call = this.toolCalls.get(toolCallId);
    if (call === undefined || !call.called) {
      // A result of a call this stream never showed: nothing to attach it to but the metadata.
      this.heldToolCalls.push({ toolCallId, [isError ? 'errorText' : 'output']: result });
      return;
    }
    if (!call.passed) {
      if (call.record !== undefined) call.record[isError ? 'errorText' : 'output'] = result;
      return;
    }
    const rules = this.options.spec.tools;
    if (preliminary && !rules.preliminaryResults) return;
    this.emit({
      type: 'tool-result',
      toolCallId,
      toolName: call.toolName,
      // The specs take no null result; a tool that returned nothing returns an empty object.
      result: result ?? {},
      ...(isError && { isError: true }),
      ...(preliminary && { preliminary: true }),
      ...(rules.markResults && { providerExecuted: true }),
      ...this.dynamic(),
    });
  }

  private addMessageMetadata(value: unknown): void {
    if (!isJsonObject(value)) return;
    this.messageMetadata = { ...this.messageMetadata, ...(value as Record<string, JSONValue>) };
    if (value.output !== undefined) this.output = value.output as JSONValue;
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.report(error);
  }

  private report(error: unknown): void {
    this.reported = true;
    this.emit({ type: 'error', error });
  }

  private providerMetadata(): Record<string, JSONValue> | undefined {
    const metadata: Record<string, JSONValue> = {};
    if (this.messageMetadata !== undefined) metadata.messageMetadata = this.messageMetadata;
    if (this.data.length > 0) metadata.data = this.data;
    if (this.heldToolCalls.length > 0) metadata.toolCalls = this.heldToolCalls;
    if (this.files.length > 0) metadata.files = this.files as unknown as JSONValue;
    if (this.approvals.length > 0) metadata.toolApprovalRequests = this.approvals;
    if (this.output !== undefined) metadata.output = this.output;
    return Object.keys(metadata).length > 0 ? metadata : undefined;
  }
}
