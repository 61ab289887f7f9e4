// What a browser may send. The routes enforce these; the inputs use them too, so a user meets a limit before the server does.
export const MAX_CHAT_MESSAGES = 50;
export const MAX_USER_MESSAGE_CHARS = 8_000;
// An answer comes back as history; the model wrote it, and a long answer must not make the next question fail.
export const MAX_ASSISTANT_MESSAGE_CHARS = 32_000;
export const MAX_CITY_CHARS = 100;
