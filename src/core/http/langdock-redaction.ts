// Every credential sent is removed from what a server sends back before it reaches an error, a warning or a raw part.

// Real keys are long; redacting a few characters would only mangle ordinary words.
const MIN_REDACTED_LENGTH = 8;

export function redactSecret(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < MIN_REDACTED_LENGTH) return text;
  let redacted = text;
  for (const form of echoForms(secret))
    if (redacted.includes(form)) redacted = redacted.split(form).join('[redacted]');
  return redacted;
}

/** A server may echo a secret as sent, escaped inside a JSON string, or URL-encoded: each form is redacted. */
function echoForms(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
    encodeURIComponent(secret),
  ]);
  return [...forms];
}

/** One function that removes every given secret, in every echo form, from a text. */
export function createLangdockRedactor(
  secrets: ReadonlyArray<string | undefined>,
): (text: string) => string {
  const known = [
    ...new Set(
      secrets.filter(
        (secret): secret is string => secret !== undefined && secret.length >= MIN_REDACTED_LENGTH,
      ),
    ),
  ];
  // Longest first, so a token inside a longer credential (`Bearer <token>`) cannot leave the rest behind.
  known.sort((a, b) => b.length - a.length);
  return (text) => known.reduce((redacted, secret) => redactSecret(redacted, secret), text);
}

/**
 * `text` less every secret. JSON can spell a secret with \u escapes, which no search of the text finds: such text
 * is parsed and written out again plainly, and that form is used when it held a secret.
 */
export function redactedJsonText(text: string, redact: (text: string) => string): string {
  const redacted = redact(text);
  if (!redacted.includes('\\u')) return redacted;
  let plain: string;
  try {
    plain = JSON.stringify(JSON.parse(redacted));
  } catch {
    return redacted;
  }
  const clean = redact(plain);
  return clean === plain ? redacted : clean;
}

/** `value`, parsed from `data`, without the key: parsed again from the redacted text only when the key is in it. */
export function redactedValue(
  data: string,
  value: unknown,
  redact: (text: string) => string,
): unknown {
  const text = redactedJsonText(data, redact);
  return text === data ? value : JSON.parse(text);
}

/** Response headers without the key: a proxy may echo a credential in one. */
export function redactedHeaders(
  headers: Record<string, string>,
  redact: (text: string) => string,
): Record<string, string> {
  let changed: Record<string, string> | undefined;
  for (const name of Object.keys(headers)) {
    const value = redact(headers[name]!);
    if (value !== headers[name]) (changed ??= { ...headers })[name] = value;
  }
  return changed ?? headers;
}

/** A parser's error can quote the text it failed on; keep its message, less the key. */
export function redactedCause(cause: unknown, redact: (text: string) => string): unknown {
  return cause instanceof Error ? new SyntaxError(redact(cause.message)) : cause;
}
