// "No call waits a whole window while budget is free", measured: for each call, how long it waited (from its start
// to its first request) while Langdock's window, as the emulator counts it, had room for what the limiter reserves
// for it (its prompt and the output it allows) and for one more request. Langdock's window here is the sliding one
// of the emulator, with no margin; each call's tokens count from the moment it was sent.

export interface TimedCall {
  startedAt: number;
  /** Undefined: never sent. */
  sentAt: number | undefined;
  /** Langdock's count: prompt and reply. */
  tokens: number;
  reservedTokens: number;
}

/** The longest time any call waited while the window had room for it, in ms. */
export function longestFreeWait(
  calls: readonly TimedCall[],
  limits: { requestsPerWindow: number; tokensPerWindow: number; windowMs: number },
): number {
  const sent = calls.filter((call) => call.sentAt !== undefined);
  let longest = 0;
  for (const call of calls) {
    const from = call.startedAt;
    const to = call.sentAt ?? Math.max(...calls.map((other) => other.sentAt ?? other.startedAt));
    // Between two of these moments the window holds the same calls.
    const moments = new Set<number>([from, to]);
    for (const other of sent)
      for (const moment of [other.sentAt!, other.sentAt! + limits.windowMs])
        if (moment > from && moment < to) moments.add(moment);
    const ordered = [...moments].sort((a, b) => a - b);
    let free = 0;
    for (let i = 0; i + 1 < ordered.length; i++) {
      const at = ordered[i]!;
      let requests = 0;
      let tokens = 0;
      for (const other of sent)
        if (other.sentAt! <= at && other.sentAt! + limits.windowMs > at) {
          requests++;
          tokens += other.tokens;
        }
      if (
        requests + 1 <= limits.requestsPerWindow &&
        tokens + call.reservedTokens <= limits.tokensPerWindow
      )
        free += ordered[i + 1]! - at;
    }
    longest = Math.max(longest, free);
  }
  return longest;
}
