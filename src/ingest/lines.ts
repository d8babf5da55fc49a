/**
 * Map data record numbers (1-based, as DuckDB numbers the rows it reads after the header) to the
 * physical line where each record starts (1-based), for the reject report. DuckDB skips empty
 * lines and lets a quoted field span lines, so the two differ in real files. One streaming pass
 * over the bytes DuckDB read, stopping after the last wanted record; only run when there are
 * rejects.
 */
export async function recordLines(
  chunks: AsyncIterable<Uint8Array>,
  options: { headerLine: number; wanted: Iterable<number>; quote?: number; skipLines?: ReadonlySet<number> },
): Promise<Map<number, number>> {
  const wanted = new Set(options.wanted);
  const out = new Map<number, number>();
  if (wanted.size === 0) return out;
  const last = Math.max(...wanted);
  const QUOTE = options.quote ?? 0x22;
  let line = 0; // 0-based physical line
  let lineLen = 0;
  let inQuote = false;
  let recordOpen = false;
  let record = 0;
  let prevCR = false;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x0a && prevCR) {
        prevCR = false;
        continue; // the \n of a \r\n
      }
      prevCR = b === 0x0d;
      if (b === 0x0a || b === 0x0d) {
        if (!inQuote) recordOpen = false;
        line++;
        lineLen = 0;
        continue;
      }
      if (lineLen === 0 && !recordOpen && line > options.headerLine) {
        recordOpen = true;
        // Records DuckDB itself rejected (e.g. too many fields) are not numbered by it.
        if (options.skipLines?.has(line + 1)) {
          lineLen++;
          if (b === QUOTE) inQuote = !inQuote;
          continue;
        }
        record++;
        if (wanted.has(record)) out.set(record, line + 1);
        if (record >= last && out.size === wanted.size) return out;
      }
      if (b === QUOTE) inQuote = !inQuote;
      lineLen++;
    }
  }
  return out;
}
