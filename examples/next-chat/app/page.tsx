// Server component: says where answers come from (Langdock or the emulator); the key never leaves the server.
import Link from 'next/link';
import { connection as dynamicRendering } from 'next/server';
import { getLangdock } from '@/server/langdock';
import { Chat } from './chat';
import { CityCard } from './city-card';

export default async function Page() {
  // Render per request: the key and the emulator exist at run time, not at build time.
  await dynamicRendering();
  const connection = await getLangdock();
  const emulated = connection.mode === 'emulator';
  const header = (
    <header>
      <h1>Langdock chat</h1>
      <p className="subtitle">
        Next.js App Router · AI SDK 7 <code>useChat</code> · <code>langdock-ai-provider/v4</code> ·
        GPT and Claude · <Link href="/agent">a Langdock agent</Link>
      </p>
    </header>
  );
  if (connection.mode === 'unconfigured') {
    // Nothing below could answer, so the page shows only what to fix.
    return (
      <main>
        {header}
        <p className="banner problem" role="alert">
          {connection.problem}
        </p>
      </main>
    );
  }
  return (
    <main>
      {header}
      {emulated ? (
        <p className="banner emulator" role="status">
          No <code>LANGDOCK_API_KEY</code> on the server: answers come from the local Langdock
          emulator at <code>{connection.emulator.url}</code>. Set the key and restart to talk to
          Langdock.
        </p>
      ) : (
        <p className="banner live" role="status">
          Connected to Langdock ({connection.destination}).
        </p>
      )}
      <Chat emulated={emulated} />
      <CityCard />
    </main>
  );
}
