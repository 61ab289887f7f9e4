export interface LangdockModelCapabilities {
  /**
   * Reasoning models (o-series, gpt-5 family except `*-chat*`) take `max_completion_tokens` and
   * reject sampling settings, logprobs and logit_bias on Azure.
   */
  isReasoningModel: boolean;
}

// A workspace may wrap ids: `azure/o3-mini`, `gpt-5-mini-2025-08-07`, `eu.o4-mini`, `my-gpt-5`.
const reasoningFamily = /(?:^|[/:._ -])(?:o\d(?:$|[-._ ])|gpt-5(?!\d))/;
const chatVariant = /(?:^|[-._ ])chat(?:$|[-._ ])/;

export function getLangdockModelCapabilities(
  modelId: string,
  overrides: Partial<LangdockModelCapabilities> = {},
): LangdockModelCapabilities {
  const id = modelId.toLowerCase();
  return {
    isReasoningModel: overrides.isReasoningModel ?? (reasoningFamily.test(id) && !chatVariant.test(id)),
  };
}
