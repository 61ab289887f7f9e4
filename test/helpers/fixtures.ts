import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A fixture: one JSON chunk (or `[DONE]`) per line, as the `data` of each SSE event. */
export function readFixture(name: string): string[] {
  const path = fileURLToPath(new URL(`../fixtures/${name}.jsonl`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export function toSse(events: string[], lineEnd = '\n'): string {
  return events.map((data) => `data: ${data}${lineEnd}${lineEnd}`).join('');
}
