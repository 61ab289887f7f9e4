import type { JSONValue } from '@ai-sdk/provider';
import type { LangdockStreamPart, LangdockWarning } from '../langdock-call';

// What an agent's UI message stream becomes, in no spec's terms. Most parts have the same shape in every spec;
// the spec supplies the rest (`stream-start`, `finish`, files) and says how the agent's own tools appear.

/** The agent ran these tools itself (at Langdock): the AI SDK neither runs nor expects them. */
export type LangdockAgentToolPart =
  | {
      type: 'tool-input-start';
      id: string;
      toolName: string;
      providerExecuted: true;
      dynamic?: true;
    }
  | {
      type: 'tool-call';
      toolCallId: string;
      toolName: string;
      input: string;
      providerExecuted: true;
      dynamic?: true;
    }
  | {
      type: 'tool-result';
      toolCallId: string;
      toolName: string;
      result: NonNullable<JSONValue>;
      isError?: true;
      preliminary?: true;
      providerExecuted?: true;
      dynamic?: true;
    };

export type LangdockAgentSourcePart =
  | { type: 'source'; sourceType: 'url'; id: string; url: string; title?: string }
  | {
      type: 'source';
      sourceType: 'document';
      id: string;
      mediaType: string;
      title: string;
      filename?: string;
    };

export type LangdockAgentStreamPart =
  | Exclude<LangdockStreamPart, { type: 'tool-input-start' | 'tool-call' }>
  | LangdockAgentToolPart
  | LangdockAgentSourcePart;

/** A `file` chunk: a `data:` URL (inline bytes) or a link (`imageResponseFormat: 'url'`). */
export interface LangdockAgentFile {
  mediaType: string;
  url: string;
}

/**
 * How the agent's answer ended. `finishReason` is the `finish` chunk's own (AI SDK words), undefined when it
 * had none, as Langdock's do; usage is never reported. `interrupted`: no `finish` chunk came (or Langdock aborted
 * the run); `failed`: an `error` chunk came, or the stream was broken.
 */
export interface LangdockAgentFinish {
  outcome: 'finished' | 'interrupted' | 'failed';
  finishReason: string | undefined;
  providerMetadata: Record<string, JSONValue> | undefined;
}

export interface LangdockAgentToolRules {
  /** V3 and V4 mark the agent's tool calls `dynamic`: they are defined in Langdock, not in the call's tools. */
  dynamic: boolean;
  /** V2 marks provider-executed results as such; V3 and V4 results are provider results by definition. */
  markResults: boolean;
  /** V3 and V4 have preliminary tool results; V2 would take each as final, so it gets only the final one. */
  preliminaryResults: boolean;
  /**
   * Which tool calls may become parts; the others go to provider metadata (`toolCalls`). On ai@5 a
   * provider-executed call of a tool the call's `tools` do not name breaks streamText and generateText.
   */
  passes?: (toolName: string) => boolean;
}

/** What a spec contributes to an agent stream. */
export interface LangdockAgentStreamSpec<START, FINISH, FILE> {
  startPart: (warnings: LangdockWarning[]) => START;
  finishPart: (finish: LangdockAgentFinish) => FINISH;
  /** The spec has a finish reason for a stream that ended without its end (V4 `interrupted`). */
  reportsInterruption: boolean;
  tools: LangdockAgentToolRules;
  /** The spec's file part, or undefined for a file it cannot carry (a link, before V4): kept in provider metadata. */
  filePart: (file: LangdockAgentFile) => FILE | undefined;
}
