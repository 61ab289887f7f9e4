// The built-in Messages responder: the content blocks a deterministic Claude would answer with.
import { createHash } from 'node:crypto';
import { findEmulatorHints, type EmulatorHint } from '../generation/prompt-hints';
import {
  echoReply,
  GREETING,
  reasoningText,
  toolResultsReply,
} from '../generation/reply-templates';
import { pickTool, sampleToolInput } from '../generation/tool-choice';
import type { MessagesRequest, MessagesTurn } from './messages-request';
import { redactedThinkingData } from './thinking-signature';

export type PlannedBlock =
  | { type: 'thinking'; thinking: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface MessagesReply {
  blocks: PlannedBlock[];
  refusal: boolean;
  hints: ReadonlySet<EmulatorHint>;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function respondToMessages(request: MessagesRequest): MessagesReply {
  const lastUser = [...request.turns].reverse().find((turn) => turn.role === 'user');
  const hints = findEmulatorHints(lastUser?.text ?? '');
  if (hints.has('refusal')) return { blocks: [], refusal: true, hints };
  const last = request.turns.at(-1);
  // A new tool call answers the user's words, not tool results (unless tool_choice forces one).
  const asked = last?.role === 'user' && last.toolResults.length === 0 ? last.text : undefined;
  const tool = pickTool(request.tools, request.toolChoice, asked);
  const blocks: PlannedBlock[] = [];
  const thinks =
    request.thinking.type === 'enabled' ||
    (request.thinking.type === 'adaptive' && request.thinking.effort !== 'low');
  if (thinks) {
    const thinking = reasoningText(lastUser?.text ?? '', tool === undefined ? [] : [tool.name]);
    blocks.push(
      hints.has('redacted-thinking')
        ? { type: 'redacted_thinking', data: redactedThinkingData(thinking) }
        : { type: 'thinking', thinking },
    );
  }
  if (tool !== undefined) {
    // Anthropic: a forced tool_choice prefills the turn, so no text comes before the tool_use.
    const forced = request.toolChoice.type === 'required' || request.toolChoice.type === 'tool';
    if (!forced) blocks.push({ type: 'text', text: `I will call ${tool.name}.` });
    const input = sampleToolInput(tool, lastUser?.text ?? '');
    blocks.push({
      type: 'tool_use',
      id: toolUseId(tool.name, input, request.turns.length),
      name: tool.name,
      input,
    });
    return { blocks, refusal: false, hints };
  }
  blocks.push({ type: 'text', text: textAnswer(request.turns, lastUser) });
  return { blocks, refusal: false, hints };
}

function textAnswer(turns: readonly MessagesTurn[], lastUser: MessagesTurn | undefined): string {
  if (lastUser === undefined) return GREETING;
  if (lastUser.toolResults.length === 0) return echoReply(lastUser.text, lastUser.attachments);
  const names = new Map(turns.flatMap((turn) => turn.toolUses.map((use) => [use.id, use.name])));
  return toolResultsReply(
    lastUser.toolResults.map(
      (result) =>
        `${names.get(result.toolUseId) ?? 'the tool'} ${result.isError ? 'failed with' : 'returned'} ${result.text}`,
    ),
  );
}

/** `toolu_01` and 22 base62 characters, as Anthropic's ids look; the same call gets the same id. */
function toolUseId(name: string, input: Record<string, unknown>, salt: number): string {
  const digest = createHash('sha256')
    .update(`${name}\n${JSON.stringify(input)}\n${salt}`)
    .digest();
  let suffix = '';
  for (let i = 0; i < 22; i += 1) suffix += BASE62[(digest[i] ?? 0) % 62];
  return `toolu_01${suffix}`;
}
