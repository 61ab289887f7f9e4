// Server component: the Agent page. Says where answers come from and which agent answers; the key stays on the server.
import Link from 'next/link';
import { connection as dynamicRendering } from 'next/server';
import { agentFor } from '@/server/agents';
import { getLangdock } from '@/server/langdock';
import { AgentChat } from './agent-chat';

export default async function AgentPage() {
  // Render per request: the key and the emulator exist at run time, not at build time.
  await dynamicRendering();
  const connection = await getLangdock();
  const header = (
    <header>
      <h1>Langdock agent</h1>
      <p className="subtitle">
        A Langdock agent behind <code>useChat</code>: the route is one call of{' '}
        <code>langdock.agentResponse</code> · <Link href="/">back to the chat</Link>
      </p>
    </header>
  );
  const agent = connection.mode === 'unconfigured' ? undefined : agentFor(connection, undefined);
  const problem =
    connection.mode === 'unconfigured'
      ? connection.problem
      : agent?.ok === false
        ? agent.problem
        : undefined;
  if (problem !== undefined || connection.mode === 'unconfigured') {
    return (
      <main>
        {header}
        <p className="banner problem" role="alert">
          {problem}
        </p>
      </main>
    );
  }
  const emulated = connection.mode === 'emulator';
  return (
    <main>
      {header}
      {emulated ? (
        <p className="banner emulator" role="status">
          No <code>LANGDOCK_API_KEY</code> on the server: the agents are the local Langdock
          emulator&apos;s, at <code>{connection.emulator.url}</code>.
        </p>
      ) : (
        <p className="banner live" role="status">
          Connected to Langdock: agent <code>{agent?.ok ? agent.agentId : ''}</code>.
        </p>
      )}
      <AgentChat emulated={emulated} />
    </main>
  );
}
