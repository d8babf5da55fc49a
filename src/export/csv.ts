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
 * A document's text: one string, or its pieces in order when one string would be longer than
 * V8 allows (2^29 − 24 characters, ~512 MB: key_account_factors.csv of 1.9 M customers is 680 M).
 */
export type Text = string | readonly string[];

/** Characters per piece of a long document (each piece ends after a whole line). */
export const PIECE_CHARS = 1 << 26;

/** The pieces of a text, in order. */
export function textPieces(t: Text): readonly string[] {
  return typeof t === 'string' ? [t] : t;
}

/** A text as one string (a RangeError when it is too long for one). */
export function textString(t: Text): string {
  return typeof t === 'string' ? t : t.join('');
}

/**
 * A whole CSV document (header + rows, CRLF-free `\n` line ends, UTF-8 text), as one string, or
 * as pieces of about `pieceChars` characters each (whole lines) when it is longer than that. The
 * rows may come from a generator, so a long file needs no array of all its rows beside its lines.
 */
export function csvText(
  header: string[],
  rows: Iterable<readonly ExportValue[]>,
  pieceChars = PIECE_CHARS,
): Text {
  const pieces: string[] = [];
  let lines = [header.map(csvField).join(',')];
  let chars = lines[0].length + 1;
  for (const r of rows) {
    const line = r.map(csvField).join(',');
    lines.push(line);
    chars += line.length + 1;
    if (chars >= pieceChars) {
      pieces.push(lines.join('\n') + '\n');
      lines = [];
      chars = 0;
    }
  }
  if (lines.length) pieces.push(lines.join('\n') + '\n');
  return pieces.length === 1 ? pieces[0] : pieces;
}

/** A whole CSV document as one string (tables the page exports: far below V8's longest string). */
export function toCsv(header: string[], rows: Iterable<readonly ExportValue[]>): string {
  return textString(csvText(header, rows));
}
