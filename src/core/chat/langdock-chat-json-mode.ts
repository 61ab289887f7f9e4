import type { LangdockMessage, LangdockResponseFormat } from './langdock-chat-api-types';

export interface JsonModeRequest {
  schema?: unknown;
  name?: string;
  description?: string;
  /** Send `json_schema` (for deployments that accept it) instead of `json_object` plus instructions. */
  structuredOutputs: boolean;
  strict?: boolean;
  /** The role a new system message takes when the prompt has none. */
  systemRole: 'system' | 'developer';
}

/**
 * Langdock documents `json_object` only, and its backend refuses it unless the messages mention JSON,
 * so JSON mode tells the model, in the system message, to answer with JSON and which schema to follow.
 */
export function applyLangdockJsonMode(
  messages: LangdockMessage[],
  request: JsonModeRequest,
): { messages: LangdockMessage[]; responseFormat: LangdockResponseFormat } {
  if (request.structuredOutputs && request.schema !== undefined) {
    // The backend enforces the schema itself: no instruction needed.
    return {
      messages,
      responseFormat: {
        type: 'json_schema',
        json_schema: {
          name: request.name ?? 'response',
          ...(request.description !== undefined && { description: request.description }),
          schema: request.schema,
          ...(request.strict !== undefined && { strict: request.strict }),
        },
      },
    };
  }
  return {
    messages: withJsonInstruction(messages, buildJsonInstruction(request), request.systemRole),
    responseFormat: { type: 'json_object' },
  };
}

export function buildJsonInstruction({
  schema,
  name,
  description,
}: Pick<JsonModeRequest, 'schema' | 'name' | 'description'>): string {
  const lines = [
    'Answer with a single JSON object and nothing else: no prose, no Markdown code fences.',
  ];
  if (name !== undefined)
    lines.push(`The object is: ${name}${description !== undefined ? ` (${description})` : ''}.`);
  else if (description !== undefined) lines.push(`The object is: ${description}.`);
  if (schema !== undefined)
    lines.push(`It must conform to this JSON schema:\n${JSON.stringify(schema)}`);
  return lines.join('\n');
}

function withJsonInstruction(
  messages: LangdockMessage[],
  instruction: string,
  systemRole: 'system' | 'developer',
): LangdockMessage[] {
  const first = messages[0];
  if (first !== undefined && (first.role === 'system' || first.role === 'developer')) {
    return [{ ...first, content: `${first.content}\n\n${instruction}` }, ...messages.slice(1)];
  }
  return [{ role: systemRole, content: instruction }, ...messages];
}
