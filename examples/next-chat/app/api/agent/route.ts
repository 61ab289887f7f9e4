// POST /api/agent: the Agent page's useChat endpoint. The whole answer is one call of agentResponse: the agent's
// own UI message stream, re-framed, with failures as error chunks and the key never in them.
import { agentFor } from '@/server/agents';
import { parseAgentRequest } from '@/server/agent-request';
import { getLangdock } from '@/server/langdock';

// The emulator and the provider's key handling need Node, not the edge runtime.
export const runtime = 'nodejs';

export async function POST(request: Request): Promise<Response> {
  // This demo lets anyone in; a real app must authenticate here, since Langdock's rate limit and bill are per workspace.
  const parsed = parseAgentRequest(await request.json().catch(() => undefined));
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const connection = await getLangdock();
  if (connection.mode === 'unconfigured')
    return Response.json({ error: connection.problem }, { status: 500 });
  const agent = agentFor(connection, parsed.request.agent);
  if (!agent.ok) return Response.json({ error: agent.problem }, { status: 500 });

  // The stop button closes the browser's request; request.signal cancels the agent's run with it.
  return connection.langdock.agentResponse({
    agentId: agent.agentId,
    messages: parsed.request.messages,
    abortSignal: request.signal,
  });
}
