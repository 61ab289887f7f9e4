// The calls each process makes and the limits they run against. Steady: a deterministic mix of chat streams,
// generateText and embeddings, 10 (quick: 4) at a time per process, with maxOutputTokens, sized so that every model
// needs about one and a half windows of its token budget. Burst: short chat calls without maxOutputTokens, all at
// once, whose reservations (about 1,050 tokens each) are over the token budget while their real use (about 110 each)
// fits it.

export const CHAT_MODEL = 'gpt-4.1';
export const EMBEDDING_MODEL = 'text-embedding-3-small';
/** Each process warms up on these before the start: their budgets are not the measured ones. */
export const WARM_UP_CHAT_MODEL = 'gpt-4.1-mini';
export const WARM_UP_EMBEDDING_MODEL = 'text-embedding-3-large';
/** What each chat call allows itself: the limiter reserves it until the real usage is known. */
export const MAX_OUTPUT_TOKENS = 150;

export type BudgetWorkload = 'steady' | 'burst';

export interface BudgetSettings {
  label: string;
  workload: BudgetWorkload;
  windowMs: number;
  /** Per model, per window, at the emulator and in the limiters. */
  requestsPerWindow: number;
  tokensPerWindow: number;
  processes: number;
  callsPerProcess: number;
  /** Calls in flight at once in each process. */
  concurrency: number;
}

export const FULL: BudgetSettings = {
  label: 'full',
  workload: 'steady',
  windowMs: 60_000,
  requestsPerWindow: 300,
  tokensPerWindow: 15_000,
  processes: 4,
  callsPerProcess: 50,
  concurrency: 10,
};

/** The same mix and sizes with a quarter of the calls (and of the limits) and a 15 s window: under a minute, for CI. */
export const QUICK: BudgetSettings = {
  label: 'quick',
  workload: 'steady',
  windowMs: 15_000,
  requestsPerWindow: 72,
  tokensPerWindow: 3_600,
  processes: 4,
  callsPerProcess: 12,
  concurrency: 4,
};

/**
 * The burst a new user met: 20 short calls at once against 12,000 tokens a minute, none setting maxOutputTokens, so
 * together they reserve about 21,000 tokens (about 1,050 each) and use about 2,200. `processes` is set per run: one
 * with a memory store, then four on Redis.
 */
export const BURST_FULL: BudgetSettings = {
  label: 'full',
  workload: 'burst',
  windowMs: 60_000,
  requestsPerWindow: 500,
  tokensPerWindow: 12_000,
  processes: 1,
  callsPerProcess: 20,
  concurrency: 20,
};

/** The same burst in a 15 s window: a limiter that stalls costs 16 s instead of 61. */
export const BURST_QUICK: BudgetSettings = { ...BURST_FULL, label: 'quick', windowMs: 15_000 };

/** A burst's settings for `processes` processes sharing its calls. */
export function burstAcross(settings: BudgetSettings, processes: number): BudgetSettings {
  const calls = settings.processes * settings.callsPerProcess;
  return {
    ...settings,
    processes,
    callsPerProcess: calls / processes,
    concurrency: calls / processes,
  };
}

export type CallKind = 'streamText' | 'generateText' | 'embedMany';

export interface BudgetCall {
  kind: CallKind;
  /** The prompt (one text) or the values to embed. */
  texts: string[];
}

const WORDS = [
  'budget',
  'window',
  'tokens',
  'minute',
  'request',
  'limit',
  'model',
  'answer',
  'stream',
  'vector',
  'shared',
  'worker',
];

/** ASCII text of exactly `tokens` × 4 characters: both the library and the emulator count it as `tokens`. */
export function textOfTokens(tokens: number, seed: number): string {
  let text = '';
  for (let i = seed; text.length < tokens * 4; i++) text += `${WORDS[i % WORDS.length]} `;
  return text.slice(0, tokens * 4);
}

/** The calls of one process in a burst: generateText and streamText in turn, prompts of 40-52 tokens. */
export function burstCalls(processIndex: number, count: number): BudgetCall[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = processIndex * 131 + i * 37;
    return {
      kind: i % 2 === 0 ? 'generateText' : 'streamText',
      texts: [textOfTokens(40 + (seed % 13), seed)],
    };
  });
}

/** The calls of one process: streamText, generateText and embedMany in turn, prompts of 40-104 tokens, embeddings of two 120-229 token values. */
export function budgetCalls(processIndex: number, count: number): BudgetCall[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = processIndex * 131 + i * 37;
    switch (i % 3) {
      case 0:
        return { kind: 'streamText', texts: [textOfTokens(40 + (seed % 65), seed)] };
      case 1:
        return { kind: 'generateText', texts: [textOfTokens(40 + (seed % 65), seed)] };
      default:
        return {
          kind: 'embedMany',
          texts: [
            textOfTokens(120 + (seed % 110), seed),
            textOfTokens(120 + ((seed * 7) % 110), seed + 5),
          ],
        };
    }
  });
}
