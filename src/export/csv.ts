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
 * A whole CSV document (header + rows, CRLF-free `\n` line ends, UTF-8 text). The rows may come
 * from a generator, so a long file needs no array of all its rows beside its lines.
 */
export function toCsv(header: string[], rows: Iterable<readonly ExportValue[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return lines.join('\n') + '\n';
}
