import { AISDKError } from '@ai-sdk/provider';
import {
  awaitLangdockRateLimitTurn,
  useLangdockRateLimitLine,
  wakeLangdockRateLimitLine,
  type LangdockRateLimitLine,
  type LangdockRateLimitPlace,
} from './langdock-rate-limit-line';
import {
  readLangdockRateLimitHeaders,
  type LangdockRateLimitHeaders,
} from './langdock-rate-limit-headers';
import {
  createLangdockMemoryStore,
  type LangdockRateLimitBinding,
  type LangdockRateLimitDecision,
  type LangdockRateLimits,
  type LangdockRateLimitStore,
} from './langdock-rate-limit-store';

export {
  createLangdockMemoryStore,
  langdockUnseenUsage,
  langdockWindowWait,
} from './langdock-rate-limit-store';
export type {
  LangdockRateLimitBinding,
  LangdockRateLimitDecision,
  LangdockRateLimitReport,
  LangdockRateLimits,
  LangdockRateLimitStore,
  LangdockWindowEntry,
} from './langdock-rate-limit-store';

// Langdock limits each model to 500 requests and 60,000 tokens a minute, per workspace. The limiter keeps a
// log of what was sent in the last window (per workspace, region and model) and holds a request back until
// both fit, so a fleet of processes sharing one store stays under the limit instead of retrying into 429s.

export const LANGDOCK_REQUESTS_PER_MINUTE = 500;
export const LANGDOCK_TOKENS_PER_MINUTE = 60_000;
/** The output reserved for a chat call that sets no limit; corrected to the real usage when it ends. */
export const LANGDOCK_DEFAULT_OUTPUT_TOKENS = 1_000;

/** What a chat call reserves: its prompt's estimate and the output it may use. */
export interface LangdockTokenReservation {
  promptTokens: number;
  /** `maxOutputTokens`, or `LANGDOCK_DEFAULT_OUTPUT_TOKENS` when the call sets none. */
  outputTokens: number;
  /** The call set no `maxOutputTokens`: the output reserved is the default. */
  defaultOutput: boolean;
}

/** The reservation of a call with this prompt estimate and `maxOutputTokens` (or none). */
export function langdockTokenReservation(
  promptTokens: number,
  maxOutputTokens: number | undefined,
): LangdockTokenReservation {
  return {
    promptTokens,
    outputTokens: maxOutputTokens ?? LANGDOCK_DEFAULT_OUTPUT_TOKENS,
    defaultOutput: maxOutputTokens === undefined,
  };
}

export interface LangdockRateLimitSettings {
  /** Default 500, Langdock's per-model limit. */
  requestsPerMinute?: number;
  /** Default 60,000, Langdock's per-model limit. */
  tokensPerMinute?: number;
  /**
   * The longest a call may wait for budget before it fails without being sent. Default: one window and its
   * margin (61 s), the longest any call that fits the budget can need, so by default only a 429's longer
   * block or a call larger than the budget fails.
   */
  maxWaitMs?: number;
  /** Where the windows are kept. Default: this process's memory. */
  store?: LangdockRateLimitStore;
  /** The window length; only tests change Langdock's minute. */
  windowMs?: number;
}

const rateLimitErrorMarker: unique symbol = Symbol.for('langdock.error.RateLimitError');

/** A call would have waited longer than `maxWaitMs` for budget (or can never fit): nothing was sent. */
export class LangdockRateLimitError extends AISDKError {
  private readonly [rateLimitErrorMarker] = true;
  readonly waitMs: number | undefined;
  readonly binding: LangdockRateLimitBinding | 'too-large';

  constructor({
    message,
    waitMs,
    binding,
  }: {
    message: string;
    waitMs: number | undefined;
    binding: LangdockRateLimitBinding | 'too-large';
  }) {
    super({ name: 'AI_LangdockRateLimitError', message });
    this.waitMs = waitMs;
    this.binding = binding;
  }

  static override isInstance(error: unknown): error is LangdockRateLimitError {
    return typeof error === 'object' && error !== null && rateLimitErrorMarker in error;
  }
}

/** What a granted request holds until its real usage is known. */
export interface LangdockRateLimitLease {
  /** The tokens reserved for the call: its estimate. */
  readonly reserved: number;
  settle(tokens: number | undefined): void;
  /** Langdock answered 429 after all: the bucket is blocked for `retryAfterMs`, or one window. */
  rejected(retryAfterMs: number | undefined): void;
  /**
   * Langdock answered, with these response headers: its `x-ratelimit-limit-*` set the bucket's limits (see
   * `limitsOf`), and its `x-ratelimit-remaining-*` add to the bucket what it counts and this store does not.
   */
  responded(headers: Record<string, string> | undefined): void;
}

