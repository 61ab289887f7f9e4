// What an error's message tells a user to do, for the errors whose cause the status alone does not say.

/** What a user should do about Langdock's 100-second cap on non-streaming calls. */
export const LANGDOCK_TIMEOUT_ADVICE = 'stream the call (streamText)';

/**
 * A 524 is Cloudflare's "the origin took the request but sent nothing for about 100 s": Langdock's proxy ends
 * non-streaming calls that way while the model may still run (and bill) them.
 */
export function describeLangdockTimeout({
  pageTitle,
  streamed,
}: {
  /** The title of the proxy's HTML page, when it sent one. */
  pageTitle: string | undefined;
  /** Whether the request asked for a stream. */
  streamed: boolean;
}): { detail: string; hint: string } {
  return {
    detail: `Langdock's proxy stopped waiting for the answer after about 100 seconds${pageTitle ? ` (its page: "${pageTitle}")` : ''}`,
    hint: `The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ${
      streamed
        ? 'Even this streamed call sent nothing for that long: retry later, or with a shorter request.'
        : `For long answers, ${LANGDOCK_TIMEOUT_ADVICE}: a stream is not cut off after 100 seconds.`
    }`,
  };
}
