// A real capture of Langdock's agent stream has two events glued on one line, the second `data:` right after
// the first event's JSON (`data: {…}data: {…}`); a server may also drop the blank line between two events, which
// SSE reads as one event of two lines. Either way one event's data no longer parses. This is asked only for
// data that failed to parse, so well-framed streams pay nothing for it.

const DATA_FIELD = /^data:\s?/;
// Each try parses a prefix; a malformed event with many line breaks must not cost quadratic time.
const MAX_TRIES = 256;

const isEvent = (text: string): boolean => {
  if (text.trim() === '[DONE]') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The next place an event could begin: a `data:` field or a new line, after `from`. */
function nextBoundary(text: string, from: number): number {
  const field = text.indexOf('data:', from);
  const line = text.indexOf('\n', from);
  if (field === -1) return line;
  if (line === -1) return field;
  return Math.min(field, line);
}

/**
 * The events glued into one event's `data`, each of which parses (JSON, or `[DONE]`), in order; undefined when
 * the data cannot be split that way (it is plainly malformed). The shortest prefix that parses is taken each time,
 * so a `data:` or a line break inside a JSON string never splits an event.
 */
export function splitLangdockGluedEvents(data: string): string[] | undefined {
  const events: string[] = [];
  let rest = data;
  let tries = 0;
  while (rest.trim() !== '') {
    let found = false;
    for (
      let boundary = nextBoundary(rest, 1);
      boundary !== -1;
      boundary = nextBoundary(rest, boundary + 1)
    ) {
      if (++tries > MAX_TRIES) return undefined;
      const head = rest.slice(0, boundary);
      if (head.trim() === '' || !isEvent(head)) continue;
      events.push(head.trim());
      rest = rest.slice(boundary).replace(/^\n+/, '').replace(DATA_FIELD, '');
      found = true;
      break;
    }
    if (found) continue;
    if (!isEvent(rest)) return undefined;
    events.push(rest.trim());
    break;
  }
  return events.length > 0 ? events : undefined;
}
