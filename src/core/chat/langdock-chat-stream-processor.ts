import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
  type JSONValue,
} from '@ai-sdk/provider';
import type {
  LangdockChatChunk,
  LangdockLogprob,
  LangdockToolCallDelta,
  LangdockUsage,
} from './langdock-chat-api-types';
import type { LangdockStreamPart } from '../langdock-call';
import type { LangdockPartStreamOptions } from '../stream/langdock-sse-part-stream';
import { LangdockContentFilterLog } from './langdock-chat-content-filter';
import { estimateLangdockTextTokens } from '../rate-limit/estimate-langdock-tokens';
import { parseLangdockErrorBody } from '../http/langdock-error';
import { redactedCause, redactedValue } from '../http/langdock-redaction';
import { isJsonObject } from '../http/langdock-json-guards';
import { validateLangdockChatChunk } from './validate-langdock-chat-response';
import {
  langdockChatPredictionMetadata,
  toLangdockChatTokenUsage,
} from './convert-langdock-chat-usage';
import { mapLangdockChatFinishReason } from './map-langdock-chat-finish-reason';

interface ToolCallInProgress {
  /** Both known once the call has started: its parts are emitted from then on. */
  id: string | undefined;
  name: string | undefined;
  arguments: string;
}

type StartedToolCall = ToolCallInProgress & { id: string; name: string };

const isStarted = (call: ToolCallInProgress): call is StartedToolCall =>
  call.name !== undefined && call.id !== undefined;

// Real responses hold a handful of parallel calls; a larger index is a malformed chunk.
const MAX_TOOL_CALL_INDEX = 1023;

/**
 * Turns the `data` of each SSE event into AI SDK stream parts. Holds the state of one response:
 * the open text part, tool calls being streamed (by index), usage, finish reason and metadata.
 * Each delta costs the same however long the stream is: arguments are appended, never re-parsed.
 */
export class LangdockChatStreamProcessor<FINISH = never> {
  private readonly emit: (part: LangdockStreamPart | FINISH) => void;
  private readonly redact: (text: string) => string;
  private textId: string | undefined;
  private reasoningId: string | undefined;
  /** Every tool call, in the order they started; `openCalls` holds the one each index currently continues. */
  private readonly toolCalls: ToolCallInProgress[] = [];
  private readonly openCalls: Array<ToolCallInProgress | undefined> = [];
  private lastToolIndex = -1;
  private finishReason: string | undefined;
  private usage: LangdockUsage | undefined;
  private sentMetadata = false;
  /** `failed`: an error made the answer a failure; `reported`: any error part was emitted; `brokenBeforeFinish`: one came before the finish reason, so calls may be cut. */
  private failed = false;
  private reported = false;
  private brokenBeforeFinish = false;
  private logprobs: LangdockLogprob[] | undefined;
  private refusal = '';
  private readonly contentFilter = new LangdockContentFilterLog();
  private outputTokens = 0;
  private promptFilterResults: JSONValue | undefined;

  constructor(private readonly options: LangdockPartStreamOptions<FINISH>) {
    this.emit = options.emit;
    this.redact = options.redact ?? ((text) => text);
  }

  push(data: string): void {
    if (data === '[DONE]' || data.trim() === '') return;

    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (cause) {
      return this.fail(
        new JSONParseError({ text: this.redact(data), cause: redactedCause(cause, this.redact) }),
      );
    }
    // Server text that leaves as a raw part or inside an error is redacted; the common path pays nothing.
    if (this.options.includeRawChunks)
      this.emit({ type: 'raw', rawValue: redactedValue(data, value, this.redact) });

    if (isStreamedError(value))
      return this.fail(
        this.streamedApiError(redactedValue(data, value, this.redact) as Record<string, unknown>),
      );
    const validated = validateLangdockChatChunk(value);
    if (!validated.success) {
      return this.fail(
        new TypeValidationError({
          value: redactedValue(data, value, this.redact),
          cause: new Error(validated.problem),
        }),
      );
    }
    this.chunk(validated.value);
  }

  /** The byte stream broke off (connection lost, oversized event): report why, then finish. */
  interrupt(error: unknown): void {
    // Before the finish reason this is an interruption of the answer; after it, a failure of what followed.
    if (this.finishReason === undefined) this.report(error);
    else this.fail(error);
    this.finish();
  }

