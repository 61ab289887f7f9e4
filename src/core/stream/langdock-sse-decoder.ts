import { InvalidResponseDataError } from '@ai-sdk/provider';

const LF = 10;
const COLON = 58;

/**
 * Server-sent events decoder: UTF-8 bytes in, the `data` of each event out. Handles LF, CRLF and CR
 * line ends (also split across reads), multi-line `data:`, comments, `event:`/`id:`/`retry:` fields,
 * and characters split across reads. Cost is linear in the bytes: each line end is searched for once.
 */
export class SseDecoder {
  private readonly utf8 = new TextDecoder();
  /** The line still being received, in the pieces it arrived in. */
  private openLine: string[] = [];
  private openLineLength = 0;
  private data: string | undefined;
  private skipLeadingLF = false;

  /** `maxEventLength` (characters) bounds what one event may hold in memory; a longer one throws. */
  constructor(
    private readonly onData: (data: string) => void,
    private readonly maxEventLength = Number.POSITIVE_INFINITY,
  ) {}

  push(bytes: Uint8Array): void {
    this.pushText(this.utf8.decode(bytes, { stream: true }));
  }

  pushText(text: string): void {
    let start = 0;
    if (this.skipLeadingLF && text.length > 0) {
      this.skipLeadingLF = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    // Only the new text is searched, and a line still open is kept as pieces, joined once it ends:
    // a long line costs no rescans. A CR search that finds none is never repeated.
    let nextCR = text.indexOf('\r', start);
    let nextLF = text.indexOf('\n', start);
    while (nextLF !== -1 || nextCR !== -1) {
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR;
      if (this.openLine.length > 0) {
        this.openLine.push(text.slice(start, end));
        const line = this.takeOpenLine();
        this.line(line, 0, line.length);
      } else {
        this.line(text, start, end);
      }
      start = end + 1;
      if (end === nextCR) {
        if (start === text.length) {
          this.skipLeadingLF = true;
        } else if (text.charCodeAt(start) === LF) {
          start++;
        }
        nextCR = text.indexOf('\r', start);
      }
      if (nextLF !== -1 && nextLF < start) nextLF = text.indexOf('\n', start);
    }
    if (start < text.length) {
      this.openLine.push(start === 0 ? text : text.slice(start));
      this.openLineLength += text.length - start;
    }
    if (this.openLineLength + (this.data?.length ?? 0) > this.maxEventLength) {
      throw new InvalidResponseDataError({
        data: undefined,
        message: `A Langdock stream event is larger than ${this.maxEventLength} characters, far beyond any real chunk; the stream was stopped.`,
      });
    }
  }

  /** The stream ended: flush a last event even without its blank line (a truncated one then fails to parse). */
  end(): void {
    this.pushText(this.utf8.decode());
    if (this.openLine.length > 0) {
      const line = this.takeOpenLine();
      this.line(line, 0, line.length);
    }
    this.dispatch();
  }

  private takeOpenLine(): string {
    const line = this.openLine.length === 1 ? this.openLine[0]! : this.openLine.join('');
    this.openLine = [];
    this.openLineLength = 0;
    return line;
  }

  private line(buffer: string, start: number, end: number): void {
    if (start === end) {
      this.dispatch();
      return;
    }
    // Only `data` matters; comments (`:`), `event`, `id`, `retry` and unknown fields are skipped.
    const nameEnd = start + 4;
    if (
      !buffer.startsWith('data', start) ||
      (nameEnd !== end && buffer.charCodeAt(nameEnd) !== COLON)
    )
      return;
    // The value follows the colon, less one leading space.
    let valueStart = nameEnd === end ? end : nameEnd + 1;
    if (valueStart < end && buffer.charCodeAt(valueStart) === 32) valueStart++;
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
