import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockAgentRequestBody } from './langdock-agent-api-types';
import { toLangdockAgentMessages } from './convert-to-langdock-agent-messages';
import type {
  LangdockAgentOptions,
  LangdockAgentOutput,
  LangdockAgentSettings,
  LangdockAgentTarget,
} from './langdock-agent-options';
import type { LangdockChatCall, LangdockWarning } from '../langdock-call';

/** The id a provider tool has when it only names one of the agent's own tools (the root entry's `agentTools`). */
export const LANGDOCK_AGENT_TOOL_ID = 'langdock.agent_tool';

// Call settings that belong to the agent's configuration in Langdock: none of them can be sent per request.
const agentOwnedSettings = [
  'maxOutputTokens',
  'temperature',
  'stopSequences',
  'topP',
  'topK',
  'presencePenalty',
  'frequencyPenalty',
  'seed',
] as const;

export interface BuildLangdockAgentRequestArgs {
  target: LangdockAgentTarget;
  settings: LangdockAgentSettings;
  call: LangdockChatCall;
  options: LangdockAgentOptions;
  generateId: () => string;
}

/** The call as an Agents API request (always streamed), with a warning for everything that was not sent. */
export function buildLangdockAgentRequest({
  target,
  settings,
  call,
  options,
  generateId,
}: BuildLangdockAgentRequestArgs): {
  body: LangdockAgentRequestBody;
  warnings: LangdockWarning[];
} {
  const warnings: LangdockWarning[] = [];
  for (const setting of agentOwnedSettings) {
    if (call[setting] !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting,
        details: `A Langdock agent takes no ${setting} per call: its model settings are part of the agent. It was not sent.`,
      });
    }
  }
  if (call.reasoning !== undefined && call.reasoning !== 'provider-default') {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'reasoning',
      details: "A Langdock agent's reasoning is set by its model in Langdock. It was not sent.",
    });
  }
  for (const tool of call.tools ?? []) {
    if (tool.type === 'function') {
      warnings.push({
        type: 'unsupported-tool',
        toolName: tool.name,
        details:
          'Function tools cannot run inside a Langdock agent, so it was not sent. Give the agent an action in Langdock instead, or call a chat model with this tool.',
      });
    } else if (tool.id !== LANGDOCK_AGENT_TOOL_ID) {
      warnings.push({
        type: 'unsupported-tool',
        toolName: tool.name,
        details: `A Langdock agent runs no provider tools; ${tool.id} was not sent.`,
      });
    }
  }
  if (call.toolChoice !== undefined && call.toolChoice.type !== 'auto') {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'toolChoice',
      details:
        'A Langdock agent decides itself which of its tools to use; toolChoice was not sent.',
    });
  }

  let output: LangdockAgentOutput | undefined = options.output;
  if (call.responseFormat?.type === 'json') {
    if (output === undefined) {
      const schema = call.responseFormat.schema as Record<string, JSONValue> | undefined;
      output = { type: 'object', ...(schema !== undefined && { schema }) };
    } else {
      warnings.push({
        type: 'other',
        message:
          "providerOptions.langdock.output was sent as the agent's output; the JSON response format of the call was not.",
      });
    }
  }

  const { messages, warnings: messageWarnings } = toLangdockAgentMessages(call.prompt, generateId);
  warnings.push(...messageWarnings);

  const maxSteps = options.maxSteps ?? settings.maxSteps;
  const imageResponseFormat = options.imageResponseFormat ?? settings.imageResponseFormat;
  const body: LangdockAgentRequestBody = {
    ...(typeof target === 'string' ? { agentId: target } : { agent: target }),
    messages,
    stream: true,
    ...(maxSteps !== undefined && { maxSteps }),
    ...(imageResponseFormat !== undefined && { imageResponseFormat }),
    ...(output !== undefined && { output }),
  };
  return { body, warnings };
}
