import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider-v4';
import type { LangdockAgent } from '../core/agent/langdock-agent';
import { v4AgentStreamSpec } from './langdock-v4-agent-mapping';
import { toLangdockCall } from './langdock-v4-mapping';

/** A Langdock agent as `LanguageModelV4`, for AI SDK 7: always streamed, `doGenerate` assembles the stream. */
export class LangdockAgentLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly provider = 'langdock.agent';
  // Files go inline: whether the Agents API fetches URLs itself is not documented, so the AI SDK downloads them.
  readonly supportedUrls = {};
  readonly modelId: string;

  constructor(private readonly agent: LangdockAgent) {
    this.modelId = agent.modelId;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { content, start, finish, metadata, request, response } = await this.agent.generate(
      toLangdockCall(options),
      v4AgentStreamSpec,
    );
    return {
      content,
      finishReason: finish.finishReason,
      usage: finish.usage,
      ...(finish.providerMetadata !== undefined && { providerMetadata: finish.providerMetadata }),
      request,
      response: { ...metadata, headers: response.headers },
      warnings: start.warnings,
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { stream, request, response } = await this.agent.stream(
      toLangdockCall(options),
      v4AgentStreamSpec,
    );
    return { stream, request, response };
  }
}
