// Which agent a request to /api/agent talks to: the server decides, a browser may only pick among the emulator's.
import 'server-only';
import type { AgentSpec } from 'langdock-ai-provider/emulator';
import { emulatorAgentChoices } from '@/lib/agents';
import type { ConfiguredConnection } from './langdock';

/** Registered in the emulator: an agent with web search, and one whose answer breaks off with an error chunk. */
export const emulatorAgents: AgentSpec[] = [
  { id: 'research-agent', name: 'Researcher', webSearch: true },
  {
    id: 'flaky-agent',
    name: 'Flaky',
    errorAfter: 12,
    errorText: 'The agent lost its knowledge folder mid-answer (an emulated fault).',
  },
];

export type AgentChoice = { ok: true; agentId: string } | { ok: false; problem: string };

export function agentFor(connection: ConfiguredConnection, requested: unknown): AgentChoice {
  if (connection.mode === 'emulator') {
    const choice =
      emulatorAgentChoices.find((agent) => agent.id === requested) ?? emulatorAgentChoices[0];
    return { ok: true, agentId: choice.id };
  }
  const agentId = process.env.LANGDOCK_AGENT_ID?.trim();
  if (!agentId) {
    return {
      ok: false,
      problem:
        'The server has no agent: set LANGDOCK_AGENT_ID to the id of an agent shared with this API key, and restart.',
    };
  }
  return { ok: true, agentId };
}
