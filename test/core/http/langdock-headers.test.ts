import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { createLangdockRedactor } from '../../../src/core/http/langdock-redaction';
import {
  checkLangdockHeaders,
  langdockCredentials,
  mergeLangdockHeaders,
} from '../../../src/core/http/langdock-headers';

describe('mergeLangdockHeaders', () => {
  it.each([
    [
      'a later layer replaces a name of another casing',
      [{ Authorization: 'Bearer a' }, { authorization: 'Bearer b' }],
      { authorization: 'Bearer b' },
    ],
    [
      'within one layer the later key wins',
      [{ Authorization: 'Bearer a', AUTHORIZATION: 'Bearer c' }],
      { AUTHORIZATION: 'Bearer c' },
    ],
    [
      'undefined removes the header',
      [{ Authorization: 'Bearer a', 'X-Trace': '1' }, { authorization: undefined }],
      { 'X-Trace': '1' },
    ],
    [
      'other headers are kept as they are',
      [{ 'X-A': '1' }, undefined, { 'x-b': '2' }],
      { 'X-A': '1', 'x-b': '2' },
    ],
  ])('%s', (_, layers, expected) => {
    expect(mergeLangdockHeaders(...layers)).toEqual(expected);
  });
});

describe('checkLangdockHeaders', () => {
  const secret = 'ld-secret-key-0123456789';
  it.each([
    [
      'a line break in Authorization',
      { Authorization: `Bearer ${secret}\nX-Evil: 1` },
      'headers.Authorization is not a valid header value',
      'as a credential it is not shown',
    ],
    [
      'a NUL in a lower-case authorization',
      { authorization: `Bearer ${secret}\0` },
      'headers.authorization is not a valid header value',
      'as a credential',
    ],
    [
      'a character beyond Latin-1 in api-key',
      { 'api-key': `${secret}€` },
      'headers.api-key is not a valid header value',
      'as a credential',
    ],
    [
      'a number instead of a string',
      { 'X-Count': 3 as unknown as string },
      'headers.X-Count is not a valid header value',
      'as a value',
    ],
  ])('refuses %s without echoing it', (_, headers, start, kind) => {
    const failure = (() => {
      try {
        checkLangdockHeaders(headers, 'headers');
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(InvalidArgumentError);
    expect((failure as Error).message).toContain(start);
    expect((failure as Error).message).toContain(kind);
    expect((failure as Error).message).not.toContain(secret);
  });

  it('refuses a header name fetch would refuse', () => {
    expect(() => checkLangdockHeaders({ 'Bad Name': 'x' }, 'headers')).toThrow(
      'headers has a header name that HTTP does not allow ("Bad Name")',
    );
  });

  it('accepts tabs, Latin-1 and undefined values', () => {
    expect(() =>
      checkLangdockHeaders({ 'X-A': 'a\tb', 'X-B': 'café', 'X-C': undefined }, 'headers'),
    ).not.toThrow();
  });
});

describe('langdockCredentials', () => {
  it('lists each credential header value and its token, whatever the casing', () => {
    expect(
      langdockCredentials({
        authorization: 'Bearer tok-1234567890',
        'X-API-KEY': 'k-0987654321',
        'X-Trace': 'trace-123456789',
      }),
    ).toEqual(['Bearer tok-1234567890', 'tok-1234567890', 'k-0987654321']);
  });
});

describe('createLangdockRedactor', () => {
  it.each([
    ['as sent', (key: string) => `bad key ${key}`],
    [
      'escaped inside a JSON string',
      (key: string) => JSON.stringify({ message: `bad key ${key}` }),
    ],
    [
      'with escaped slashes',
      (key: string) =>
        `{"message":"bad key ${JSON.stringify(key).slice(1, -1).replaceAll('/', '\\/')}"}`,
    ],
    ['URL-encoded', (key: string) => `https://x.example/?key=${encodeURIComponent(key)}`],
  ])('removes a key echoed %s', (_, echo) => {
    const key = 'ld-"odd"/key\\with+chars';
    const redacted = createLangdockRedactor([key])(echo(key));
    expect(redacted).toContain('[redacted]');
    for (const form of [
      key,
      JSON.stringify(key).slice(1, -1),
      encodeURIComponent(key),
      JSON.stringify(key).slice(1, -1).replaceAll('/', '\\/'),
    ]) {
      expect(redacted).not.toContain(form);
    }
  });

  it('removes the whole Bearer value and a bare token alike, and leaves short words alone', () => {
    const redact = createLangdockRedactor([
      'Bearer tok-1234567890',
      'tok-1234567890',
      'short',
      undefined,
    ]);
    expect(redact('got Bearer tok-1234567890 and tok-1234567890; short stays')).toBe(
      'got [redacted] and [redacted]; short stays',
    );
  });
});
