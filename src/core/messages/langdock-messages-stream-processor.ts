import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
  type JSONValue,
} from '@ai-sdk/provider';
import type { LangdockFinish, LangdockSource, LangdockStreamPart } from '../langdock-call';
import type { LangdockPartStreamOptions } from '../stream/langdock-sse-part-stream';
import type {
  LangdockMessagesCitation,
  LangdockMessagesDelta,
  LangdockMessagesStreamBlock,
  LangdockMessagesStopFields,
  LangdockMessagesStreamEvent,
  LangdockMessagesUsage,
} from './langdock-messages-response-types';
import { estimateLangdockTextTokens } from '../rate-limit/estimate-langdock-tokens';
import { isRetryableStatus, parseLangdockErrorBody } from '../http/langdock-error';
import { redactedCause, redactedValue } from '../http/langdock-redaction';
import { isJsonObject } from '../http/langdock-json-guards';
import { validateLangdockMessagesStreamEvent } from './validate-langdock-messages-response';
import { toLangdockMessagesTokenUsage } from './convert-langdock-messages-usage';
import { mapLangdockMessagesStopReason } from './map-langdock-messages-stop-reason';

/** A document of the prompt, as a citation of it names it (by its position among the prompt's documents). */
export interface LangdockMessagesCitedDocument {
  title?: string;
  filename?: string;
  mediaType?: string;
}

export interface LangdockMessagesStreamProcessorOptions<
  FINISH,
> extends LangdockPartStreamOptions<FINISH> {
  /** JSON mode's forced tool (the request builder's `jsonToolName`): its input is the text answer. */
  jsonToolName?: string;
  /** The prompt's documents in order, for the title and media type of a source a citation names. */
  citationDocuments?: ReadonlyArray<LangdockMessagesCitedDocument>;
}

/** An open content block, by its index: what its deltas become. */
type Block =
  | { kind: 'text' | 'reasoning'; id: string }
  /** JSON mode's tool: its input deltas are text deltas. */
  | { kind: 'json'; id: string }
  /** `broken`: an error part came while it was open, so its input may lack a piece. */
  | { kind: 'tool'; id: string; name: string; input: string; broken: boolean };

type ToolBlock = Extract<Block, { kind: 'tool' }>;

/**
 * Turns the `data` of each Anthropic Messages SSE event into AI SDK stream parts. Holds the state of one
 * message: its open content blocks by index, usage (`message_start`'s, updated by `message_delta`'s), the
 * stop reason and metadata. Each delta costs the same however long the stream is: tool input is appended,
 * and parsed once, when its block stops.
 */
export class LangdockMessagesStreamProcessor<FINISH = never> {
  private readonly emit: (part: LangdockStreamPart | FINISH) => void;
  private readonly redact: (text: string) => string;
  private readonly jsonToolName: string | undefined;
  private readonly blocks = new Map<number, Block>();
  /** Tool calls whose input does not parse: passed on or not once the stop reason says whether they were cut off. */
  private held: ToolBlock[] = [];
  private started = false;
  private messageId: string | undefined;
  /** A second message began inside the first: nothing after it is read. */
  private spliced = false;
  /** `message_delta` or `message_stop` came: the message is complete. */
  private ended = false;
  private stopReason: string | undefined;
  private stop: LangdockMessagesStopFields = {};
  private contextManagement: Record<string, unknown> | undefined;
  private usage: LangdockMessagesUsage | undefined;
  private answeredByJsonTool = false;
  private toolCalls = 0;
  private readonly sources = new Set<string>();
  /** `failed`: an error made the answer a failure; `reported`: any error part was emitted. */
  private failed = false;
  private reported = false;
  private outputTokens = 0;

  constructor(private readonly options: LangdockMessagesStreamProcessorOptions<FINISH>) {
    this.emit = options.emit;
    this.redact = options.redact ?? ((text) => text);
    this.jsonToolName = options.jsonToolName;
  }

