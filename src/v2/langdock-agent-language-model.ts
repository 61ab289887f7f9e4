import type { LanguageModelV2, LanguageModelV2CallOptions } from '@ai-sdk/provider';
import type { LangdockAgent } from '../core/agent/langdock-agent';
import { v2AgentStreamSpec } from './langdock-v2-agent-mapping';
import { toLangdockCall } from './langdock-v2-mapping';

/** A Langdock agent as `LanguageModelV2`, for AI SDK 5: always streamed, `doGenerate` assembles the stream. */
export class LangdockAgentLanguageModel implements LanguageModelV2 {
  readonly specificationVersion = 'v2';
  readonly provider = 'langdock.agent';
  // Files go inline: whether the Agents API fetches URLs itself is not documented, so the AI SDK downloads them.
  readonly supportedUrls = {};
  readonly modelId: string;

  constructor(private readonly agent: LangdockAgent) {
    this.modelId = agent.modelId;
  }

  async doGenerate(
    options: LanguageModelV2CallOptions,
  ): Promise<Awaited<ReturnType<LanguageModelV2['doGenerate']>>> {
    const { content, start, finish, metadata, request, response } = await this.agent.generate(
      toLangdockCall(options),
      v2AgentStreamSpec(options.tools),
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

  async doStream(
    options: LanguageModelV2CallOptions,
  ): Promise<Awaited<ReturnType<LanguageModelV2['doStream']>>> {
    const { stream, request, response } = await this.agent.stream(
      toLangdockCall(options),
      v2AgentStreamSpec(options.tools),
    );
    return { stream, request: { body: request.body }, response };
  }
}
