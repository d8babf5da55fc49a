import { missingRoles, type TableKind } from './canonical';
import { decodeSample, detectEncoding, isUtf8, type Encoding } from './encoding';
import { decodeMixedSample, detectMixedEncoding } from './mixed-encoding';
import { looksTruncated } from './truncation';
import { sniffDialect, pickHeaderRow } from './dialect';
import { detectFormat, looksBinary, type SourceFormat } from './format';
import { byteReader } from './input';
import { headerSignature, type MappingStore } from './mapping-memory';
import { parquetInfo, parquetSample, type SourceType } from './parquet';
import {
  DATE_ROLES,
  guessKind,
  MONTH_ROLES,
  normaliseHeader,
  NUMBER_ROLES,
  roleForHeader,
  rolesForKind,
  synonymRank,
} from './roles';
import { contentHead, isGzipBytes, lineEndings } from './stream';
import { fixesAsPrevious, proposeSurvey, surveyPlanOf } from './survey-plan';
import { IngestError, type ColumnPlan, type FilePlan, type InputFile } from './types';
import { isSummaryWord, profileColumn } from './values';
import { chooseSheet, readWorkbook } from './xlsx';

const SAMPLE_BYTES = 512 * 1024;
const LARGE_SAMPLE_BYTES = 16 * 1024 * 1024;
const SAMPLE_ROWS = 3000;
const MAX_COLUMNS = 2000;

/** Typical gzip ratio of CSV exports, for estimating the rows of a .csv.gz from its size. */
const GZIP_RATIO = 6;

/** Lines in `bytes` of text, from the line density of a sample at its start. */
function estimateLines(sample: Uint8Array, bytes: number): number {
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0x0a) lf++;
    else if (sample[i] === 0x0d) cr++;
  }
  // CRLF files count their LFs; old Mac files (CR only) their CRs.
  const lines = lf || cr;
  return lines ? Math.round((bytes * lines) / sample.length) : 1;
}

/** Options of inspectFile. */
export interface InspectOptions {
  /** Force an encoding (the user's override). */
  encoding?: Encoding;
  /** XLSX sheet to read. */
  sheet?: string;
  /** Remembered mappings by header signature. */
  mappings?: MappingStore;
}

/** Build the column plans of a header and the data rows below it. */
function columnPlans(
  header: string[],
  rows: string[][],
  types?: SourceType[],
): { columns: ColumnPlan[]; duplicates: string[] } {
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  // Summary rows (合计, Total) would skew the content checks of a date column.
  const dataRows = rows.filter((r) => !r.slice(0, 3).some((c) => isSummaryWord(c)));
  const columns = header.map((h, index) => {
    const name = h.trim() || `(${index + 1})`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 2) duplicates.push(name);
    const values = dataRows.map((r) => r[index] ?? '');
    const profile = profileColumn(values);
    return {
      index,
      header: name,
      samples: values
        .map((v) => v.trim())
        .filter((v) => v !== '')
        .slice(0, 5),
      role: null,
      roleSource: null,
      sourceType: types?.[index] ?? 'text',
      profile,
      numberStyle: profile.numberStyle,
      dateFormat: profile.dateFormat,
    } satisfies ColumnPlan;
  });
  return { columns, duplicates };
}

/** Whether a column's content fits a role (headers can lie: `Date` holding text). */
function contentFits(c: ColumnPlan, role: string): boolean {
  if (c.profile.nonEmpty === 0 || c.sourceType !== 'text')
    return c.sourceType !== 'text' ? fitsType(c.sourceType, role) : true;
  if (DATE_ROLES.has(role)) return c.profile.dateShare >= 0.5;
  if (MONTH_ROLES.has(role)) return c.profile.monthShare >= 0.5;
  if (NUMBER_ROLES.has(role)) return c.profile.numberShare >= 0.5;
  return true;
}

function fitsType(t: SourceType, role: string): boolean {
  if (DATE_ROLES.has(role) || MONTH_ROLES.has(role)) return t === 'date' || t === 'text' || t === 'number';
  if (NUMBER_ROLES.has(role)) return t === 'number' || t === 'text';
  return true;
}

