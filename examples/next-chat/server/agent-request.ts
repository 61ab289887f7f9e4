// Bounds on an /api/agent body from the browser; what Langdock takes of the messages, agentResponse decides.
import 'server-only';
import { z } from 'zod';
import { MAX_ASSISTANT_MESSAGE_CHARS, MAX_CHAT_MESSAGES } from '@/lib/chat-limits';

const bodySchema = z.object({
  messages: z.array(z.unknown()).min(1, 'Send at least one message.'),
  agent: z.string().optional(),
});

export type AgentRequest = { messages: unknown[]; agent: string | undefined };

export function parseAgentRequest(
  json: unknown,
): { ok: true; request: AgentRequest } | { ok: false; error: string } {
  const body = bodySchema.safeParse(json);
  if (!body.success)
    return {
      ok: false,
      error: body.error.issues[0]?.message ?? 'Expected a JSON body with a messages array.',
    };
  const { messages, agent } = body.data;
  if (messages.length > MAX_CHAT_MESSAGES) {
    return {
      ok: false,
      error: `The chat has ${messages.length} messages; the limit is ${MAX_CHAT_MESSAGES}. Start a new chat (reload the page).`,
    };
  }
  // One bound for everything a message carries (text, sources, tool results), counted as the JSON sent on.
  const largest = messages.findIndex(
    (message) => JSON.stringify(message).length > 2 * MAX_ASSISTANT_MESSAGE_CHARS,
  );
  if (largest !== -1)
    return {
      ok: false,
      error: `Message ${largest + 1} is too large; start a new chat (reload the page).`,
    };
  return { ok: true, request: { messages, agent } };
}
