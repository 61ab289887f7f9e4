import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  createLangdockErrorHandler,
  isRetryableStatus,
  langdockErrorHint,
  parseLangdockErrorBody,
} from '../../../src/core/http/langdock-error';
import { redactSecret } from '../../../src/core/http/langdock-redaction';

describe('parseLangdockErrorBody', () => {
  it.each([
    [
      '{message}',
      '{"message":"The provided API key is invalid."}',
      'The provided API key is invalid.',
    ],
    [
      '{message: [...]}',
      '{"message":["messages must be an array","model must be a string"]}',
      'messages must be an array; model must be a string',
    ],
    [
      '{message: [objects]}',
      '{"message":[{"property":"temperature","constraints":{"max":"temperature must not be greater than 2"}}]}',
      '{"property":"temperature","constraints":{"max":"temperature must not be greater than 2"}}',
    ],
    ['{error: string}', '{"error":"Model not found"}', 'Model not found'],
    [
      'OpenAI/Azure {error: {...}}',
      '{"error":{"message":"Unrecognized request argument supplied: n","type":"invalid_request_error","param":null,"code":null}}',
      'Unrecognized request argument supplied: n',
    ],
    [
      '{error: {code}}',
      '{"error":{"message":"Too many requests","code":"429"}}',
      'Too many requests (429)',
    ],
    ['{detail}', '{"detail":"Not Found"}', 'Not Found'],
    [
      'Anthropic {type: error, error: {type, message}}',
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      'Overloaded (overloaded_error)',
    ],
    [
      'Anthropic envelope whose message names its type already',
      '{"type":"error","error":{"type":"not_found_error","message":"not_found_error: model: x"}}',
      'not_found_error: model: x',
    ],
    [
      "Anthropic envelope with the gateway's top-level message",
      '{"type":"error","error":{"type":"rate_limit_error","message":"Slow down"},"message":"Slow down"}',
      'Slow down (rate_limit_error)',
    ],
    [
      "the gateway's error with its top-level copy: once, with its code",
      '{"error":{"message":"The Model Gateway endpoint does not serve this API key type or endpoint yet. Use the /api/public endpoint of your Langdock workspace instead.","type":"permission_error","param":null,"code":"model_gateway_unsupported"},"message":"The Model Gateway endpoint does not serve this API key type or endpoint yet. Use the /api/public endpoint of your Langdock workspace instead."}',
      'The Model Gateway endpoint does not serve this API key type or endpoint yet. Use the /api/public endpoint of your Langdock workspace instead (model_gateway_unsupported)',
    ],
    [
      'an Anthropic envelope whose message ends in a full stop',
      '{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization of 50,000 input tokens per minute."},"request_id":"req_1"}',
      'This request would exceed the rate limit for your organization of 50,000 input tokens per minute (rate_limit_error)',
    ],
    [
      'a code the message names already',
      '{"error":{"message":"insufficient_quota: add credits","code":"insufficient_quota"}}',
      'insufficient_quota: add credits',
    ],
    [
      'HTML page with a title',
      '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
      'the server answered with an HTML page: "502 Bad Gateway"',
    ],
    [
      'HTML without a title',
      '<!DOCTYPE html><p>oops</p>',
      'the server answered with an HTML page instead of JSON',
    ],
    ['plain text', 'upstream connect error', 'upstream connect error'],
    ['empty body', '', undefined],
    ['empty object', '{}', undefined],
  ])('%s', (_shape, body, expected) => {
    expect(parseLangdockErrorBody(body).message).toBe(expected);
  });

  it('shortens a long plain-text body', () => {
    expect(parseLangdockErrorBody('x'.repeat(1000)).message).toBe(`${'x'.repeat(300)}…`);
  });
});

