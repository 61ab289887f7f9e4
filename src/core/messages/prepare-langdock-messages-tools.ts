import { InvalidArgumentError } from '@ai-sdk/provider';
import type {
  LangdockMessagesTool,
  LangdockMessagesToolChoice,
} from './langdock-messages-api-types';
import type { LangdockChatCall, LangdockProviderOptions, LangdockWarning } from '../langdock-call';
import { readLangdockMessagesPartOptions } from './langdock-messages-options';

export interface PreparedLangdockMessagesTools {
  tools: LangdockMessagesTool[] | undefined;
  toolChoice: LangdockMessagesToolChoice | undefined;
  warnings: LangdockWarning[];
}

/** Function tools as Messages client tools, and the tool choice in Anthropic's words. */
export function prepareLangdockMessagesTools({
  tools,
  toolChoice,
}: Pick<LangdockChatCall, 'tools' | 'toolChoice'>): PreparedLangdockMessagesTools {
  const warnings: LangdockWarning[] = [];
  const sent: LangdockMessagesTool[] = [];
  let strictTools = false;
  (tools ?? []).forEach((tool, index) => {
    if (tool.type !== 'function') {
      warnings.push({
        type: 'unsupported-tool',
        toolName: tool.name,
        details: `Langdock runs no provider tools; ${tool.id} was not sent.`,
      });
      return;
    }
    // V3 and V4 tools carry provider options (a cache breakpoint), which the core's tool type leaves out.
    const { cacheControl } = readLangdockMessagesPartOptions(
      (tool as { providerOptions?: LangdockProviderOptions }).providerOptions,
      `tools[${index}]`,
    );
    if (tool.strict === true) strictTools = true;
    sent.push({
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      input_schema: tool.inputSchema,
      ...(cacheControl !== undefined && { cache_control: cacheControl }),
    });
  });
  // Strict tool use is Anthropic's structured-outputs feature, which Bedrock and Vertex lack: the schema guides, not binds.
  if (strictTools) {
    warnings.push({
      type: 'other',
      message:
        'strict was not sent for tools: Claude on Langdock does not enforce tool input schemas, so check tool inputs yourself.',
    });
  }
  if (sent.length === 0)
    return { tools: undefined, toolChoice: withoutTools(toolChoice, warnings), warnings };
  return { tools: sent, toolChoice: convertToolChoice(toolChoice, sent), warnings };
}

function convertToolChoice(
  toolChoice: LangdockChatCall['toolChoice'],
  tools: LangdockMessagesTool[],
): LangdockMessagesToolChoice | undefined {
  switch (toolChoice?.type) {
    case undefined:
      return undefined;
    case 'auto':
    case 'none':
      return { type: toolChoice.type };
    case 'required':
      return { type: 'any' };
    case 'tool':
      if (!tools.some((tool) => tool.name === toolChoice.toolName)) {
        throw new InvalidArgumentError({
          argument: 'toolChoice',
          message: `toolChoice names the tool "${toolChoice.toolName}", which is not among the tools offered (${tools.map((tool) => tool.name).join(', ')}).`,
        });
      }
      return { type: 'tool', name: toolChoice.toolName };
  }
}

/** No function tools to send: a toolChoice other than auto would have meant something, so say it was dropped. */
function withoutTools(
  toolChoice: LangdockChatCall['toolChoice'],
  warnings: LangdockWarning[],
): undefined {
  if (toolChoice !== undefined && toolChoice.type !== 'auto') {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'toolChoice',
      details:
        'toolChoice applies only with function tools; none were sent, so it was not sent either.',
    });
  }
  return undefined;
}
