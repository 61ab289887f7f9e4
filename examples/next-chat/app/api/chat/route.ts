// POST /api/chat: the useChat endpoint. Streams the picked model's answer with its reasoning, runs the weather tool,
// and reports errors readably.
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

  const { messages, model } = parsed.request;
  const langdock = providerFor(connection, parseFailureDrill(parsed.request.failure));
  const result = streamText({
    // An id of the allow-list: langdock(id) sends Claude ids to Anthropic Messages, the others to chat completions.
    model: langdock(model.id),
    instructions:
      'You are a concise assistant. Use the weather tool for questions about the weather.',
    // A stopped answer can leave a tool call without its result; the model must not see that half.
    messages: await convertToModelMessages(
      model.replaysReasoning ? messages : withoutReasoning(messages),
      { tools: chatTools, ignoreIncompleteToolCalls: true },
    ),
    tools: chatTools,
    // The AI SDK's own setting: reasoning_effort for GPT-5, adaptive thinking (shown on the page) for Claude.
    reasoning: 'medium',
    stopWhen: isStepCount(4),
    // The stop button closes the browser's request; stop the call to Langdock with it.
    abortSignal: request.signal,
    onError: ({ error }) => console.error(`chat: ${describeError(error)}`),
  });
  const stream = toUIMessageStream<typeof chatTools, ChatMessage>({
    stream: result.stream,
    tools: chatTools,
    onError: describeError,
    // Which model wrote the answer, for the page; set by the server, never taken from the browser.
    messageMetadata: ({ part }) => (part.type === 'start' ? { model: model.id } : undefined),
  });
  return createUIMessageStreamResponse({ stream });
}

// Claude's signed thinking means nothing to chat completions, which take no reasoning (the provider would warn).
// An answer stopped while thinking is left with nothing to send, so it goes too.
function withoutReasoning(messages: ChatMessage[]): ChatMessage[] {
  return messages
    .map((message) => ({
      ...message,
      parts: message.parts.filter((part) => part.type !== 'reasoning'),
    }))
    .filter((message) => message.parts.some((part) => part.type !== 'step-start'));
}