export class LangdockRateLimiter {
  /** The limits of the settings (defaults filled in), before any Langdock reported. */
  readonly limits: LangdockRateLimits;
  /** The limits the settings set; the others follow what Langdock reports. */
  private readonly configured: { requestsPerMinute?: number; tokensPerMinute?: number };
  /** What Langdock's `x-ratelimit-limit-*` headers said, per bucket. */
  private readonly reported = new Map<string, { requests?: number; tokens?: number }>();
  /** Langdock's window plus the margin: how long the store keeps an entry in the window. */
  private readonly storeWindowMs: number;
  private readonly maxWaitMs: number;
  private readonly store: LangdockRateLimitStore;

  constructor(settings: LangdockRateLimitSettings) {
    this.configured = {
      requestsPerMinute: settings.requestsPerMinute,
      tokensPerMinute: settings.tokensPerMinute,
    };
    this.limits = {
      requestsPerMinute: settings.requestsPerMinute ?? LANGDOCK_REQUESTS_PER_MINUTE,
      tokensPerMinute: settings.tokensPerMinute ?? LANGDOCK_TOKENS_PER_MINUTE,
      windowMs: settings.windowMs ?? 60_000,
    };
    // Langdock counts a request when it arrives, up to a second after it is recorded here on a cold
    // connection: each entry is kept a sixtieth of the window (at least 1 s) longer, so the window here
    // never frees before Langdock's.
    this.storeWindowMs =
      this.limits.windowMs + Math.max(1_000, Math.ceil(this.limits.windowMs / 60));
    this.maxWaitMs = settings.maxWaitMs ?? this.storeWindowMs;
    this.store = settings.store ?? createLangdockMemoryStore();
  }

  /**
   * The limits of a bucket. A limit the settings set is a ceiling the user chose (room left for other apps on the
   * workspace): kept, unless Langdock reports a lower one. A limit left at its default (Langdock's documented
   * figure) follows the one Langdock reports for the bucket, lower or higher.
   */
  limitsOf(bucket: string): LangdockRateLimits {
    const reported = this.reported.get(bucket);
    const pick = (configured: number | undefined, server: number | undefined, fallback: number) =>
      configured === undefined ? (server ?? fallback) : Math.min(configured, server ?? configured);
    return {
      requestsPerMinute: pick(
        this.configured.requestsPerMinute,
        reported?.requests,
        this.limits.requestsPerMinute,
      ),
      tokensPerMinute: pick(
        this.configured.tokensPerMinute,
        reported?.tokens,
        this.limits.tokensPerMinute,
      ),
      windowMs: this.limits.windowMs,
    };
  }

  /** The limits as the store keeps them: the window with its margin. */
  private storeLimitsOf(bucket: string): LangdockRateLimits {
    return { ...this.limitsOf(bucket), windowMs: this.storeWindowMs };
  }

  /**
   * Waits until the request fits (honouring `abortSignal`), or fails when it would wait longer than `maxWaitMs`:
   * at once when even the calls in flight settling at nothing could not make room in time. `estimate` is a chat
   * call's reservation (prompt and output, so an error can say which part does not fit) or a plain token count.
   */
  async acquire(
    bucket: string,
    estimate: number | LangdockTokenReservation,
    abortSignal?: AbortSignal,
  ): Promise<LangdockRateLimitLease> {
    const reservation = typeof estimate === 'number' ? undefined : estimate;
    const tokens =
      typeof estimate === 'number' ? estimate : estimate.promptTokens + estimate.outputTokens;
    const limits = this.limitsOf(bucket);
    if (tokens > limits.tokensPerMinute) throw this.tooLarge(tokens, reservation, limits);
    abortSignal?.throwIfAborted();
    const { line, release } = useLangdockRateLimitLine(this.store, bucket);
    let place: LangdockRateLimitPlace | undefined;
    // Time spent paused or in line; the store's round trips are not waits, and its predicted waits leave them out too,
    // so a call told at first that it fits within maxWaitMs is never failed for the milliseconds of its asking.
    let waited = 0;
    const timed = async <T>(step: Promise<T>): Promise<T> => {
      const from = Date.now();
      try {
        return await step;
      } finally {
        waited += Date.now() - from;
      }
    };
    // The call's time ran out in line: it asks once more, and fails if still refused.
    let lastTry = false;
    try {
      // Others are waiting already: go behind them rather than take budget they wait for.
      if (line.waiting > 0) {
        place = line.join();
        lastTry = !(await timed(awaitLangdockRateLimitTurn(place, this.maxWaitMs, abortSignal)));
      }
      for (;;) {
        abortSignal?.throwIfAborted();
        const wakes = line.wakeCount;
        const decision = await this.store.acquire(bucket, {
          tokens,
          limits: this.storeLimitsOf(bucket),
        });
        if (decision.granted) {
          const lease = this.lease(bucket, decision.lease, tokens);
          // Aborted while the store answered: nothing will be sent, so the grant holds no tokens.
          if (abortSignal?.aborted) {
            lease.settle(0);
            abortSignal.throwIfAborted();
          }
          return lease;
        }
        if (lastTry && place !== undefined)
          throw this.waitedInLine(decision, waited, line, place, reservation, limits);
        const left = this.maxWaitMs - waited;
        if (left <= 0 || (decision.minWaitMs ?? decision.waitMs) > left)
          throw this.waitedTooLong(decision, waited, reservation, limits);
        if (place === undefined) {
          place = line.join();
          if (!place.front()) {
            lastTry = !(await timed(awaitLangdockRateLimitTurn(place, left, abortSignal)));
            continue;
          }
        }
        await timed(
          line.pause(Math.min(decision.waitMs, left), {
            recheckMs: this.store.recheckMs,
            signal: abortSignal,
            wakes,
          }),
        );
      }
    } finally {
      if (place !== undefined) line.leave(place);
      release();
    }
  }

