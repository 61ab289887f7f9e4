import { InvalidArgumentError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { convertBase64ToUint8Array, convertToBase64 } from '@ai-sdk/provider-utils';
import type {
  LangdockMessagesAssistantBlock,
  LangdockMessagesCacheControl,
  LangdockMessagesDocumentBlock,
  LangdockMessagesImageBlock,
  LangdockMessagesMessage,
  LangdockMessagesSystemBlock,
  LangdockMessagesToolResultBlock,
  LangdockMessagesToolResultContentBlock,
  LangdockMessagesUserBlock,
} from './langdock-messages-api-types';
import type {
  LangdockFilePart,
  LangdockPrompt,
  LangdockProviderOptions,
  LangdockTextPart,
  LangdockToolOutput,
  LangdockToolResultPart,
  LangdockWarning,
} from '../langdock-call';
import { readLangdockMessagesPartOptions } from './langdock-messages-options';
import { sniffLangdockImageType } from '../sniff-langdock-image-type';

export interface ConvertedLangdockMessagesPrompt {
  /** The system messages, as top-level `system` text blocks; undefined when there are none. */
  system: LangdockMessagesSystemBlock[] | undefined;
  /** Alternating user and assistant messages. */
  messages: LangdockMessagesMessage[];
  warnings: LangdockWarning[];
}

/** The image types Claude reads. */
const imageTypes: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
]);

type Turn =
  | { role: 'user'; content: LangdockMessagesUserBlock[] }
  | { role: 'assistant'; content: LangdockMessagesAssistantBlock[] };

/** Blocks that take a cache breakpoint (thinking blocks are cached with their turn, never marked). */
type CacheableBlock = Exclude<
  LangdockMessagesUserBlock | LangdockMessagesAssistantBlock,
  { type: 'thinking' | 'redacted_thinking' }
>;

/**
 * The prompt in Anthropic's Messages shape: system messages become the top-level `system`, consecutive user and
 * tool messages one user message (tool results first), consecutive assistant messages one assistant message.
 */
