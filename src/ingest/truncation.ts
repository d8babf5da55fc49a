import Papa from 'papaparse';

/**
 * Whether a text file looks cut off (an interrupted download or copy): it does not end with a
 * line break and its last record is shorter than the header or has an open quote. A file that
 * merely lacks the final line break but whose last row is complete is not flagged.
 * `tail` is the end of the decoded text (the whole text for small files).
 */
export function looksTruncated(tail: string, delimiter: string, headerWidth: number): boolean {
  if (tail === '' || /[\r\n]$/.test(tail)) return false;
  const parsed = Papa.parse<string[]>(tail, { delimiter, skipEmptyLines: false });
  if (parsed.errors.some((e) => e.code === 'MissingQuotes')) return true;
  const last = parsed.data.at(-1);
  return !last || last.length < headerWidth;
}
