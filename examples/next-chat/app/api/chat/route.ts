// POST /api/chat: the useChat endpoint. Streams the answer, runs the weather tool, and reports errors readably.
import { convertToModelMessages, stepCountIs, streamText } from 'ai';
import { chatTools } from '@/server/chat-tools';
import { parseChatRequest } from '@/server/chat-request';
import { describeError } from '@/server/error-message';
import { parseFailureDrill, providerFor } from '@/server/failures';
import { getLangdock } from '@/server/langdock';

// The emulator and the provider's key handling need Node, not the edge runtime.
export const runtime = 'nodejs';

export async function POST(request: Request): Promise<Response> {
  // This demo lets anyone in; a real app must authenticate here, since Langdock's rate limit and bill are per workspace.
  const parsed = await parseChatRequest(await request.json().catch(() => undefined));
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const connection = await getLangdock();
  if (connection.mode === 'unconfigured') return Response.json({ error: connection.problem }, { status: 500 });

  const langdock = providerFor(connection, parseFailureDrill(parsed.request.failure));
  const result = streamText({
    model: langdock(connection.modelId),
    system: 'You are a concise assistant. Use the weather tool for questions about the weather.',
    // A stopped answer can leave a tool call without its result; the model must not see that half.
    messages: convertToModelMessages(parsed.request.messages, { ignoreIncompleteToolCalls: true }),
    tools: chatTools,
    stopWhen: stepCountIs(4),
    // The stop button closes the browser's request; stop the call to Langdock with it.
    abortSignal: request.signal,
    onError: ({ error }) => console.error(`chat: ${describeError(error)}`),
  });
  return result.toUIMessageStreamResponse({ onError: describeError });
}
