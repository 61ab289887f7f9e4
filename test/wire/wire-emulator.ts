// Shared by the wire tests: one emulator per test, the library pointed at it, and counts of what reached it.
import { afterEach } from 'vitest';
import {
  startLangdockEmulator,
  type LangdockEmulator,
  type LangdockEmulatorOptions,
} from '../../emulator/index';
import { createLangdock, type LangdockProviderSettings } from '../../src/index';

export const WIRE_KEY = 'ld-wire-key-0123456789abcdef';

/** The emulator's built-in reply to a user message. */
export const echo = (text: string): string =>
  `You said: "${text}". This is a deterministic reply from the Langdock emulator.`;

/** Starts a fresh emulator per test and closes it after. */
export function emulatorPerTest(): {
  start(options?: LangdockEmulatorOptions): Promise<LangdockEmulator>;
  readonly current: LangdockEmulator;
} {
  let emulator: LangdockEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return {
    async start(options = {}) {
      await emulator?.close();
      emulator = await startLangdockEmulator({ apiKeys: [WIRE_KEY], ...options });
      return emulator;
    },
    get current() {
      if (emulator === undefined) throw new Error('No emulator started.');
      return emulator;
    },
  };
}

/** The root entry (AI SDK 5) on the emulator's classic routes, or on its gateway. */
export function langdockOn(
  emulator: LangdockEmulator,
  settings: Omit<LangdockProviderSettings, 'apiKey' | 'baseURL'> = {},
) {
  return createLangdock({
    apiKey: WIRE_KEY,
    baseURL: settings.gateway === true ? emulator.gatewayBaseURL : emulator.baseURL,
    ...settings,
  });
}

/** Requests that reached a path ending so (`/chat/completions`, `/messages`). */
export function requestsTo(emulator: LangdockEmulator, suffix: string) {
  return emulator.requests.filter((request) => request.path.endsWith(suffix));
}

/** What a call failed with, or undefined when it did not. */
export function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (error: unknown) => error,
  );
}