  push(data: string): void {
    // Anthropic ends with message_stop; a gateway speaking OpenAI's habits may still append `[DONE]`.
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
    if (this.spliced) return;

    if (isStreamedError(value))
      return this.fail(
        this.streamedApiError(redactedValue(data, value, this.redact) as Record<string, unknown>),
      );
    const validated = validateLangdockMessagesStreamEvent(value);
    if (!validated.success) {
      return this.fail(
        new TypeValidationError({
          value: redactedValue(data, value, this.redact),
          cause: new Error(validated.problem),
        }),
      );
    }
    this.event(validated.value, data);
  }

  /** The byte stream broke off (connection lost, oversized event): report why, then finish. */
  interrupt(error: unknown): void {
    // Before the message's end this is an interruption of the answer; after it, a failure of what followed.
    if (this.ended) this.fail(error);
    else this.report(error);
    this.finish();
  }

  /** The byte stream ended: close open blocks and report how the message finished. */
  finish(): void {
    for (const block of this.blocks.values()) {
      if (block.kind === 'tool') this.dropToolCall(block, 'open');
      else
        this.emit({
          type: block.kind === 'reasoning' ? 'reasoning-end' : 'text-end',
          id: block.id,
        });
    }
    this.blocks.clear();
    // Held calls are settled by the message's end; without one, they are part of the interruption.
    for (const call of this.held) this.dropToolCall(call, 'open');
    this.held = [];

    if (!this.ended && !this.reported && !this.options.reportsInterruption) {
      this.report(
        new InvalidResponseDataError({
          data: undefined,
          message:
            'The Langdock stream ended before the message did (no message_delta or message_stop): the answer may be truncated.',
        }),
      );
    }
    this.emit(
      this.options.finishPart(
        toLangdockMessagesFinish({
          outcome: this.failed ? 'failed' : this.ended ? 'finished' : 'interrupted',
          stopReason: this.stopReason,
          answeredByJsonTool: this.answeredByJsonTool && this.toolCalls === 0,
          usage: this.usage,
          stop: this.stop,
          contextManagement: this.contextManagement,
          ...(this.options.countOutputTokens && { outputTokens: this.outputTokens }),
        }),
      ),
    );
  }

  private event(event: LangdockMessagesStreamEvent, data: string): void {
    switch (event.type) {
      case 'content_block_delta':
        return this.delta(event.index, event.delta);
      case 'content_block_start':
        return this.blockStart(event.index, event.content_block);
      case 'content_block_stop':
        return this.blockStop(event.index);
      case 'message_start':
        return this.messageStart(event, data);
      case 'message_delta': {
        this.ended = true;
        const delta = event.delta;
        this.stopReason = delta.stop_reason ?? this.stopReason;
        this.stop = delta;
        if (event.usage)
          this.usage = this.usage === undefined ? event.usage : { ...this.usage, ...event.usage };
        if (event.context_management) this.contextManagement = event.context_management;
        return this.settleHeld();
      }
      case 'message_stop':
        this.ended = true;
        return this.settleHeld();
      // `ping`, and event types this package does not read.
      default:
        return;
    }
  }

  private messageStart(
    event: Extract<LangdockMessagesStreamEvent, { type: 'message_start' }>,
    data: string,
  ): void {
    const message = event.message;
    const id = message.id ?? undefined;
    if (this.started) {
      // A repeat of the open message's start changes nothing; another message's start means spliced streams.
      if (id === this.messageId) return;
      this.spliced = true;
      return this.fail(
        new InvalidResponseDataError({
          data: redactedValue(data, event, this.redact),
          message: this.redact(
            `The Langdock stream started message ${JSON.stringify(id)} inside message ${JSON.stringify(this.messageId)}; the rest of the stream was not read.`,
          ),
        }),
      );
    }
    this.started = true;
    this.messageId = id;
    if (id !== undefined || message.model) {
      this.emit({
        type: 'response-metadata',
        ...(id !== undefined && { id }),
        ...(message.model && { modelId: message.model }),
      });
    }
    if (message.usage) this.usage = message.usage;
    if (message.stop_reason) this.stopReason = message.stop_reason;
  }