describe('hints and retries', () => {
  it.each([
    [401, 'LANGDOCK_API_KEY'],
    [403, 'scopes'],
    [404, 'model may not be enabled in this workspace or served in this region'],
    [504, 'stream them (streamText)'],
    [599, 'server error'],
  ])('%i has a hint', (status, words) => {
    expect(langdockErrorHint(status)).toContain(words);
  });

  it.each([
    [400, false],
    [401, false],
    [404, false],
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [504, true],
    [524, false],
  ])('status %i retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });
});

describe('createLangdockErrorHandler', () => {
  const handle = async (
    body: string,
    status: number,
    headers: Record<string, string> = {},
    key = 'sk-secret-123',
  ) => {
    const { value } = await createLangdockErrorHandler((text) => redactSecret(text, key))({
      response: new Response(body, { status, headers }),
      url: 'https://api.langdock.com/openai/eu/v1/chat/completions',
      requestBodyValues: { model: 'gpt-4.1' },
    });
    return value;
  };

  it('redacts a key a proxy echoes in a response header', async () => {
    const error = await handle('{"message":"denied"}', 401, {
      'x-echo-authorization': 'Bearer sk-secret-123',
      'x-request-id': 'r-1',
    });
    expect(error.responseHeaders).toMatchObject({
      'x-echo-authorization': 'Bearer [redacted]',
      'x-request-id': 'r-1',
    });
    expect(JSON.stringify(error.responseHeaders)).not.toContain('sk-secret-123');
  });

  it('builds an APICallError with Langdock words, a hint and the response', async () => {
    const error = await handle('{"message":"Rate limit for public API exceeded"}', 429, {
      'retry-after': '7',
    });
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "Langdock API error 429: Rate limit for public API exceeded. The workspace limit is 500 requests and 60,000 tokens per minute per model by Langdock's documented defaults; " +
        "wait and retry, or spread load across models. The provider's rateLimit setting (createLangdock({ rateLimit: true })) makes calls wait for budget instead of meeting 429s.",
    );
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders).toMatchObject({ 'retry-after': '7' });
    expect(error.data).toEqual({ message: 'Rate limit for public API exceeded' });
    expect(error.requestBodyValues).toEqual({ model: 'gpt-4.1' });
  });

  it.each([
    [
      'the limits and what is left',
      {
        'x-ratelimit-limit-requests': '1000',
        'x-ratelimit-limit-tokens': '120000',
        'x-ratelimit-remaining-requests': '998',
        'x-ratelimit-remaining-tokens': '0',
      },
      'Langdock reported a limit of 1,000 requests and 120,000 tokens per minute for this model, with 998 requests and 0 tokens left;',
    ],
    [
      'only the token limit',
      { 'x-ratelimit-limit-tokens': '90000' },
      'Langdock reported a limit of 90,000 tokens per minute for this model;',
    ],
    [
      'only what is left',
      { 'x-ratelimit-remaining-tokens': '12' },
      "The workspace limit is 500 requests and 60,000 tokens per minute per model by Langdock's documented defaults (this answer reported 12 tokens left);",
    ],
  ])('a per-minute 429 names the limits the server reported: %s', async (_, headers, words) => {
    const error = await handle('{"message":"Rate limit for public API exceeded"}', 429, headers);
    expect(error.message).toBe(
      `Langdock API error 429: Rate limit for public API exceeded. ${words} wait and retry, or spread load across models. ` +
        "The provider's rateLimit setting (createLangdock({ rateLimit: true })) makes calls wait for budget instead of meeting 429s.",
    );
    expect(error.isRetryable).toBe(true);
  });

  it('a spend-limit 429 names the limit and who can raise it, and is not retried', async () => {
    const error = await handle(
      '{"message":"Your workspace has reached its monthly spending limit"}',
      429,
      { 'retry-after': '60' },
    );
    expect(error.message).toBe(
      'Langdock API error 429: Your workspace has reached its monthly spending limit. ' +
        'This is a spend limit, not a per-minute rate limit: the budget of this key, its user or the workspace is used up for the period. ' +
        'It is not retried: retries fail until the limit is raised or the period resets. ' +
        "A workspace admin can raise it in Langdock's workspace settings: Usage and spend limits (users and the workspace), " +
        'the API page (workspace keys), or Model Gateway > Limits (the spend limit of a Model Gateway key).',
    );
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(false);
  });

  it('names the closest ids for "Invalid model", from the model the request asked for', async () => {
    const { value: error } = await createLangdockErrorHandler((text) =>
      redactSecret(text, 'sk-secret-123'),
    )({
      response: new Response(
        '{"message":"Invalid model, available models are: claude-sonnet-4-6-default, claude-opus-4-8-default, claude-haiku-4-5-20251001, claude-son…"}',
        { status: 400 },
      ),
      url: 'https://api.langdock.com/anthropic/eu/v1/messages',
      requestBodyValues: { model: 'claude-sonet-4-6', max_tokens: 1024, messages: [] },
    });
    expect(error.message).toBe(
      'Langdock API error 400: Invalid model, available models are: claude-sonnet-4-6-default, claude-opus-4-8-default, claude-haiku-4-5-20251001, claude-son…. ' +
        'Langdock does not serve "claude-sonet-4-6" here; the closest ids in its list are claude-sonnet-4-6-default, claude-opus-4-8-default, claude-haiku-4-5-20251001 ' +
        '(the list may be cut short: provider.listModels() lists every model this key can use).',
    );
    expect(error.isRetryable).toBe(false);
  });

  it('names the setting to leave out when a model refuses temperature, whatever the endpoint hint', async () => {
    const body = '{"message":"`temperature` is deprecated for this model"}';
    const expected =
      'Langdock API error 400: `temperature` is deprecated for this model. This model does not take `temperature`: leave temperature out of the call (generateText, streamText), or choose a model that takes it.';
    expect((await handle(body, 400)).message).toBe(expected);
    const { value: agentError } = await createLangdockErrorHandler((text) => text, {
      400: 'Check the agent id.',
    })({
      response: new Response(body, { status: 400 }),
      url: 'https://api.langdock.com/agent/v1/chat/completions',
      requestBodyValues: {},
    });
    expect(agentError.message).toBe(expected);
  });

  it('builds no hint that carries the key, from the server text or the request', async () => {
    const key = 'sk-secret-123';
    const { value: error } = await createLangdockErrorHandler((text) => redactSecret(text, key))({
      response: new Response(
        `{"message":"Invalid model, available models are: ${key}-model, gpt-4.1"}`,
        { status: 400, headers: { 'x-request-id': key } },
      ),
      url: 'https://api.langdock.com/openai/eu/v1/chat/completions',
      requestBodyValues: { model: `${key}-modl` },
    });
    expect(error.message).toBe(
      'Langdock API error 400: Invalid model, available models are: [redacted]-model, gpt-4.1. ' +
        'Langdock does not serve "[redacted]-modl" here; the closest ids in its list are [redacted]-model, gpt-4.1 ' +
        '(the list may be cut short: provider.listModels() lists every model this key can use).',
    );
  });

  it('a 404 names listModels()', async () => {
    const error = await handle('{"error":{"message":"The model `gpt-9` does not exist"}}', 404);
    expect(error.message).toBe(
      'Langdock API error 404: The model `gpt-9` does not exist. Check the model id and region: the model may not be enabled in this workspace or served in this region (provider.listModels() lists every model this key can use).',
    );
  });

  it("appends the request id for Langdock's support, never a key a proxy put there", async () => {
    const error = await handle('{"error":"Internal error"}', 500, { 'x-request-id': 'req_7f8a9b' });
    expect(error.message).toBe(
      'Langdock API error 500: Internal error. Langdock had a server error; retry shortly. (request id req_7f8a9b)',
    );
    const echoed = await handle('{"error":"Internal error"}', 500, {
      'x-request-id': 'sk-secret-123',
    });
    expect(echoed.message).toBe(
      'Langdock API error 500: Internal error. Langdock had a server error; retry shortly.',
    );
    expect(JSON.stringify(echoed)).not.toContain('sk-secret-123');
  });

  it('does not double the full stop of a message that has one', async () => {
    const error = await handle('{"message":"The provided API key is invalid."}', 401);
    expect(error.message).toBe(
      'Langdock API error 401: The provided API key is invalid. Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
    );
    expect(error.isRetryable).toBe(false);
  });

  it('takes a per-endpoint hint that replaces the default for that status only', async () => {
    const handler = createLangdockErrorHandler((text) => redactSecret(text, 'sk-secret-123'), {
      404: 'This endpoint is optional.',
    });
    const call = async (status: number) =>
      (
        await handler({
          response: new Response('{"message":"Not Found"}', { status }),
          url: 'https://x.example/v1/models',
          requestBodyValues: {},
        })
      ).value;
    expect((await call(404)).message).toBe(
      'Langdock API error 404: Not Found. This endpoint is optional.',
    );
    expect((await call(401)).message).toBe(
      'Langdock API error 401: Not Found. Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
    );
  });

  it("reads Anthropic's error envelope and retries its 529 overloaded_error", async () => {
    const error = await handle(
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      529,
    );
    // The hint after it is the 529's own; this test is about the envelope.
    expect(error.message).toMatch(/^Langdock API error 529: Overloaded \(overloaded_error\)\. \S/);
    expect(error.statusCode).toBe(529);
    expect(error.isRetryable).toBe(true);
    expect(error.data).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  it("the gateway's missing_api_key says that no key arrived, once", async () => {
    const error = await handle(
      '{"error":{"message":"You didn\'t provide an API key.","type":"authentication_error","param":null,"code":"missing_api_key"},"message":"You didn\'t provide an API key."}',
      401,
      { 'x-request-id': 'req_gw_1' },
    );
    expect(error.message).toBe(
      "Langdock API error 401: You didn't provide an API key (missing_api_key). No API key reached Langdock: set apiKey or LANGDOCK_API_KEY, and check that no proxy in between drops the Authorization header. (request id req_gw_1)",
    );
    expect(error.isRetryable).toBe(false);
  });

  it("a 529 says the model's provider is overloaded, and is retried", async () => {
    const error = await handle(
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}',
      529,
    );
    expect(error.message).toBe(
      "Langdock API error 529: Overloaded (overloaded_error). The model's provider is overloaded; it is retried. If that keeps failing, retry later or use another model. (request id req_011CSHoEeqs5C35K2UUqR7Fy)",
    );
    expect(error.isRetryable).toBe(true);
  });

  it('describes an HTML gateway page', async () => {
    const error = await handle('<html><title>502 Bad Gateway</title></html>', 502);
    expect(error.message).toBe(
      'Langdock API error 502: the server answered with an HTML page: "502 Bad Gateway". A gateway in front of Langdock failed; retry shortly.',
    );
    expect(error.isRetryable).toBe(true);
    expect(error.data).toBeUndefined();
  });

  it.each([
    [
      "Cloudflare's 524 page",
      '<!DOCTYPE html><html><head><title>api.langdock.com | 524: A timeout occurred</title></head><body>…</body></html>',
      { model: 'o3', messages: [] },
      'Langdock API error 524: Langdock\'s proxy stopped waiting for the answer after about 100 seconds (its page: "api.langdock.com | 524: A timeout occurred"). ' +
        'The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ' +
        'For long answers, stream the call (streamText), or let generateText stream under the hood with providerOptions.langdock.streamGenerate: true: a stream is not cut off after 100 seconds.',
    ],
    [
      'an empty 524',
      '',
      { model: 'o3', messages: [] },
      "Langdock API error 524: Langdock's proxy stopped waiting for the answer after about 100 seconds. " +
        'The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ' +
        'For long answers, stream the call (streamText), or let generateText stream under the hood with providerOptions.langdock.streamGenerate: true: a stream is not cut off after 100 seconds.',
    ],
    [
      'a 524 to a streamed call',
      '',
      { model: 'o3', messages: [], stream: true },
      "Langdock API error 524: Langdock's proxy stopped waiting for the answer after about 100 seconds. " +
        'The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ' +
        'Even this streamed call sent nothing for that long: retry later, or with a shorter request.',
    ],
  ])('explains %s and does not retry it', async (_, body, requestBodyValues, message) => {
    const { value: error } = await createLangdockErrorHandler((text) =>
      redactSecret(text, 'sk-secret-123'),
    )({
      response: new Response(body, { status: 524, headers: { 'content-type': 'text/html' } }),
      url: 'https://api.langdock.com/openai/eu/v1/chat/completions',
      requestBodyValues,
    });
    expect(error.message).toBe(message);
    expect(error.statusCode).toBe(524);
    expect(error.isRetryable).toBe(false);
    expect(error.responseBody).toBe(body);
  });

  it('keeps the words of a 524 that came as JSON, with the same advice', async () => {
    const error = await handle('{"message":"upstream timeout"}', 524);
    expect(error.message).toBe(
      'Langdock API error 524: upstream timeout. The model may still be running and billing this call, so it is not retried: a retry would run and bill it again. ' +
        'For long answers, stream the call (streamText), or let generateText stream under the hood with providerOptions.langdock.streamGenerate: true: a stream is not cut off after 100 seconds.',
    );
    expect(error.isRetryable).toBe(false);
  });

  it('reads at most 1 MiB of an error body', async () => {
    const error = await handle(`{"message":"${'x'.repeat(3 * 1024 * 1024)}"}`, 404);
    expect(error.responseBody!.length).toBe(1024 * 1024);
    expect(error.message).toMatch(
      /^Langdock API error 404: the server answered|^Langdock API error 404: \{"message":"x+/,
    );
  });

  it('redacts the key when a server echoes it', async () => {
    const error = await handle('{"message":"Invalid key sk-secret-123 for workspace"}', 401);
    expect(error.message).not.toContain('sk-secret-123');
    expect(error.message).toContain('Invalid key [redacted] for workspace');
    expect(error.responseBody).not.toContain('sk-secret-123');
  });

  it('redacts the key a server echoes with \\u escapes, from the body, the data and the message', async () => {
    // JSON may spell any character as \uXXXX: the text holds no copy of the key, its parsed value does.
    const error = await handle(
      '{"message":"Invalid key \\u0073k-secret-123","echo":{"authorization":"Bearer sk-secret\\u002d123"}}',
      401,
    );
    expect(error.responseBody).toBe(
      '{"message":"Invalid key [redacted]","echo":{"authorization":"Bearer [redacted]"}}',
    );
    expect(error.data).toEqual({
      message: 'Invalid key [redacted]',
      echo: { authorization: 'Bearer [redacted]' },
    });
    expect(error.message).toBe(
      'Langdock API error 401: Invalid key [redacted]. Check the API key (apiKey setting or LANGDOCK_API_KEY): it is missing, mistyped or revoked.',
    );
  });

  it('redactSecret replaces every occurrence, and leaves text alone without a real secret', () => {
    expect(redactSecret('abc', undefined)).toBe('abc');
    expect(redactSecret('a-secret99-b-secret99', 'secret99')).toBe('a-[redacted]-b-[redacted]');
    expect(redactSecret('Langdock', 'k')).toBe('Langdock');
  });
});