/** Propose a role per column: remembered mapping, else header synonyms checked by content, else content. */
export function proposeRoles(
  columns: ColumnPlan[],
  memory: { kind: string; roles: (string | null)[] } | null,
): TableKind {
  if (memory && memory.roles.length === columns.length) {
    columns.forEach((c, i) => {
      c.role = memory.roles[i];
      c.roleSource = c.role ? 'memory' : null;
    });
    return memory.kind as TableKind;
  }
  const claims = new Map<string, ColumnPlan>();
  for (const c of columns) {
    const role = roleForHeader(c.header);
    if (!role || !contentFits(c, role)) continue;
    const prev = claims.get(role);
    if (!prev || synonymRank(c.header, role) < synonymRank(prev.header, role)) claims.set(role, c);
  }
  for (const [role, c] of claims) {
    c.role = role;
    c.roleSource = 'header';
  }
  // Content fallback: an unnamed column full of dates is the order date.
  if (
    !claims.has('order_date') &&
    !claims.has('period') &&
    !claims.has('as_of_date') &&
    !claims.has('survey_date')
  ) {
    const dateCol = columns.find((c) => !c.role && c.profile.nonEmpty > 0 && c.profile.dateShare >= 0.9);
    if (dateCol) {
      dateCol.role = 'order_date';
      dateCol.roleSource = 'content';
    }
  }
  // "item" names a product in sales files but a question in a survey's question table: beside a
  // dimension or importance column, with no amounts, it is the question (the canonical
  // survey_items table, as "Save dataset as Parquet" writes it, loads back as itself).
  const has = (role: string) => columns.some((c) => c.role === role);
  const itemAsProduct = columns.find(
    (c) => c.role === 'product_name' && normaliseHeader(c.header) === 'item',
  );
  if (itemAsProduct && (has('dimension') || has('importance')) && !has('revenue') && !has('quantity'))
    itemAsProduct.role = 'item';
  const kind = guessKind(new Set(columns.flatMap((c) => (c.role ? [c.role] : []))));
  // Roles are read per table kind: a receivables file's only date column is its as-of date.
  rolesForKind(columns, kind).forEach((role, i) => (columns[i].role = role));
  return kind;
}

/**
 * Recompute what is missing after roles or the kind changed (the mapping screen and the CLI's
 * kind flags call this). A new kind without new roles reads the proposed roles for that kind
 * (rolesForKind: a receivables file's generic date column is its as-of date).
 */
export function applyMapping(
  plan: FilePlan,
  changes: { kind?: TableKind; roles?: (string | null)[] },
): FilePlan {
  const roles =
    changes.roles ??
    (changes.kind && changes.kind !== plan.kind ? rolesForKind(plan.columns, changes.kind) : null);
  const columns = plan.columns.map((c, i) => {
    const role = roles ? (roles[i] ?? null) : c.role;
    return { ...c, role, roleSource: changes.roles && role !== c.role ? ('user' as const) : c.roleSource };
  });
  // A role can belong to one column only: the later choice wins (a survey's questions excepted).
  if (changes.roles) {
    const owner = new Map<string, number>();
    columns.forEach((c, i) => c.role && c.role !== 'question' && owner.set(c.role, i));
    columns.forEach((c, i) => c.role && c.role !== 'question' && owner.get(c.role) !== i && (c.role = null));
  }
  const kind = changes.kind ?? plan.kind;
  // A survey's questions follow its roles (a column marked as a question, another kind); the
  // user's fixes to a question are kept.
  const survey = surveyPlanOf(columns, plan.survey?.rows ?? sampleOf(plan.columns), kind, plan.survey);
  return {
    ...plan,
    kind,
    columns,
    survey,
    missing: missingRoles(kind, new Set(columns.flatMap((c) => (c.role ? [c.role] : [])))),
  };
}

/** Rows made of the columns' sample values, for a file first read as another kind than a survey. */
function sampleOf(columns: ColumnPlan[]): string[][] {
  const n = Math.max(0, ...columns.map((c) => c.samples.length));
  return Array.from({ length: n }, (_, i) => columns.map((c) => c.samples[i] ?? ''));
}

