import { isJsonObject } from '../http/langdock-json-guards';

// The rule for the messages a useChat client sends, before they go to Langdock. The Agents API documents user
// text and file parts, and assistant parts for its answers; whether it accepts those answers back as history is
// not documented, and the official sample sends assistant text only. So:
//   1. user messages keep their `text` and `file` parts, as they are;
//   2. assistant messages keep their `text` parts, as they are (reasoning, tool, source, file, step and data
//      parts are left out);
//   3. system messages are left out: the agent has its own instructions, and a browser must not add to them;
//   4. `metadata` is left out, except `metadata.attachments` of user messages when the route forwards them;
//   5. a message left without parts (and without attachments) is left out; a message without an id gets one.

export interface LangdockAgentHistoryRules {
  forwardAttachments: boolean;
  generateId: () => string;
}

export type LangdockAgentHistory =
  { ok: true; messages: Array<Record<string, unknown>> } | { ok: false; problem: string };

const keptParts: Readonly<Record<string, ReadonlySet<string>>> = {
  user: new Set(['text', 'file']),
  assistant: new Set(['text']),
};

export function toLangdockAgentHistory(
  messages: unknown,
  { forwardAttachments, generateId }: LangdockAgentHistoryRules,
): LangdockAgentHistory {
  if (!Array.isArray(messages))
    return { ok: false, problem: 'messages must be an array of UI messages (what useChat sends).' };
  const kept: Array<Record<string, unknown>> = [];
  for (let index = 0; index < messages.length; index++) {
    const message: unknown = messages[index];
    if (
      !isJsonObject(message) ||
      typeof message.role !== 'string' ||
      !Array.isArray(message.parts)
    ) {
      return {
        ok: false,
        problem: `messages[${index}] is not a UI message: it needs a role and an array of parts.`,
      };
    }
    const allowed = keptParts[message.role];
    if (allowed === undefined) continue;
    const parts = message.parts.filter(
      (part: unknown) =>
        isJsonObject(part) &&
        typeof part.type === 'string' &&
        allowed.has(part.type) &&
        isWellFormed(part),
    );
    const attachments =
      message.role === 'user' && forwardAttachments ? attachmentIds(message.metadata) : [];
    if (parts.length === 0 && attachments.length === 0) continue;
    kept.push({
      id: typeof message.id === 'string' && message.id !== '' ? message.id : generateId(),
      role: message.role,
      parts,
      ...(attachments.length > 0 && { metadata: { attachments } }),
    });
  }
  if (!kept.some((message) => message.role === 'user'))
    return { ok: false, problem: 'messages hold no user message with text or a file.' };
  return { ok: true, messages: kept };
}

function isWellFormed(part: Record<string, unknown>): boolean {
  if (part.type === 'text') return typeof part.text === 'string';
  return typeof part.url === 'string' && typeof part.mediaType === 'string';
}

function attachmentIds(metadata: unknown): string[] {
  if (!isJsonObject(metadata) || !Array.isArray(metadata.attachments)) return [];
  return metadata.attachments.filter(
    (id: unknown): id is string => typeof id === 'string' && id !== '',
  );
}