export function convertToLangdockMessagesPrompt(
  prompt: LangdockPrompt,
  { sendReasoning = true }: { sendReasoning?: boolean } = {},
): ConvertedLangdockMessagesPrompt {
  const system: LangdockMessagesSystemBlock[] = [];
  const turns: Turn[] = [];
  const dropped = new Set<string>();
  const invalidToolInputs: string[] = [];
  const unsentToolContent = new Set<string>();
  const uncacheable = new Set<string>();
  let systemAfterConversation = false;
  let unsignedReasoning = false;

  /** The last block of a message takes the message's breakpoint, unless the block has its own. */
  const cacheLastBlock = (
    blocks: Array<LangdockMessagesUserBlock | LangdockMessagesAssistantBlock>,
    cacheControl: LangdockMessagesCacheControl | undefined,
    where: string,
  ) => {
    const last = blocks[blocks.length - 1];
    if (cacheControl === undefined || last === undefined) return;
    if (last.type === 'thinking' || last.type === 'redacted_thinking') uncacheable.add(where);
    else last.cache_control ??= cacheControl;
  };

  prompt.forEach((message, index) => {
    const where = `prompt[${index}]`;
    const { cacheControl } = readLangdockMessagesPartOptions(message.providerOptions, where);
    switch (message.role) {
      case 'system':
        if (turns.length > 0) systemAfterConversation = true;
        system.push(withCacheControl({ type: 'text', text: message.content }, cacheControl));
        break;

      case 'user': {
        const blocks = message.content.map((part, partIndex) =>
          convertUserPart(part, `${where}.content[${partIndex}]`),
        );
        cacheLastBlock(blocks, cacheControl, where);
        turns.push({ role: 'user', content: blocks });
        break;
      }

      case 'tool': {
        const blocks: LangdockMessagesUserBlock[] = [];
        message.content.forEach((part, partIndex) => {
          // Approval responses are the SDK's: it turns each into the tool's result (or `execution-denied`), which is sent.
          if (part.type === 'tool-approval-response') return;
          blocks.push(convertToolResult(part, `${where}.content[${partIndex}]`, unsentToolContent));
        });
        cacheLastBlock(blocks, cacheControl, where);
        turns.push({ role: 'user', content: blocks });
        break;
      }

      case 'assistant': {
        const blocks: LangdockMessagesAssistantBlock[] = [];
        message.content.forEach((part, partIndex) => {
          const partWhere = `${where}.content[${partIndex}]`;
          const options = readLangdockMessagesPartOptions(providerOptionsOf(part), partWhere);
          switch (part.type) {
            case 'text':
              blocks.push(
                withCacheControl({ type: 'text', text: part.text }, options.cacheControl),
              );
              break;
            case 'reasoning': {
              if (!sendReasoning) break;
              if (options.cacheControl !== undefined) uncacheable.add(partWhere);
              // Anthropic accepts only thinking it signed: what came without a signature stays out.
              if (options.signature !== undefined) {
                blocks.push({
                  type: 'thinking',
                  thinking: part.text,
                  signature: options.signature,
                });
              } else if (options.redactedData !== undefined) {
                blocks.push({ type: 'redacted_thinking', data: options.redactedData });
              } else {
                unsignedReasoning = true;
              }
              break;
            }
            case 'tool-call': {
              // A provider ran it, and Langdock runs no provider tools: replayed, it would be a call nobody answered.
              if (part.providerExecuted) {
                dropped.add('provider-executed tool-call');
                break;
              }
              const input = toolUseInput(part.input);
              if (input === undefined) invalidToolInputs.push(part.toolCallId);
              blocks.push(
                withCacheControl(
                  {
                    type: 'tool_use',
                    id: part.toolCallId,
                    name: part.toolName,
                    input: input ?? {},
                  },
                  options.cacheControl,
                ),
              );
              break;
            }
            // History from another provider: what a Messages assistant turn cannot carry is left out.
            case 'tool-result':
              dropped.add('provider-executed tool-result');
              break;
            case 'file':
            case 'custom':
            case 'reasoning-file':
              dropped.add(part.type);
              break;
          }
        });
        cacheLastBlock(blocks, cacheControl, where);
        turns.push({ role: 'assistant', content: blocks });
        break;
      }

      default: {
        const unknownRole: never = message;
        throw new UnsupportedFunctionalityError({
          functionality: `message role ${JSON.stringify((unknownRole as { role: unknown }).role)}`,
        });
      }
    }
  });

  const messages = mergeTurns(turns);
  trimFinalAssistantText(messages);

  const warnings: LangdockWarning[] = [];
  if (systemAfterConversation) {
    warnings.push({
      type: 'other',
      message:
        'A system message after user or assistant messages was sent with the others in the top-level system prompt: the Messages format has no system messages between turns.',
    });
  }
  if (unsignedReasoning) {
    warnings.push({
      type: 'other',
      message:
        'Reasoning parts without a signature (from another provider, or edited) were not sent: Claude accepts only thinking it signed. Reasoning from Claude carries providerOptions.langdock.signature.',
    });
  }
  if (dropped.size > 0) {
    warnings.push({
      type: 'other',
      message: `Parts of earlier assistant messages were not sent (${[...dropped].join(', ')}): a Messages assistant turn carries text, thinking and tool calls. Move a file into a user message.`,
    });
  }
  if (invalidToolInputs.length > 0) {
    warnings.push({
      type: 'other',
      message: `Tool call ${invalidToolInputs.join(', ')} in the history had input that is not a JSON object (the model produced invalid arguments); it was sent with input {}.`,
    });
  }
  if (unsentToolContent.size > 0) {
    warnings.push({
      type: 'other',
      message: `Tool result content was named in text instead of sent (${[...unsentToolContent].join(', ')}): a tool result carries text, images (JPEG, PNG, GIF, WebP) and PDFs.`,
    });
  }
  if (uncacheable.size > 0) {
    warnings.push({
      type: 'other',
      message: `cacheControl on thinking was not sent (${[...uncacheable].join(', ')}): thinking blocks are cached with their turn and take no breakpoint of their own.`,
    });
  }
  return { system: system.length > 0 ? system : undefined, messages, warnings };
}

/** Provider options of a part whose core type does not declare them (reasoning, tool calls), as the spec passed them. */
function providerOptionsOf(part: object): LangdockProviderOptions | undefined {
  const options = (part as { providerOptions?: unknown }).providerOptions;
  return typeof options === 'object' && options !== null
    ? (options as LangdockProviderOptions)
    : undefined;
}

function withCacheControl<BLOCK extends CacheableBlock>(
  block: BLOCK,
  cacheControl: LangdockMessagesCacheControl | undefined,
): BLOCK {
  return cacheControl === undefined ? block : { ...block, cache_control: cacheControl };
}

