import type { LangdockRateLimitStore } from './langdock-rate-limit-store';

// The calls of this process waiting for one bucket's budget, in the order they were first refused. Only the
// front one asks the store again (when a settle here wakes it, when its store's recheck comes, or when the window
// frees); the others wait their turn, so the call that waited longest goes first and a new call never jumps ahead.

/** A place in the line: `turn` resolves once it is at the front. */
export interface LangdockRateLimitPlace {
  readonly turn: Promise<void>;
  readonly front: () => boolean;
}

/** One bucket's line of waiting calls in this process. */
export class LangdockRateLimitLine {
  private readonly places: Array<{ place: LangdockRateLimitPlace; start: () => void }> = [];
  /** Counts wakes, so a front call that was refused while a settle landed asks again at once. */
  private wakes = 0;
  private alarm: (() => void) | undefined;
  /** Calls of this runtime in an acquire for this bucket: the line lives while any does. */
  users = 0;

  /** Calls waiting: while there are any, a new call joins the end instead of asking the store first. */
  get waiting(): number {
    return this.places.length;
  }

  /** How many calls wait ahead of `place`. */
  ahead(place: LangdockRateLimitPlace): number {
    return Math.max(
      0,
      this.places.findIndex((candidate) => candidate.place === place),
    );
  }

  get wakeCount(): number {
    return this.wakes;
  }

  join(): LangdockRateLimitPlace {
    let start: () => void = () => {};
    const turn = new Promise<void>((resolve) => (start = resolve));
    const place: LangdockRateLimitPlace = { turn, front: () => this.places[0]?.place === place };
    this.places.push({ place, start });
    if (this.places.length === 1) start();
    return place;
  }

  leave(place: LangdockRateLimitPlace): void {
    const index = this.places.findIndex((candidate) => candidate.place === place);
    if (index === -1) return;
    this.places.splice(index, 1);
    if (index === 0) this.places[0]?.start();
  }

  /** Budget may have freed: the front call asks the store again now. */
  wake(): void {
    this.wakes++;
    this.alarm?.();
  }

  /**
   * The front call's wait: until `ms` pass, a wake, or (every `recheckMs`) a look at a store other processes free
   * budget in; returns at once if a wake came since `wakes`. Rejects when `signal` aborts. Only the `ms` timer
   * keeps the runtime alive, as the pending call it is; the recheck timer is unref'd; both are cleared at the end.
   */
  pause(
    ms: number,
    {
      recheckMs,
      signal,
      wakes,
    }: { recheckMs: number | undefined; signal: AbortSignal | undefined; wakes: number },
  ): Promise<void> {
    if (this.wakes !== wakes) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timers: Array<ReturnType<typeof setTimeout>> = [];
      const end = (failure?: { reason: unknown }) => {
        for (const timer of timers) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.alarm === ring) this.alarm = undefined;
        if (failure) reject(failure.reason);
        else resolve();
      };
      const ring = () => end();
      const onAbort = () => end({ reason: signal?.reason });
      if (signal?.aborted) return onAbort();
      timers.push(setTimeout(ring, timerMs(ms)));
      if (recheckMs !== undefined && recheckMs < ms)
        timers.push(unrefTimer(setTimeout(ring, timerMs(recheckMs))));
      this.alarm = ring;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/**
 * Waits for `place` to reach the front; resolves false when `ms` pass first (an unref'd timer: the front call's
 * own wait keeps the runtime alive), rejects when `signal` aborts.
 */
export function awaitLangdockRateLimitTurn(
  place: LangdockRateLimitPlace,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (place.front()) return Promise.resolve(true);
  return new Promise<boolean>((resolve, reject) => {
    let done = false;
    const end = (outcome: { turn: boolean } | { reason: unknown }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if ('turn' in outcome) resolve(outcome.turn);
      else reject(outcome.reason);
    };
    const onAbort = () => end({ reason: signal?.reason });
    const timer = unrefTimer(setTimeout(() => end({ turn: false }), timerMs(Math.max(0, ms))));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    void place.turn.then(() => end({ turn: true }));
  });
}

// One line per store and bucket, so limiters sharing a store (two providers on one memory store) share its order.
const lines = new WeakMap<LangdockRateLimitStore, Map<string, LangdockRateLimitLine>>();

/** The bucket's line, counted as used until `release`. */
export function useLangdockRateLimitLine(
  store: LangdockRateLimitStore,
  bucket: string,
): { line: LangdockRateLimitLine; release: () => void } {
  let buckets = lines.get(store);
  if (buckets === undefined) lines.set(store, (buckets = new Map()));
  let line = buckets.get(bucket);
  if (line === undefined) buckets.set(bucket, (line = new LangdockRateLimitLine()));
  line.users++;
  const used = line;
  return {
    line,
    release: () => {
      if (--used.users === 0 && buckets.get(bucket) === used) buckets.delete(bucket);
    },
  };
}

/** Budget of the bucket may have freed (a settle): wakes the front of its line, if anyone waits. */
export function wakeLangdockRateLimitLine(store: LangdockRateLimitStore, bucket: string): void {
  lines.get(store)?.get(bucket)?.wake();
}

// setTimeout fires at once past 2^31 - 1 ms; no wait here is that long, but a huge maxWaitMs must not spin.
const timerMs = (ms: number) => Math.min(ms, 2_147_483_647);

/** Lets the process exit while only this timer is pending (Node); a no-op where timers are numbers. */
function unrefTimer(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  const handle: unknown = timer;
  if (typeof handle === 'object' && handle !== null && 'unref' in handle) {
    const { unref } = handle;
    if (typeof unref === 'function') unref.call(handle);
  }
  return timer;
}
