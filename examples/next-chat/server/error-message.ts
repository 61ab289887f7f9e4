// Turns a failed model call into one sentence a user can act on; never the stack, never the key.
import 'server-only';
import { AISDKError, APICallError, RetryError } from 'ai';

export function describeError(error: unknown): string {
  if (RetryError.isInstance(error)) {
    return `${describeError(error.lastError)} (gave up after ${error.errors.length} attempts)`;
  }
  // The provider writes these for people: status, Langdock's own message and what to do; the key is redacted.
  if (APICallError.isInstance(error)) return error.message;
  if (AISDKError.isInstance(error)) return error.message;
  console.error(error);
  return 'Something went wrong on the server; its log has the details.';
}
