import Papa from 'papaparse';
import { engineTraits, type Engine } from '../engine/types';
import { sqlIdent, sqlString } from '../engine/sql';
import { checkCapacity, packs } from './capacity';
import { CANONICAL, missingRoles, type TableKind } from './canonical';
import { isUtf8, transcodeToUtf8 } from './encoding';
import { recordLines } from './lines';
import { transcodeMixed, type MixedStats } from './mixed-encoding';
import { headerSignature, type MappingStore } from './mapping-memory';
import { datasetRowGroups } from './dataset';
import { nativeParquetSource } from './native-parquet';
import { ID_ROLES } from './roles';
import {
  decideScales,
  deriveSurveyItems,
  longAnswersSql,
  questionsWithoutDimension,
  summariseSurvey,
  surveyRejectSampleSql,
  surveySelect,
} from './survey-load';
import { contentChunks, collectSource, hasNulByte, normaliseNewlines, sourceChunks } from './stream';
import { IngestError, type ColumnPlan, type FilePlan, type LoadReport, type RejectedRow } from './types';
import {
  dateSql,
  impossibleDateSql,
  dayMonthSeparator,
  humanDateFormat,
  monthSql,
  nullWordSql,
  numberSql,
  parseNumber,
  resolveDayMonth,
  summarySql,
  textSql,
} from './values';
import { chooseSheet, readWorkbook } from './xlsx';
import { Table, type Vector } from 'apache-arrow';
import { float64Column, utf8Column } from '../engine/arrow-columns';

export { inspectFile, applyMapping } from './plan';

/** Progress of a load, for the progress line. */
export interface LoadProgress {
  file: string;
  phase: 'transcoding' | 'reading' | 'checking' | 'locating';
  done?: number;
  total?: number;
}

/** Options of loadFiles. */
export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  /** Where confirmed mappings are remembered. */
  mappings?: MappingStore;
  /**
   * Take the duplicate-row count (a full hash of every row, ≈ 0.6 s at 1 M rows) off the load:
   * loadFiles then hands this callback the work that counts them in the loaded tables and adds
   * the notes to the returned reports; the caller runs it when it likes (the page: once the
   * dashboards are drawn) and must before it writes the reports anywhere. Files of one kind that
   * share a name are still counted during the load (the tables know rows only by file name).
   */
  deferDuplicates?: (count: (signal?: AbortSignal) => Promise<void>) => void;
}

const MAX_REJECTS = 1000;

/**
 * SQL: exact copies among loaded rows (same values in every canonical column; the source
 * columns not counted) in `from`, filtered by `where`.
 */
function duplicatesSql(kind: TableKind, from: string, where: string): string {
  return `SELECT count(*) - count(DISTINCT hash(${CANONICAL[kind].map((c) => c.role).join(', ')})) AS n
     FROM ${from} WHERE ${where}`;
}
let counter = 0;
const uid = () => `${Date.now().toString(36)}_${(counter++).toString(36)}`;

/** Staging table name for a kind while it loads (swapped in only on success). */
const stage = (kind: TableKind) => `${kind}__stage`;

/**
 * Load confirmed plans into the canonical tables. All files of one kind are appended; each kind
 * present replaces the table of that kind only when every file loaded, so a failure leaves the
 * earlier data untouched. Kinds not in this load stay as they are.
 */
