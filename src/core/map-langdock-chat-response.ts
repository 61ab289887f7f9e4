import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockChatResponse } from './langdock-api-types';
import type { LangdockContent, LangdockFinish } from './langdock-chat-call';

export interface MappedLangdockChatResponse {
  content: LangdockContent[];
  finish: LangdockFinish;
  metadata: { id?: string; modelId?: string; timestamp?: Date };
}

export function mapLangdockChatResponse(response: LangdockChatResponse, generateId: () => string): MappedLangdockChatResponse {
  const choice = response.choices[0]!;
  const content: LangdockContent[] = [];
  if (choice.message.content) content.push({ type: 'text', text: choice.message.content });
  for (const call of choice.message.tool_calls ?? []) {
    const input = call.function.arguments ?? '';
    content.push({
      type: 'tool-call',
      toolCallId: call.id || generateId(),
      toolName: call.function.name,
      input: input.trim() === '' ? '{}' : input,
    });
  }

  const langdock: Record<string, JSONValue> = {};
  if (choice.logprobs?.content) langdock.logprobs = choice.logprobs.content as JSONValue;
  if (choice.message.refusal) langdock.refusal = choice.message.refusal;
  if (choice.content_filter_results !== undefined) langdock.contentFilterResults = choice.content_filter_results as JSONValue;
  if (response.prompt_filter_results !== undefined) langdock.promptFilterResults = response.prompt_filter_results as JSONValue;

  return {
    content,
    finish: {
      // A whole body arrived: the answer is complete even when it names no finish reason.
      outcome: 'finished',
      finishReason: choice.finish_reason ?? undefined,
      usage: response.usage ?? undefined,
      providerMetadata: Object.keys(langdock).length > 0 ? langdock : undefined,
    },
    metadata: {
      ...(response.id ? { id: response.id } : {}),
      ...(response.model ? { modelId: response.model } : {}),
      ...(response.created ? { timestamp: new Date(response.created * 1000) } : {}),
    },
  };
}
