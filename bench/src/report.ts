// What every section process shares: printing, the targets missed, the correctness check and the two ways
// the bytes are cut into reads.
import type { Summary } from './contenders';
import type { Timed } from './measure';
import { eventReads, READ_SIZE, reads, type Workload } from './workloads';

export const print = (line = '') => console.log(line);

/** The targets this process missed, sent to the parent at its end. */
export const missed: string[] = [];

/** `yes` or `NO` for a table cell; a target missed is noted for the closing list. */
export const check = (met: boolean, target: string) => {
  if (!met) missed.push(target);
  return met ? 'yes' : 'NO';
};

/** Fails the run when a contender's output differs from what the workload holds: a fast wrong parser counts for nothing. */
export function verify(workload: Workload, name: string, summary: Summary): void {
  const { expected } = workload;
  const right =
    summary.errors === 0 &&
    summary.textLength === expected.textLength &&
    summary.reasoningLength === expected.reasoningLength &&
    summary.toolCalls === expected.toolCalls &&
    summary.toolInputLength === expected.toolInputLength &&
    summary.finishReason === expected.finishReason;
  if (!right)
    throw new Error(
      `${name} parsed "${workload.name}" wrongly: ${JSON.stringify(summary)} vs ${JSON.stringify(expected)}`,
    );
}

/** µs per chunk (content chunk, text, thinking or argument delta). */
export const us = (timed: Timed<unknown>, workload: Workload) =>
  ((timed.ms * 1000) / workload.chunks).toFixed(2);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

export const splits = [
  {
    label: `${READ_SIZE / 1024} KiB reads (a fast server: the bytes arrive in bulk)`,
    short: 'bulk',
    split: reads,
  },
  {
    label: 'one SSE event per read (live token pacing: the model is slower than the network)',
    short: 'per event',
    split: eventReads,
  },
] as const;
