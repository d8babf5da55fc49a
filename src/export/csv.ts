/** A cell value of an exported table. */
export type ExportValue = string | number | boolean | null | undefined;

/** Text that a spreadsheet would run as a formula: prefix it with `'` (outputs.md). */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Numbers at full precision (shortest round-trip form), never locale-formatted. */
export function formatExportNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(n);
}

/** One CSV field: null → empty, text defused and quoted when needed. */
export function csvField(v: ExportValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatExportNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = defuseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Pieces of a long text, made as they are read, so that no more than one piece is held at a time
 * (npm run analyze writes each to the file and lets it go). They can be read once only: a second
 * reading would find the rows used up, so it throws instead (`materialise` keeps them for more).
 */
export class Pieces implements Iterable<string> {
  private used = false;
  constructor(private readonly make: () => Iterator<string>) {}
  [Symbol.iterator](): Iterator<string> {
    if (this.used) throw new Error('the pieces of a long text can be read once only');
    this.used = true;
    return this.make();
  }
}

/**
 * A document's text: one string, or its pieces in order when one string would be longer than
 * V8 allows (2^29 − 24 characters, ~512 MB: key_account_factors.csv of 1.9 M customers is 741 MB).
 */
export type Text = string | Pieces | readonly string[];

/** Characters per piece of a long document (each piece ends after a whole line). */
export const PIECE_CHARS = 1 << 26;

/** The pieces of a text, in order (a `Pieces` is read by this). */
export function textPieces(t: Text): Iterable<string> {
  return typeof t === 'string' ? [t] : t;
}

/** A text that can be read more than once: its pieces kept in an array (a string stays one). */
export function materialise(t: Text): string | readonly string[] {
  return t instanceof Pieces ? [...t] : t;
}

/** A text as one string (a RangeError when it is too long for one). */
export function textString(t: Text): string {
  return typeof t === 'string' ? t : [...t].join('');
}

/**
 * A whole CSV document (header + rows, CRLF-free `\n` line ends, UTF-8 text): one string when it
 * is shorter than `pieceChars`, else `Pieces` of about that many characters each (whole lines),
 * each made from the next rows only when it is read. The rows may come from a generator, so a
 * long file needs no array of all its rows beside its lines.
 */
export function csvText(
  header: string[],
  rows: Iterable<readonly ExportValue[]>,
  pieceChars = PIECE_CHARS,
): Text {
  const it = rows[Symbol.iterator]();
  // The next piece: lines until pieceChars or the last row; `done` when the rows are used up.
  const next = (lines: string[]): { piece: string; done: boolean } => {
    let chars = lines.reduce((n, l) => n + l.length + 1, 0);
    for (;;) {
      const r = it.next();
      if (r.done) return { piece: lines.length ? lines.join('\n') + '\n' : '', done: true };
      const line = r.value.map(csvField).join(',');
      lines.push(line);
      chars += line.length + 1;
      if (chars >= pieceChars) return { piece: lines.join('\n') + '\n', done: false };
    }
  };
  const first = next([header.map(csvField).join(',')]);
  if (first.done) return first.piece;
  return new Pieces(function* () {
    yield first.piece;
    for (let p = next([]); ; p = next([])) {
      if (p.piece) yield p.piece;
      if (p.done) return;
    }
  });
}

/** A whole CSV document as one string (tables the page exports: far below V8's longest string). */
export function toCsv(header: string[], rows: Iterable<readonly ExportValue[]>): string {
  return textString(csvText(header, rows));
}
