// Token estimates: Langdock's limits count tokens, and the emulator approximates them as ceil(chars / 4).

export function estimateTokens(text: string): number {
  return tokensForChars(text.length);
}

export function tokensForChars(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Characters allowed for a token budget, the inverse of `estimateTokens`. */
export function charsForTokens(tokens: number): number {
  return tokens * 4;
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
