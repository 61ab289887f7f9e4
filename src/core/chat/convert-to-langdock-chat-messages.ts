import { InvalidArgumentError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { convertToBase64 } from '@ai-sdk/provider-utils';
import type {
  LangdockContentPart,
  LangdockMessage,
  LangdockToolCall,
} from './langdock-chat-api-types';
import type {
  LangdockFilePart,
  LangdockPrompt,
  LangdockPromptMessage,
  LangdockTextPart,
  LangdockToolOutput,
  LangdockWarning,
} from '../langdock-call';
import {
  langdockImagePartOptionsSchema,
  langdockMessageOptionsSchema,
} from './langdock-chat-options';
import { parseLangdockProviderOptions } from '../parse-langdock-options';
import { sniffLangdockImageType } from '../sniff-langdock-image-type';

export interface ConvertedMessages {
  messages: LangdockMessage[];
  warnings: LangdockWarning[];
}

export function convertToLangdockMessages(
  prompt: LangdockPrompt,
  { systemMessageMode = 'system' }: { systemMessageMode?: 'system' | 'developer' } = {},
): ConvertedMessages {
  const messages: LangdockMessage[] = [];
  const warnings: LangdockWarning[] = [];
  let droppedReasoning = false;
  let droppedToolMedia = false;
  const droppedAssistantParts = new Set<string>();
  const invalidToolInputs: string[] = [];

  prompt.forEach((message, index) => {
    const name = messageName(message, index);
    switch (message.role) {
      case 'system':
        messages.push({ role: systemMessageMode, content: message.content, ...name });
        break;

      case 'user': {
        const parts = message.content.map((part, partIndex) =>
          convertUserPart(part, `prompt[${index}].content[${partIndex}]`),
        );
        const only = parts[0];
        // A lone text part goes as a plain string, the form every backend accepts.
        messages.push({
          role: 'user',
          content: parts.length === 1 && only?.type === 'text' ? only.text : parts,
          ...name,
        });
        break;
      }

      case 'assistant': {
        let text = '';
        const toolCalls: LangdockToolCall[] = [];
        for (const part of message.content) {
          switch (part.type) {
            case 'text':
              text += part.text;
              break;
            case 'tool-call': {
              // A provider ran it, and its result is no tool message: sent, it would be a call nobody answered.
              if (part.providerExecuted) {
                droppedAssistantParts.add('provider-executed tool-call');
                break;
              }
              const args = toolCallArguments(part.input);
              if (args === undefined) invalidToolInputs.push(part.toolCallId);
              toolCalls.push({
                id: part.toolCallId,
                type: 'function',
                function: { name: part.toolName, arguments: args ?? '{}' },
              });
              break;
            }
            case 'reasoning':
              droppedReasoning = true;
              break;
            // History from another provider: what chat completions cannot carry in an assistant message is left out.
            case 'file':
            case 'tool-result':
            case 'custom':
            case 'reasoning-file':
              droppedAssistantParts.add(part.type);
              break;
          }
        }
        messages.push(
          toolCalls.length > 0
            ? {
                role: 'assistant',
                content: text === '' ? null : text,
                tool_calls: toolCalls,
                ...name,
              }
            : { role: 'assistant', content: text, ...name },
        );
        break;
      }

      case 'tool':
        // Tool messages take no name in chat completions: a name here is refused like an unknown option.
        for (const part of message.content) {
          // Approval responses are the SDK's: it turns each into the tool's result (or `execution-denied`), which is sent.
          if (part.type === 'tool-approval-response') continue;
          if (
            part.output.type === 'content' &&
            part.output.value.some((item) => item.type !== 'text')
          )
            droppedToolMedia = true;
          messages.push({
            role: 'tool',
            tool_call_id: part.toolCallId,
            content: toolOutputToContent(part.output),
          });
        }
        break;

      default: {
        const unknownRole: never = message;
        throw new UnsupportedFunctionalityError({
          functionality: `message role ${JSON.stringify((unknownRole as { role: unknown }).role)}`,
        });
      }
    }
  });

  if (droppedReasoning) {
    warnings.push({
      type: 'other',
      message:
        'Reasoning parts of earlier assistant messages were not sent: Langdock chat completions take no reasoning input.',
    });
  }
  if (droppedAssistantParts.size > 0) {
    const kinds = [...droppedAssistantParts]
      .map((kind) => (kind === 'tool-result' ? 'provider-executed tool-result' : kind))
      .join(', ');
    warnings.push({
      type: 'other',
      message: `Parts of earlier assistant messages were not sent (${kinds}): Langdock chat completions carry only text and tool calls there. Move a file into a user message.`,
    });
  }
  if (invalidToolInputs.length > 0) {
    warnings.push({
      type: 'other',
      message: `Tool call ${invalidToolInputs.join(', ')} in the history had input that is not a JSON object (the model produced invalid arguments); it was sent with arguments {}.`,
    });
  }
  if (droppedToolMedia) {
    warnings.push({
      type: 'other',
      message:
        'Images and other media in tool results were not sent: Langdock tool messages take text only. Their text parts were sent.',
    });
  }
  return { messages, warnings };
}

/** `providerOptions.langdock.name` of a message, as the wire's `name`. */
function messageName(message: LangdockPromptMessage, index: number): { name?: string } {
  const argument = `prompt[${index}].providerOptions.langdock`;
  const { name } = parseLangdockProviderOptions(
    langdockMessageOptionsSchema,
    message.providerOptions,
    { argument, help: 'A message takes one option: name.' },
  );
  if (name !== undefined && message.role === 'tool') {
    throw new InvalidArgumentError({
      argument,
      message: `${argument}.name: tool messages take no name in chat completions; set it on system, user or assistant messages.`,
    });
  }
  return name === undefined ? {} : { name };
}

function convertUserPart(
  part: LangdockTextPart | LangdockFilePart,
  where: string,
): LangdockContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };
  const { imageDetail } = parseLangdockProviderOptions(
    langdockImagePartOptionsSchema,
    part.providerOptions,
    {
      argument: `${where}.providerOptions.langdock`,
      help: 'An image part takes one option: imageDetail (low, high or auto).',
    },
  );
  const detail = imageDetail === undefined ? {} : { detail: imageDetail };

  const { data, mediaType } = part;
  const topLevel = mediaType.split('/')[0]!.toLowerCase();
  // An inline text document is text the model can read as it is.
  if (data.type === 'text' && topLevel === 'text') return { type: 'text', text: data.text };
  if (topLevel !== 'image') {
    throw new UnsupportedFunctionalityError({
      functionality: `file parts of type ${mediaType}`,
      message:
        `Langdock chat completions take images only; got a file of type ${mediaType}` +
        `${part.filename ? ` (${part.filename})` : ''}. Extract its text and send that as a text part instead.`,
    });
  }

  switch (data.type) {
    case 'url':
      return { type: 'image_url', image_url: { url: data.url.toString(), ...detail } };
    case 'data': {
      // `image` or `image/*` means the caller does not know the subtype: the bytes tell it.
      const fullType =
        mediaType.includes('/') && !mediaType.endsWith('/*')
          ? mediaType
          : sniffLangdockImageType(data.data);
      if (fullType === undefined) {
        throw new InvalidArgumentError({
          argument: 'prompt',
          message: `An image part has the media type '${mediaType}' and bytes that are not PNG, JPEG, GIF or WebP. Pass its full media type (such as 'image/png'), or convert it to one of those formats.`,
        });
      }
      return {
        type: 'image_url',
        image_url: { url: `data:${fullType};base64,${convertToBase64(data.data)}`, ...detail },
      };
    }
    case 'reference':
      throw new UnsupportedFunctionalityError({
        functionality: 'file references',
        message:
          'Langdock chat completions take no uploaded-file references in images; pass the image bytes or an https URL instead.',
      });
    case 'text':
      throw new InvalidArgumentError({
        argument: 'prompt',
        message: `An image part (${mediaType}) holds text instead of image data; pass its bytes or an https URL.`,
      });
  }
}

/**
 * `arguments` for a tool call in the history. The AI SDK keeps input the model got wrong as the raw
 * string: sent as it is when it is a JSON object, never encoded a second time. Undefined when it is not.
 */
function toolCallArguments(input: unknown): string | undefined {
  if (typeof input !== 'string') return JSON.stringify(input ?? {});
  try {
    const parsed: unknown = JSON.parse(input);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? input
      : undefined;
  } catch {
    return undefined;
  }
}

function toolOutputToContent(output: LangdockToolOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      // A tool message must have content: the model reads why the call did not run.
      return output.reason
        ? `The tool was not run: the user denied it (${output.reason}).`
        : 'The tool was not run: the user denied it.';
    case 'content':
      return output.value
        .map((item) =>
          item.type === 'text' ? (item.text ?? '') : `[${item.mediaType ?? item.type} not sent]`,
        )
        .join('\n');
  }
}