export async function loadFiles(
  db: Engine,
  plans: FilePlan[],
  options: LoadOptions = {},
): Promise<LoadReport[]> {
  for (const plan of plans) {
    const missing = missingRoles(plan.kind, new Set(plan.columns.flatMap((c) => (c.role ? [c.role] : []))));
    if (missing.length) {
      throw new IngestError('missing_roles', {
        file: plan.file.name,
        missing: missing.join(', '),
        columns: plan.columns.map((c) => c.header).join(', '),
      });
    }
  }
  checkCapacity(db, plans);
  const reports: LoadReport[] = [];
  // Files whose duplicate count is left to the caller (deferDuplicates): those whose name is
  // unique among the files of their kind, since the loaded table knows rows by file name.
  const later = new Set(
    options.deferDuplicates
      ? plans.flatMap((plan, i) =>
          // A survey's duplicates are whole responses, counted while it loads (survey-load.ts).
          plan.kind !== 'survey' &&
          plans.filter((p) => p.kind === plan.kind && p.file.name === plan.file.name).length === 1
            ? [i]
            : [],
        )
      : [],
  );
  const kinds = [...new Set(plans.map((p) => p.kind))];
  // Large loads go to the compressed in-memory database (about a tenth of the memory; native
  // DuckDB only when the plain table would crowd its memory).
  const catalog = packs(plans, db) ? 'packed.main.' : '';
  try {
    for (const kind of kinds) await db.exec(`DROP TABLE IF EXISTS ${stage(kind)}`);
    const staged = new Set<TableKind>();
    for (const [i, plan] of plans.entries()) {
      const create = staged.has(plan.kind) ? null : `${catalog}${stage(plan.kind)}`;
      reports.push(await loadOne(db, plan, { index: i, create, later: later.has(i) }, options));
      staged.add(plan.kind);
    }
    // A survey question without a dimension (neither in the file nor in a question table loaded
    // with it) counts in the indices but in no dimension: say which.
    const tables = plans.flatMap((p) => (p.kind === 'survey_items' && p.survey ? [p.survey] : []));
    plans.forEach((p, i) => {
      const missing = p.kind === 'survey' && p.survey ? questionsWithoutDimension(p.survey, tables) : [];
      if (missing.length)
        reports[i].notes.push({ key: 'note.survey_no_dimension', params: { items: missing.join('；') } });
    });
    for (const kind of kinds) {
      await finishStage(db, kind);
      await db.exec(`DROP TABLE IF EXISTS ${kind}`);
      await db.exec(`ALTER TABLE ${stage(kind)} RENAME TO ${kind}`);
    }
  } finally {
    for (const kind of kinds) await db.exec(`DROP TABLE IF EXISTS ${stage(kind)}`);
  }
  for (const plan of plans)
    options.mappings?.set(headerSignature(plan.columns.map((c) => c.header)), {
      kind: plan.kind,
      roles: plan.columns.map((c) => c.role),
    });
  if (later.size)
    options.deferDuplicates?.(async (signal) => {
      const found: [LoadReport, number][] = [];
      for (const i of later) {
        const plan = plans[i];
        const where = `source_file = ${sqlString(plan.file.name)}`;
        const [dup] = await db.rows<{ n: number }>(duplicatesSql(plan.kind, plan.kind, where), { signal });
        found.push([reports[i], dup.n]);
      }
      // All or nothing: a cancelled count leaves the reports as they were, to be run again.
      for (const [report, n] of found)
        if (n > 0) report.notes.push({ key: 'note.duplicate_rows', params: { n } });
    });
  return reports;
}

function sqlTypeOf(type: string): string {
  return type === 'number' ? 'DOUBLE' : type === 'text' ? 'VARCHAR' : 'DATE';
}

/** Columns of a stage table that only the load itself needs (dropped before the swap). */
const HELPER_COLUMNS = ['_line', '_summary', '_reject', '_nul', '_raw', '_file'];

/**
 * Turn a stage into the canonical table: remove summary and rejected rows, then the helper
 * columns. Both are cheap in DuckDB (deletion marks, metadata), unlike the copy into a second
 * table this replaces (≈ 1 s at 1 M rows).
 */
async function finishStage(db: Engine, kind: TableKind): Promise<void> {
  await db.exec(`DELETE FROM ${stage(kind)} WHERE _summary OR _reject IS NOT NULL`);
  for (const c of HELPER_COLUMNS) await db.exec(`ALTER TABLE ${stage(kind)} DROP COLUMN ${c}`);
}

/** Where the raw rows come from: a SQL relation with `_rec`, optionally `_line`, and c0…cN. */
export interface RawSource {
  relation: string;
  /** The same rows for a separate query (the CSV reader needs new reject-table names per scan). */
  freshRelation: () => string;
  /** Physical line / row of each record: from a `_line` column, or found by scanning the text. */
  lines: 'column' | 'scan';
  /** DuckDB's own reject table for the CSV reader (too many fields…), if any. */
  rejectsTable: string | null;
  /**
   * Streamed sources: the relations of successive batches (each valid until the next is asked
   * for), loaded one by one instead of `relation`.
   */
  batches?: () => AsyncIterable<string>;
  /** Bytes DuckDB read, for the line scan. */
  chunks: () => AsyncIterable<Uint8Array>;
  cleanup: () => Promise<void>;
  /** Mixed-encoding files: the lines read in the fallback encoding (known once the text was rewritten). */
  mixed?: MixedStats;
  /**
   * Whether the bytes DuckDB reads contain a NUL byte (false: the per-cell NUL cleaning and
   * counting is left out of the load); undefined when not scanned (the SQL checks every cell).
   */
  nul?: boolean;
  /** Resolves when the whole file was found intact; rejects with an IngestError when it is cut off. */
  verify?: () => Promise<void>;
}

/**
 * Inflate a gzip file to its end in JS (native DecompressionStream, in parallel with DuckDB's own
 * read in the browser): DuckDB's gzip reader stops quietly at a cut-off end, which would load part
 * of the file without a word. Settles with the error, never rejects unobserved.
 */
function gzipCheck(file: FilePlan['file']): () => Promise<void> {
  const done = (async () => {
    for await (const chunk of contentChunks(file, true)) void chunk;
  })().then(
    () => null,
    (err: unknown) => err,
  );
  return async () => {
    const err = await done;
    if (err) throw err;
  };
}

