import { InvalidArgumentError } from '@ai-sdk/provider';
import type { LangdockTool, LangdockToolChoice } from './langdock-chat-api-types';
import type { LangdockChatCall, LangdockWarning } from '../langdock-call';

export const LANGDOCK_MAX_TOOLS = 128;

export interface PreparedTools {
  tools: LangdockTool[] | undefined;
  toolChoice: LangdockToolChoice | undefined;
  warnings: LangdockWarning[];
}

export function prepareLangdockTools({
  tools,
  toolChoice,
}: Pick<LangdockChatCall, 'tools' | 'toolChoice'>): PreparedTools {
  const warnings: LangdockWarning[] = [];
  if (tools === undefined || tools.length === 0) return withoutTools(toolChoice, warnings);

  const langdockTools: LangdockTool[] = [];
  for (const tool of tools) {
    if (tool.type !== 'function') {
      warnings.push({
        type: 'unsupported-tool',
        toolName: tool.name,
        details: `Langdock runs no provider tools; ${tool.id} was not sent.`,
      });
      continue;
    }
    langdockTools.push({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description !== undefined && { description: tool.description }),
        parameters: tool.inputSchema,
        ...(tool.strict !== undefined && { strict: tool.strict }),
      },
    });
  }

  if (langdockTools.length > LANGDOCK_MAX_TOOLS) {
    throw new InvalidArgumentError({
      argument: 'tools',
      message: `Langdock accepts at most ${LANGDOCK_MAX_TOOLS} tools per request; got ${langdockTools.length}. Offer fewer tools, e.g. only those relevant to this step (prepareStep / activeTools).`,
    });
  }
  if (langdockTools.length === 0) return withoutTools(toolChoice, warnings);

  if (toolChoice === undefined) return { tools: langdockTools, toolChoice: undefined, warnings };

  switch (toolChoice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return { tools: langdockTools, toolChoice: toolChoice.type, warnings };
    case 'tool':
      if (!langdockTools.some((tool) => tool.function.name === toolChoice.toolName)) {
        throw new InvalidArgumentError({
          argument: 'toolChoice',
          message: `toolChoice names the tool "${toolChoice.toolName}", which is not among the tools offered (${langdockTools.map((tool) => tool.function.name).join(', ')}).`,
        });
      }
      return {
        tools: langdockTools,
        toolChoice: { type: 'function', function: { name: toolChoice.toolName } },
        warnings,
      };
  }
}

/** No function tools to send: a toolChoice other than auto would have meant something, so say it was dropped. */
function withoutTools(
  toolChoice: LangdockChatCall['toolChoice'],
  warnings: LangdockWarning[],
): PreparedTools {
  if (toolChoice !== undefined && toolChoice.type !== 'auto') {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'toolChoice',
      details:
        'toolChoice applies only with function tools; none were sent, so it was not sent either.',
    });
  }
  return { tools: undefined, toolChoice: undefined, warnings };
}