  private tooLarge(
    tokens: number,
    reservation: LangdockTokenReservation | undefined,
    limits: LangdockRateLimits,
  ): LangdockRateLimitError {
    const limit = limits.tokensPerMinute;
    const over = `more than the ${limit} tokens a minute the rate limit allows; it was not sent.`;
    let message = `This call needs about ${tokens} tokens (its prompt plus the output it may use), ${over} Shorten the prompt or lower maxOutputTokens.`;
    if (reservation !== undefined && reservation.promptTokens > limit)
      message = `This call's prompt alone is about ${reservation.promptTokens} tokens, ${over} Shorten the prompt.`;
    else if (reservation !== undefined)
      message = `This call reserves about ${tokens} tokens, ${over} Its prompt is about ${reservation.promptTokens} tokens; the other ${reservation.outputTokens} are reserved for its output (${reservation.defaultOutput ? `it sets no maxOutputTokens, and ${LANGDOCK_DEFAULT_OUTPUT_TOKENS} are reserved then` : 'its maxOutputTokens'}): set maxOutputTokens to at most ${limit - reservation.promptTokens}.`;
    return new LangdockRateLimitError({ binding: 'too-large', waitMs: undefined, message });
  }

  private waitedInLine(
    decision: LangdockRateLimitRefusal,
    waited: number,
    line: LangdockRateLimitLine,
    place: LangdockRateLimitPlace,
    reservation: LangdockTokenReservation | undefined,
    limits: LangdockRateLimits,
  ): LangdockRateLimitError {
    const ahead = line.ahead(place);
    return new LangdockRateLimitError({
      binding: decision.binding,
      waitMs: waited,
      message: `${describeBinding(decision.binding, limits)}: this call waited ${tenths(waited)} s in line behind ${ahead} earlier ${ahead === 1 ? 'call' : 'calls'} for this model, as long as maxWaitMs (${this.maxWaitMs} ms) allows, so it was not sent.${describeReservation(decision, reservation)}`,
    });
  }

  private waitedTooLong(
    decision: LangdockRateLimitRefusal,
    waited: number,
    reservation: LangdockTokenReservation | undefined,
    limits: LangdockRateLimits,
  ): LangdockRateLimitError {
    const total = waited + decision.waitMs;
    const how =
      waited < 1_000
        ? `this call would have waited ${seconds(total)} s, longer than maxWaitMs (${this.maxWaitMs} ms), so it was not sent.`
        : `this call waited ${tenths(waited)} s and would have waited up to ${seconds(decision.waitMs)} s more, longer than maxWaitMs (${this.maxWaitMs} ms) allows, so it was not sent.`;
    return new LangdockRateLimitError({
      binding: decision.binding,
      waitMs: total,
      message: `${describeBinding(decision.binding, limits)}: ${how}${describeReservation(decision, reservation)}`,
    });
  }

