// POST /api/chat: the useChat endpoint. Streams the answer, runs the weather tool, and reports errors readably.
import { convertToModelMessages, safeValidateUIMessages, stepCountIs, streamText } from 'ai';
import { z } from 'zod';
import type { ChatMessage } from '@/lib/chat-message';
import { chatTools } from '@/server/chat-tools';
import { describeError } from '@/server/error-message';
import { parseFailureDrill, providerFor } from '@/server/failures';
import { getLangdock } from '@/server/langdock';

// The emulator and the provider's key handling need Node, not the edge runtime.
export const runtime = 'nodejs';

const requestSchema = z.object({ messages: z.array(z.unknown()), failure: z.string().optional() });

export async function POST(request: Request): Promise<Response> {
  const body = requestSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) return Response.json({ error: 'Expected a JSON body with a messages array.' }, { status: 400 });
  const messages = await safeValidateUIMessages<ChatMessage>({ messages: body.data.messages, tools: chatTools });
  if (!messages.success) return Response.json({ error: `Invalid messages: ${messages.error.message}` }, { status: 400 });

  const connection = await getLangdock();
  const langdock = providerFor(connection, parseFailureDrill(body.data.failure));
  const result = streamText({
    model: langdock(connection.modelId),
    system: 'You are a concise assistant. Use the weather tool for questions about the weather.',
    // A stopped answer can leave a tool call without its result; the model must not see that half.
    messages: convertToModelMessages(messages.data, { ignoreIncompleteToolCalls: true }),
    tools: chatTools,
    stopWhen: stepCountIs(4),
    // The stop button closes the browser's request; stop the call to Langdock with it.
    abortSignal: request.signal,
    onError: ({ error }) => console.error(`chat: ${describeError(error)}`),
  });
  return result.toUIMessageStreamResponse({ onError: describeError });
}