async function sampleWindows(
  file: InputFile,
  gzip: boolean,
  size = SAMPLE_BYTES,
): Promise<{ head: Uint8Array; complete: boolean; windows: Uint8Array[] }> {
  const { bytes, complete } = await contentHead(file, gzip, size);
  const windows = [bytes];
  if (!gzip && !complete) {
    // Middle and end windows catch a non-ASCII character that first appears late in the file.
    const read = byteReader(file);
    const mid = Math.floor(file.size / 2);
    windows.push(await read(mid, mid + 64 * 1024), await read(Math.max(0, file.size - 64 * 1024), file.size));
  }
  return { head: bytes, complete, windows };
}

function finish(
  base: Omit<FilePlan, 'kind' | 'missing'>,
  memory: MappingStore | undefined,
  rows: string[][],
): FilePlan {
  if (base.columns.length > MAX_COLUMNS)
    throw new IngestError('too_many_columns', {
      file: base.file.name,
      columns: base.columns.length,
      max: MAX_COLUMNS,
    });
  const remembered = memory?.get(headerSignature(base.columns.map((c) => c.header))) ?? null;
  let kind = proposeRoles(base.columns, remembered);
  // Survey exports (analytics.md §12): numbered identity columns and one column per question.
  if (!remembered) kind = proposeSurvey(base.columns, rows, kind);
  return {
    ...base,
    kind,
    // The user's dimension and scale fixes of a remembered survey come back with its roles.
    survey: surveyPlanOf(base.columns, rows, kind, fixesAsPrevious(remembered?.survey)),
    missing: missingRoles(kind, new Set(base.columns.flatMap((c) => (c.role ? [c.role] : [])))),
  };
}

