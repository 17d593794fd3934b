/** Where a definition sits in a file: 1-based line and column (UTF-16 code units, as editors count). */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Turns character offsets into lines and columns. A line ends at LF, CRLF or a lone CR, the three
 * line ends XML normalizes; the offsets of line starts are found once, then each lookup is a binary
 * search, so positions cost nothing noticeable even in multi-megabyte ADML files.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The position of a character offset. */
  at(offset: number): SourcePosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: this.file, line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}