/** Turns of one role in a row become one message; a user message's tool results go first, as the format requires. */
function mergeTurns(turns: Turn[]): LangdockMessagesMessage[] {
  const messages: LangdockMessagesMessage[] = [];
  for (const turn of turns) {
    if (turn.content.length === 0) continue;
    const previous = messages[messages.length - 1];
    if (previous?.role === 'user' && turn.role === 'user') previous.content.push(...turn.content);
    else if (previous?.role === 'assistant' && turn.role === 'assistant')
      previous.content.push(...turn.content);
    else messages.push({ ...turn, content: [...turn.content] } as LangdockMessagesMessage);
  }
  for (const message of messages) {
    if (message.role !== 'user') continue;
    message.content = [
      ...message.content.filter((block) => block.type === 'tool_result'),
      ...message.content.filter((block) => block.type !== 'tool_result'),
    ];
  }
  return messages;
}

/** Anthropic refuses a final assistant turn (a prefill) that ends in whitespace. */
function trimFinalAssistantText(messages: LangdockMessagesMessage[]): void {
  const last = messages[messages.length - 1];
  if (last?.role !== 'assistant') return;
  const block = last.content[last.content.length - 1];
  if (block?.type !== 'text') return;
  block.text = block.text.trimEnd();
  if (block.text !== '') return;
  last.content.pop();
  if (last.content.length === 0) messages.pop();
}

function convertUserPart(
  part: LangdockTextPart | LangdockFilePart,
  where: string,
): LangdockMessagesUserBlock {
  const options = readLangdockMessagesPartOptions(part.providerOptions, where);
  if (part.type === 'text') {
    return withCacheControl({ type: 'text', text: part.text }, options.cacheControl);
  }
  const block = convertFile(part, where);
  if (block.type === 'document') {
    const title = options.title ?? part.filename;
    if (title !== undefined) block.title = title;
    if (options.context !== undefined) block.context = options.context;
    if (options.citations) block.citations = { enabled: true };
  }
  return withCacheControl(block, options.cacheControl);
}

function convertFile(
  part: LangdockFilePart,
  where: string,
): LangdockMessagesImageBlock | LangdockMessagesDocumentBlock {
  const { data, mediaType, filename } = part;
  const lower = mediaType.toLowerCase();
  const topLevel = lower.split('/')[0];
  const named = filename ? ` (${filename})` : '';
  if (data.type === 'reference') {
    throw new UnsupportedFunctionalityError({
      functionality: 'file references',
      message: `${where}: Claude on Langdock takes no uploaded-file references${named}; pass the file's bytes or an https URL instead.`,
    });
  }

  if (topLevel === 'image') {
    if (data.type === 'url') return { type: 'image', source: { type: 'url', url: data.url.href } };
    if (data.type === 'text') {
      throw new InvalidArgumentError({
        argument: where,
        message: `${where}: an image part (${mediaType})${named} holds text instead of image data; pass its bytes or an https URL.`,
      });
    }
    // `image` or `image/*` means the caller does not know the subtype: the bytes tell it.
    const stated = lower === 'image/jpg' ? 'image/jpeg' : lower;
    const fullType =
      stated.includes('/') && !stated.endsWith('/*') ? stated : sniffLangdockImageType(data.data);
    if (fullType === undefined || !imageTypes.has(fullType)) {
      throw new InvalidArgumentError({
        argument: where,
        message: `${where}: Claude reads JPEG, PNG, GIF and WebP images; got ${fullType === undefined ? `'${mediaType}' with bytes that are none of these` : fullType}${named}. Convert it to one of those formats, or pass its full media type.`,
      });
    }
    return {
      type: 'image',
      source: { type: 'base64', media_type: fullType, data: convertToBase64(data.data) },
    };
  }

  if (lower === 'application/pdf') {
    if (data.type === 'url')
      return { type: 'document', source: { type: 'url', url: data.url.href } };
    if (data.type === 'text') {
      throw new InvalidArgumentError({
        argument: where,
        message: `${where}: a PDF part${named} holds text instead of the PDF's bytes; pass the bytes, an https URL, or the text as a text/plain file.`,
      });
    }
    return {
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf', data: convertToBase64(data.data) },
    };
  }

  // Plain text, Markdown, CSV, HTML…: Claude reads each as a plain-text document.
  if (topLevel === 'text') {
    if (data.type === 'url') {
      throw new UnsupportedFunctionalityError({
        functionality: 'text files by URL',
        message: `${where}: Claude fetches only images and PDFs by URL; pass the text of ${data.url.href}${named} instead.`,
      });
    }
    const text = data.type === 'text' ? data.text : decodeText(data.data);
    return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: text } };
  }

  throw new UnsupportedFunctionalityError({
    functionality: `file parts of type ${mediaType}`,
    message: `${where}: Claude on Langdock takes images (JPEG, PNG, GIF, WebP), PDFs and text files; got a file of type ${mediaType}${named}. Convert it to one of those, or extract its text and send that as a text part.`,
  });
}

