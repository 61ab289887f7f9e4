import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockChatResponse } from './langdock-chat-api-types';
import type { LangdockContent, LangdockFinish, LangdockWarning } from '../langdock-call';
import { LangdockContentFilterLog } from './langdock-chat-content-filter';
import { langdockCutOffMessage, langdockCutOffReason } from './langdock-chat-stream-processor';
import {
  langdockChatPredictionMetadata,
  toLangdockChatTokenUsage,
} from './convert-langdock-chat-usage';
import { mapLangdockChatFinishReason } from './map-langdock-chat-finish-reason';

export interface MappedLangdockChatResponse {
  content: LangdockContent[];
  finish: LangdockFinish;
  /** About the answer itself: a tool call cut off by the finish reason, which is not passed on. */
  warnings: LangdockWarning[];
  metadata: { id?: string; modelId?: string; timestamp?: Date };
}

export function mapLangdockChatResponse(
  response: LangdockChatResponse,
  generateId: () => string,
): MappedLangdockChatResponse {
  const choice = response.choices[0]!;
  const content: LangdockContent[] = [];
  const warnings: LangdockWarning[] = [];
  if (choice.message.reasoning_content)
    content.push({ type: 'reasoning', text: choice.message.reasoning_content });
  if (choice.message.content) content.push({ type: 'text', text: choice.message.content });
  for (const call of choice.message.tool_calls ?? []) {
    const input = call.function.arguments ?? '';
    const toolCallId = call.id || generateId();
    const cutBy = langdockCutOffReason(choice.finish_reason ?? undefined, input);
    if (cutBy !== undefined) {
      warnings.push({
        type: 'other',
        message: langdockCutOffMessage({ id: toolCallId, name: call.function.name }, cutBy),
      });
      continue;
    }
    content.push({
      type: 'tool-call',
      toolCallId,
      toolName: call.function.name,
      input: input.trim() === '' ? '{}' : input,
    });
  }

  const langdock: Record<string, JSONValue> = {};
  if (choice.logprobs?.content) langdock.logprobs = choice.logprobs.content as JSONValue;
  if (choice.message.refusal) langdock.refusal = choice.message.refusal;
  const contentFilter = new LangdockContentFilterLog();
  contentFilter.add(choice.content_filter_results, choice.content_filter_offsets);
  Object.assign(langdock, contentFilter.metadata());
  if (response.prompt_filter_results !== undefined)
    langdock.promptFilterResults = response.prompt_filter_results as JSONValue;
  Object.assign(langdock, langdockChatPredictionMetadata(response.usage ?? undefined));

  return {
    content,
    warnings,
    finish: {
      // A whole body arrived: the answer is complete even when it names no finish reason.
      outcome: 'finished',
      finishReason: choice.finish_reason ?? undefined,
      reason: mapLangdockChatFinishReason(choice.finish_reason),
      usage: response.usage ? toLangdockChatTokenUsage(response.usage) : undefined,
      providerMetadata: Object.keys(langdock).length > 0 ? langdock : undefined,
    },
    metadata: {
      ...(response.id ? { id: response.id } : {}),
      ...(response.model ? { modelId: response.model } : {}),
      ...(response.created ? { timestamp: new Date(response.created * 1000) } : {}),
    },
  };
}
