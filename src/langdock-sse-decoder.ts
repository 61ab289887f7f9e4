const LF = 10;

/**
 * Server-sent events decoder: UTF-8 bytes in, the `data` of each event out. Handles LF, CRLF and CR
 * line ends (also split across reads), multi-line `data:`, comments, `event:`/`id:`/`retry:` fields,
 * and characters split across reads. Cost is linear in the bytes: each line end is searched for once.
 */
export class SseDecoder {
  private readonly utf8 = new TextDecoder();
  private buffer = '';
  private data: string | undefined;
  private skipLeadingLF = false;

  constructor(private readonly onData: (data: string) => void) {}

  push(bytes: Uint8Array): void {
    this.pushText(this.utf8.decode(bytes, { stream: true }));
  }

  pushText(text: string): void {
    const buffer = this.buffer === '' ? text : this.buffer + text;
    let start = 0;
    if (this.skipLeadingLF && buffer.length > 0) {
      this.skipLeadingLF = false;
      if (buffer.charCodeAt(0) === LF) start = 1;
    }
    // Each search result is kept until passed, so a CR search that finds none is never repeated.
    let nextCR = buffer.indexOf('\r', start);
    let nextLF = buffer.indexOf('\n', start);
    while (nextLF !== -1 || nextCR !== -1) {
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR;
      this.line(buffer, start, end);
      start = end + 1;
      if (end === nextCR) {
        if (start === buffer.length) {
          this.skipLeadingLF = true;
        } else if (buffer.charCodeAt(start) === LF) {
          start++;
        }
        nextCR = buffer.indexOf('\r', start);
      }
      if (nextLF !== -1 && nextLF < start) nextLF = buffer.indexOf('\n', start);
    }
    this.buffer = start === 0 ? buffer : buffer.slice(start);
  }

  /** The stream ended: flush a last event even without its blank line (a truncated one then fails to parse). */
  end(): void {
    this.pushText(this.utf8.decode());
    if (this.buffer !== '') {
      const rest = this.buffer;
      this.buffer = '';
      this.line(rest, 0, rest.length);
    }
    this.dispatch();
  }

  private line(buffer: string, start: number, end: number): void {
    if (start === end) {
      this.dispatch();
      return;
    }
    // Field name up to the first colon; a value's single leading space is not part of it.
    const colon = buffer.indexOf(':', start);
    if (colon === start) return; // comment
    const nameEnd = colon === -1 || colon > end ? end : colon;
    if (nameEnd - start !== 4 || !buffer.startsWith('data', start)) return; // event, id, retry: nothing to act on
    let valueStart = nameEnd === end ? end : nameEnd + 1;
    if (buffer.charCodeAt(valueStart) === 32 && valueStart < end) valueStart++;
    const value = buffer.slice(valueStart, end);
    this.data = this.data === undefined ? value : `${this.data}\n${value}`;
  }

  private dispatch(): void {
    if (this.data !== undefined) {
      const data = this.data;
      this.data = undefined;
      this.onData(data);
    }
  }
}
