// read-excel-file is loaded when a workbook is read (not with the page: it is ~190 KB of source).
import { fetchWhole } from './remote';
import { IngestError, type InputFile } from './types';

/** A worksheet as rows of cell texts (numbers keep their written digits; dates as YYYY-MM-DD). */
export interface SheetRows {
  name: string;
  rows: string[][];
}

const cache = new WeakMap<InputFile, Promise<SheetRows[]>>();

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel dates are calendar values; read-excel-file gives them as UTC instants.
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return String(v);
}

async function bytesOf(file: InputFile): Promise<Blob | ArrayBuffer> {
  const s = file.source;
  if (s.kind === 'blob') return s.blob;
  if (s.kind === 'buffer') return s.bytes.slice().buffer as ArrayBuffer;
  if (s.kind === 'url') return fetchWhole(s.url);
  const fs = await import(/* @vite-ignore */ 'node:fs/promises');
  const b = await fs.readFile(s.path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** Read every sheet of a workbook (once per file; the mapping screen and the load share it). */
export function readWorkbook(file: InputFile): Promise<SheetRows[]> {
  let p = cache.get(file);
  if (!p) {
    p = (async () => {
      try {
        const { default: readXlsxFile } = await import('read-excel-file/universal');
        const sheets = await readXlsxFile(await bytesOf(file), {
          parseNumber: (s: string) => s,
          trim: false,
        });
        return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map(cellText)) }));
      } catch (err) {
        throw new IngestError('bad_xlsx', {
          file: file.name,
          message: err instanceof Error ? err.message : String(err),
        });
      }
    })();
    cache.set(file, p);
  }
  return p;
}

/** The sheet to read: the named one, else the first sheet with data. */
export function chooseSheet(sheets: SheetRows[], name?: string): SheetRows {
  const found = name
    ? sheets.find((s) => s.name === name)
    : sheets.find((s) => s.rows.some((r) => r.some((c) => c.trim() !== '')));
  if (!found) throw new IngestError(name ? 'sheet_not_found' : 'empty_workbook', { sheet: name ?? '' });
  return found;
}
