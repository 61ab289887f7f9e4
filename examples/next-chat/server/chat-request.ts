// Checks a /api/chat body from the browser: an offered model, only user and assistant messages, bounded in number and in size.
import 'server-only';
import { safeValidateUIMessages } from 'ai';
import { z } from 'zod';
import {
  MAX_ASSISTANT_MESSAGE_CHARS,
  MAX_CHAT_MESSAGES,
  MAX_USER_MESSAGE_CHARS,
} from '@/lib/chat-limits';
import type { ChatMessage } from '@/lib/chat-message';
import { chatModels, defaultChatModel, findChatModel, type ChatModel } from '@/lib/chat-models';
import { chatTools } from './chat-tools';

type ChatPart = ChatMessage['parts'][number];

export type ChatRequest = {
  messages: ChatMessage[];
  model: ChatModel;
  failure: string | undefined;
};

const bodySchema = z.object({
  messages: z.array(z.unknown()),
  // Checked against the allow-list below; bounded here so a refusal can quote it.
  model: z.string().max(100).optional(),
  failure: z.string().optional(),
});

// What the server wrote into earlier answers; any other metadata did not come from this app.
const metadataSchema = z
  .object({ model: z.enum(chatModels.map((model) => model.id)) })
  .strict()
  .optional();

// The parts this chat produces; anything else (files, sources, other tools) did not come from this page.
const accepted = {
  user: { maxChars: MAX_USER_MESSAGE_CHARS, partTypes: ['text'] },
  assistant: {
    maxChars: MAX_ASSISTANT_MESSAGE_CHARS,
    partTypes: ['step-start', 'text', 'reasoning', 'tool-weather'],
  },
} as const satisfies Record<
  'user' | 'assistant',
  { maxChars: number; partTypes: readonly ChatPart['type'][] }
>;

/** The request, or why it is refused, in a sentence for a 400. */
export async function parseChatRequest(
  json: unknown,
): Promise<{ ok: true; request: ChatRequest } | { ok: false; error: string }> {
  const body = bodySchema.safeParse(json);
  if (!body.success) return refuse('Expected a JSON body with a messages array.');
  const { messages, failure } = body.data;
  // Never an id from the browser: only a model of the allow-list reaches langdock(...).
  const model = body.data.model === undefined ? defaultChatModel : findChatModel(body.data.model);
  if (model === undefined) {
    return refuse(
      `The model ${JSON.stringify(body.data.model)} is not offered here; choose one of ${chatModels.map((offered) => offered.id).join(', ')}.`,
    );
  }
  if (messages.length === 0) return refuse('Send at least one message.');
  // Counted before validation, so an oversized history costs no work.
  if (messages.length > MAX_CHAT_MESSAGES) {
    return refuse(
      `The chat has ${messages.length} messages; the limit is ${MAX_CHAT_MESSAGES}. Start a new chat (reload the page).`,
    );
  }
  const validated = await safeValidateUIMessages<ChatMessage>({
    messages,
    tools: chatTools,
    metadataSchema,
  });
  if (!validated.success) return refuse(`Invalid messages: ${validated.error.message}`);
  for (const [index, message] of validated.data.entries()) {
    const problem = messageProblem(message);
    if (problem !== undefined) return refuse(`Message ${index + 1}: ${problem}`);
  }
  return { ok: true, request: { messages: validated.data, model, failure } };
}

function messageProblem(message: ChatMessage): string | undefined {
  // The system prompt is the server's: a client that could add one could rewrite the assistant's instructions.
  if (message.role === 'system')
    return 'system messages are not accepted; the server sets the system prompt. Send user and assistant messages only.';
  const { maxChars, partTypes } = accepted[message.role];
  const foreign = message.parts.find(
    (part) => !(partTypes as readonly string[]).includes(part.type),
  );
  if (foreign !== undefined)
    return `a ${message.role} message may hold ${partTypes.join(', ')} parts, not ${foreign.type}.`;
  const chars = message.parts.reduce((sum, part) => sum + partLength(part), 0);
  if (chars > maxChars) {
    return `it has ${chars.toLocaleString('en')} characters; a ${message.role} message may have at most ${maxChars.toLocaleString('en')}.`;
  }
  return undefined;
}

// Text as written; a tool call with its result as the JSON the model would read.
function partLength(part: ChatPart): number {
  return part.type === 'text' || part.type === 'reasoning'
    ? part.text.length
    : JSON.stringify(part).length;
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
