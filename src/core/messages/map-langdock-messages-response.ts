import type { LangdockContent, LangdockFinish, LangdockWarning } from '../langdock-call';
import type { LangdockMessagesResponse } from './langdock-messages-response-types';
import {
  langdockMessagesSource,
  langdockMessagesSourceKey,
  toLangdockMessagesFinish,
  type LangdockMessagesCitedDocument,
} from './langdock-messages-stream-processor';

export interface MappedLangdockMessagesResponse {
  content: LangdockContent[];
  finish: LangdockFinish;
  /** None today; the field keeps the shape every protocol's mapper returns. */
  warnings: LangdockWarning[];
  metadata: { id?: string; modelId?: string };
}

/**
 * A Message body as content, by the stream's rules: thinking keeps its signature (or redacted data) in
 * provider metadata, JSON mode's tool input is the text answer (other text beside it is left out), each cited
 * page or document is one source, and server tool blocks are not content (Langdock runs no server tools).
 */
export function mapLangdockMessagesResponse(
  response: LangdockMessagesResponse,
  generateId: () => string,
  {
    jsonToolName,
    citationDocuments,
  }: {
    jsonToolName?: string;
    citationDocuments?: ReadonlyArray<LangdockMessagesCitedDocument>;
  } = {},
): MappedLangdockMessagesResponse {
  const content: LangdockContent[] = [];
  const sources = new Set<string>();
  let answeredByJsonTool = false;
  let toolCalls = 0;
  for (const block of response.content) {
    switch (block.type) {
      case 'text': {
        if (jsonToolName !== undefined) break;
        content.push({ type: 'text', text: block.text });
        for (const citation of block.citations ?? []) {
          const key = langdockMessagesSourceKey(citation);
          if (key === undefined || sources.has(key)) continue;
          sources.add(key);
          content.push(langdockMessagesSource(citation, generateId, citationDocuments)!);
        }
        break;
      }
      case 'thinking':
        content.push({
          type: 'reasoning',
          text: block.thinking,
          ...(block.signature && {
            providerMetadata: { langdock: { signature: block.signature } },
          }),
        });
        break;
      case 'redacted_thinking':
        content.push({
          type: 'reasoning',
          text: '',
          providerMetadata: { langdock: { redactedData: block.data } },
        });
        break;
      case 'tool_use': {
        const input = JSON.stringify(block.input ?? {});
        if (block.name === jsonToolName) {
          answeredByJsonTool = true;
          content.push({ type: 'text', text: input });
          break;
        }
        toolCalls++;
        content.push({ type: 'tool-call', toolCallId: block.id, toolName: block.name, input });
        break;
      }
      default:
        break;
    }
  }
  return {
    content,
    warnings: [],
    // A whole body arrived: the answer is complete even when it names no stop reason.
    finish: toLangdockMessagesFinish({
      outcome: 'finished',
      stopReason: response.stop_reason ?? undefined,
      answeredByJsonTool: answeredByJsonTool && toolCalls === 0,
      usage: response.usage ?? undefined,
      stop: response,
      contextManagement: response.context_management ?? undefined,
    }),
    metadata: {
      ...(response.id ? { id: response.id } : {}),
      ...(response.model ? { modelId: response.model } : {}),
    },
  };
}
