import { InvalidArgumentError } from '@ai-sdk/provider';
import { loadOptionalSetting } from '@ai-sdk/provider-utils';
import {
  resolveLangdockBaseURL,
  withoutTrailingSlashes,
  type LangdockProviderSettings,
} from './langdock-provider-settings';

/** Langdock's Model Gateway: every enabled model in OpenAI's and Anthropic's formats, one host, no region. */
export const LANGDOCK_GATEWAY_BASE_URL = 'https://gateway.langdock.com/v1';
/** Where agents and attachments stay when the models go through the gateway. */
export const LANGDOCK_API_ORIGIN = 'https://api.langdock.com';

/** Where each protocol's endpoints are, read when a request is made (the environment may change). */
export interface LangdockRoutes {
  gateway: boolean;
  /** The prefix of the OpenAI-format endpoints: `/chat/completions`, `/embeddings`, `/models`. */
  chat: string;
  /** The prefix of the Anthropic-format endpoints (`/messages`, `/models`), or why it cannot be known. */
  messages: string | { problem: string };
}

// The classic API serves each format under its own route: …/openai/eu/v1 beside …/anthropic/eu/v1.
const OPENAI_ROUTE = /\/openai\/([^/]+)\/v1$/i;

/** `gateway` setting, else `LANGDOCK_GATEWAY` (`true` or `1`). */
export function isLangdockGateway(settings: LangdockProviderSettings): boolean {
  if (settings.gateway !== undefined) return settings.gateway;
  const value = loadOptionalSetting({
    settingValue: undefined,
    environmentVariableName: 'LANGDOCK_GATEWAY',
  })
    ?.trim()
    .toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new InvalidArgumentError({
    argument: 'LANGDOCK_GATEWAY',
    message: `LANGDOCK_GATEWAY must be true, 1, false or 0; got a string of ${value.length} characters.`,
  });
}

export function resolveLangdockRoutes(settings: LangdockProviderSettings): LangdockRoutes {
  if (isLangdockGateway(settings)) {
    // On the gateway, baseURL (or LANGDOCK_BASE_URL) is the gateway's prefix up to /v1, for a proxy or the emulator.
    const base = resolveLangdockBaseURL(settings, LANGDOCK_GATEWAY_BASE_URL);
    return {
      gateway: true,
      chat: base,
      messages: settings.anthropicBaseURL
        ? withoutTrailingSlashes(settings.anthropicBaseURL)
        : base,
    };
  }
  const chat = resolveLangdockBaseURL(settings);
  if (settings.anthropicBaseURL !== undefined) {
    return { gateway: false, chat, messages: withoutTrailingSlashes(settings.anthropicBaseURL) };
  }
  const match = OPENAI_ROUTE.exec(chat);
  return {
    gateway: false,
    chat,
    messages:
      match === null
        ? {
            problem:
              `Claude is served on Langdock's Anthropic route, which cannot be derived from baseURL ${JSON.stringify(chat)} ` +
              '(it does not end in /openai/<region>/v1). Set createLangdock({ anthropicBaseURL }) to the prefix before ' +
              "/messages, such as 'https://api.langdock.com/anthropic/eu/v1' or '<deployment-url>/api/public/anthropic/eu/v1'.",
          }
        : `${chat.slice(0, match.index)}/anthropic/${match[1]}/v1`,
  };
}
