// The conformance matrix (#19 item 7): every entry (root/V2 through ai@5, /v3 and /v4 at the spec level) x a GPT
// and a Claude id x the classic routes and the Model Gateway, against the emulator; what each cell calls, where
// the call must land, and a plain reading of the emulator's answer to compare the library's reading with.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
} from '@ai-sdk/provider-v3';
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4Message,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider-v4';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type LangdockEmulatorOptions,
  type RecordedRequest,
} from '../../emulator/index';
import { createLangdock as createRoot } from '../../src/index';
import { createLangdock as createV3 } from '../../src/v3/index';
import { createLangdock as createV4 } from '../../src/v4/index';

/** A key no one could mistake for another string: it must appear in no error, header or log. */
export const KEY = 'ld-conformance-0f3c9a7e5b1d4c2a';
/** What Langdock's Anthropic route requires (Anthropic's only published version). */
export const ANTHROPIC_VERSION = '2023-06-01';

export type Entry = 'root' | 'v3' | 'v4';
export type Mode = 'classic' | 'gateway';
export type Route = 'chat' | 'messages';

export interface ConformanceModel {
  id: string;
  route: Route;
}

export const GPT: ConformanceModel = { id: 'gpt-5-mini', route: 'chat' };
export const CLAUDE: ConformanceModel = { id: 'claude-sonnet-4-6-default', route: 'messages' };
/** A Claude family with budget thinking (`enabled` + `budget_tokens`), where Sonnet 4.6 is adaptive-only. */
export const CLAUDE_BUDGET: ConformanceModel = {
  id: 'claude-haiku-4-5-20251001',
  route: 'messages',
};

export interface Cell {
  entry: Entry;
  model: ConformanceModel;
  mode: Mode;
  /** For test names: `v4 claude-sonnet-4-6-default gateway`. */
  name: string;
}

export const ENTRIES: readonly Entry[] = ['root', 'v3', 'v4'];
export const MODES: readonly Mode[] = ['classic', 'gateway'];

export function cellsOf(
  models: readonly ConformanceModel[] = [GPT, CLAUDE],
  entries: readonly Entry[] = ENTRIES,
): Cell[] {
  return entries.flatMap((entry) =>
    models.flatMap((model) =>
      MODES.map((mode) => ({ entry, model, mode, name: `${entry} ${model.id} ${mode}` })),
    ),
  );
}

/** The path a call of this cell must reach. */
export function routePath({ model, mode }: Pick<Cell, 'model' | 'mode'>): string {
  if (mode === 'gateway') return model.route === 'chat' ? '/v1/chat/completions' : '/v1/messages';
  return model.route === 'chat' ? '/openai/eu/v1/chat/completions' : '/anthropic/eu/v1/messages';
}

/** A classic and a gateway emulator for a test file, reset before every test. */
export function useEmulators(options: LangdockEmulatorOptions = {}): {
  of(mode: Mode): LangdockEmulator;
} {
  const started: Partial<Record<Mode, LangdockEmulator>> = {};
  beforeAll(async () => {
    started.classic = await startLangdockEmulator({ apiKeys: [KEY], ...options });
    started.gateway = await startLangdockEmulator({ apiKeys: [KEY], ...options, gateway: true });
  });
  beforeEach(() => {
    started.classic?.reset();
    started.gateway?.reset();
  });
  afterAll(async () => {
    await started.classic?.close();
    await started.gateway?.close();
  });
  return {
    of(mode) {
      const emulator = started[mode];
      if (emulator === undefined) throw new Error('the emulators start in beforeAll');
      return emulator;
    },
  };
}

/** The provider settings of a mode: the classic API's base URL, or `gateway: true` with the gateway's prefix. */
export function settingsFor(mode: Mode, emulator: LangdockEmulator, apiKey = KEY) {
  return mode === 'gateway'
    ? { apiKey, gateway: true, baseURL: emulator.gatewayBaseURL }
    : { apiKey, baseURL: emulator.baseURL };
}

export function rootProvider(mode: Mode, emulator: LangdockEmulator, apiKey = KEY) {
  return createRoot(settingsFor(mode, emulator, apiKey));
}

/** The cell's model at the spec level: a V3 model seen through V4's types (prompts are converted on the way in). */
export function specModel(
  cell: Pick<Cell, 'entry' | 'model' | 'mode'>,
  emulator: LangdockEmulator,
  apiKey = KEY,
): SpecModel {
  const settings = settingsFor(cell.mode, emulator, apiKey);
  if (cell.entry === 'v4') return createV4(settings)(cell.model.id);
  if (cell.entry === 'v3') return fromV3(createV3(settings)(cell.model.id));
  throw new Error('the root entry runs through ai@5, not at the spec level');
}

