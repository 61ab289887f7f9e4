import { z } from 'zod/v4';
import { LANGDOCK_AGENT_TOOL_ID } from '../core/agent/build-langdock-agent-request';

/**
 * A tool an agent runs itself, as AI SDK 5 takes it in `tools`: provider-defined, with no `execute`. Its schemas
 * are zod's (the peer dependency every AI SDK shares), so it fits whichever provider-utils copy `ai` brings.
 */
export interface LangdockAgentTool {
  type: 'provider-defined';
  id: typeof LANGDOCK_AGENT_TOOL_ID;
  name: string;
  args: Record<string, never>;
  inputSchema: z.ZodType<Record<string, unknown>>;
  outputSchema: z.ZodType<unknown>;
}

/**
 * Names the tools a Langdock agent runs itself (web search, its actions), for AI SDK 5's `tools`: ai@5 breaks
 * on a provider-executed tool call whose tool it does not know, so without this the root entry keeps the
 * agent's tool calls in provider metadata (`toolCalls`) instead of passing them on. They are not sent to
 * Langdock and the AI SDK never runs them. AI SDK 6 and 7 (`/v3`, `/v4`) need none of this.
 */
export function langdockAgentTools<NAME extends string>(
  ...names: NAME[]
): Record<NAME, LangdockAgentTool> {
  const tools = {} as Record<NAME, LangdockAgentTool>;
  for (const name of names) {
    // Any input and output: the agent's tools are defined in Langdock, not here.
    tools[name] = {
      type: 'provider-defined',
      id: LANGDOCK_AGENT_TOOL_ID,
      name,
      args: {},
      inputSchema: z.record(z.string(), z.unknown()),
      outputSchema: z.unknown(),
    };
  }
  return tools;
}
