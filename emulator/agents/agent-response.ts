// The agent's deterministic answer, as the UI message stream chunks a real capture shows, or as one UIMessage.
import type { AgentOutput, AgentRequest } from './agent-request';
import { sampleFromSchema } from '../generation/json-schema-sampler';

export type UIChunk = { type: string } & Record<string, unknown>;

export interface AgentAnswerIdentity {
  /** Counts the emulator's answers, for ids that differ per answer and repeat per run. */
  number: number;
}

interface SearchResult {
  title: string;
  url: string;
  snippet: string;
}

interface AgentAnswer {
  text: string;
  output: unknown;
  search: { toolCallId: string; query: string; results: SearchResult[] } | undefined;
}

function lastUserMessage(request: AgentRequest) {
  return [...request.messages].reverse().find((message) => message.role === 'user');
}

/** Two results and sources per search, built from the query so they are the same every run. */
function searchResults(query: string): SearchResult[] {
  const topic = encodeURIComponent(query.trim().slice(0, 80) || 'langdock');
  return [1, 2].map((rank) => ({
    title: `Emulated result ${rank} for "${query.slice(0, 60)}"`,
    url: `https://example.com/search/${rank}?q=${topic}`,
    snippet: `What an emulated web page ${rank} says about ${query.slice(0, 60)}.`,
  }));
}

function structuredOutput(output: AgentOutput, prompt: string): unknown {
  switch (output.type) {
    case 'enum':
      return (
        output.values.find((value) => prompt.toLowerCase().includes(value.toLowerCase())) ??
        output.values[0]
      );
    case 'object':
      return output.schema === undefined
        ? { answer: `You said: "${prompt}"` }
        : sampleFromSchema(output.schema, { hintText: prompt, includeOptional: true });
    case 'array':
      return output.schema === undefined
        ? [prompt]
        : [sampleFromSchema(output.schema, { hintText: prompt, includeOptional: true })];
  }
}

export function buildAgentAnswer(
  request: AgentRequest,
  identity: AgentAnswerIdentity,
): AgentAnswer {
  const last = lastUserMessage(request);
  const prompt = last?.text ?? '';
  const attached = (last?.attachments.length ?? 0) + (last?.files ?? 0);
  const search = request.agent.webSearch
    ? {
        toolCallId: `call_search_${identity.number}`,
        query: prompt,
        results: searchResults(prompt),
      }
    : undefined;
  if (request.output !== undefined) {
    const output = structuredOutput(request.output, prompt);
    return { text: JSON.stringify(output), output, search };
  }
  const history = request.messages.length - 1;
  let text = `Agent ${request.agent.name} here. You said: "${prompt}"`;
  if (attached > 0) text += ` (with ${attached} attachment(s))`;
  if (history > 0) text += `, after ${history} earlier message(s)`;
  text += '.';
  if (search !== undefined)
    text += ` I searched the web and found: ${search.results.map((result) => result.title).join('; ')}.`;
  return { text, output: undefined, search };
}

/** Words with their following space, so the text streams in several deltas that join back exactly. */
function textPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

/**
 * The chunk order of the captured stream: `data-conversation-id`, `start` with the model name, a step with
 * (empty) reasoning, then text, `finish-step` and a bare `finish`. A web search adds a step of its own before
 * the text: the tool's input and output, then a `source-url` per result.
 */
export function buildAgentChunks(
  request: AgentRequest,
  answer: AgentAnswer,
  identity: AgentAnswerIdentity,
): UIChunk[] {
  const n = identity.number;
  const chunks: UIChunk[] = [
    { type: 'data-conversation-id', data: null },
    {
      type: 'start',
      messageId: `emulator-message-${n}`,
      messageMetadata: { modelName: request.agent.modelName },
    },
    { type: 'start-step' },
    { type: 'reasoning-start', id: `rs_emulator_${n}:0` },
    { type: 'reasoning-end', id: `rs_emulator_${n}:0` },
  ];
  if (answer.search !== undefined) {
    const { toolCallId, query, results } = answer.search;
    const input = { query };
    const inputText = JSON.stringify(input);
    const middle = Math.ceil(inputText.length / 2);
    chunks.push(
      { type: 'tool-input-start', toolCallId, toolName: 'web_search' },
      { type: 'tool-input-delta', toolCallId, inputTextDelta: inputText.slice(0, middle) },
      { type: 'tool-input-delta', toolCallId, inputTextDelta: inputText.slice(middle) },
      { type: 'tool-input-available', toolCallId, toolName: 'web_search', input },
      { type: 'tool-output-available', toolCallId, output: { results } },
      { type: 'finish-step' },
      { type: 'start-step' },
      ...results.map((result, index) => ({
        type: 'source-url',
        sourceId: `source_${n}_${index + 1}`,
        url: result.url,
        title: result.title,
      })),
    );
  }
  const textId = `msg_emulator_${n}`;
  chunks.push({ type: 'text-start', id: textId });
  for (const delta of textPieces(answer.text))
    chunks.push({ type: 'text-delta', id: textId, delta });
  chunks.push({ type: 'text-end', id: textId }, { type: 'finish-step' }, { type: 'finish' });
  return chunks;
}

/** The non-streaming answer as the Agents API reference documents it: one UIMessage, plus `output` when asked for. */
export function buildAgentMessage(
  answer: AgentAnswer,
  identity: AgentAnswerIdentity,
): Record<string, unknown> {
  const parts: Array<Record<string, unknown>> = [];
  if (answer.search !== undefined) {
    const { toolCallId, query, results } = answer.search;
    parts.push({
      type: 'tool-web_search',
      toolCallId,
      state: 'output-available',
      input: { query },
      output: { results },
    });
    results.forEach((result, index) =>
      parts.push({
        type: 'source-url',
        sourceId: `source_${identity.number}_${index + 1}`,
        url: result.url,
        title: result.title,
      }),
    );
  }
  parts.push({ type: 'text', text: answer.text });
  return {
    id: `emulator-message-${identity.number}`,
    role: 'assistant',
    parts,
    ...(answer.output !== undefined && { output: answer.output }),
  };
}