  private blockStart(index: number, block: LangdockMessagesStreamBlock): void {
    // A block that starts where one is still open ends that one first.
    if (this.blocks.has(index)) this.blockStop(index);
    switch (block.type) {
      case 'text': {
        // In JSON mode the answer is the tool's input; text beside it would corrupt that JSON.
        if (this.jsonToolName !== undefined) return;
        const id = this.options.generateId();
        this.blocks.set(index, { kind: 'text', id });
        this.emit({ type: 'text-start', id });
        if (block.text) this.textDelta(id, block.text);
        for (const citation of block.citations ?? []) this.citation(citation);
        return;
      }
      case 'thinking': {
        const id = this.options.generateId();
        this.blocks.set(index, { kind: 'reasoning', id });
        this.emit({ type: 'reasoning-start', id });
        if (block.thinking) this.reasoningDelta(id, block.thinking);
        if (block.signature) this.signature(id, block.signature);
        return;
      }
      case 'redacted_thinking': {
        const id = this.options.generateId();
        this.blocks.set(index, { kind: 'reasoning', id });
        this.emit({
          type: 'reasoning-start',
          id,
          providerMetadata: { langdock: { redactedData: block.data } },
        });
        return;
      }
      case 'tool_use': {
        // Input normally follows as deltas; a block may also start with it (`{}` means none yet).
        const input = isNonEmptyObject(block.input) ? JSON.stringify(block.input) : '';
        if (block.name === this.jsonToolName) {
          this.answeredByJsonTool = true;
          const id = this.options.generateId();
          this.blocks.set(index, { kind: 'json', id });
          this.emit({ type: 'text-start', id });
          if (input !== '') this.textDelta(id, input);
          return;
        }
        this.blocks.set(index, {
          kind: 'tool',
          id: block.id,
          name: block.name,
          input,
          broken: false,
        });
        this.emit({ type: 'tool-input-start', id: block.id, toolName: block.name });
        if (input !== '') {
          this.emit({ type: 'tool-input-delta', id: block.id, delta: input });
          if (this.options.countOutputTokens)
            this.outputTokens += estimateLangdockTextTokens(input);
        }
        return;
      }
      // Server tools (`server_tool_use`, `web_search_tool_result`) run at Anthropic, not by the caller, and
      // Langdock offers none: they stay raw chunks, never tool calls the caller would be asked to run.
      default:
        return;
    }
  }

  private delta(index: number, delta: LangdockMessagesDelta): void {
    const block = this.blocks.get(index);
    switch (delta.type) {
      case 'text_delta':
        if (block?.kind === 'text' && delta.text !== '') this.textDelta(block.id, delta.text);
        return;
      case 'input_json_delta': {
        const json = delta.partial_json;
        if (json === '' || block === undefined) return;
        if (block.kind === 'json') return this.textDelta(block.id, json);
        if (block.kind !== 'tool') return;
        block.input += json;
        this.emit({ type: 'tool-input-delta', id: block.id, delta: json });
        if (this.options.countOutputTokens) this.outputTokens += estimateLangdockTextTokens(json);
        return;
      }
      case 'thinking_delta':
        if (block?.kind === 'reasoning' && delta.thinking !== '')
          this.reasoningDelta(block.id, delta.thinking);
        return;
      case 'signature_delta':
        if (block?.kind === 'reasoning') this.signature(block.id, delta.signature);
        return;
      case 'citations_delta':
        // Text left out (JSON mode) takes its sources with it, as in a Message body.
        if (block?.kind === 'text') this.citation(delta.citation);
        return;
      default:
        return;
    }
  }

  private blockStop(index: number): void {
    const block = this.blocks.get(index);
    if (block === undefined) return;
    this.blocks.delete(index);
    if (block.kind !== 'tool') {
      this.emit({ type: block.kind === 'reasoning' ? 'reasoning-end' : 'text-end', id: block.id });
      return;
    }
    if (block.broken) return this.dropToolCall(block, 'broken');
    // Input that does not parse was cut off if the stop reason says so; that reason comes later.
    if (block.input.trim() !== '' && !parsesAsObject(block.input)) {
      this.held.push(block);
      return;
    }
    this.emitToolCall(block);
  }