async function csvSource(db: Engine, plan: FilePlan, options: LoadOptions): Promise<RawSource> {
  const id = uid();
  // Text DuckDB cannot read as it is (another encoding, mixed line endings) is rewritten as
  // UTF-8 with LF line ends, streamed.
  const transcode = !isUtf8(plan.encoding) || plan.normaliseNewlines || !!plan.fallbackEncoding;
  let name = `in_${id}.csv${plan.gzip && !transcode ? '.gz' : ''}`;
  let source = plan.file.source;
  const mixed: MixedStats = { fallbackLines: 0, firstLines: [] };
  if (transcode) {
    options.onProgress?.({ file: plan.file.name, phase: 'transcoding' });
    const content = contentChunks(plan.file, plan.gzip);
    const utf8 = plan.fallbackEncoding
      ? transcodeMixed(content, plan.fallbackEncoding, mixed)
      : transcodeToUtf8(content, plan.encoding);
    source = await collectSource(
      plan.normaliseNewlines ? normaliseNewlines(utf8) : utf8,
      engineTraits(db).textInBlobs,
    );
    name = `in_${id}.csv`;
  }
  await db.registerFile(name, source);
  // One pass of indexOf(0) over the bytes (≈ 0.1 s for 75 MB) spares a contains() on every cell
  // of every row (≈ 0.7 s at 1 M rows × 13 columns) when, as nearly always, there is no NUL.
  // gzip files are left to the SQL check (their bytes exist only inflated, inside DuckDB), and so
  // are files on a web server (read by range requests: scanning would download them twice).
  const nul =
    (plan.gzip && !transcode) || source.kind === 'url' ? undefined : await hasNulByte(sourceChunks(source));
  const rejectsTable = `rej_${id}`;
  const created: string[] = [];
  const cols = plan.columns.map((c) => `${sqlString(`c${c.index}`)}: 'VARCHAR'`).join(', ');
  const reader = (suffix: string) => {
    created.push(`${rejectsTable}${suffix}`, `scan_${id}${suffix}`);
    return `read_csv(${sqlString(name)}, header = false, skip = ${plan.headerLine + 1}, delim = ${sqlString(plan.delimiter)},
      quote = '"', escape = '"', auto_detect = false, columns = {${cols}}, null_padding = true, parallel = false,
      max_line_size = 16777216, ${plan.gzip && !transcode ? "compression = 'gzip'," : ''}
      store_rejects = true, rejects_table = '${rejectsTable}${suffix}', rejects_scan = 'scan_${id}${suffix}')`;
  };
  let fresh = 0;
  // Records are numbered by a sequence as the single-threaded reader (parallel = false) produces
  // them, in file order; row_number() OVER () would buffer the whole file before the first row
  // moves on (slower, and the peak memory of a second copy).
  const seq = `seq_${id}`;
  await db.exec(`CREATE TEMP SEQUENCE ${seq}`);
  return {
    relation: `(SELECT nextval('${seq}') AS _rec, * FROM ${reader('')})`,
    freshRelation: () => `(SELECT * FROM ${reader(`_${++fresh}`)})`,
    lines: 'scan',
    rejectsTable,
    chunks: () => (transcode ? sourceChunks(source) : contentChunks(plan.file, plan.gzip)),
    mixed: plan.fallbackEncoding ? mixed : undefined,
    nul,
    verify: plan.gzip && !transcode ? gzipCheck(plan.file) : undefined,
    cleanup: async () => {
      for (const t of created) await db.exec(`DROP TABLE IF EXISTS ${t}`);
      await db.exec(`DROP SEQUENCE IF EXISTS ${seq}`);
      await db.dropFile(name);
    },
  };
}

