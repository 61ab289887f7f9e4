import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
  type JSONValue,
  type LanguageModelV2FinishReason,
  type LanguageModelV2StreamPart,
  type LanguageModelV2Usage,
} from '@ai-sdk/provider';
import type { LangdockChatChunk, LangdockLogprob, LangdockToolCallDelta } from './langdock-api-types';
import { convertLangdockUsage } from './convert-langdock-usage';
import { parseLangdockErrorBody } from './langdock-error';
import { mapLangdockFinishReason } from './map-langdock-finish-reason';
import { validateLangdockChatChunk } from './validate-langdock-response';

export interface LangdockStreamProcessorOptions {
  emit: (part: LanguageModelV2StreamPart) => void;
  generateId: () => string;
  includeRawChunks?: boolean;
  /** For errors the server sends inside the stream. */
  url: string;
  requestBodyValues: unknown;
}

interface ToolCallInProgress {
  id: string | undefined;
  name: string | undefined;
  arguments: string;
  started: boolean;
}

/**
 * Turns the `data` of each SSE event into AI SDK stream parts. Holds the state of one response:
 * the open text part, tool calls being streamed (by index), usage, finish reason and metadata.
 * Each delta costs the same however long the stream is: arguments are appended, never re-parsed.
 */
export class LangdockStreamProcessor {
  private readonly emit: (part: LanguageModelV2StreamPart) => void;
  private textId: string | undefined;
  private readonly toolCalls: ToolCallInProgress[] = [];
  private lastToolIndex = -1;
  private finishReason: string | undefined;
  private usage: LanguageModelV2Usage | undefined;
  private sentMetadata = false;
  private failed = false;
  private logprobs: LangdockLogprob[] | undefined;
  private contentFilterResults: JSONValue | undefined;
  private promptFilterResults: JSONValue | undefined;

  constructor(private readonly options: LangdockStreamProcessorOptions) {
    this.emit = options.emit;
  }

  push(data: string): void {
    if (data === '[DONE]' || data.trim() === '') return;

    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (cause) {
      return this.fail(new JSONParseError({ text: data, cause }));
    }
    if (this.options.includeRawChunks) this.emit({ type: 'raw', rawValue: value });

    if (typeof value === 'object' && value !== null && 'error' in value) {
      return this.fail(this.streamedApiError(value));
    }
    const validated = validateLangdockChatChunk(value);
    if (!validated.success) {
      return this.fail(new TypeValidationError({ value, cause: new Error(validated.problem) }));
    }
    this.chunk(validated.value);
  }

  /** The byte stream broke off (connection lost, oversized event): report why, then finish as failed. */
  interrupt(error: unknown): void {
    this.fail(error);
    this.finish();
  }

  /** The byte stream ended: close open parts and report how the response finished. */
  finish(): void {
    if (this.textId !== undefined) this.emit({ type: 'text-end', id: this.textId });

    // Only a response that said how it finished has complete tool calls: never pass on cut-off input.
    const complete = this.finishReason !== undefined && !this.failed;
    for (const call of this.toolCalls) {
      if (call === undefined) continue; // an index the server skipped
      if (complete && call.started) {
        this.emit({ type: 'tool-input-end', id: call.id! });
        this.emit({
          type: 'tool-call',
          toolCallId: call.id!,
          toolName: call.name!,
          input: call.arguments.trim() === '' ? '{}' : call.arguments,
        });
        continue;
      }
      this.fail(
        new InvalidResponseDataError({
          data: { id: call.id, name: call.name, arguments: call.arguments },
          message: call.started
            ? `The Langdock stream ended before tool call ${call.id} (${call.name}) was complete; it was not passed on.`
            : 'The Langdock stream sent a tool call without a function name; it was not passed on.',
        }),
      );
    }

    if (this.finishReason === undefined && !this.failed) {
      this.fail(
        new InvalidResponseDataError({
          data: undefined,
          message: 'The Langdock stream ended without a finish reason: the answer may be truncated.',
        }),
      );
    }

    const finishReason: LanguageModelV2FinishReason = this.failed ? 'error' : mapLangdockFinishReason(this.finishReason);
    const metadata = this.providerMetadata();
    this.emit({
      type: 'finish',
      finishReason,
      usage: this.usage ?? convertLangdockUsage(undefined),
      ...(metadata !== undefined && { providerMetadata: { langdock: metadata } }),
    });
  }

