// The Agents API request (`POST /agent/v1/chat/completions`), checked and normalized. Langdock's own API answers
// these refusals, so they come in its `{message}` shape.
import { AUTO_MODEL, toEmulatorAgent, type EmulatorAgent } from './agent-registry';
import type { AttachmentStore } from './attachment-store';
import {
  isArray,
  isInteger,
  isRecord,
  isStringArray,
  type JsonObject,
} from '../server/json-guards';
import { checkRules, fail, type RuleResult } from '../server/api-error';

export const AGENT_MESSAGES = {
  agentNotFound: 'Agent not found',
  autoModel:
    'INVALID REQUEST: No valid model in the request, and no default model set for this workspace.',
} as const;

export interface AgentMessage {
  id: string;
  role: 'user' | 'assistant' | 'system';
  text: string;
  files: number;
  attachments: string[];
}

export type AgentOutput =
  { type: 'object' | 'array'; schema: JsonObject | undefined } | { type: 'enum'; values: string[] };

export interface AgentRequest {
  agent: EmulatorAgent;
  messages: AgentMessage[];
  stream: boolean;
  maxSteps: number | undefined;
  imageResponseFormat: 'url' | 'b64_json' | undefined;
  output: AgentOutput | undefined;
}

// `model` is accepted and ignored: a top-level model does not override the agent's (seen live).
const BODY_KEYS = new Set([
  'agentId',
  'agent',
  'messages',
  'stream',
  'output',
  'maxSteps',
  'imageResponseFormat',
  'model',
]);
const AGENT_KEYS = new Set([
  'name',
  'instructions',
  'description',
  'temperature',
  'model',
  'capabilities',
  'actions',
  'vectorDb',
  'knowledgeFolderIds',
  'attachmentIds',
]);
const ROLES = new Set(['user', 'assistant', 'system']);
// The parts the Agents API documents per role; anything else is refused.
const USER_PARTS = new Set(['text', 'file']);
const ASSISTANT_PARTS = new Set(['text', 'reasoning', 'source-url', 'source-document']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refuse(message: string): never {
  return fail(message, { layer: 'gateway' });
}

export function validateAgentRequest(
  body: unknown,
  agents: ReadonlyMap<string, EmulatorAgent>,
  attachments: AttachmentStore,
): RuleResult<AgentRequest> {
  return checkRules(() => parseAgentRequest(body, agents, attachments));
}

function parseAgentRequest(
  body: unknown,
  agents: ReadonlyMap<string, EmulatorAgent>,
  attachments: AttachmentStore,
): AgentRequest {
  if (!isRecord(body)) refuse('The request body must be a JSON object.');
  const record = body as JsonObject;
  const unknown = Object.keys(record).filter((key) => !BODY_KEYS.has(key));
  if (unknown.length > 0) refuse(`Unknown field(s) in the request body: ${unknown.join(', ')}.`);
  if ((record.agentId === undefined) === (record.agent === undefined))
    refuse('Provide either agentId or agent.');
  const agent =
    record.agentId !== undefined
      ? registeredAgent(record.agentId, agents)
      : temporaryAgent(record.agent, attachments);
  if (agent.model === AUTO_MODEL) refuse(AGENT_MESSAGES.autoModel);
  if (record.stream !== undefined && typeof record.stream !== 'boolean')
    refuse('stream must be a boolean.');
  if (
    record.maxSteps !== undefined &&
    (!isInteger(record.maxSteps) || record.maxSteps < 1 || record.maxSteps > 20)
  )
    refuse('maxSteps must be a whole number from 1 to 20.');
  const format = record.imageResponseFormat;
  if (format !== undefined && format !== 'url' && format !== 'b64_json')
    refuse("imageResponseFormat must be 'url' or 'b64_json'.");
  return {
    agent,
    messages: parseMessages(record.messages, attachments),
    stream: record.stream === true,
    maxSteps: record.maxSteps as number | undefined,
    imageResponseFormat: format as 'url' | 'b64_json' | undefined,
    output: record.output === undefined ? undefined : parseOutput(record.output),
  };
}

function registeredAgent(
  agentId: unknown,
  agents: ReadonlyMap<string, EmulatorAgent>,
): EmulatorAgent {
  if (typeof agentId !== 'string') refuse('agentId must be a string.');
  const agent = agents.get(agentId as string);
  // An agent that exists but is not shared with the key looks like no agent at all.
  if (agent === undefined || !agent.shared) refuse(AGENT_MESSAGES.agentNotFound);
  return agent!;
}

function temporaryAgent(config: unknown, attachments: AttachmentStore): EmulatorAgent {
  if (!isRecord(config)) refuse('agent must be an object.');
  const agent = config as JsonObject;
  const unknown = Object.keys(agent).filter((key) => !AGENT_KEYS.has(key));
  if (unknown.length > 0) refuse(`Unknown field(s) in agent: ${unknown.join(', ')}.`);
  const text = (key: string, max: number, required: boolean): string | undefined => {
    const value = agent[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || (required && value === '') || value.length > max)
      refuse(`agent.${key} must be a string of ${required ? '1' : '0'} to ${max} characters.`);
    return value as string;
  };
  const name = text('name', 64, true)!;
  text('instructions', 16384, true);
  text('description', 256, false);
  const model = text('model', 64, false);
  const temperature = agent.temperature;
  if (
    temperature !== undefined &&
    (typeof temperature !== 'number' || temperature < 0 || temperature > 1)
  )
    refuse('agent.temperature must be a number from 0 to 1.');
  const capabilities = agent.capabilities;
  if (capabilities !== undefined) {
    if (!isRecord(capabilities)) refuse('agent.capabilities must be an object.');
    for (const [key, value] of Object.entries(capabilities as JsonObject)) {
      if (
        !['webSearch', 'imageGeneration', 'dataAnalyst'].includes(key) ||
        typeof value !== 'boolean'
      )
        refuse(`agent.capabilities.${key} is not a known capability with a boolean value.`);
    }
  }
  for (const key of ['actions', 'vectorDb']) {
    const list = agent[key];
    if (list !== undefined && (!isArray(list) || !list.every(isRecord)))
      refuse(`agent.${key} must be an array of objects.`);
  }
  if (agent.knowledgeFolderIds !== undefined && !isStringArray(agent.knowledgeFolderIds))
    refuse('agent.knowledgeFolderIds must be an array of strings.');
  if (agent.attachmentIds !== undefined)
    checkAttachmentIds(agent.attachmentIds, 'agent.attachmentIds', attachments);
  const webSearch = isRecord(capabilities) && capabilities.webSearch === true;
  // A temporary agent without a model runs on the workspace's default, which the emulator's workspace has.
  return toEmulatorAgent({
    id: 'temporary-agent',
    name,
    ...(model !== undefined && { model }),
    webSearch,
  });
}

function checkAttachmentIds(value: unknown, path: string, attachments: AttachmentStore): string[] {
  if (!isStringArray(value)) refuse(`${path} must be an array of attachment ids.`);
  for (const id of value as string[]) {
    if (!UUID.test(id)) refuse(`${path}: '${id}' is not an attachment id (a UUID).`);
    if (!attachments.has(id)) refuse(`${path}: attachment ${id} was not found; upload it first.`);
  }
  return value as string[];
}

function parseMessages(value: unknown, attachments: AttachmentStore): AgentMessage[] {
  if (!isArray(value) || value.length === 0)
    refuse('messages must be a non-empty array of UI messages.');
  return (value as unknown[]).map((item, index) => {
    const path = `messages[${index}]`;
    if (!isRecord(item)) refuse(`${path} must be an object.`);
    const message = item as JsonObject;
    if (typeof message.id !== 'string' || message.id === '')
      refuse(`${path}.id is required: every UI message has an id.`);
    if (typeof message.role !== 'string' || !ROLES.has(message.role))
      refuse(`${path}.role must be user, assistant or system.`);
    const role = message.role as AgentMessage['role'];
    if (!isArray(message.parts)) refuse(`${path}.parts must be an array.`);
    const allowed =
      role === 'user' ? USER_PARTS : role === 'assistant' ? ASSISTANT_PARTS : new Set(['text']);
    const texts: string[] = [];
    let files = 0;
    (message.parts as unknown[]).forEach((part, partIndex) => {
      const partPath = `${path}.parts[${partIndex}]`;
      if (!isRecord(part) || typeof part.type !== 'string')
        refuse(`${partPath} must be an object with a type.`);
      const { type } = part as JsonObject & { type: string };
      const isTool = role === 'assistant' && type.startsWith('tool-');
      if (!allowed.has(type) && !isTool)
        refuse(`${partPath}: a ${role} message takes no '${type}' parts.`);
      if (type === 'text') {
        if (typeof (part as JsonObject).text !== 'string')
          refuse(`${partPath}.text must be a string.`);
        texts.push((part as JsonObject).text as string);
      } else if (type === 'file') {
        const { url, mediaType } = part as JsonObject;
        if (typeof mediaType !== 'string' || typeof url !== 'string')
          refuse(`${partPath} needs a mediaType and a url.`);
        if (!/^(data:|https?:\/\/)/.test(url as string))
          refuse(
            `${partPath}.url must be a data: or http(s) URL; upload files with /attachment/v1/upload.`,
          );
        files += 1;
      }
    });
    let ids: string[] = [];
    if (message.metadata !== undefined) {
      if (!isRecord(message.metadata)) refuse(`${path}.metadata must be an object.`);
      const attached = (message.metadata as JsonObject).attachments;
      if (attached !== undefined)
        ids = checkAttachmentIds(attached, `${path}.metadata.attachments`, attachments);
    }
    return { id: message.id as string, role, text: texts.join('\n'), files, attachments: ids };
  });
}

function parseOutput(value: unknown): AgentOutput {
  if (!isRecord(value)) refuse('output must be an object.');
  const output = value as JsonObject;
  if (output.type === 'enum') {
    if (!isStringArray(output.enum) || output.enum.length === 0)
      refuse('output.enum must be a non-empty array of strings for type enum.');
    return { type: 'enum', values: output.enum as string[] };
  }
  if (output.type !== 'object' && output.type !== 'array')
    refuse("output.type must be 'object', 'array' or 'enum'.");
  if (output.schema !== undefined && !isRecord(output.schema))
    refuse('output.schema must be a JSON Schema object.');
  return {
    type: output.type as 'object' | 'array',
    schema: output.schema as JsonObject | undefined,
  };
}