/** Read the top of a file and propose how to load it. Throws IngestError for files that are not tables. */
export async function inspectFile(file: InputFile, options: InspectOptions = {}): Promise<FilePlan> {
  if (file.size === 0) throw new IngestError('empty_file', { file: file.name });
  const magic = await byteReader(file)(0, Math.min(file.size, 4096));
  const gzip = isGzipBytes(magic);
  // Parquet is read through its footer; the text sample windows would only cost reads (over
  // HTTP, three extra range requests of up to 512 KB).
  const parquet = !gzip && String.fromCharCode(...magic.subarray(0, 4)) === 'PAR1';
  let { head, complete, windows } = parquet
    ? { head: magic, complete: true, windows: [magic] }
    : await sampleWindows(file, gzip);
  const format: SourceFormat = detectFormat(head, file.name);
  const common = {
    file,
    gzip,
    delimiter: ',',
    encoding: 'utf-8' as Encoding,
    sheet: null,
    sheets: [] as string[],
    normaliseNewlines: false,
  };

  if (format === 'parquet') {
    const info = await parquetInfo(file);
    const rows = await parquetSample(file, info.meta, SAMPLE_ROWS);
    const { columns, duplicates } = columnPlans(
      info.columns.map((c) => c.name),
      rows,
      info.columns.map((c) => c.type),
    );
    if (info.rows === 0) throw new IngestError('header_only', { file: file.name });
    return finish(
      {
        ...common,
        format,
        headerLine: 0,
        columns,
        duplicateHeaders: duplicates,
        sampleRows: rows.length,
        estimatedRows: info.rows,
      },
      options.mappings,
      rows,
    );
  }

  if (format === 'xlsx') {
    const sheets = await readWorkbook(file);
    let sheet;
    try {
      sheet = chooseSheet(sheets, options.sheet);
    } catch (err) {
      // Name the file in the message (chooseSheet knows only the sheets).
      throw err instanceof IngestError ? new IngestError(err.key, { file: file.name, ...err.params }) : err;
    }
    const nonBlank = sheet.rows
      .map((r, i) => [r, i] as const)
      .filter(([r]) => r.some((c) => c.trim() !== ''));
    if (!nonBlank.length) throw new IngestError('empty_workbook', { file: file.name, sheet: sheet.name });
    const h = pickHeaderRow(nonBlank.map(([r]) => r));
    const header = nonBlank[h][0];
    const data = nonBlank.slice(h + 1, h + 1 + SAMPLE_ROWS).map(([r]) => r);
    if (!data.length) throw new IngestError('header_only', { file: file.name });
    const { columns, duplicates } = columnPlans(header, data);
    return finish(
      {
        ...common,
        format,
        sheet: sheet.name,
        sheets: sheets.map((s) => s.name),
        headerLine: nonBlank[h][1],
        columns,
        duplicateHeaders: duplicates,
        sampleRows: data.length,
        estimatedRows: nonBlank.length - h - 1,
      },
      options.mappings,
      data,
    );
  }

  const detected = options.encoding ?? detectEncoding(windows);
  // A UTF-8 file with some lines in a legacy encoding is read line by line (mixed-encoding.ts).
  const fallbackEncoding =
    options.encoding || isUtf8(detected) || detected.startsWith('utf-16')
      ? null
      : detectMixedEncoding(windows);
  const encoding: Encoding = fallbackEncoding ? 'utf-8' : detected;
  const decode = (b: Uint8Array) =>
    fallbackEncoding ? decodeMixedSample(b, fallbackEncoding) : decodeSample(b, encoding);
  let text = decode(head);
  if (!text.trim()) throw new IngestError('empty_file', { file: file.name });
  if (looksBinary(text)) throw new IngestError('binary_file', { file: file.name });
  if (!complete && !/[\r\n]/.test(text))
    throw new IngestError('unreadable_csv', { file: file.name, bytes: head.length });
  let dialect = sniffDialect(text, !complete);
  if (!complete && dialect.rows.length < dialect.headerRow + 6) {
    // Very long rows (1 MB cells): read a larger sample so the profile sees some data.
    ({ head, complete, windows } = await sampleWindows(file, gzip, LARGE_SAMPLE_BYTES));
    text = decode(head);
    dialect = sniffDialect(text, !complete);
  }
  if (!dialect.rows.length) throw new IngestError('unreadable_csv', { file: file.name, bytes: head.length });
  const header = dialect.rows[dialect.headerRow];
  const data = dialect.rows.slice(dialect.headerRow + 1, dialect.headerRow + 1 + SAMPLE_ROWS);
  if (!data.length && complete) throw new IngestError('header_only', { file: file.name });
  // Rows longer than the header only widen it when the extra cells are empty (a trailing
  // delimiter); extra content is not silently dropped: DuckDB rejects such rows, and they are reported.
  const longer = data.slice(0, 500).filter((r) => r.length > header.length);
  const width = longer.every((r) => r.slice(header.length).every((c) => c.trim() === ''))
    ? Math.max(header.length, ...longer.map((r) => r.length))
    : header.length;
  const fullHeader = [...header, ...Array.from({ length: width - header.length }, () => '')];
  const { columns, duplicates } = columnPlans(fullHeader, data);
  // Mixed line endings (CR lines with a final CRLF, as in old Mac exports) trip DuckDB's reader.
  const endings = lineEndings(windows);
  const kinds = (endings.cr > 0 ? 1 : 0) + (endings.lf > 0 ? 1 : 0) + (endings.crlf > 0 ? 1 : 0);
  // The end of the text: the whole sample for a small file, the tail window (from its first whole line) otherwise.
  const tail = complete
    ? text.length > 65536
      ? text.slice(-65536).replace(/^[^\n]*\n/, '')
      : text
    : !gzip && windows.length > 2
      ? decode(windows[2]).replace(/^[^\n]*\n/, '')
      : '';
  return finish(
    {
      ...common,
      format,
      encoding,
      fallbackEncoding,
      truncated: looksTruncated(tail, dialect.delimiter, header.length),
      normaliseNewlines: kinds > 1,
      delimiter: dialect.delimiter,
      headerLine: dialect.headerLine,
      columns,
      duplicateHeaders: duplicates,
      sampleRows: data.length,
      estimatedRows: complete ? data.length : estimateLines(head, file.size * (gzip ? GZIP_RATIO : 1)),
    },
    options.mappings,
    data,
  );
}
