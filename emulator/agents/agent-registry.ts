// Registered agents: what a workspace has built in Langdock and shared with the API key.

export interface AgentSpec {
  /** The id `agentId` names. */
  id: string;
  /** Shown in answers; defaults to the id. */
  name?: string;
  /**
   * The agent's model (default `gpt-4.1`). `auto` is an agent on Langdock's "Auto" model in a workspace without a
   * default model: every call answers 400 with Langdock's message.
   */
  model?: string;
  /** `messageMetadata.modelName` of the `start` chunk; defaults to a display form of the model id. */
  modelName?: string;
  /** Shared with the API key (default true). An agent that is not answers 400, like an unknown one. */
  shared?: boolean;
  /** The web search capability: answers start with a `web_search` tool call, its result and two sources. */
  webSearch?: boolean;
  /** Fault: the answer breaks off with an `error` chunk after this many chunks (and no finish). */
  errorAfter?: number;
  /** The `errorText` of that chunk. */
  errorText?: string;
  /** Fault: text deltas arrive two events to a line (`data: {…}data: {…}`), as in a real capture. */
  gluedEvents?: boolean;
}

export interface EmulatorAgent {
  id: string;
  name: string;
  model: string;
  modelName: string;
  shared: boolean;
  webSearch: boolean;
  errorAfter: number | undefined;
  errorText: string;
  gluedEvents: boolean;
}

export const AUTO_MODEL = 'auto';
export const DEFAULT_AGENT_MODEL = 'gpt-4.1';
export const DEFAULT_AGENT_ERROR_TEXT = 'The agent failed while answering (an emulated fault).';

/** `gpt-4.1` -> `GPT-4.1`, `o4-mini` -> `O4 Mini`: a stand-in for the display names Langdock sends. */
export function displayModelName(model: string): string {
  if (model.startsWith('gpt-')) return `GPT-${model.slice(4).split('-').map(capitalize).join(' ')}`;
  return model.split('-').map(capitalize).join(' ');
}

function capitalize(word: string): string {
  return word.length === 0 ? word : word[0]!.toUpperCase() + word.slice(1);
}

export function toEmulatorAgent(spec: string | AgentSpec): EmulatorAgent {
  const agent = typeof spec === 'string' ? { id: spec } : spec;
  if (typeof agent.id !== 'string' || agent.id.trim() === '')
    throw new Error('Every registered agent needs a non-empty id.');
  if (
    agent.errorAfter !== undefined &&
    (!Number.isInteger(agent.errorAfter) || agent.errorAfter < 0)
  ) {
    throw new Error(`Agent ${agent.id}: errorAfter must be a whole number of chunks.`);
  }
  const model = agent.model ?? DEFAULT_AGENT_MODEL;
  return {
    id: agent.id,
    name: agent.name ?? agent.id,
    model,
    modelName: agent.modelName ?? displayModelName(model),
    shared: agent.shared !== false,
    webSearch: agent.webSearch === true,
    errorAfter: agent.errorAfter,
    errorText: agent.errorText ?? DEFAULT_AGENT_ERROR_TEXT,
    gluedEvents: agent.gluedEvents === true,
  };
}

export function buildAgentRegistry(
  specs: ReadonlyArray<string | AgentSpec> = [],
): Map<string, EmulatorAgent> {
  const registry = new Map<string, EmulatorAgent>();
  for (const spec of specs) {
    const agent = toEmulatorAgent(spec);
    if (registry.has(agent.id)) throw new Error(`Agent ${agent.id} is registered twice.`);
    registry.set(agent.id, agent);
  }
  return registry;
}

/**
 * The CLI's `--agent <id>[:<flag>,<flag>...]`; flags: `web-search`, `unshared`, `glued`, `model=<id>`,
 * `name=<name>`, `error-after=<n>`. The first `:` splits, so ids may not contain one.
 */
export function parseAgentFlag(value: string): AgentSpec {
  const colon = value.indexOf(':');
  const id = colon === -1 ? value : value.slice(0, colon);
  if (id.trim() === '') throw new Error(`--agent needs an id, got '${value}'.`);
  const spec: AgentSpec = { id };
  const flags =
    colon === -1
      ? []
      : value
          .slice(colon + 1)
          .split(',')
          .filter((flag) => flag !== '');
  for (const flag of flags) {
    const [name, setting] = flag.split('=', 2) as [string, string | undefined];
    if (name === 'web-search' && setting === undefined) spec.webSearch = true;
    else if (name === 'unshared' && setting === undefined) spec.shared = false;
    else if (name === 'glued' && setting === undefined) spec.gluedEvents = true;
    else if (name === 'model' && setting) spec.model = setting;
    else if (name === 'name' && setting) spec.name = setting;
    else if (name === 'error-after' && setting !== undefined && /^\d+$/.test(setting))
      spec.errorAfter = Number(setting);
    else
      throw new Error(
        `--agent ${value}: unknown flag '${flag}'; the flags are web-search, unshared, glued, model=<id>, name=<name>, error-after=<n>.`,
      );
  }
  return spec;
}
