// The fixed wording of deterministic replies, shared by every protocol so answers read alike everywhere.

export const GREETING = 'Hello! This is the Langdock emulator. How can I help you?';

/** The echo of the user's last message, counting its attachments (images, files). */
export function echoReply(text: string, attachments: number): string {
  const attached =
    attachments === 0 ? '' : ` (with ${attachments} attachment${attachments === 1 ? '' : 's'})`;
  if (text.trim() === '') return `You sent a message without text${attached}.`;
  return `You said: "${text.trim()}"${attached}. This is a deterministic reply from the Langdock emulator.`;
}

/** The answer once tool results are last: each result named after the tool it came from. */
export function toolResultsReply(results: readonly string[]): string {
  return `Based on the tool results: ${results.join('; ')}.`;
}

/** The chain of thought of models that show one: what was asked and what the emulator does about it. */
export function reasoningText(askedText: string, toolNames: readonly string[]): string {
  const about =
    toolNames.length > 0 ? `calling ${toolNames.join(', ')}` : 'answering with my fixed template';
  return `The user wrote "${askedText.trim()}". I am the Langdock emulator, so I am ${about}.`;
}
