// POST /api/chat: the useChat endpoint. Streams the answer, runs the weather tool, and reports errors readably.
import {
  convertToModelMessages,
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  toUIMessageStream,
} from 'ai';
import type { ChatMessage } from '@/lib/chat-message';
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
  if (connection.mode === 'unconfigured')
    return Response.json({ error: connection.problem }, { status: 500 });

  const langdock = providerFor(connection, parseFailureDrill(parsed.request.failure));
  const result = streamText({
    model: langdock(connection.modelId),
    instructions:
      'You are a concise assistant. Use the weather tool for questions about the weather.',
    // A stopped answer can leave a tool call without its result; the model must not see that half.
    messages: await convertToModelMessages(parsed.request.messages, {
      tools: chatTools,
      ignoreIncompleteToolCalls: true,
    }),
    tools: chatTools,
    stopWhen: isStepCount(4),
    // The stop button closes the browser's request; stop the call to Langdock with it.
    abortSignal: request.signal,
    onError: ({ error }) => console.error(`chat: ${describeError(error)}`),
  });
  const stream = toUIMessageStream<typeof chatTools, ChatMessage>({
    stream: result.stream,
    tools: chatTools,
    onError: describeError,
  });
  return createUIMessageStreamResponse({ stream });
}