/** What the scenarios call on a /v3 or /v4 model. */
export interface SpecModel {
  readonly specificationVersion: string;
  readonly provider: string;
  readonly modelId: string;
  doGenerate(options: LanguageModelV4CallOptions): PromiseLike<LanguageModelV4GenerateResult>;
  doStream(
    options: LanguageModelV4CallOptions,
  ): PromiseLike<{ stream: ReadableStream<LanguageModelV4StreamPart> }>;
}

/**
 * A V3 model behind V4's call and result types. Only the prompt's file data differs between the two (V4 tags it);
 * V4's `reasoning` has no V3 counterpart, so a scenario that sets it on V3 is a mistake in the scenario.
 */
function fromV3(model: LanguageModelV3): SpecModel {
  const toV3 = (options: LanguageModelV4CallOptions): LanguageModelV3CallOptions => {
    if (options.reasoning !== undefined) throw new Error('V3 has no reasoning call option');
    const prompt = options.prompt.map((message) =>
      message.role === 'user' || message.role === 'assistant'
        ? {
            ...message,
            content: message.content.map((part) =>
              part.type === 'file' ? { ...part, data: untagged(part.data) } : part,
            ),
          }
        : message,
    ) as LanguageModelV3Prompt;
    return { ...options, prompt } as LanguageModelV3CallOptions;
  };
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    doGenerate: async (options) =>
      (await model.doGenerate(toV3(options))) as unknown as LanguageModelV4GenerateResult,
    doStream: async (options) =>
      (await model.doStream(toV3(options))) as unknown as {
        stream: ReadableStream<LanguageModelV4StreamPart>;
      },
  };
}

function untagged(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('type' in data)) return data;
  if (data.type === 'data' && 'data' in data) return data.data;
  if (data.type === 'url' && 'url' in data) return data.url;
  throw new Error(`V3 has no file data of type ${String(data.type)}`);
}

export async function readParts(
  stream: ReadableStream<LanguageModelV4StreamPart>,
): Promise<LanguageModelV4StreamPart[]> {
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream as unknown as AsyncIterable<LanguageModelV4StreamPart>)
    parts.push(part);
  return parts;
}

/** What a stream says, assembled the way ai does: text, reasoning (with its metadata), tool calls, the finish. */
export interface SpecAnswer {
  text: string;
  reasoning: Array<{ text: string; providerMetadata?: SharedV4ProviderMetadata }>;
  toolCalls: Array<{ toolCallId: string; toolName: string; input: unknown }>;
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage;
  providerMetadata: SharedV4ProviderMetadata | undefined;
  warnings: SharedV4Warning[];
}

export function answerOfParts(parts: readonly LanguageModelV4StreamPart[]): SpecAnswer {
  const reasoning = new Map<
    string,
    { text: string; providerMetadata?: SharedV4ProviderMetadata }
  >();
  const answer: Omit<SpecAnswer, 'finishReason' | 'usage' | 'providerMetadata'> = {
    text: '',
    reasoning: [],
    toolCalls: [],
    warnings: [],
  };
  let finish: Extract<LanguageModelV4StreamPart, { type: 'finish' }> | undefined;
  for (const part of parts) {
    switch (part.type) {
      case 'stream-start':
        answer.warnings.push(...part.warnings);
        break;
      case 'text-delta':
        answer.text += part.delta;
        break;
      case 'reasoning-start':
        reasoning.set(part.id, { text: '' });
        break;
      case 'reasoning-delta': {
        const block = reasoning.get(part.id);
        if (block === undefined) throw new Error(`reasoning-delta before reasoning-start`);
        block.text += part.delta;
        if (part.providerMetadata !== undefined)
          block.providerMetadata = mergeMetadata(block.providerMetadata, part.providerMetadata);
        break;
      }
      case 'reasoning-end': {
        const block = reasoning.get(part.id);
        if (block === undefined) throw new Error(`reasoning-end before reasoning-start`);
        if (part.providerMetadata !== undefined)
          block.providerMetadata = mergeMetadata(block.providerMetadata, part.providerMetadata);
        answer.reasoning.push(block);
        break;
      }
      case 'tool-call':
        answer.toolCalls.push({
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: JSON.parse(part.input) as unknown,
        });
        break;
      case 'finish':
        finish = part;
        break;
      default:
        break;
    }
  }
  if (finish === undefined)
    throw new Error(`no finish part in ${parts.map((p) => p.type).join(', ')}`);
  return {
    ...answer,
    finishReason: finish.finishReason,
    usage: finish.usage,
    providerMetadata: finish.providerMetadata,
  };
}

