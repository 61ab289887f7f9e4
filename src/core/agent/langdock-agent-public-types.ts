import type {
  LangdockAgentConfig,
  LangdockAgentResponseOptions,
  LangdockAgentSettings,
  LangdockDeleteAttachmentOptions,
  LangdockUploadAttachmentOptions,
} from './langdock-agent-options';
import type { LangdockAttachmentData } from './langdock-agent-attachments';

// What every entry (root, /v3, /v4) exports about agents: the provider members, option schemas and types.
export {
  langdockAgentConfigSchema,
  langdockAgentMessageOptionsSchema,
  langdockAgentOptionsSchema,
  langdockAgentOutputSchema,
  langdockAgentSettingsSchema,
} from './langdock-agent-options';
export type {
  LangdockAgentConfig,
  LangdockAgentOptions,
  LangdockAgentOutput,
  LangdockAgentResponseOptions,
  LangdockAgentSettings,
  LangdockAgentTarget,
  LangdockDeleteAttachmentOptions,
  LangdockUploadAttachmentOptions,
} from './langdock-agent-options';
export type { LangdockAttachmentData } from './langdock-agent-attachments';

/** The agent members of a provider, with the entry's own language model type. */
export interface LangdockAgentMembers<MODEL> {
  /**
   * A Langdock agent as a language model: a saved agent's id (shared with the API key) or a temporary agent.
   * It always streams; `providerOptions.langdock` takes maxSteps, imageResponseFormat and output.
   */
  agent(agent: string | LangdockAgentConfig, settings?: LangdockAgentSettings): MODEL;
  /**
   * A route's answer to a `useChat` client: the agent's UI message stream, re-framed, with failures as `error`
   * chunks. Returns at once; the request to Langdock starts when the body is read.
   */
  agentResponse(options: LangdockAgentResponseOptions): Response;
  /** Uploads a file (`POST /attachment/v1/upload`) and returns its id, for `attachments` of a user message. */
  uploadAttachment(
    file: LangdockAttachmentData,
    options?: LangdockUploadAttachmentOptions,
  ): Promise<string>;
  /** Deletes an uploaded file (`DELETE /attachment/v1/delete`). */
  deleteAttachment(attachmentId: string, options?: LangdockDeleteAttachmentOptions): Promise<void>;
}
