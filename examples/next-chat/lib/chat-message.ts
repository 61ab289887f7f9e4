// The chat's UI message type, shared by the route and the page so tool parts are typed on both sides.
import type { InferUITools, UIDataTypes, UIMessage } from 'ai';
import type { chatTools } from '@/server/chat-tools';

export type ChatMessage = UIMessage<never, UIDataTypes, InferUITools<typeof chatTools>>;