function decodeText(data: Uint8Array | string): string {
  return new TextDecoder().decode(
    typeof data === 'string' ? convertBase64ToUint8Array(data) : data,
  );
}

/**
 * `input` for a tool call in the history, always a JSON object. The AI SDK keeps input the model got wrong as the
 * raw string: parsed when it holds an object. Undefined when it is no object.
 */
function toolUseInput(input: unknown): Record<string, unknown> | undefined {
  if (input === undefined) return {};
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function convertToolResult(
  part: LangdockToolResultPart,
  where: string,
  unsent: Set<string>,
): LangdockMessagesToolResultBlock {
  const { cacheControl } = readLangdockMessagesPartOptions(part.providerOptions, where);
  const { content, isError } = toolResultContent(part.output, unsent);
  return withCacheControl(
    {
      type: 'tool_result',
      tool_use_id: part.toolCallId,
      content,
      ...(isError && { is_error: true }),
    },
    cacheControl,
  );
}

function toolResultContent(
  output: LangdockToolOutput,
  unsent: Set<string>,
): { content: LangdockMessagesToolResultBlock['content']; isError: boolean } {
  switch (output.type) {
    case 'text':
      return { content: output.value, isError: false };
    case 'error-text':
      return { content: output.value, isError: true };
    case 'json':
      return { content: JSON.stringify(output.value), isError: false };
    case 'error-json':
      return { content: JSON.stringify(output.value), isError: true };
    case 'execution-denied':
      // The model reads why the call did not run; an error result keeps it from taking the call as done.
      return {
        content: output.reason
          ? `The tool was not run: the user denied it (${output.reason}).`
          : 'The tool was not run: the user denied it.',
        isError: true,
      };
    case 'content':
      return {
        content: output.value.map((item) => convertToolContentItem(item, unsent)),
        isError: false,
      };
  }
}

type ToolContentItem = Extract<LangdockToolOutput, { type: 'content' }>['value'][number];

/**
 * A tool result's content item as a block. Items come in every spec's shape: V2 `media`, V3 `image-data`,
 * `file-data`, `image-url`, `file-url`, V4 `file` with tagged data. What Claude cannot take is named in text.
 */
function convertToolContentItem(
  item: ToolContentItem,
  unsent: Set<string>,
): LangdockMessagesToolResultContentBlock {
  if (item.type === 'text') return { type: 'text', text: item.text ?? '' };
  const media = toolItemMedia(item);
  const mediaType = (media.mediaType ?? '').toLowerCase();
  const isImage = mediaType.split('/')[0] === 'image';
  if (media.url !== undefined && (isImage || mediaType === 'application/pdf')) {
    return isImage
      ? { type: 'image', source: { type: 'url', url: media.url } }
      : { type: 'document', source: { type: 'url', url: media.url } };
  }
  if (media.data !== undefined) {
    if (isImage) {
      const fullType =
        mediaType.includes('/') && !mediaType.endsWith('/*')
          ? mediaType
          : sniffLangdockImageType(media.data);
      if (fullType !== undefined && imageTypes.has(fullType)) {
        return {
          type: 'image',
          source: { type: 'base64', media_type: fullType, data: convertToBase64(media.data) },
        };
      }
    } else if (mediaType === 'application/pdf') {
      return {
        type: 'document',
        source: {
          type: 'base64',
          media_type: 'application/pdf',
          data: convertToBase64(media.data),
        },
      };
    }
  }
  const name = media.mediaType === undefined ? item.type : `${item.type} ${media.mediaType}`;
  unsent.add(name);
  return { type: 'text', text: `[${name} not sent]` };
}

function toolItemMedia(item: ToolContentItem): {
  mediaType?: string;
  data?: Uint8Array | string;
  url?: string;
} {
  const mediaType =
    typeof item.mediaType === 'string'
      ? item.mediaType
      : item.type === 'image-url'
        ? 'image'
        : undefined;
  const { data, url } = item;
  if (typeof data === 'string' || data instanceof Uint8Array) return { mediaType, data };
  if (typeof url === 'string') return { mediaType, url };
  if (typeof data === 'object' && data !== null) {
    const tagged = data as { type?: unknown; data?: unknown; url?: unknown };
    if (
      tagged.type === 'data' &&
      (typeof tagged.data === 'string' || tagged.data instanceof Uint8Array)
    )
      return { mediaType, data: tagged.data };
    if (tagged.type === 'url' && tagged.url instanceof URL)
      return { mediaType, url: tagged.url.href };
  }
  return { mediaType };
}
