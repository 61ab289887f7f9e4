import { InvalidArgumentError } from '@ai-sdk/provider';
import { convertToBase64 } from '@ai-sdk/provider-utils';
import type { LangdockUIMessage, LangdockUIMessagePart } from './langdock-agent-api-types';
import { langdockAgentMessageOptionsSchema } from './langdock-agent-options';
import type { LangdockFilePart, LangdockPrompt, LangdockWarning } from '../langdock-call';
import { parseLangdockProviderOptions } from '../parse-langdock-options';
import { sniffLangdockImageType } from '../sniff-langdock-image-type';

// A prompt as the Agents API takes it: AI SDK 5 UIMessages. What the API documents for input is user text and
// files (inline, as URLs) and assistant text; everything else is left out with a warning.

export interface LangdockAgentMessages {
  messages: LangdockUIMessage[];
  warnings: LangdockWarning[];
}

export function toLangdockAgentMessages(
  prompt: LangdockPrompt,
  generateId: () => string,
): LangdockAgentMessages {
  const messages: LangdockUIMessage[] = [];
  let systemMessages = 0;
  let toolMessages = 0;
  const droppedAssistantParts = new Map<string, number>();

  prompt.forEach((message, index) => {
    const path = `prompt[${index}].providerOptions.langdock`;
    const { attachments = [] } = parseLangdockProviderOptions(
      langdockAgentMessageOptionsSchema,
      message.providerOptions,
      {
        argument: path,
        help: 'On a message of an agent call the only option is attachments: ids from uploadAttachment.',
      },
    );
    if (attachments.length > 0 && message.role !== 'user') {
      throw new InvalidArgumentError({
        argument: path,
        message: `${path}.attachments: attachments go on user messages; this is a ${message.role} message.`,
      });
    }
    switch (message.role) {
      case 'system':
        systemMessages++;
        return;
      case 'tool':
        toolMessages++;
        return;
      case 'user': {
        const parts: LangdockUIMessagePart[] = [];
        const referenced: string[] = [];
        message.content.forEach((part, partIndex) => {
          if (part.type === 'text') {
            parts.push({ type: 'text', text: part.text });
            return;
          }
          const file = toUIFilePart(part, `prompt[${index}].content[${partIndex}]`);
          if ('attachmentId' in file) referenced.push(file.attachmentId);
          else parts.push(file);
        });
        const ids = [...attachments, ...referenced];
        messages.push({
          id: generateId(),
          role: 'user',
          parts,
          ...(ids.length > 0 && { metadata: { attachments: ids } }),
        });
        return;
      }
      case 'assistant': {
        const parts: LangdockUIMessagePart[] = [];
        for (const part of message.content) {
          if (part.type === 'text') {
            if (part.text !== '') parts.push({ type: 'text', text: part.text });
          } else {
            droppedAssistantParts.set(part.type, (droppedAssistantParts.get(part.type) ?? 0) + 1);
          }
        }
        if (parts.length > 0) messages.push({ id: generateId(), role: 'assistant', parts });
        return;
      }
    }
  });

  const warnings: LangdockWarning[] = [];
  if (systemMessages > 0) {
    warnings.push({
      type: 'other',
      message: `${systemMessages} system message(s) were not sent: a Langdock agent has its own instructions. Set them in the agent in Langdock, or in agent.instructions of a temporary agent.`,
    });
  }
  if (droppedAssistantParts.size > 0) {
    const kinds = [...droppedAssistantParts].map(([type, count]) => `${count} ${type}`).join(', ');
    warnings.push({
      type: 'other',
      message: `Earlier assistant messages were sent with their text only (${kinds} part(s) left out): the Agents API documents text as assistant history.`,
    });
  }
  if (toolMessages > 0) {
    warnings.push({
      type: 'other',
      message: `${toolMessages} tool message(s) were not sent: a Langdock agent runs its own tools, and takes no results of tools run elsewhere.`,
    });
  }
  if (messages.length === 0) {
    throw new InvalidArgumentError({
      argument: 'prompt',
      message:
        'A Langdock agent call needs at least one user or assistant message; system messages are not sent to agents.',
    });
  }
  return { messages, warnings };
}

const isFullMediaType = (mediaType: string) => /^[^/]+\/[^/*]+$/.test(mediaType);

/** A file part of a user message: inline as a `data:` URL, a URL as it is, or a Langdock attachment by reference. */
function toUIFilePart(
  part: LangdockFilePart,
  path: string,
): LangdockUIMessagePart | { attachmentId: string } {
  const filename = part.filename !== undefined ? { filename: part.filename } : {};
  const { data } = part;
  switch (data.type) {
    case 'url':
      return { type: 'file', mediaType: part.mediaType, url: data.url.href, ...filename };
    case 'reference': {
      const id = data.reference.langdock;
      if (id === undefined) {
        throw new InvalidArgumentError({
          argument: path,
          message: `${path} refers to a file of another provider (${Object.keys(data.reference).join(', ')}). Upload it with langdock.uploadAttachment and refer to the id it returns.`,
        });
      }
      return { attachmentId: id };
    }
    case 'text': {
      const mediaType = isFullMediaType(part.mediaType) ? part.mediaType : 'text/plain';
      return {
        type: 'file',
        mediaType,
        url: `data:${mediaType};base64,${convertToBase64(new TextEncoder().encode(data.text))}`,
        ...filename,
      };
    }
    case 'data': {
      const mediaType = isFullMediaType(part.mediaType)
        ? part.mediaType
        : sniffLangdockImageType(data.data);
      if (mediaType === undefined) {
        throw new InvalidArgumentError({
          argument: path,
          message: `${path} has the media type '${part.mediaType}', which is not a full media type, and its bytes are not a PNG, JPEG, GIF or WebP image. Pass its full media type (such as 'application/pdf').`,
        });
      }
      return {
        type: 'file',
        mediaType,
        url: `data:${mediaType};base64,${convertToBase64(data.data)}`,
        ...filename,
      };
    }
  }
}
