import { InvalidArgumentError } from '@ai-sdk/provider';

export type LangdockHeaders = Record<string, string | undefined>;

// Headers that carry a credential: their values are redacted from everything a server sends back.
const credentialHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'cookie',
]);

// RFC 9110 token characters; fetch refuses any other header name.
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What fetch accepts as a header value: a ByteString without NUL, CR or LF.
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Layers of headers merged as HTTP sees them: names compare without case, a later layer replaces an
 * earlier value whatever its casing, and `undefined` removes the header.
 */
export function mergeLangdockHeaders(
  ...layers: Array<LangdockHeaders | undefined>
): Record<string, string> {
  const merged = new Map<string, [name: string, value: string | undefined]>();
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const name of Object.keys(layer)) merged.set(name.toLowerCase(), [name, layer[name]]);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of merged.values()) if (value !== undefined) headers[name] = value;
  return headers;
}

/**
 * Refuses what fetch would refuse, before it can: its TypeError quotes the whole value, and a value
 * here may be a key. The error names the header, never its value.
 */
export function checkLangdockHeaders(headers: LangdockHeaders, argument: string): void {
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (!headerName.test(name)) {
      throw new InvalidArgumentError({
        argument,
        message: `${argument} has a header name that HTTP does not allow (${JSON.stringify(name.slice(0, 40))}); use letters, digits and - only.`,
      });
    }
    if (value !== undefined && (typeof value !== 'string' || !headerValue.test(value))) {
      const what = credentialHeaders.has(name.toLowerCase()) ? 'a credential' : 'a value';
      throw new InvalidArgumentError({
        argument,
        message: `${argument}.${name} is not a valid header value: it is not a string, or it holds a line break, a control character or a character beyond Latin-1. It was not sent, and as ${what} it is not shown here; set it to the value alone.`,
      });
    }
  }
}

/** Every credential these headers send: each whole value, and the token after an auth scheme such as `Bearer`. */
export function langdockCredentials(headers: Record<string, string>): string[] {
  const secrets: string[] = [];
  for (const name of Object.keys(headers)) {
    if (!credentialHeaders.has(name.toLowerCase())) continue;
    const value = headers[name]!.trim();
    secrets.push(value);
    const token = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value)?.[1]?.trim();
    if (token !== undefined) secrets.push(token);
  }
  return secrets;
}