  /** The byte stream ended: close open parts and report how the response finished. */
  finish(): void {
    this.endReasoning();
    if (this.textId !== undefined) this.emit({ type: 'text-end', id: this.textId });

    const interrupted = this.finishReason === undefined;
    // Only a response that said how it finished, unbroken until then, has complete tool calls.
    const complete = !interrupted && !this.brokenBeforeFinish;
    for (const call of this.toolCalls) {
      if (complete && isStarted(call)) {
        const cutBy = langdockCutOffReason(this.finishReason, call.arguments);
        if (cutBy === undefined) {
          this.emit({ type: 'tool-input-end', id: call.id });
          this.emit({
            type: 'tool-call',
            toolCallId: call.id,
            toolName: call.name,
            input: call.arguments.trim() === '' ? '{}' : call.arguments,
          });
        } else {
          // The answer is complete as far as it goes (the finish reason says why it stopped): a notice, not a failure.
          this.report(
            new InvalidResponseDataError({
              data: { id: call.id, name: call.name, arguments: this.redact(call.arguments) },
              message: langdockCutOffMessage(call, cutBy),
            }),
          );
        }
        continue;
      }
      const notice = new InvalidResponseDataError({
        data: { id: call.id, name: call.name, arguments: this.redact(call.arguments) },
        message: !isStarted(call)
          ? 'The Langdock stream sent a tool call without a function name; it was not passed on.'
          : interrupted
            ? `The Langdock stream ended before tool call ${call.id} (${call.name}) was complete; it was not passed on.`
            : `Tool call ${call.id} (${call.name}) was not passed on: the stream broke before it finished, so its arguments may be incomplete.`,
      });
      // A call cut off by an interruption is part of that interruption, not a failure of its own.
      if (interrupted) this.report(notice);
      else this.fail(notice);
    }

    if (interrupted && !this.reported && !this.options.reportsInterruption) {
      this.report(
        new InvalidResponseDataError({
          data: undefined,
          message:
            'The Langdock stream ended without a finish reason: the answer may be truncated.',
        }),
      );
    }
    this.emit(
      this.options.finishPart({
        outcome: this.failed ? 'failed' : interrupted ? 'interrupted' : 'finished',
        finishReason: this.finishReason,
        reason: mapLangdockChatFinishReason(this.finishReason),
        usage: this.usage === undefined ? undefined : toLangdockChatTokenUsage(this.usage),
        providerMetadata: this.providerMetadata(),
        ...(this.options.countOutputTokens && {
          outputTokens:
            this.outputTokens +
            this.toolCalls.reduce(
              (sum, call) => sum + estimateLangdockTextTokens(call.arguments),
              0,
            ),
        }),
      }),
    );
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
    if (chunk.usage) this.usage = chunk.usage;
    if (chunk.prompt_filter_results !== undefined)
      this.promptFilterResults = chunk.prompt_filter_results as JSONValue;

    const choice = chunk.choices?.[0];
    if (choice === undefined) return;
    if (choice.content_filter_results !== undefined)
      this.contentFilter.add(choice.content_filter_results, choice.content_filter_offsets);
    if (choice.logprobs?.content) (this.logprobs ??= []).push(...choice.logprobs.content);

    const delta = choice.delta;
    if (delta) {
      const reasoning = delta.reasoning_content;
      if (reasoning) {
        if (this.reasoningId === undefined) {
          this.reasoningId = this.options.generateId();
          this.emit({ type: 'reasoning-start', id: this.reasoningId });
        }
        this.emit({ type: 'reasoning-delta', id: this.reasoningId, delta: reasoning });
        if (this.options.countOutputTokens)
          this.outputTokens += estimateLangdockTextTokens(reasoning);
      }
      const content = delta.content;
      if (content) {
        // The answer follows the reasoning: the reasoning block ends where the text begins.
        if (this.reasoningId !== undefined) this.endReasoning();
        if (this.textId === undefined) {
          this.textId = this.options.generateId();
          this.emit({ type: 'text-start', id: this.textId });
        }
        this.emit({ type: 'text-delta', id: this.textId, delta: content });
        if (this.options.countOutputTokens)
          this.outputTokens += estimateLangdockTextTokens(content);
      }
      if (delta.refusal) this.refusal += delta.refusal;
      const toolCalls = delta.tool_calls;
      if (toolCalls) {
        for (let i = 0; i < toolCalls.length; i++) this.toolCallDelta(toolCalls[i]!);
      }
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  private toolCallDelta(delta: LangdockToolCallDelta): void {
    const index = this.toolCallIndex(delta);
    if (index === undefined) return;
    this.lastToolIndex = index;
    if (this.reasoningId !== undefined) this.endReasoning();
    let call = this.openCalls[index];
    // A new id at an index that already has a call starts another call there: the server reused the index.
    if (call === undefined || (delta.id && call.id !== undefined && delta.id !== call.id)) {
      call = { id: undefined, name: undefined, arguments: '' };
      this.openCalls[index] = call;
      this.toolCalls.push(call);
    }
    const args = delta.function?.arguments;
    if (isStarted(call)) {
      if (args) {
        call.arguments += args;
        this.emit({ type: 'tool-input-delta', id: call.id, delta: args });
      }
      return;
    }
    // Arguments may arrive before the name; they are held until the call can start.
    if (args) call.arguments += args;
    call.name ??= delta.function?.name || undefined;
    call.id ??= delta.id || undefined;
    if (call.name === undefined) return;
    // The first delta may carry no id: give the call one so its parts can be matched.
    call.id ??= this.options.generateId();
    this.emit({ type: 'tool-input-start', id: call.id, toolName: call.name });
    if (call.arguments !== '')
      this.emit({ type: 'tool-input-delta', id: call.id, delta: call.arguments });
  }

  /** Without an index, a known id continues its call, a new id opens one, and no id continues the last. */
  private toolCallIndex(delta: LangdockToolCallDelta): number | undefined {
    if (delta.index === undefined || delta.index === null) {
      if (!delta.id) return Math.max(this.lastToolIndex, 0);
      const known = this.openCalls.findIndex((call) => call?.id === delta.id);
      return known === -1 ? this.openCalls.length : known;
    }
    if (Number.isInteger(delta.index) && delta.index >= 0 && delta.index <= MAX_TOOL_CALL_INDEX)
      return delta.index;
    this.fail(
      new InvalidResponseDataError({
        data: redactedValue(JSON.stringify(delta), delta, this.redact),
        message: `The Langdock stream sent a tool call delta with the index ${delta.index}; it was not used.`,
      }),
    );
    return undefined;
  }

  private endReasoning(): void {
    if (this.reasoningId === undefined) return;
    this.emit({ type: 'reasoning-end', id: this.reasoningId });
    this.reasoningId = undefined;
  }

  /** An error part that makes the answer a failure. */
  private fail(error: unknown): void {
    this.failed = true;
    this.report(error);
  }

  /** An error part; tool calls still open when one comes before the finish reason are not passed on. */
  private report(error: unknown): void {
    this.reported = true;
    if (this.finishReason === undefined) this.brokenBeforeFinish = true;
    this.emit({ type: 'error', error });
  }

  private streamedApiError(value: Record<string, unknown>): APICallError {
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
    if (this.refusal !== '') metadata.refusal = this.refusal;
    Object.assign(metadata, this.contentFilter.metadata());
    if (this.promptFilterResults !== undefined)
      metadata.promptFilterResults = this.promptFilterResults;
    Object.assign(metadata, langdockChatPredictionMetadata(this.usage));
    return Object.keys(metadata).length > 0 ? metadata : undefined;
  }
}

/** `{error: ...}` (OpenAI, Azure) or Langdock's own `{message}` with no completion fields. */
function isStreamedError(value: unknown): value is Record<string, unknown> {
  if (!isJsonObject(value)) return false;
  if (value.error !== undefined && value.error !== null) return true;
  return value.message !== undefined && value.choices === undefined && value.id === undefined;
}

/**
 * A tool call that `length` or `content_filter` stopped mid-way has arguments that do not parse: it is
 * not passed on. Whether they parse is asked only for such a finish, once per call.
 */
export function langdockCutOffReason(
  finishReason: string | undefined,
  args: string,
): 'length' | 'content_filter' | undefined {
  if (finishReason !== 'length' && finishReason !== 'content_filter') return undefined;
  if (args.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return isJsonObject(parsed) ? undefined : finishReason;
  } catch {
    return finishReason;
  }
}

export function langdockCutOffMessage(
  call: { id?: string; name?: string },
  cutBy: 'length' | 'content_filter',
): string {
  return cutBy === 'length'
    ? `Tool call ${call.id} (${call.name}) was cut off by the output token limit (finish_reason length): its arguments are incomplete, so it was not passed on. Raise maxOutputTokens.`
    : `Tool call ${call.id} (${call.name}) was cut off by the content filter (finish_reason content_filter): its arguments are incomplete, so it was not passed on.`;
}
