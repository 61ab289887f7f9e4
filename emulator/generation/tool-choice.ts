// Which tool a deterministic reply calls, and with what input: forced by the request, or plainly asked for.
import { isRecord, type JsonObject } from '../server/json-guards';
import { sampleFromSchema } from './json-schema-sampler';
import { identifierWords, mentionsWord } from './prompt-hints';

/** A function tool, whichever protocol defined it (`parameters` or `input_schema`). */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonObject;
}

/** `required` forces some tool (OpenAI's `required`, Anthropic's `any`); `tool` forces the named one. */
export type ToolPick =
  { type: 'auto' } | { type: 'none' } | { type: 'required' } | { type: 'tool'; name: string };

// Verbs and fillers in tool names say nothing about the topic a user asks for.
const GENERIC_WORDS = new Set([
  'get',
  'set',
  'list',
  'create',
  'update',
  'delete',
  'fetch',
  'find',
  'do',
  'run',
  'make',
  'call',
  'tool',
  'function',
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'and',
  'or',
  'by',
  'with',
  'from',
  'current',
  'given',
  'this',
  'that',
  'will',
  'returns',
  'return',
  'about',
  'into',
  'using',
  'some',
  'user',
  'value',
  'values',
]);
const NAME_WORD_SCORE = 3;
const CALL_THRESHOLD = 2;

/**
 * The tool to call, if any: the forced one, or the best match for `askedText` (the last message, when it is the
 * user's; undefined after tool results, so a reply does not call again unless forced).
 */
export function pickTool(
  tools: readonly ToolDefinition[],
  pick: ToolPick,
  askedText: string | undefined,
): ToolDefinition | undefined {
  if (tools.length === 0 || pick.type === 'none') return undefined;
  if (pick.type === 'tool') return tools.find((tool) => tool.name === pick.name);
  const ranked = tools
    .map((tool, index) => ({
      tool,
      index,
      score: askedText === undefined ? 0 : toolScore(tool, askedText),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const best = ranked[0];
  if (best === undefined) return undefined;
  return pick.type === 'required' || best.score >= CALL_THRESHOLD ? best.tool : undefined;
}

/** How plainly the text asks for this tool: its name, its name's topic words, and its description's words. */
export function toolScore(tool: ToolDefinition, text: string): number {
  if (mentionsWord(text, tool.name)) return 10;
  const nameWords = identifierWords(tool.name).filter(
    (word) => word.length > 2 && !GENERIC_WORDS.has(word),
  );
  const descriptionWords = new Set(
    (tool.description.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
      (word) => word.length > 3 && !GENERIC_WORDS.has(word) && !nameWords.includes(word),
    ),
  );
  const nameScore = nameWords.filter((word) => mentionsWord(text, word)).length * NAME_WORD_SCORE;
  const descriptionScore = [...descriptionWords].filter((word) => mentionsWord(text, word)).length;
  return nameScore + descriptionScore;
}

/** An input object sampled from the tool's schema and filled with values the prompt mentions. */
export function sampleToolInput(tool: ToolDefinition, hintText: string): Record<string, unknown> {
  const sampled = sampleFromSchema(tool.parameters, { hintText });
  return isRecord(sampled) ? sampled : {};
}
