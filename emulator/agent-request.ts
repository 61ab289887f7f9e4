// Kept for test/live/langdock-agent-live.test.ts until it imports AGENT_MESSAGES from './index'; delete it then.
export { AGENT_MESSAGES } from './agents/agent-request';
