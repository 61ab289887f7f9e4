import { InvalidArgumentError } from '@ai-sdk/provider';
import {
  resolveLangdockBaseURL,
  type LangdockProviderSettings,
} from '../langdock-provider-settings';
import { isLangdockGateway, LANGDOCK_API_ORIGIN } from '../langdock-routes';

// The Agents and attachment APIs live beside chat completions, without a region in the path:
// https://api.langdock.com/openai/eu/v1 -> https://api.langdock.com (…/agent/v1/…, …/attachment/v1/…), and a
// dedicated deployment's <url>/api/public/openai/eu/v1 -> <url>/api/public.
const CHAT_SUFFIX = /\/openai\/[^/]+\/v1$/i;

/** The prefix before `/agent/v1` and `/attachment/v1`: `agentBaseURL`, else derived from the chat base URL. */
export function resolveLangdockAgentBaseURL(settings: LangdockProviderSettings): string {
  if (settings.agentBaseURL !== undefined) return settings.agentBaseURL.replace(/\/+$/, '');
  // Agents are not on the Model Gateway: they stay on the classic API.
  if (isLangdockGateway(settings)) return LANGDOCK_API_ORIGIN;
  const chatBaseURL = resolveLangdockBaseURL(settings);
  const match = CHAT_SUFFIX.exec(chatBaseURL);
  if (match === null) {
    throw new InvalidArgumentError({
      argument: 'agentBaseURL',
      message:
        `The Agents API base URL cannot be derived from baseURL ${JSON.stringify(chatBaseURL)}: it does not end in /openai/<region>/v1. ` +
        "Set createLangdock({ agentBaseURL }) to the prefix before /agent/v1: 'https://api.langdock.com', or '<deployment-url>/api/public' on a dedicated deployment.",
    });
  }
  return chatBaseURL.slice(0, match.index);
}
