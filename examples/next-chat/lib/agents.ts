// The agents the Agent page offers on the emulator; on Langdock the server uses LANGDOCK_AGENT_ID alone.
export const emulatorAgentChoices = [
  { id: 'research-agent', label: 'Researcher (web search)' },
  { id: 'flaky-agent', label: 'Flaky (fails mid-answer)' },
] as const;

export type EmulatorAgentId = (typeof emulatorAgentChoices)[number]['id'];
