// The `cost` the Model Gateway adds to usage. Langdock says the final usage includes the cost but not its name,
// currency or prices, so the emulator charges one flat rate of its own (per million tokens, in US dollars).

/** The emulator's rate, not Langdock's prices: enough to test that a client reads and sums `cost`. */
export const EMULATOR_PRICES = {
  inputPerMillion: 3,
  cacheWritePerMillion: 3.75,
  cacheReadPerMillion: 0.3,
  outputPerMillion: 15,
} as const;

export interface CostedTokens {
  input: number;
  cacheWrite: number;
  cacheRead: number;
  output: number;
}

/** Dollars, rounded to whole millionths of a cent so sums stay exact in tests. */
export function usageCost(tokens: CostedTokens): number {
  const dollars =
    (tokens.input * EMULATOR_PRICES.inputPerMillion +
      tokens.cacheWrite * EMULATOR_PRICES.cacheWritePerMillion +
      tokens.cacheRead * EMULATOR_PRICES.cacheReadPerMillion +
      tokens.output * EMULATOR_PRICES.outputPerMillion) /
    1_000_000;
  return Math.round(dollars * 1e8) / 1e8;
}
