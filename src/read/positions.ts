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
  private starts: number[] | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  /** The offsets where lines start, found on the first lookup (many files never need a position). */
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    // LF (alone or after CR) first, with indexOf; lone CRs are rare and merged in only when present.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    if (/\r(?!\n)/.test(text)) {
      for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1))
        if (text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      starts.sort((a, b) => a - b);
    }
    this.starts = starts;
    return starts;
  }

  /** The position of a character offset. */
  at(offset: number): SourcePosition {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: this.file, line: low + 1, column: offset - starts[low]! + 1 };
  }
}
