/** A refused request (400, 500) has a {"error": "..."} body, and useChat hands that body over as the message. */
export function errorText(message: string): string {
  if (!message.startsWith('{')) return message;
  try {
    const body = JSON.parse(message) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : message;
  } catch {
    return message;
  }
}
