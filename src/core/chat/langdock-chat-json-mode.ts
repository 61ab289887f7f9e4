import type { LangdockMessage, LangdockResponseFormat } from './langdock-chat-api-types';

export interface JsonModeRequest {
  schema?: unknown;
  name?: string;
  description?: string;
  /** Send `json_schema` (for deployments that accept it) instead of `json_object`. */
  structuredOutputs: boolean;
  /** With `json_schema`: whether the backend enforces the schema (default true). */
  strict?: boolean;
  /** The role a new system message takes when the prompt has none. */
  systemRole: 'system' | 'developer';
}

/**
 * Langdock documents `json_object` only, and its backend refuses it unless the messages mention JSON,
 * so JSON mode tells the model, in the system message, to answer with JSON and which schema to follow.
 * With structured outputs the instruction stays: whether Langdock passes `json_schema` on is unverified,
 * and without it a backend that drops the format would get no word of the shape.
 */
export function applyLangdockJsonMode(
  messages: LangdockMessage[],
  request: JsonModeRequest,
): { messages: LangdockMessage[]; responseFormat: LangdockResponseFormat } {
  const instructed = withJsonInstruction(
    messages,
    buildJsonInstruction(request),
    request.systemRole,
  );
  if (request.structuredOutputs && request.schema !== undefined) {
    return {
      messages: instructed,
      responseFormat: {
        type: 'json_schema',
        json_schema: {
          name: request.name ?? 'response',
          ...(request.description !== undefined && { description: request.description }),
          schema: request.schema,
          // Without strict the backend only hints at the schema: structured outputs would enforce nothing.
          strict: request.strict ?? true,
        },
      },
    };
  }
  return { messages: instructed, responseFormat: { type: 'json_object' } };
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
