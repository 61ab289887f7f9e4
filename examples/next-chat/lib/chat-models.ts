// The models the chat offers. The browser sends one of these ids with each message; the server refuses any other.
export const chatModels = [
  // Langdock's OpenAI route (chat completions): its reasoning stays hidden, and it takes none back.
  { id: 'gpt-5-mini', label: 'GPT-5 mini', replaysReasoning: false },
  // Langdock's Anthropic route (Messages): thinking comes back signed and goes back with the history.
  { id: 'claude-sonnet-4-6-default', label: 'Claude Sonnet 4.6', replaysReasoning: true },
] as const;

export type ChatModel = (typeof chatModels)[number];
export type ChatModelId = ChatModel['id'];

export const defaultChatModel: ChatModel = chatModels[0];

/** The offered model with this id, or undefined: the only way an id from a request reaches a model call. */
export function findChatModel(id: string): ChatModel | undefined {
  return chatModels.find((model) => model.id === id);
}