export function answerOfContent(result: LanguageModelV4GenerateResult): SpecAnswer {
  const text = result.content
    .filter(
      (part): part is Extract<LanguageModelV4Content, { type: 'text' }> => part.type === 'text',
    )
    .map((part) => part.text)
    .join('');
  return {
    text,
    reasoning: result.content.flatMap((part) =>
      part.type === 'reasoning'
        ? [
            {
              text: part.text,
              ...(part.providerMetadata !== undefined && {
                providerMetadata: part.providerMetadata,
              }),
            },
          ]
        : [],
    ),
    toolCalls: result.content.flatMap((part) =>
      part.type === 'tool-call'
        ? [
            {
              toolCallId: part.toolCallId,
              toolName: part.toolName,
              input: JSON.parse(part.input) as unknown,
            },
          ]
        : [],
    ),
    finishReason: result.finishReason,
    usage: result.usage,
    providerMetadata: result.providerMetadata,
    warnings: result.warnings,
  };
}

function mergeMetadata(
  a: SharedV4ProviderMetadata | undefined,
  b: SharedV4ProviderMetadata,
): SharedV4ProviderMetadata {
  const merged: SharedV4ProviderMetadata = { ...a };
  for (const [provider, values] of Object.entries(b))
    merged[provider] = { ...merged[provider], ...values };
  return merged;
}

/**
 * The assistant turn ai builds from a result's content: text, reasoning with its provider metadata as the part's
 * provider options (which is how a signature comes back), tool calls with their parsed input.
 */
export function assistantTurn(content: readonly LanguageModelV4Content[]): LanguageModelV4Message {
  type AssistantPart = Extract<LanguageModelV4Message, { role: 'assistant' }>['content'][number];
  const parts: AssistantPart[] = [];
  for (const part of content) {
    if (part.type === 'text') parts.push({ type: 'text', text: part.text });
    if (part.type === 'reasoning')
      parts.push({
        type: 'reasoning',
        text: part.text,
        ...(part.providerMetadata !== undefined && { providerOptions: part.providerMetadata }),
      });
    if (part.type === 'tool-call')
      parts.push({
        type: 'tool-call',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: JSON.parse(part.input) as unknown,
      });
  }
  return { role: 'assistant', content: parts };
}

/** The answer as the emulator sent it, read without the library: text, thinking, finish and usage. */
export interface PlainAnswer {
  text: string;
  thinking: Array<{ thinking: string; signature: string }>;
  finishReason: string | undefined;
  /** The usage object as sent (a Messages stream's `message_start` usage updated by `message_delta`'s). */
  usage: Record<string, unknown> | undefined;
}

/**
 * Sends a recorded request again, unchanged, with plain fetch, and reads the answer without the library. The
 * emulator's answers are deterministic (ids aside), so the library's reading must agree with this one.
 */
export async function replayPlainly(
  emulator: LangdockEmulator,
  request: RecordedRequest,
): Promise<PlainAnswer> {
  const headers: Record<string, string> = {
    authorization: request.headers.authorization ?? '',
    'content-type': 'application/json',
  };
  const version = request.headers['anthropic-version'];
  if (version !== undefined) headers['anthropic-version'] = version;
  const response = await fetch(`${emulator.url}${request.path}`, {
    method: request.method,
    headers,
    body: request.rawBody,
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`the replay got ${response.status}: ${text.slice(0, 300)}`);
  const messages = request.path.endsWith('/messages');
  const streamed = response.headers.get('content-type')?.includes('text/event-stream') === true;
  if (!streamed)
    return messages ? plainMessage(JSON.parse(text)) : plainCompletion(JSON.parse(text));
  const events = text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as unknown);
  return messages ? plainMessageEvents(events) : plainChunks(events);
}

// The wire is read plainly here: a field that is not there reads as undefined.
function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
const textAt = (value: unknown, ...path: Array<string | number>) => {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : undefined;
};
const objectAt = (value: unknown, ...path: Array<string | number>) => {
  const found = at(value, ...path);
  return typeof found === 'object' && found !== null
    ? (found as Record<string, unknown>)
    : undefined;
};

