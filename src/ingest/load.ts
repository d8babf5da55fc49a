/**
 * Load confirmed plans into the canonical tables: each file through its reader (csv-source.ts,
 * xlsx-source.ts, parquet-source.ts, native-parquet.ts) and the one typing SELECT
 * (typed-select.ts) into its kind's stage table, its report filled in from the stage
 * (load-report.ts), and the stages swapped in only when every file loaded.
 */
import { sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { checkCapacity, packs } from './capacity';
import { CANONICAL, missingRoles, type TableKind } from './canonical';
import { csvSource } from './csv-source';
import { duplicatesSql, newReport, reportFromStage } from './load-report';
import { headerSignature, rememberedMapping, type MappingStore } from './mapping-memory';
import { nativeParquetSource } from './native-parquet';
import { parquetSource } from './parquet-source';
import type { LoadProgress, RawSource } from './raw-source';
import { decideScales, longAnswersSql, questionsWithoutDimension, surveySelect } from './survey-load';
import { cleanExpr, dateOrderSql, HELPER_COLUMNS, raw, typedSelect, withDateOrders } from './typed-select';
import { IngestError, type ColumnPlan, type FilePlan, type LoadReport } from './types';
import { humanDateFormat } from './values';
import { xlsxSource } from './xlsx-source';

export { inspectFile, applyMapping } from './plan';
export type { LoadProgress, RawSource } from './raw-source';

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
    options.mappings?.set(headerSignature(plan.columns.map((c) => c.header)), rememberedMapping(plan));
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

/**
 * Turn a stage into the canonical table: remove summary and rejected rows, then the helper
 * columns. Both are cheap in DuckDB (deletion marks, metadata), unlike the copy into a second
 * table this replaces (≈ 1 s at 1 M rows).
 */
async function finishStage(db: Engine, kind: TableKind): Promise<void> {
  await db.exec(`DELETE FROM ${stage(kind)} WHERE _summary OR _reject IS NOT NULL`);
  for (const c of HELPER_COLUMNS) await db.exec(`ALTER TABLE ${stage(kind)} DROP COLUMN ${c}`);
}

/**
 * Whether a read with typed columns must be done again as text: DuckDB's reader refused a line
 * (a cell it could not type is one; the text read reports each line as before), or a row of
 * the file was rejected (its cells are reported as written).
 */
async function typedReadFailed(db: Engine, src: RawSource, typed: string): Promise<boolean> {
  if (src.rejectsTable) {
    const [t] = await db.rows<{ n: number }>(
      `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${sqlString(src.rejectsTable)}`,
    );
    if (t.n > 0) {
      const [r] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${src.rejectsTable}`);
      if (r.n > 0) return true;
    }
  }
  const [r] = await db.rows<{ n: number }>(
    `SELECT count(*) AS n FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL`,
  );
  return r.n > 0;
}

/** Decide day/month order for template date columns from the whole column (one aggregate query). */
async function decideDateOrders(
  db: Engine,
  plan: FilePlan,
  relation: string,
  report: LoadReport,
): Promise<ColumnPlan[]> {
  const sql = dateOrderSql(plan.columns, relation);
  if (!sql) return plan.columns;
  const [r] = await db.rows<Record<string, number | null>>(sql);
  const { columns, notes } = withDateOrders(plan.columns, r);
  report.notes.push(...notes);
  return columns;
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
  const report = newReport(plan);
  const src =
    plan.format === 'csv'
      ? await csvSource(db, plan, options.onProgress)
      : plan.format === 'xlsx'
        ? await xlsxSource(db, plan)
        : ((await nativeParquetSource(db, plan)) ?? (await parquetSource(db, plan, options.onProgress)));
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
    // A text still being sniffed is typed as a clean one (no trim, no summary test, no NUL
    // cleaning) meanwhile; columns the reader typed itself are checked after. Either may send
    // the rows through a second read below.
    const clean = src.sniffBeside
      ? { nul: false, edgeSpace: new Set<number>(), summaryWord: new Set<number>() }
      : {};
    const checked = !!src.sniffBeside || !!src.typed;
    let first: { select: string; error: unknown } | null = null;
    for await (const relation of src.batches?.() ?? [src.relation]) {
      const select = scales
        ? surveySelect(
            plan,
            longAnswersSql({ ...plan, columns }, relation, src.lines, cleaners),
            scales,
            target.index,
          )
        : typedSelect({ ...plan, columns }, { ...src, ...clean, relation }, target.index);
      const run = db.exec(
        create ? `CREATE TABLE ${create} AS ${select}` : `INSERT INTO ${stage(plan.kind)} ${select}`,
      );
      // The pass over the bytes starts once the statement is on its way to DuckDB's worker: the
      // microtasks that send it run before this timer, and DuckDB reads while the pass runs.
      if (src.sniffBeside) setTimeout(() => void src.sniffBeside!(), 0);
      if (checked)
        first = {
          select,
          error: await run.then(
            () => null,
            (err: unknown) => err ?? 'failed',
          ),
        };
      else await run;
      create = null;
      batches++;
    }
    if (checked && first) {
      const facts = src.sniffBeside ? await src.sniffBeside() : {};
      const again =
        !!first.error ||
        // The sniff found a column that needs a step the first read left out.
        (!!src.sniffBeside &&
          typedSelect({ ...plan, columns }, { ...src, ...facts }, target.index) !== first.select) ||
        // A cell the reader could not type (its row is in DuckDB's reject table), or a rejected
        // row, whose cells must be reported as written, not as the typed values print.
        (!!src.typed && (await typedReadFailed(db, src, typed)));
      if (again) {
        if (!first.error)
          await db.exec(
            target.create
              ? `DROP TABLE ${target.create}`
              : `DELETE FROM ${stage(plan.kind)} WHERE _file = ${target.index}`,
          );
        const relation = await src.rewind!();
        const select = typedSelect(
          { ...plan, columns },
          { ...src, ...facts, typed: undefined, relation },
          target.index,
        );
        await db.exec(
          target.create
            ? `CREATE TABLE ${target.create} AS ${select}`
            : `INSERT INTO ${stage(plan.kind)} ${select}`,
        );
      } else if (first.error) throw first.error;
    }
    if (!batches) throw new IngestError('header_only', { file: plan.file.name });
    // A cut-off gzip fails here; the stage is discarded with the whole load.
    await src.verify?.();
    options.onProgress?.({ file: plan.file.name, phase: 'checking' });
    await reportFromStage(db, plan, typed, src, report, options.onProgress, target.later);
    return report;
  } finally {
    await src.cleanup();
  }
}