  private emitToolCall(block: ToolBlock): void {
    this.toolCalls++;
    this.emit({ type: 'tool-input-end', id: block.id });
    this.emit({
      type: 'tool-call',
      toolCallId: block.id,
      toolName: block.name,
      input: block.input.trim() === '' ? '{}' : block.input,
    });
  }

  /** The message ended: a held call was cut off by the token limit, else it is passed on as it came. */
  private settleHeld(): void {
    if (this.held.length === 0) return;
    const cutOff =
      this.stopReason === 'max_tokens' || this.stopReason === 'model_context_window_exceeded';
    for (const call of this.held) {
      if (cutOff) this.dropToolCall(call, 'cut-off');
      else this.emitToolCall(call);
    }
    this.held = [];
  }

  /** An error part for a tool call not passed on; only one the message's end left open is a failure. */
  private dropToolCall(call: ToolBlock, why: 'open' | 'broken' | 'cut-off'): void {
    const name = `${call.id} (${call.name})`;
    const notice = new InvalidResponseDataError({
      data: { id: call.id, name: call.name, input: this.redact(call.input) },
      message: this.redact(
        why === 'cut-off'
          ? `Tool call ${name} was cut off by the output token limit (stop_reason ${this.stopReason}): its input is incomplete, so it was not passed on. Raise maxOutputTokens.`
          : why === 'broken'
            ? `Tool call ${name} was not passed on: the stream broke while it streamed, so its input may be incomplete.`
            : this.ended
              ? `Tool call ${name} was not passed on: its content block never ended, so its input may be incomplete.`
              : `The Langdock stream ended before tool call ${name} was complete; it was not passed on.`,
      ),
    });
    // A call cut off by an interruption (or by the token limit) is part of that, not a failure of its own.
    if (why === 'open' && this.ended) this.fail(notice);
    else this.report(notice);
  }

  private textDelta(id: string, delta: string): void {
    this.emit({ type: 'text-delta', id, delta });
    if (this.options.countOutputTokens) this.outputTokens += estimateLangdockTextTokens(delta);
  }

  private reasoningDelta(id: string, delta: string): void {
    this.emit({ type: 'reasoning-delta', id, delta });
    if (this.options.countOutputTokens) this.outputTokens += estimateLangdockTextTokens(delta);
  }

  /** What replaying the thinking needs: an empty delta that carries it, as @ai-sdk/anthropic sends it. */
  private signature(id: string, signature: string): void {
    this.emit({
      type: 'reasoning-delta',
      id,
      delta: '',
      providerMetadata: { langdock: { signature } },
    });
  }

  /** A source per page or document cited, however often it is cited. */
  private citation(citation: LangdockMessagesCitation): void {
    const key = langdockMessagesSourceKey(citation);
    if (key === undefined || this.sources.has(key)) return;
    this.sources.add(key);
    this.emit(
      langdockMessagesSource(citation, this.options.generateId, this.options.citationDocuments)!,
    );
  }

  /** An error part that makes the answer a failure. */
  private fail(error: unknown): void {
    this.failed = true;
    this.report(error);
  }

  /** An error part; a tool call open when one comes may lack a piece of its input and is not passed on. */
  private report(error: unknown): void {
    this.reported = true;
    if (!this.ended) {
      for (const block of this.blocks.values()) if (block.kind === 'tool') block.broken = true;
    }
    this.emit({ type: 'error', error });
  }

  private streamedApiError(value: Record<string, unknown>): APICallError {
    const responseBody = JSON.stringify(value);
    const { message } = parseLangdockErrorBody(responseBody);
    const type = isJsonObject(value.error) ? value.error.type : undefined;
    const status = typeof type === 'string' ? errorTypeStatus[type] : undefined;
    return new APICallError({
      message: `Langdock reported an error mid-stream: ${message ?? 'no message given'}`,
      url: this.options.url,
      requestBodyValues: this.options.requestBodyValues,
      responseBody,
      data: value,
      isRetryable: status !== undefined && isRetryableStatus(status),
    });
  }
}

