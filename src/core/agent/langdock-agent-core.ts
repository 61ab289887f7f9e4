import { InvalidArgumentError } from '@ai-sdk/provider';
import { LangdockAgent } from './langdock-agent';
import { resolveLangdockAgentBaseURL } from './langdock-agent-base-url';
import {
  langdockAgentConfigSchema,
  langdockAgentSettingsSchema,
  type LangdockAgentResponseOptions,
  type LangdockAgentSettings,
  type LangdockAgentTarget,
  type LangdockDeleteAttachmentOptions,
  type LangdockUploadAttachmentOptions,
} from './langdock-agent-options';
import { createLangdockAgentResponse } from './langdock-agent-use-chat-route';
import {
  deleteLangdockAttachment,
  uploadLangdockAttachment,
  type LangdockAttachmentData,
} from './langdock-agent-attachments';
import {
  assertServerSide,
  describeValue,
  type LangdockProviderSettings,
} from '../langdock-provider-settings';
import type { LangdockRequestConfig } from '../http/langdock-request-config';
import { parseLangdockSettings } from '../parse-langdock-options';

/** The agent members of every spec's provider core: the models are wrapped per spec, the rest is shared. */
export interface LangdockAgentCore {
  agent(target: LangdockAgentTarget, settings?: LangdockAgentSettings): LangdockAgent;
  agentResponse(options: LangdockAgentResponseOptions): Response;
  uploadAttachment(
    file: LangdockAttachmentData,
    options?: LangdockUploadAttachmentOptions,
  ): Promise<string>;
  deleteAttachment(attachmentId: string, options?: LangdockDeleteAttachmentOptions): Promise<void>;
}

/** `config` is the provider's; the agent members send to the Agents API's base URL, read when each request is made. */
export function buildLangdockAgentCore(
  settings: LangdockProviderSettings,
  config: LangdockRequestConfig,
): LangdockAgentCore {
  const agentConfig: LangdockRequestConfig = {
    ...config,
    baseURL: () => resolveLangdockAgentBaseURL(settings),
  };
  return {
    agent: (target, agentSettings = {}) => {
      assertServerSide(settings);
      return new LangdockAgent(
        checkAgentTarget(target),
        checkAgentSettings(agentSettings),
        agentConfig,
      );
    },
    agentResponse: (options) => {
      assertServerSide(settings);
      return createLangdockAgentResponse(agentConfig, options);
    },
    uploadAttachment: async (file, options) => {
      assertServerSide(settings);
      return uploadLangdockAttachment(agentConfig, file, options);
    },
    deleteAttachment: async (attachmentId, options) => {
      assertServerSide(settings);
      return deleteLangdockAttachment(agentConfig, attachmentId, options);
    },
  };
}

function checkAgentTarget(target: unknown): LangdockAgentTarget {
  if (typeof target === 'string') {
    if (target.trim() !== '') return target.trim();
  } else if (typeof target === 'object' && target !== null) {
    return parseLangdockSettings(langdockAgentConfigSchema, target, {
      argument: 'agent',
      what: 'temporary Langdock agent',
      help: "A temporary agent takes name, instructions, description, temperature (0..1), model, capabilities, actions, vectorDb, knowledgeFolderIds and attachmentIds: the Agents API's names, not the create/update endpoints' (instruction, creativity).",
    });
  }
  throw new InvalidArgumentError({
    argument: 'agent',
    message: `langdock.agent takes an agent id (the agent must be shared with the API key) or a temporary agent ({ name, instructions, ... }); got ${describeValue(target)}.`,
  });
}

function checkAgentSettings(settings: unknown): LangdockAgentSettings {
  return parseLangdockSettings(langdockAgentSettingsSchema, settings, {
    argument: 'settings',
    what: 'Langdock agent settings',
    help: 'The settings are maxSteps (1..20) and imageResponseFormat (url or b64_json).',
  });
}
