import type { LanguageModelV2FinishReason } from '@ai-sdk/provider';

export function mapLangdockFinishReason(finishReason: string | null | undefined): LanguageModelV2FinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'unknown';
  }
}