/** The HTTP status Anthropic gives each error type, for whether one that arrives mid-stream is worth a retry. */
const errorTypeStatus: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** Anthropic's `{type:'error', error}`, or Langdock's own `{message}` / the gateway's `{error, message}` without a type. */
function isStreamedError(value: unknown): value is Record<string, unknown> {
  if (!isJsonObject(value)) return false;
  if (value.type === 'error') return true;
  return (
    value.type === undefined &&
    ((value.error !== undefined && value.error !== null) || value.message !== undefined)
  );
}

function isNonEmptyObject(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  for (const _key in value) return true;
  return false;
}

function parsesAsObject(text: string): boolean {
  try {
    return isJsonObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/** What makes two citations name the same source: the page's URL, or the document's position. */
export function langdockMessagesSourceKey(citation: LangdockMessagesCitation): string | undefined {
  switch (citation.type) {
    case 'web_search_result_location':
      return `url:${citation.url}`;
    case 'char_location':
    case 'page_location':
    case 'content_block_location':
      return `document:${citation.document_index}`;
    default:
      return undefined;
  }
}

/**
 * The source a citation names. A document's media type, without the prompt's documents to say it, follows
 * from how it is cited: by page only in a PDF, by character or block in text.
 */
export function langdockMessagesSource(
  citation: LangdockMessagesCitation,
  generateId: () => string,
  documents: ReadonlyArray<LangdockMessagesCitedDocument> = [],
): LangdockSource | undefined {
  switch (citation.type) {
    case 'web_search_result_location':
      return {
        type: 'source',
        sourceType: 'url',
        id: generateId(),
        url: citation.url,
        ...(citation.title && { title: citation.title }),
      };
    case 'char_location':
    case 'page_location':
    case 'content_block_location': {
      const document = documents[citation.document_index];
      const filename = document?.filename;
      return {
        type: 'source',
        sourceType: 'document',
        id: generateId(),
        mediaType:
          document?.mediaType ??
          (citation.type === 'page_location' ? 'application/pdf' : 'text/plain'),
        title:
          citation.document_title || document?.title || `Document ${citation.document_index + 1}`,
        ...(filename !== undefined && { filename }),
        providerMetadata: { langdock: { documentIndex: citation.document_index } },
      };
    }
    default:
      return undefined;
  }
}

/**
 * How a message finished, streamed or not. Provider metadata keeps the usage as sent (`usage`, with its
 * gateway fields; ai@5 has no raw usage) and `cacheCreationInputTokens` (cache writes, which ai@5's usage
 * cannot show), `stopSequence`, `stopDetails` (why a refusal), `container` and `contextManagement`.
 */
export function toLangdockMessagesFinish({
  outcome,
  stopReason,
  answeredByJsonTool,
  usage,
  stop,
  contextManagement,
  outputTokens,
}: {
  outcome: LangdockFinish['outcome'];
  stopReason: string | undefined;
  answeredByJsonTool: boolean;
  usage: LangdockMessagesUsage | undefined;
  stop: LangdockMessagesStopFields;
  contextManagement: Record<string, unknown> | undefined;
  outputTokens?: number;
}): LangdockFinish {
  const metadata: Record<string, JSONValue> = {};
  if (usage !== undefined) {
    metadata.usage = usage as Record<string, JSONValue>;
    const cacheWrite = usage.cache_creation_input_tokens;
    if (cacheWrite !== undefined && cacheWrite !== null)
      metadata.cacheCreationInputTokens = cacheWrite;
  }
  if (stop.stop_sequence) metadata.stopSequence = stop.stop_sequence;
  if (stop.stop_details) metadata.stopDetails = stop.stop_details as Record<string, JSONValue>;
  if (stop.container) metadata.container = stop.container as Record<string, JSONValue>;
  if (contextManagement)
    metadata.contextManagement = contextManagement as Record<string, JSONValue>;
  return {
    outcome,
    finishReason: stopReason,
    reason: mapLangdockMessagesStopReason(stopReason, { answeredByJsonTool }),
    usage: usage === undefined ? undefined : toLangdockMessagesTokenUsage(usage),
    providerMetadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    ...(outputTokens !== undefined && { outputTokens }),
  };
}
