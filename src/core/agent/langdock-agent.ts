import { APICallError } from '@ai-sdk/provider';
import { postJsonToApi, type ResponseHandler } from '@ai-sdk/provider-utils';
import { buildLangdockAgentRequest } from './build-langdock-agent-request';
import type { LangdockAgentRequestBody } from './langdock-agent-api-types';
import { LangdockAgentStreamProcessor } from './langdock-agent-stream-processor';
import { createLangdockSsePartStream } from '../stream/langdock-sse-part-stream';
import {
  langdockAgentOptionsSchema,
  type LangdockAgentSettings,
  type LangdockAgentTarget,
} from './langdock-agent-options';
import type {
  LangdockAgentSourcePart,
  LangdockAgentStreamPart,
  LangdockAgentStreamSpec,
  LangdockAgentToolPart,
} from './langdock-agent-parts';
import type { LangdockChatCall } from '../langdock-call';
import {
  prepareLangdockRequest,
  type LangdockRequestConfig,
} from '../http/langdock-request-config';
import { createLangdockEventStreamHandler } from '../http/langdock-response-handlers';
import { parseLangdockProviderOptions } from '../parse-langdock-options';

/** What a status means on the Agents API, where it differs from chat completions. */
export const langdockAgentErrorHints: Partial<Record<number, string>> = {
  400: 'Check the agent id, and that the agent is shared with this API key (a workspace admin shares it in Langdock).',
  403: 'The key is valid but lacks access: it needs the Agent API scope (workspace API settings), and requests must come from a server.',
  404: 'No Agents API at this address: check baseURL, or set agentBaseURL to the prefix before /agent/v1.',
};

const AUTO_MODEL_HINT =
  'The agent\'s model is "Auto" and the workspace has no default model: choose a fixed model in the agent\'s settings in Langdock.';

/** The request's error handler, with Langdock's 400 for an agent on the "Auto" model explained as such. */
export function langdockAgentErrorHandler(
  failedResponseHandler: ResponseHandler<APICallError>,
): ResponseHandler<APICallError> {
  return async (options) => {
    const result = await failedResponseHandler(options);
    const error = result.value;
    if (error.statusCode !== 400 || !/no default model/i.test(error.responseBody ?? ''))
      return result;
    const message = error.message.replace(langdockAgentErrorHints[400]!, AUTO_MODEL_HINT);
    return {
      ...result,
      value: new APICallError({
        ...error,
        message,
        url: error.url,
        requestBodyValues: error.requestBodyValues,
      }),
    };
  };
}

export type LangdockAgentContent<FILE> =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | Exclude<LangdockAgentToolPart, { type: 'tool-input-start' }>
  | LangdockAgentSourcePart
  | FILE;

export interface LangdockAgentStreamResult<PART> {
  stream: ReadableStream<PART>;
  request: { url: string; body: LangdockAgentRequestBody };
  response: { headers: Record<string, string> | undefined };
}

export interface LangdockAgentGenerateResult<START, FINISH, FILE> {
  content: Array<LangdockAgentContent<FILE>>;
  /** The spec's `stream-start` part (its warnings) and `finish` part (finish reason, usage, provider metadata). */
  start: START;
  finish: FINISH;
  metadata: { id?: string };
  request: { url: string; body: LangdockAgentRequestBody };
  response: { headers: Record<string, string> | undefined };
}

/**
 * One Langdock agent (a saved agent's id, or a temporary agent's configuration) on the Agents API, in no spec's
 * terms. It always streams: the non-streaming call is cut off by a gateway after about 100 s.
 */
export class LangdockAgent {
  readonly modelId: string;

  constructor(
    readonly target: LangdockAgentTarget,
    private readonly settings: LangdockAgentSettings,
    /** A request config whose base URL is the Agents API's. */
    private readonly config: LangdockRequestConfig,
  ) {
    this.modelId = typeof target === 'string' ? target : target.name;
  }