function plainCompletion(body: unknown): PlainAnswer {
  return {
    text: textAt(body, 'choices', 0, 'message', 'content') ?? '',
    thinking: [],
    finishReason: textAt(body, 'choices', 0, 'finish_reason'),
    usage: objectAt(body, 'usage'),
  };
}

function plainChunks(chunks: unknown[]): PlainAnswer {
  let text = '';
  let finishReason: string | undefined;
  let usage: Record<string, unknown> | undefined;
  for (const chunk of chunks) {
    text += textAt(chunk, 'choices', 0, 'delta', 'content') ?? '';
    finishReason = textAt(chunk, 'choices', 0, 'finish_reason') ?? finishReason;
    usage = objectAt(chunk, 'usage') ?? usage;
  }
  return { text, thinking: [], finishReason, usage };
}

function plainMessage(body: unknown): PlainAnswer {
  const blocks = (at(body, 'content') as unknown[]) ?? [];
  return {
    text: blocks
      .filter((block) => at(block, 'type') === 'text')
      .map((block) => textAt(block, 'text'))
      .join(''),
    thinking: blocks
      .filter((block) => at(block, 'type') === 'thinking')
      .map((block) => ({
        thinking: textAt(block, 'thinking') ?? '',
        signature: textAt(block, 'signature') ?? '',
      })),
    finishReason: textAt(body, 'stop_reason'),
    usage: objectAt(body, 'usage'),
  };
}

function plainMessageEvents(events: unknown[]): PlainAnswer {
  let text = '';
  const thinking = new Map<unknown, { thinking: string; signature: string }>();
  let finishReason: string | undefined;
  let usage: Record<string, unknown> | undefined;
  for (const event of events) {
    const type = at(event, 'type');
    const index = at(event, 'index');
    if (type === 'message_start') usage = { ...objectAt(event, 'message', 'usage') };
    if (type === 'content_block_start' && at(event, 'content_block', 'type') === 'thinking')
      thinking.set(index, { thinking: '', signature: '' });
    if (type === 'content_block_delta') {
      const block = thinking.get(index);
      text += textAt(event, 'delta', 'text') ?? '';
      if (block !== undefined) {
        block.thinking += textAt(event, 'delta', 'thinking') ?? '';
        block.signature += textAt(event, 'delta', 'signature') ?? '';
      }
    }
    if (type === 'message_delta') {
      finishReason = textAt(event, 'delta', 'stop_reason');
      usage = { ...usage, ...objectAt(event, 'usage') };
    }
  }
  return { text, thinking: [...thinking.values()], finishReason, usage };
}

/** The token counts a plain reading gives: input as billed (uncached, cache writes and reads), output, reasoning. */
export interface PlainTokens {
  input: number | undefined;
  noCache: number | undefined;
  cacheRead: number | undefined;
  cacheWrite: number | undefined;
  output: number | undefined;
  reasoning: number | undefined;
}

export function plainTokens(route: Route, usage: Record<string, unknown> | undefined): PlainTokens {
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  const nested = (value: unknown, key: string) =>
    typeof value === 'object' && value !== null
      ? number((value as Record<string, unknown>)[key])
      : undefined;
  if (usage === undefined)
    return {
      input: undefined,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: undefined,
      output: undefined,
      reasoning: undefined,
    };
  if (route === 'chat') {
    const input = number(usage.prompt_tokens);
    const cacheRead = nested(usage.prompt_tokens_details, 'cached_tokens');
    return {
      input,
      noCache: input === undefined ? undefined : input - (cacheRead ?? 0),
      cacheRead,
      cacheWrite: undefined,
      output: number(usage.completion_tokens),
      reasoning: nested(usage.completion_tokens_details, 'reasoning_tokens'),
    };
  }
  const noCache = number(usage.input_tokens) ?? 0;
  const cacheWrite = number(usage.cache_creation_input_tokens) ?? 0;
  const cacheRead = number(usage.cache_read_input_tokens) ?? 0;
  return {
    input: noCache + cacheWrite + cacheRead,
    noCache,
    cacheRead,
    cacheWrite,
    output: number(usage.output_tokens),
    reasoning: undefined,
  };
}

/** The calls that reached the emulator, as `METHOD path`. */
export const calls = (emulator: LangdockEmulator) =>
  emulator.requests.map((request) => `${request.method} ${request.path}`);

/** A 1x1 transparent PNG (its bytes are what reach the wire, base64-encoded). */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const PNG_BYTES = Uint8Array.from(Buffer.from(PNG_BASE64, 'base64'));

export type { LanguageModelV4 };