  private chunk(chunk: LangdockChatChunk): void {
    if (!this.sentMetadata && chunk.id) {
      this.sentMetadata = true;
      this.emit({
        type: 'response-metadata',
        id: chunk.id,
        ...(chunk.model ? { modelId: chunk.model } : {}),
        ...(chunk.created ? { timestamp: new Date(chunk.created * 1000) } : {}),
      });
    }
    if (chunk.usage) this.usage = convertLangdockUsage(chunk.usage);
    if (chunk.prompt_filter_results !== undefined) this.promptFilterResults = chunk.prompt_filter_results as JSONValue;

    const choice = chunk.choices?.[0];
    if (choice === undefined) return;
    if (choice.content_filter_results !== undefined) this.contentFilterResults = choice.content_filter_results as JSONValue;
    if (choice.logprobs?.content) (this.logprobs ??= []).push(...choice.logprobs.content);

    const delta = choice.delta;
    if (delta) {
      const content = delta.content;
      if (content) {
        if (this.textId === undefined) {
          this.textId = this.options.generateId();
          this.emit({ type: 'text-start', id: this.textId });
        }
        this.emit({ type: 'text-delta', id: this.textId, delta: content });
      }
      const toolCalls = delta.tool_calls;
      if (toolCalls) {
        for (let i = 0; i < toolCalls.length; i++) this.toolCallDelta(toolCalls[i]!);
      }
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  private toolCallDelta(delta: LangdockToolCallDelta): void {
    // Without an index, a delta with a new id opens a call and one without continues the last.
    const index = delta.index ?? (delta.id && this.toolCalls[this.lastToolIndex]?.id !== delta.id ? this.toolCalls.length : Math.max(this.lastToolIndex, 0));
    this.lastToolIndex = index;
    let call = this.toolCalls[index];
    if (call === undefined) {
      call = { id: undefined, name: undefined, arguments: '', started: false };
      this.toolCalls[index] = call;
    }
    if (!call.started) {
      call.id ??= delta.id || undefined;
      call.name ??= delta.function?.name || undefined;
    }
    const args = delta.function?.arguments;
    if (args) call.arguments += args;

    if (call.started) {
      if (args) this.emit({ type: 'tool-input-delta', id: call.id!, delta: args });
    } else if (call.name !== undefined) {
      // The first delta may carry no id: give the call one so its parts can be matched.
      call.id ??= this.options.generateId();
      call.started = true;
      this.emit({ type: 'tool-input-start', id: call.id, toolName: call.name });
      if (call.arguments !== '') this.emit({ type: 'tool-input-delta', id: call.id, delta: call.arguments });
    }
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.emit({ type: 'error', error });
  }

  private streamedApiError(value: object): APICallError {
    const responseBody = JSON.stringify(value);
    const { message } = parseLangdockErrorBody(responseBody);
    return new APICallError({
      message: `Langdock reported an error mid-stream: ${message ?? 'no message given'}`,
      url: this.options.url,
      requestBodyValues: this.options.requestBodyValues,
      responseBody,
      data: value,
      isRetryable: false,
    });
  }

  private providerMetadata(): Record<string, JSONValue> | undefined {
    const metadata: Record<string, JSONValue> = {};
    if (this.logprobs !== undefined) metadata.logprobs = this.logprobs as JSONValue;
    if (this.contentFilterResults !== undefined) metadata.contentFilterResults = this.contentFilterResults;
    if (this.promptFilterResults !== undefined) metadata.promptFilterResults = this.promptFilterResults;
    return Object.keys(metadata).length > 0 ? metadata : undefined;
  }
}
