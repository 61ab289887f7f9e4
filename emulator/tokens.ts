// Kept for bench/budget/src/worker.ts until it imports estimateTokens from './index'; delete it then.
export { estimateTokens } from './generation/token-estimate';
