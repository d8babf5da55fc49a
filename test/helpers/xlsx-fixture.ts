/**
 * A hand-written minimal XLSX writer, kept for the test fixture generators only: they need exact
 * control of the bytes (committed fixtures must not change when a library does). The app writes
 * XLSX with the maintained `write-excel-file` (src/export/xlsx-writer.ts).
 */
import { strToU8, zipSync } from 'fflate';
import { defuseFormula, type ExportValue } from '../../src/export/csv';
import { ZIP_EPOCH } from '../../src/export/xlsx-zip';

function xmlEscape(s: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0.
  return (
    s
      // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
  );
}

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cell(v: ExportValue, ref: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  // Inline strings are never evaluated as formulas, but a user may copy them into a cell; defuse anyway.
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(defuseFormula(v))}</t></is></c>`;
}

/** One sheet of a workbook: its name and rows (the first row is usually the header). */
export interface XlsxSheet {
  name: string;
  rows: ExportValue[][];
}

/**
 * A minimal, valid XLSX workbook with one sheet: header row bold-free, numbers as numbers, text
 * as inline strings (no shared-strings table needed). Enough for table exports; no styles.
 */
export function toXlsx(sheetName: string, header: string[], rows: ExportValue[][]): Uint8Array {
  return toXlsxBook([{ name: sheetName, rows: [header, ...rows] }]);
}

/** A workbook of several sheets (an empty `rows` gives an empty sheet). */
export function toXlsxBook(sheets: XlsxSheet[]): Uint8Array {
  const sheetXml = (rows: ExportValue[][]) =>
    rows
      .map(
        (r, ri) =>
          `<row r="${ri + 1}">${r.map((v, ci) => cell(v, `${colName(ci)}${ri + 1}`)).join('')}</row>`,
      )
      .join('');
  const names = sheets.map((s) => xmlEscape(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1'));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml(s.rows)}</sheetData></worksheet>`,
    );
  });
  return zipSync(files, { level: 6, mtime: ZIP_EPOCH });
}
