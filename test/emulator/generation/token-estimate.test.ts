import { describe, expect, it } from 'vitest';
import { estimateTokens, TokenTally } from '../../../emulator/generation/token-estimate';

describe('estimateTokens', () => {
  it.each([
    { text: '', tokens: 0 },
    { text: 'abcd', tokens: 1 },
    { text: 'abcde', tokens: 2 },
    { text: '你好', tokens: 2 },
    { text: '日本語のテキストです', tokens: 10 },
    { text: 'hello 世界', tokens: 2 },
    { text: 'ab世界世界', tokens: 4 },
    { text: '😀', tokens: 1 },
    { text: 'Grüße aus Köln', tokens: 4 },
  ])('$text -> $tokens', ({ text, tokens }) => {
    expect(estimateTokens(text)).toBe(tokens);
  });

  it('counts several texts as one', () => {
    expect(estimateTokens('ab', 'cd', 'e')).toBe(2);
    expect(estimateTokens('ab', '世界')).toBe(2);
    expect(estimateTokens('世', '界', '世')).toBe(3);
  });
});

describe('TokenTally.addWithin', () => {
  it.each([
    { text: 'abcdefghij', max: 2, kept: 'abcdefgh' },
    { text: '世界世界世界', max: 4, kept: '世界世界' },
    { text: 'You said: "世界世界世界"', max: 5, kept: 'You said: "世界世界世' },
    { text: 'a😀bc', max: 1, kept: 'a😀b' },
    { text: 'abc', max: 0, kept: '' },
  ])('keeps $kept of $text within $max tokens', ({ text, max, kept }) => {
    const tally = new TokenTally();
    expect(tally.addWithin(text, max)).toBe(kept);
    expect(tally.tokens).toBe(estimateTokens(kept));
    expect(tally.tokens).toBeLessThanOrEqual(max);
  });

  it('continues from what the tally already holds', () => {
    const tally = new TokenTally().add('abcdef');
    expect(tally.addWithin('世界世界', 3)).toBe('世界世');
    expect(tally.tokens).toBe(3);
  });
});
