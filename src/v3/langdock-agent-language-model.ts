import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider-v3';
import type { LangdockAgent } from '../core/agent/langdock-agent';
import { v3AgentStreamSpec } from './langdock-v3-agent-mapping';
import { toLangdockCall } from './langdock-v3-mapping';

/** A Langdock agent as `LanguageModelV3`, for AI SDK 6: always streamed, `doGenerate` assembles the stream. */
export class LangdockAgentLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'langdock.agent';
  // Files go inline: whether the Agents API fetches URLs itself is not documented, so the AI SDK downloads them.
  readonly supportedUrls = {};
  readonly modelId: string;

  constructor(private readonly agent: LangdockAgent) {
    this.modelId = agent.modelId;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { content, start, finish, metadata, request, response } = await this.agent.generate(
      toLangdockCall(options),
      v3AgentStreamSpec,
    );
    return {
      content,
      finishReason: finish.finishReason,
      usage: finish.usage,
      ...(finish.providerMetadata !== undefined && { providerMetadata: finish.providerMetadata }),
      request: { body: request.body },
      response: { ...metadata, headers: response.headers },
      warnings: start.warnings,
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { stream, request, response } = await this.agent.stream(
      toLangdockCall(options),
      v3AgentStreamSpec,
    );
    return { stream, request: { body: request.body }, response };
  }
}
