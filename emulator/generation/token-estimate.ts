// Token estimates: Langdock's limits count tokens, so the emulator approximates them conservatively.

/**
 * Running count of characters and non-ASCII code points. The estimate is the larger of ceil(chars / 4),
 * which fits English, and one token per non-ASCII character, which CJK text and emoji come close to.
 */
export class TokenTally {
  private units = 0;
  private nonAscii = 0;

  add(text: string): this {
    this.units += text.length;
    this.nonAscii += countNonAscii(text);
    return this;
  }

  get tokens(): number {
    return Math.max(Math.ceil(this.units / 4), this.nonAscii);
  }

  /** Adds the longest prefix of `text` that keeps the estimate within `maxTokens`, and returns that prefix. */
  addWithin(text: string, maxTokens: number): string {
    let prefix = '';
    for (const char of text) {
      const units = this.units + char.length;
      const nonAscii = this.nonAscii + (isAscii(char) ? 0 : 1);
      if (Math.max(Math.ceil(units / 4), nonAscii) > maxTokens) break;
      this.units = units;
      this.nonAscii = nonAscii;
      prefix += char;
    }
    return prefix;
  }
}

export function estimateTokens(...texts: string[]): number {
  const tally = new TokenTally();
  for (const text of texts) tally.add(text);
  return tally.tokens;
}

function countNonAscii(text: string): number {
  let count = 0;
  for (const char of text) if (!isAscii(char)) count += 1;
  return count;
}

function isAscii(char: string): boolean {
  return char.charCodeAt(0) < 0x80;
}

/** Splits text into pieces of a few characters, cycling sizes so boundaries vary; never splits a code point. */
export function splitText(text: string, sizes: readonly number[] = [4, 3, 5, 2, 6]): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  let position = 0;
  for (let i = 0; position < chars.length; i += 1) {
    const size = sizes[i % sizes.length] ?? 4;
    pieces.push(chars.slice(position, position + size).join(''));
    position += size;
  }
  return pieces;
}
