// Anthropic's prompt cache, deterministically: a prefix ending at a `cache_control` breakpoint is written once
// and read by later requests with the same prefix (same model) until its TTL runs out.
import { createHash } from 'node:crypto';
import type { CacheTtl, PromptPiece } from './messages-request';

const TTL_MS: Readonly<Record<CacheTtl, number>> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

export interface CacheUsage {
  /** Tokens neither read from nor written to the cache. */
  inputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
}

interface Breakpoint {
  hash: string;
  /** Tokens of the prefix up to and including the breakpoint's block. */
  prefixTokens: number;
  ttl: CacheTtl;
}

export class PromptCache {
  /** Prefix hash -> when it expires. */
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /**
   * Reads the longest cached prefix, writes the prefixes up to the last breakpoint that are not cached yet, and
   * says how the prompt's tokens split. Prefixes shorter than `minTokens` are not cached, as Anthropic documents.
   */
  account(model: string, pieces: readonly PromptPiece[], minTokens: number): CacheUsage {
    const total = pieces.reduce((sum, piece) => sum + piece.tokens, 0);
    const breakpoints = this.breakpoints(model, pieces).filter(
      (point) => point.prefixTokens >= minTokens,
    );
    const now = this.now();
    let read = 0;
    for (const point of breakpoints) {
      const expires = this.entries.get(point.hash);
      if (expires !== undefined && expires > now) read = point.prefixTokens;
    }
    const written = { '5m': 0, '1h': 0 };
    let covered = read;
    for (const point of breakpoints) {
      // A read refreshes its entry; a new prefix is written with the TTL of the breakpoint that ends it.
      this.entries.set(point.hash, now + TTL_MS[point.ttl]);
      if (point.prefixTokens <= covered) continue;
      written[point.ttl] += point.prefixTokens - covered;
      covered = point.prefixTokens;
    }
    return {
      inputTokens: total - covered,
      cacheReadTokens: read,
      cacheWrite5mTokens: written['5m'],
      cacheWrite1hTokens: written['1h'],
    };
  }

  clear(): void {
    this.entries.clear();
  }

  private breakpoints(model: string, pieces: readonly PromptPiece[]): Breakpoint[] {
    const hash = createHash('sha256').update(model);
    const points: Breakpoint[] = [];
    let tokens = 0;
    for (const piece of pieces) {
      hash.update('\n').update(piece.key);
      tokens += piece.tokens;
      if (piece.breakpoint !== undefined)
        points.push({
          hash: hash.copy().digest('hex'),
          prefixTokens: tokens,
          ttl: piece.breakpoint,
        });
    }
    return points;
  }
}
