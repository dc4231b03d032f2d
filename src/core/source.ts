// Offsets <-> line/character positions for one text, shared by every check and edit.
import type { Position, Range } from './issues';

export class SourceText {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return Math.min(start + position.character, this.text.length);
  }

  /** A range over [start, end), with trailing white space and line breaks left out so ranges end on the last visible character. */
  rangeOf(start: number, end: number): Range {
    let trimmedEnd = Math.max(start, Math.min(end, this.text.length));
    while (trimmedEnd > start && /\s/.test(this.text[trimmedEnd - 1])) trimmedEnd--;
    if (trimmedEnd > start) return { start: this.positionAt(start), end: this.positionAt(trimmedEnd) };
    // An empty span still needs one visible character, but never a line break (it would end inside "\r\n").
    const widened = start < this.text.length && this.text[start] !== '\r' && this.text[start] !== '\n' ? start + 1 : start;
    return { start: this.positionAt(start), end: this.positionAt(widened) };
  }

  /** The range of the text on the line of `offset`, from `offset` to the line's last visible character. */
  restOfLine(offset: number): Range {
    const line = this.positionAt(offset).line;
    const next = this.lineStarts[line + 1] ?? this.text.length;
    return this.rangeOf(offset, next);
  }

  /** The line break this text uses, so inserted lines match it. */
  get eol(): string {
    const first = this.text.indexOf('\n');
    return first > 0 && this.text[first - 1] === '\r' ? '\r\n' : '\n';
  }
}