  private lease(bucket: string, lease: string, reserved: number): LangdockRateLimitLease {
    // The store is told in the background: a call's result never waits on (or fails with) bookkeeping.
    const quietly = (step: Promise<void> | undefined) => void step?.catch(() => {});
    return {
      reserved,
      settle: (tokens) => {
        if (tokens === undefined) return;
        // What the real usage gives back may let the calls waiting here go now.
        quietly(
          this.store
            .settle(bucket, lease, tokens)
            .then(() => wakeLangdockRateLimitLine(this.store, bucket)),
        );
      },
      rejected: (retryAfterMs) =>
        quietly(this.store.block(bucket, retryAfterMs ?? this.limits.windowMs)),
      responded: (headers) => {
        const reported = readLangdockRateLimitHeaders(headers);
        if (reported === undefined) return;
        this.learnLimits(bucket, reported);
        const limits = this.limitsOf(bucket);
        const known = this.reported.get(bucket);
        // What Langdock's window held: its limit (as it reports it, else as known here) less what is left.
        const used = (remaining: number | undefined, limit: number) =>
          remaining === undefined ? undefined : Math.max(0, limit - remaining);
        const requests = used(
          reported.remainingRequests,
          known?.requests ?? limits.requestsPerMinute,
        );
        const tokens = used(reported.remainingTokens, known?.tokens ?? limits.tokensPerMinute);
        if (requests === undefined && tokens === undefined) return;
        quietly(
          this.store.reconcile?.(bucket, lease, {
            ...(requests !== undefined && { requests }),
            ...(tokens !== undefined && { tokens }),
            windowMs: this.storeWindowMs,
          }),
        );
      },
    };
  }

  /** Keeps the limits Langdock reported for the bucket (a few hundred buckets at most, the oldest forgotten). */
  private learnLimits(bucket: string, reported: LangdockRateLimitHeaders): void {
    const requests = reported.limitRequests;
    const tokens = reported.limitTokens;
    if (!(requests !== undefined && requests >= 1) && !(tokens !== undefined && tokens >= 1))
      return;
    const before = this.reported.get(bucket);
    const next = {
      requests: requests !== undefined && requests >= 1 ? requests : before?.requests,
      tokens: tokens !== undefined && tokens >= 1 ? tokens : before?.tokens,
    };
    this.reported.delete(bucket);
    if (this.reported.size >= 256) this.reported.delete(this.reported.keys().next().value!);
    this.reported.set(bucket, next);
    // A higher limit than believed may let the calls waiting here go now.
    if (next.requests !== before?.requests || next.tokens !== before?.tokens)
      wakeLangdockRateLimitLine(this.store, bucket);
  }
}

function describeBinding(binding: LangdockRateLimitBinding, limits: LangdockRateLimits): string {
  switch (binding) {
    case 'requests':
      return `The limit of ${limits.requestsPerMinute} requests a minute for this model is used up`;
    case 'tokens':
      return `The limit of ${limits.tokensPerMinute} tokens a minute for this model is used up`;
    case 'blocked':
      return 'Langdock answered 429 (rate limit) for this model and asked to wait';
  }
}

type LangdockRateLimitRefusal = Extract<LangdockRateLimitDecision, { granted: false }>;

/**
 * When the tokens bind and the call reserves output: what it reserves and what would reserve less, naming
 * maxOutputTokens (a call that sets none reserves LANGDOCK_DEFAULT_OUTPUT_TOKENS); empty otherwise.
 */
function describeReservation(
  decision: LangdockRateLimitRefusal,
  reservation: LangdockTokenReservation | undefined,
): string {
  if (decision.binding !== 'tokens' || reservation === undefined || reservation.outputTokens <= 0)
    return '';
  const { promptTokens, outputTokens, defaultOutput } = reservation;
  if (decision.freeTokens !== undefined && promptTokens <= decision.freeTokens)
    return defaultOutput
      ? ` Its prompt (about ${promptTokens} tokens) would fit in the ${decision.freeTokens} tokens left now, but it also reserves ${outputTokens} tokens for its output because it sets no maxOutputTokens: set maxOutputTokens to what the answer needs, and it reserves that instead.`
      : ` Its prompt (about ${promptTokens} tokens) would fit in the ${decision.freeTokens} tokens left now, but it also reserves its maxOutputTokens (${outputTokens}) for its output: a lower maxOutputTokens reserves less.`;
  return defaultOutput
    ? ` It reserves about ${promptTokens + outputTokens} tokens: about ${promptTokens} for its prompt and ${outputTokens} for its output, because it sets no maxOutputTokens (set it to what the answer needs to reserve less).`
    : ` It reserves about ${promptTokens + outputTokens} tokens: about ${promptTokens} for its prompt and its maxOutputTokens (${outputTokens}) for its output.`;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);
const tenths = (ms: number) => (ms / 1000).toFixed(1);
