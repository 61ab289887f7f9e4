// The chat's UI message type, shared by the route and the page so tool parts and metadata are typed on both sides.
import type { InferUITools, UIDataTypes, UIMessage } from 'ai';
import type { ChatModelId } from '@/lib/chat-models';
import type { chatTools } from '@/server/chat-tools';

/** Set by the server on each answer: which offered model wrote it. */
export type ChatMetadata = { model: ChatModelId };

export type ChatMessage = UIMessage<ChatMetadata, UIDataTypes, InferUITools<typeof chatTools>>;