async function xlsxSource(db: Engine, plan: FilePlan): Promise<RawSource> {
  const sheet = chooseSheet(await readWorkbook(plan.file), plan.sheet ?? undefined);
  const rows: [string[], number][] = [];
  sheet.rows.forEach((r, i) => {
    if (i > plan.headerLine && r.some((c) => c.trim() !== '')) rows.push([r, i + 1]);
  });
  const table = `raw_${uid()}`;
  const cols: Record<string, Vector> = {
    _rec: float64Column(rows.map((_, i) => i + 1)),
    _line: float64Column(rows.map(([, line]) => line)),
  };
  for (const c of plan.columns) cols[`c${c.index}`] = utf8Column(rows.map(([r]) => r[c.index] ?? null));
  await db.insertArrow(table, new Table(cols), { create: true });
  return {
    relation: table,
    freshRelation: () => table,
    lines: 'column',
    rejectsTable: null,
    chunks: async function* () {},
    cleanup: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

async function parquetSource(db: Engine, plan: FilePlan, options: LoadOptions): Promise<RawSource> {
  const table = `raw_${uid()}`;
  const progress = (done: number, total: number) =>
    options.onProgress?.({ file: plan.file.name, phase: 'reading', done, total });
  // Streamed: each row group is typed and checked on its own, straight into the stage, so the
  // file never sits in DuckDB twice (raw and typed). Text dates whose day/month order must be
  // decided from the whole column need the whole raw table first.
  if (!plan.columns.some((c) => c.role && c.dateFormat && dayMonthSeparator(c.dateFormat)))
    return {
      relation: '',
      freshRelation: () => '',
      lines: 'column',
      rejectsTable: null,
      chunks: async function* () {},
      cleanup: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
      batches: async function* () {
        for await (const group of datasetRowGroups(plan.file, progress)) {
          await db.insertArrow(table, group, { create: true });
          yield `(SELECT *, _rec AS _line FROM ${table})`;
          await db.exec(`DROP TABLE IF EXISTS ${table}`);
        }
      },
    };
  let first = true;
  for await (const group of datasetRowGroups(plan.file, progress)) {
    await db.insertArrow(table, group, { create: first });
    first = false;
  }
  if (first) await db.exec(`CREATE TEMP TABLE ${table} AS SELECT 1.0 AS _rec WHERE FALSE`);
  return {
    relation: `(SELECT *, _rec AS _line FROM ${table})`,
    freshRelation: () => table,
    lines: 'column',
    rejectsTable: null,
    chunks: async function* () {},
    cleanup: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

/** Raw cell of a column as text. */
function raw(c: ColumnPlan): string {
  const col = sqlIdent(`c${c.index}`);
  return c.sourceType === 'text' ? col : `CAST(${col} AS VARCHAR)`;
}

/** The cleaned value of a column for a role of a given type. */
function cleanExpr(c: ColumnPlan, type: string, role: string): string {
  const col = sqlIdent(`c${c.index}`);
  if (c.sourceType === 'number') {
    if (type === 'number') return `CAST(${col} AS DOUBLE)`;
    if (type === 'date') return dateSql(`CAST(${col} AS VARCHAR)`, 'excel');
    return textSql(`CAST(${col} AS VARCHAR)`, true);
  }
  if (c.sourceType === 'date') {
    if (type === 'date') return `CAST(${col} AS DATE)`;
    if (type === 'month') return `CAST(date_trunc('month', ${col}) AS DATE)`;
    return `strftime(${col}, '%Y-%m-%d')`;
  }
  if (c.sourceType === 'bool') return type === 'text' ? `CAST(${col} AS VARCHAR)` : 'NULL';
  if (type === 'number') return numberSql(col, c.numberStyle);
  if (type === 'date') return c.dateFormat ? dateSql(col, c.dateFormat) : 'NULL::DATE';
  if (type === 'month') return monthSql(col, c.dateFormat);
  return textSql(col, ID_ROLES.has(role) && c.profile.floatIds);
}

/** Decide day/month order for template date columns from the whole column (one aggregate query). */
async function decideDateOrders(
  db: Engine,
  plan: FilePlan,
  relation: string,
  report: LoadReport,
): Promise<ColumnPlan[]> {
  const open = plan.columns.filter((c) => c.role && c.dateFormat && dayMonthSeparator(c.dateFormat));
  if (!open.length) return plan.columns;
  const parts = open.map((c) => {
    const sep = sqlString(dayMonthSeparator(c.dateFormat!)!);
    const col = `trim(${sqlIdent(`c${c.index}`)})`;
    return `max(TRY_CAST(split_part(${col}, ${sep}, 1) AS INTEGER)) AS "a${c.index}", max(TRY_CAST(split_part(${col}, ${sep}, 2) AS INTEGER)) AS "b${c.index}"`;
  });
  const [r] = await db.rows<Record<string, number | null>>(`SELECT ${parts.join(', ')} FROM ${relation}`);
  return plan.columns.map((c) => {
    if (!open.includes(c)) return c;
    const a = r[`a${c.index}`] ?? 0;
    const b = r[`b${c.index}`] ?? 0;
    const dayFirst = a > 12 ? true : b > 12 ? false : null;
    report.notes.push({
      key:
        dayFirst === null
          ? 'note.date_order_assumed'
          : dayFirst
            ? 'note.date_day_first'
            : 'note.date_month_first',
      params: { column: c.header },
    });
    return { ...c, dateFormat: resolveDayMonth(c.dateFormat!, dayFirst ?? true) };
  });
}

/**
 * Load one file into its kind's stage table: typed rows with the helper columns of typedSelect,
 * tagged with the file's index. The first file of a kind creates the stage, later ones append.
 */
async function loadOne(
  db: Engine,
  plan: FilePlan,
  target: { index: number; create: string | null; later: boolean },
  options: LoadOptions,
): Promise<LoadReport> {
  options.onProgress?.({ file: plan.file.name, phase: 'reading' });
  const report: LoadReport = {
    file: plan.file.name,
    kind: plan.kind,
    format: plan.format,
    encoding: plan.format === 'csv' ? plan.encoding : plan.format,
    delimiter: plan.delimiter,
    headers: plan.columns.map((c) => c.header),
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    summaryRows: 0,
    rejects: [],
    rejectReasons: {},
    totals: [],
    notes: [],
  };
  if (plan.duplicateHeaders.length)
    report.notes.push({
      key: 'note.duplicate_headers',
      params: { columns: plan.duplicateHeaders.join(', ') },
    });
  if (plan.format === 'csv' && !isUtf8(plan.encoding))
    report.notes.push({ key: 'note.transcoded', params: { encoding: plan.encoding } });
  if (plan.normaliseNewlines) report.notes.push({ key: 'note.mixed_newlines', params: {} });
  const src =
    plan.format === 'csv'
      ? await csvSource(db, plan, options)
      : plan.format === 'xlsx'
        ? await xlsxSource(db, plan)
        : ((await nativeParquetSource(db, plan)) ?? (await parquetSource(db, plan, options)));
  if (src.mixed?.fallbackLines)
    report.notes.push({
      key: 'note.mixed_encoding',
      params: {
        encoding: plan.fallbackEncoding!,
        n: src.mixed.fallbackLines,
        lines:
          src.mixed.firstLines.join(', ') +
          (src.mixed.fallbackLines > src.mixed.firstLines.length ? ', …' : ''),
      },
    });
  if (plan.truncated) report.notes.push({ key: 'note.truncated', params: {} });
  const typed = `(SELECT * FROM ${stage(plan.kind)} WHERE _file = ${target.index})`;
  try {
    const columns = await decideDateOrders(db, plan, src.freshRelation(), report);
    for (const c of columns)
      if (
        c.role &&
        c.sourceType === 'text' &&
        c.dateFormat &&
        CANONICAL[plan.kind].find((x) => x.role === c.role)?.type === 'date'
      )
        report.notes.push({
          key: 'note.date_format',
          params: { column: c.header, format: humanDateFormat(c.dateFormat) },
        });
    // Straight into the stage, in record order (DuckDB preserves insertion order).
    let create = target.create;
    let batches = 0;
    // Survey answers: every question's scale from the whole file first (streamed files: the proposal's).
    const cleaners = { clean: cleanExpr, raw };
    const scales =
      plan.kind === 'survey'
        ? await decideScales(
            db,
            plan,
            src.batches ? null : longAnswersSql({ ...plan, columns }, src.freshRelation(), 'none', cleaners),
            report,
          )
        : null;
    for await (const relation of src.batches?.() ?? [src.relation]) {
      const select = scales
        ? surveySelect(
            plan,
            longAnswersSql({ ...plan, columns }, relation, src.lines, cleaners),
            scales,
            target.index,
          )
        : typedSelect({ ...plan, columns }, { ...src, relation }, target.index);
      await db.exec(
        create ? `CREATE TABLE ${create} AS ${select}` : `INSERT INTO ${stage(plan.kind)} ${select}`,
      );
      create = null;
      batches++;
    }
    if (!batches) throw new IngestError('header_only', { file: plan.file.name });
    // A cut-off gzip fails here; the stage is discarded with the whole load.
    await src.verify?.();
    options.onProgress?.({ file: plan.file.name, phase: 'checking' });
    await summarise(db, plan, typed, src, report, options, target.later);
    return report;
  } finally {
    await src.cleanup();
  }
}

/**
 * The SELECT that types and checks every raw row. Inner level: raw cells c0…cN next to the
 * canonical columns and the summary flag; middle: the reject reason (from the typed values, and
 * the raw cell to tell "missing" from "not understood"); outer: the raw row text kept only for
 * rejected rows (for the rejects download), the raw cells dropped.
 */
function typedSelect(plan: FilePlan, src: RawSource, file: number): string {
  const spec = CANONICAL[plan.kind];
  const byRole = new Map(plan.columns.filter((c) => c.role).map((c) => [c.role!, c]));
  const exprs: Record<string, string> = {};
  for (const c of spec) {
    const col = byRole.get(c.role);
    exprs[c.role] = col ? cleanExpr(col, c.type, c.role) : 'NULL';
  }
  if (plan.kind === 'sales') deriveSales(exprs);
  const rawOf = (role: string) => (byRole.has(role) ? raw(byRole.get(role)!) : 'NULL');
  if (plan.kind === 'survey_items') deriveSurveyItems(exprs, rawOf);
  const checks = requiredChecks(plan.kind, rawOf);
  const reject = `CASE ${checks.map(([reason, test]) => `WHEN ${test} THEN ${reason}`).join(' ')} END`;
  // A summary row names itself in one of its first cells or in a text column.
  const summaryCols = plan.columns.filter(
    (c, i) =>
      c.sourceType === 'text' && (i < 3 || (c.role && spec.find((s) => s.role === c.role)?.type === 'text')),
  );
  const summary = summaryCols.length ? summaryCols.map((c) => summarySql(raw(c))).join(' OR ') : 'FALSE';
  const rawCols = plan.columns.map((c) => sqlIdent(`c${c.index}`)).join(', ');
  const rawRow = `concat_ws(chr(31), ${plan.columns.map((c) => `coalesce(${raw(c)}, '')`).join(', ')})`;
  // NUL bytes (padded or half-binary exports) are removed from the mapped text cells, and the rows
  // that had them are counted for the report. Only cells that contain one are copied (a replace()
  // on every cell cost ~0.5 s at 1 M rows).
  const nulCols = plan.columns
    .filter((c) => c.role && c.sourceType === 'text')
    .map((c) => sqlIdent(`c${c.index}`));
  const relation =
    nulCols.length && src.nul !== false
      ? `(SELECT * REPLACE (${nulCols.map((c) => `CASE WHEN contains(${c}, chr(0)) THEN replace(${c}, chr(0), '') ELSE ${c} END AS ${c}`).join(', ')}),
        coalesce(${nulCols.map((c) => `contains(${c}, chr(0))`).join(' OR ')}, FALSE) AS _nul FROM ${src.relation})`
      : `(SELECT *, FALSE AS _nul FROM ${src.relation})`;
  // 1e309, NaN, Infinity: never let a non-finite number into the tables (it would poison every sum).
  const numeric = spec.filter((c) => c.type === 'number').map((c) => c.role);
  // Column order: the canonical table's, then HELPER_COLUMNS (the stage is the final table).
  return `SELECT ${spec.map((c) => `CAST(${c.role} AS ${sqlTypeOf(c.type)}) AS ${c.role}`).join(', ')},
       ${sqlString(plan.file.name)} AS source_file, CAST(_rec AS BIGINT) AS source_row,
       CAST(_line AS DOUBLE) AS _line, _summary, _reject, _nul,
       CASE WHEN NOT _summary AND _reject IS NOT NULL THEN ${rawRow} END AS _raw, ${file} AS _file
FROM (
  SELECT *, ${reject} AS _reject
  FROM (
    SELECT * ${numeric.length ? `REPLACE (${numeric.map((r) => `CASE WHEN isfinite(${r}::DOUBLE) THEN ${r} END AS ${r}`).join(', ')})` : ''}
    FROM (
      SELECT _rec, ${src.lines === 'column' ? '_line' : 'NULL::DOUBLE AS _line'}, ${rawCols}, _nul,
             ${spec.map((c) => `${exprs[c.role]} AS ${c.role}`).join(',\n             ')},
             coalesce(${summary}, FALSE) AS _summary
      FROM ${relation}
    )
  )
)`;
}

/** analytics.md §1 derivations, as SQL over the cleaned expressions. */
function deriveSales(e: Record<string, string>): void {
  if (e.customer_id === 'NULL') e.customer_id = e.customer_name;
  if (e.revenue === 'NULL') e.revenue = `((${e.quantity}) * (${e.unit_price}))`;
  if (e.cost === 'NULL' && e.unit_cost !== 'NULL') e.cost = `((${e.unit_cost}) * (${e.quantity}))`;
  else if (e.cost === 'NULL' && e.gross_profit !== 'NULL') e.cost = `((${e.revenue}) - (${e.gross_profit}))`;
  if (e.gross_profit === 'NULL' && e.cost !== 'NULL') e.gross_profit = `((${e.revenue}) - (${e.cost}))`;
}

/** Row checks per kind: [reason SQL, test SQL true when the row must be rejected], on typed columns. */
function requiredChecks(kind: TableKind, rawOf: (role: string) => string): [string, string][] {
  // "-", "N/A" and friends mean "no value": a missing amount, not one we failed to read.
  const empty = (r: string) => `(${r} IS NULL OR ${nullWordSql(`lower(trim(${r}))`)})`;
  const reason = (what: string, r: string) =>
    `CASE WHEN ${empty(r)} THEN 'missing_${what}' ELSE 'bad_${what}' END`;
  // Specific reasons: a well-formed date that is not on the calendar (2024-02-30), an amount that
  // is not a finite number (1e309, NaN).
  const dateReason = (r: string) =>
    `CASE WHEN ${empty(r)} THEN 'missing_date' WHEN ${impossibleDateSql(r)} THEN 'impossible_date' ELSE 'bad_date' END`;
  const amountReason = (r: string) =>
    `CASE WHEN ${empty(r)} THEN 'missing_amount' WHEN NOT isfinite(TRY_CAST(trim(${r}) AS DOUBLE)) THEN 'nonfinite_amount' ELSE 'bad_amount' END`;
  const amountRaw =
    rawOf('revenue') !== 'NULL'
      ? rawOf('revenue')
      : `coalesce(nullif(trim(${rawOf('quantity')}), ''), nullif(trim(${rawOf('unit_price')}), ''))`;
  switch (kind) {
    case 'sales':
      // A sale without a customer (walk-in, guest web order) is kept (analytics.md §1): it counts
      // in company totals, products and regions, and per-customer analyses leave it out.
      return [
        [dateReason(rawOf('order_date')), 'order_date IS NULL'],
        [amountReason(amountRaw), 'revenue IS NULL'],
      ];
    case 'plan':
      return [
        [reason('month', rawOf('period')), 'period IS NULL'],
        ["'missing_customer'", 'customer_id IS NULL'],
      ];
    case 'inventory':
      return [
        [reason('month', rawOf('period')), 'period IS NULL'],
        ["'missing_product'", 'product_id IS NULL'],
      ];
    case 'receivables':
      return [
        ["'missing_customer'", 'customer_id IS NULL'],
        [dateReason(rawOf('as_of_date')), 'as_of_date IS NULL'],
      ];
    case 'customers':
      return [["'missing_customer'", 'customer_id IS NULL']];
    case 'survey_items':
      return [
        ["'missing_item'", 'item IS NULL'],
        ["'bad_answer'", 'importance < 0'],
      ];
    case 'survey':
      // Checked per answer by surveySelect (survey-load.ts).
      return [];
  }
}

/** Rates and per-unit figures: the load report shows their mean, not their sum (ColumnTotal.mean). */
const MEAN_ROLES = new Set(['discount', 'unit_price', 'unit_cost', 'days_overdue']);

/** Counts, totals, reject reasons and the first rejected rows with their lines. */
async function summarise(
  db: Engine,
  plan: FilePlan,
  typed: string,
  src: RawSource,
  report: LoadReport,
  options: LoadOptions,
  duplicatesLater: boolean,
): Promise<void> {
  const spec = CANONICAL[plan.kind];
  const numeric = spec.filter((c) => c.type === 'number').map((c) => c.role);
  const [counts] = await db.rows<Record<string, number>>(`SELECT count(*) AS read,
      count(*) FILTER (WHERE _summary) AS summary,
      count(*) FILTER (WHERE NOT _summary AND _reject IS NOT NULL) AS rejected,
      count(*) FILTER (WHERE _nul) AS nul,
      ${
        plan.kind === 'sales'
          ? `count(*) FILTER (WHERE NOT _summary AND _reject IS NULL) AS ok_rows,
      count(cost) FILTER (WHERE NOT _summary AND _reject IS NULL) AS with_cost,
      count(*) FILTER (WHERE NOT _summary AND _reject IS NULL AND customer_id IS NULL) AS no_customer,
      sum(revenue) FILTER (WHERE NOT _summary AND _reject IS NULL AND customer_id IS NULL) AS no_customer_revenue,
      count(*) FILTER (WHERE NOT _summary AND _reject IS NULL AND (revenue < 0 OR quantity < 0)) AS returns,
      count(DISTINCT order_id) FILTER (WHERE NOT _summary AND _reject IS NULL AND (revenue < 0 OR quantity < 0)) AS return_orders,
      sum(revenue) FILTER (WHERE NOT _summary AND _reject IS NULL AND (revenue < 0 OR quantity < 0)) AS returns_revenue,`
          : ''
      }
      ${numeric.map((r) => `sum(${r}) AS "read_${r}", sum(${r}) FILTER (WHERE NOT _summary AND _reject IS NULL) AS "loaded_${r}"`).join(', ')}
      ${numeric
        .filter((r) => MEAN_ROLES.has(r))
        .map(
          (r) =>
            `, avg(${r}) AS "mean_read_${r}", avg(${r}) FILTER (WHERE NOT _summary AND _reject IS NULL) AS "mean_loaded_${r}"`,
        )
        .join('')}
    FROM ${typed}`);
  const reasons = await db.rows<{ reason: string; n: number }>(
    `SELECT _reject AS reason, count(*) AS n FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL GROUP BY ALL ORDER BY n DESC, reason`,
  );
  const sample = await db.rows<{ _rec: number; _line: number | null; _reject: string; _raw: string }>(
    plan.kind === 'survey'
      ? surveyRejectSampleSql(typed, MAX_REJECTS)
      : `SELECT source_row AS _rec, _line, _reject, _raw FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL ORDER BY source_row LIMIT ${MAX_REJECTS}`,
  );
  let duck: { line: number; error_type: string; csv_line: string }[] = [];
  if (src.rejectsTable) {
    const exists = await db.rows(
      `SELECT 1 FROM duckdb_tables() WHERE table_name = ${sqlString(src.rejectsTable)}`,
    );
    if (exists.length)
      // DuckDB records one error per extra field: one row per line is what was rejected.
      duck = await db.rows(
        `SELECT line, min(error_type) AS error_type, min(csv_line) AS csv_line FROM ${src.rejectsTable} GROUP BY line ORDER BY line`,
      );
  }
  let lineOf = (r: { _rec: number; _line: number | null }) => r._line ?? r._rec;
  if (src.lines === 'scan' && sample.length) {
    options.onProgress?.({ file: plan.file.name, phase: 'locating' });
    const map = await recordLines(src.chunks(), {
      headerLine: plan.headerLine,
      wanted: sample.map((s) => s._rec),
      skipLines: new Set(duck.map((d) => d.line)),
    });
    lineOf = (r) => map.get(r._rec) ?? r._rec + plan.headerLine + 1;
  }
  const rejects: RejectedRow[] = sample.map((s) => ({
    line: lineOf(s),
    reason: s._reject,
    cells: s._raw.split('\u001f'),
  }));
  for (const d of duck) {
    const reason = /TOO MANY COLUMNS/i.test(d.error_type) ? 'too_many_columns' : 'unreadable_row';
    rejects.push({
      line: d.line,
      reason,
      cells: Papa.parse<string[]>(d.csv_line ?? '', { delimiter: plan.delimiter }).data[0] ?? [],
    });
  }
  rejects.sort((a, b) => a.line - b.line);
  if (counts.nul) report.notes.push({ key: 'note.nul_bytes', params: { n: counts.nul } });
  // Cost on some rows only: gross profit and margins then cover only those rows (the analyses
  // treat cost as known for the dataset), so the report says how many rows lack it.
  if (counts.with_cost > 0 && counts.with_cost < counts.ok_rows)
    report.notes.push({
      key: 'note.partial_cost',
      params: { n: counts.ok_rows - counts.with_cost, total: counts.ok_rows },
    });
  // Kept but easy to misread: sales without a customer (in totals, not in per-customer analyses)
  // and returns/cancellations (netted into every sum, analytics.md §0–§1).
  if (counts.no_customer > 0)
    report.notes.push({
      key: 'note.no_customer',
      params: { n: counts.no_customer, total: counts.ok_rows, amount: counts.no_customer_revenue ?? 0 },
    });
  if (counts.returns > 0)
    report.notes.push({
      key: counts.return_orders > 0 ? 'note.returns_orders' : 'note.returns',
      params: { n: counts.returns, orders: counts.return_orders, amount: counts.returns_revenue ?? 0 },
    });
  // Exact copies of a loaded row (same values in every canonical column) are kept: repeat orders
  // exist, but a file pasted twice also looks like this, so the report says how many.
  if (!duplicatesLater && plan.kind !== 'survey') {
    const [dup] = await db.rows<{ n: number }>(
      duplicatesSql(plan.kind, typed, 'NOT _summary AND _reject IS NULL'),
    );
    if (dup.n > 0) report.notes.push({ key: 'note.duplicate_rows', params: { n: dup.n } });
  }
  report.rowsRead = counts.read + duck.length;
  report.summaryRows = counts.summary;
  report.rowsRejected = counts.rejected + duck.length;
  report.rowsLoaded = counts.read - counts.summary - counts.rejected;
  report.rejects = rejects.slice(0, MAX_REJECTS);
  report.rejectReasons = Object.fromEntries(reasons.map((r) => [r.reason, r.n]));
  for (const d of duck) {
    const k = /TOO MANY COLUMNS/i.test(d.error_type) ? 'too_many_columns' : 'unreadable_row';
    report.rejectReasons[k] = (report.rejectReasons[k] ?? 0) + 1;
  }
  const mapped = new Set(plan.columns.flatMap((c) => (c.role ? [c.role] : [])));
  // Rows DuckDB refused never reached the typed table; their amounts still count as read.
  const duckRead: Record<string, number> = {};
  for (const d of duck) {
    const cells = Papa.parse<string[]>(d.csv_line ?? '', { delimiter: plan.delimiter }).data[0] ?? [];
    for (const c of plan.columns)
      if (c.role && numeric.includes(c.role))
        duckRead[c.role] = (duckRead[c.role] ?? 0) + (parseNumber(cells[c.index] ?? '', c.numberStyle) ?? 0);
  }
  report.totals = numeric
    .filter(
      (r) =>
        counts[`read_${r}`] !== null &&
        (mapped.has(r) || r === 'revenue' || r === 'cost' || r === 'gross_profit'),
    )
    .map((role) => ({
      role,
      read: (counts[`read_${role}`] ?? 0) + (duckRead[role] ?? 0),
      loaded: counts[`loaded_${role}`] ?? 0,
      // Over the rows that reached the typed table (rows DuckDB refused have no typed value).
      ...(MEAN_ROLES.has(role)
        ? {
            mean: {
              read: counts[`mean_read_${role}`] ?? null,
              loaded: counts[`mean_loaded_${role}`] ?? null,
            },
          }
        : {}),
    }));
  // A survey's stage holds answers: its report counts responses and answers instead.
  if (plan.kind === 'survey')
    await summariseSurvey(db, plan, typed, report, duck.length, (r) =>
      src.lines === 'scan' && !sample.length ? r._rec + plan.headerLine + 1 : lineOf(r),
    );
}
