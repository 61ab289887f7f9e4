// Signatures of thinking blocks: the emulator signs what it thought, so it can refuse tampered or foreign blocks.
import { createHash } from 'node:crypto';

const SIGNING_PREFIX = 'langdock-emulator-thinking\n';

/** Opaque, deterministic, and only valid for this exact thinking text. */
export function signThinking(thinking: string): string {
  return createHash('sha256').update(`${SIGNING_PREFIX}${thinking}`).digest('base64');
}

export function isValidThinkingSignature(thinking: string, signature: string): boolean {
  return signature === signThinking(thinking);
}

/** The opaque `data` of a `redacted_thinking` block. */
export function redactedThinkingData(seed: string): string {
  return Buffer.from(
    `redacted:${createHash('sha256').update(`${SIGNING_PREFIX}redacted\n${seed}`).digest('hex')}`,
  ).toString('base64');
}
