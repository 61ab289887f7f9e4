import type { JSONValue, LanguageModelV2Content, LanguageModelV2FinishReason, LanguageModelV2Usage, SharedV2ProviderMetadata } from '@ai-sdk/provider';
import type { LangdockChatResponse } from './langdock-api-types';
import { convertLangdockUsage } from './convert-langdock-usage';
import { mapLangdockFinishReason } from './map-langdock-finish-reason';

export interface MappedLangdockChatResponse {
  content: LanguageModelV2Content[];
  finishReason: LanguageModelV2FinishReason;
  usage: LanguageModelV2Usage;
  providerMetadata: SharedV2ProviderMetadata | undefined;
  metadata: { id?: string; modelId?: string; timestamp?: Date };
}

export function mapLangdockChatResponse(response: LangdockChatResponse, generateId: () => string): MappedLangdockChatResponse {
  const choice = response.choices[0]!;
  const content: LanguageModelV2Content[] = [];
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
    finishReason: mapLangdockFinishReason(choice.finish_reason),
    usage: convertLangdockUsage(response.usage),
    providerMetadata: Object.keys(langdock).length > 0 ? { langdock } : undefined,
    metadata: {
      ...(response.id ? { id: response.id } : {}),
      ...(response.model ? { modelId: response.model } : {}),
      ...(response.created ? { timestamp: new Date(response.created * 1000) } : {}),
    },
  };
}
