import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createLangdock } from '../../src/v2/index';
import { serverPerTest, type Reply } from '../helpers/test-server';

// Langdock's error answers as the AI SDK meets them: a real local server, generateText with its retries on.

const API_KEY = 'ld-error-wire-key-0123456789';
const servers = serverPerTest();

async function langdockOn(...replies: Reply[]) {
  const server = await servers.start(...replies);
  return createLangdock({ apiKey: API_KEY, baseURL: server.baseURL });
}

/** What generateText fails with, or undefined when it does not. */
const failure = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => error,
  );

const reply =
  (status: number, body: string, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, headers).end(body);
  };

const CLOUDFLARE_524 =
  '<!DOCTYPE html><html lang="en-US"><head><title>api.langdock.com | 524: A timeout occurred</title></head>' +
  '<body><h1>A timeout occurred</h1><p>The origin web server timed out responding to this request.</p></body></html>';

describe("Langdock's proxy timeout (524)", () => {
  it.each([
    ["Cloudflare's HTML page", CLOUDFLARE_524, { 'content-type': 'text/html; charset=UTF-8' }],
    ['an empty body', '', {}],
  ])(
    'with %s: one request, not retried, and a message that says what happened and what to do',
    async (_, body, headers) => {
      const langdock = await langdockOn(reply(524, body, headers));
      const error = await failure(
        generateText({ model: langdock('gpt-4.1'), prompt: 'Write long.' }),
      );
      expect(servers.current.requests).toHaveLength(1);
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect(apiError.statusCode).toBe(524);
      expect(apiError.isRetryable).toBe(false);
      expect(apiError.message).toMatch(
        /^Langdock API error 524: Langdock's proxy stopped waiting for the answer after about 100 seconds/,
      );
      expect(apiError.message).toContain(
        'The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ' +
          'For long answers, stream the call (streamText): a stream is not cut off after 100 seconds.',
      );
      expect(apiError.message).not.toContain(API_KEY);
    },
  );
});
