import {
  UnsupportedFunctionalityError,
  type LanguageModelV2CallWarning,
  type LanguageModelV2FilePart,
  type LanguageModelV2Prompt,
  type LanguageModelV2ToolResultOutput,
} from '@ai-sdk/provider';
import { convertToBase64 } from '@ai-sdk/provider-utils';
import type { LangdockContentPart, LangdockMessage, LangdockToolCall } from './langdock-api-types';

export interface ConvertedMessages {
  messages: LangdockMessage[];
  warnings: LanguageModelV2CallWarning[];
}

export function convertToLangdockMessages(
  prompt: LanguageModelV2Prompt,
  { systemMessageMode = 'system' }: { systemMessageMode?: 'system' | 'developer' } = {},
): ConvertedMessages {
  const messages: LangdockMessage[] = [];
  const warnings: LanguageModelV2CallWarning[] = [];
  let droppedReasoning = false;
  let droppedToolMedia = false;

  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: systemMessageMode, content: message.content });
        break;

      case 'user': {
        const parts = message.content.map(convertUserPart);
        const only = parts[0];
        // A lone text part goes as a plain string, the form every backend accepts.
        messages.push({ role: 'user', content: parts.length === 1 && only?.type === 'text' ? only.text : parts });
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
            case 'tool-call':
              toolCalls.push({
                id: part.toolCallId,
                type: 'function',
                function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) },
              });
              break;
            case 'reasoning':
              droppedReasoning = true;
              break;
            case 'file':
              throw new UnsupportedFunctionalityError({
                functionality: 'file parts in assistant messages',
                message: 'Langdock chat completions take no files in assistant messages. Move the file into a user message.',
              });
            case 'tool-result':
              throw new UnsupportedFunctionalityError({
                functionality: 'provider-executed tool results',
                message: 'Langdock executes no tools itself; send tool results in tool messages.',
              });
          }
        }
        messages.push(
          toolCalls.length > 0
            ? { role: 'assistant', content: text === '' ? null : text, tool_calls: toolCalls }
            : { role: 'assistant', content: text },
        );
        break;
      }

      case 'tool':
        for (const part of message.content) {
          if (part.output.type === 'content' && part.output.value.some((item) => item.type === 'media')) droppedToolMedia = true;
          messages.push({ role: 'tool', tool_call_id: part.toolCallId, content: toolOutputToContent(part.output) });
        }
        break;

      default: {
        const unknownRole: never = message;
        throw new UnsupportedFunctionalityError({ functionality: `message role ${JSON.stringify((unknownRole as { role: unknown }).role)}` });
      }
    }
  }

  if (droppedReasoning) {
    warnings.push({
      type: 'other',
      message: 'Reasoning parts of earlier assistant messages were not sent: Langdock chat completions take no reasoning input.',
    });
  }
  if (droppedToolMedia) {
    warnings.push({
      type: 'other',
      message: 'Images and other media in tool results were not sent: Langdock tool messages take text only. Their text parts were sent.',
    });
  }
  return { messages, warnings };
}

function convertUserPart(part: { type: 'text'; text: string } | LanguageModelV2FilePart): LangdockContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };

  if (!part.mediaType.startsWith('image/')) {
    throw new UnsupportedFunctionalityError({
      functionality: `file parts of type ${part.mediaType}`,
      message:
        `Langdock chat completions take images only; got a file of type ${part.mediaType}` +
        `${part.filename ? ` (${part.filename})` : ''}. Extract its text and send that as a text part instead.`,
    });
  }

  if (part.data instanceof URL) {
    return { type: 'image_url', image_url: { url: part.data.toString() } };
  }
  // `image/*` means the caller does not know the subtype; JPEG is the conventional stand-in.
  const mediaType = part.mediaType === 'image/*' ? 'image/jpeg' : part.mediaType;
  return { type: 'image_url', image_url: { url: `data:${mediaType};base64,${convertToBase64(part.data)}` } };
}

function toolOutputToContent(output: LanguageModelV2ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'content':
      return output.value.map((item) => (item.type === 'text' ? item.text : `[${item.mediaType} not sent]`)).join('\n');
  }
}