  async stream<START, FINISH, FILE>(
    call: LangdockChatCall,
    spec: LangdockAgentStreamSpec<START, FINISH, FILE>,
  ): Promise<LangdockAgentStreamResult<LangdockAgentStreamPart | START | FINISH | FILE>> {
    const options = parseLangdockProviderOptions(langdockAgentOptionsSchema, call.providerOptions, {
      help: 'The options of an agent call are maxSteps, imageResponseFormat and output; per user message, attachments.',
    });
    const { body, warnings } = buildLangdockAgentRequest({
      target: this.target,
      settings: this.settings,
      call,
      options,
      generateId: this.config.generateId,
    });
    const request = prepareLangdockRequest(this.config, {
      path: '/agent/v1/chat/completions',
      headers: call.headers,
      errorHints: langdockAgentErrorHints,
    });
    const { value: eventStream, responseHeaders } = await postJsonToApi({
      url: request.url,
      headers: request.headers,
      body,
      failedResponseHandler: langdockAgentErrorHandler(request.failedResponseHandler),
      successfulResponseHandler: createLangdockEventStreamHandler(request.redact),
      abortSignal: call.abortSignal,
      fetch: request.fetch,
    });
    const stream = createLangdockSsePartStream<LangdockAgentStreamPart | START | FINISH | FILE>({
      body: eventStream,
      startPart: spec.startPart(warnings),
      abortSignal: call.abortSignal,
      url: request.url,
      requestBodyValues: body,
      processor: (emit) =>
        new LangdockAgentStreamProcessor<FINISH, FILE>({
          spec,
          emit,
          includeRawChunks: call.includeRawChunks,
          redact: request.redact,
          url: request.url,
          requestBodyValues: body,
        }),
    });
    return { stream, request: { url: request.url, body }, response: { headers: responseHeaders } };
  }

  /**
   * The streamed answer, assembled. An `error` chunk or a broken stream throws (a lost connection as a
   * retryable error, so the AI SDK retries it); a stream that ended without its finish chunk is reported
   * only where the spec can say so (V4 `interrupted`).
   */
  async generate<START, FINISH, FILE>(
    call: LangdockChatCall,
    spec: LangdockAgentStreamSpec<START, FINISH, FILE>,
  ): Promise<LangdockAgentGenerateResult<START, FINISH, FILE>> {
    const { stream, request, response } = await this.stream(
      { ...call, includeRawChunks: false },
      spec,
    );
    const content: Array<LangdockAgentContent<FILE>> = [];
    const open = new Map<string, { type: 'text' | 'reasoning'; text: string }>();
    const blocks: Array<{ type: 'text' | 'reasoning'; text: string }> = [];
    const metadata: { id?: string } = {};
    let start: START | undefined;
    let finish: FINISH | undefined;
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const part = next.value as
        LangdockAgentStreamPart | { type: 'stream-start' | 'finish' } | { type: 'file' };
      switch (part.type) {
        case 'stream-start':
          start = next.value as START;
          break;
        case 'finish':
          finish = next.value as FINISH;
          break;
        case 'text-start':
        case 'reasoning-start': {
          const block = {
            type: part.type === 'text-start' ? ('text' as const) : ('reasoning' as const),
            text: '',
          };
          open.set(`${block.type}:${part.id}`, block);
          blocks.push(block);
          content.push(block);
          break;
        }
        case 'text-delta':
        case 'reasoning-delta': {
          const block = open.get(`${part.type === 'text-delta' ? 'text' : 'reasoning'}:${part.id}`);
          if (block !== undefined) block.text += part.delta;
          break;
        }
        case 'tool-call':
        case 'tool-result':
        case 'source':
          content.push(part);
          break;
        case 'file':
          content.push(next.value as FILE);
          break;
        case 'response-metadata':
          if (part.id !== undefined) metadata.id = part.id;
          break;
        case 'error':
          await reader.cancel().catch(() => {});
          throw part.error;
        default:
          break;
      }
    }
    if (start === undefined || finish === undefined)
      throw new Error('A Langdock agent stream ended without its start or finish part.');
    // Langdock opens and closes reasoning without a word of it (as captured): such empty blocks are left out.
    const empty = new Set<unknown>([...blocks].filter((block) => block.text === ''));
    const filled = content.filter((item) => !empty.has(item));
    return { content: filled, start, finish, metadata, request, response };
  }
}
