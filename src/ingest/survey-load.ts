/**
 * Loading a survey file (analytics.md §12): both forms become the one long `survey` table, one row
 * per answer. A wide export is turned long in SQL (UNPIVOT, skipped answers kept as NULL); every
 * answer is read as a Likert label or a number, each question gets its scale (the user's, else
 * the smallest usual scale holding every answer in the whole file), and an answer that cannot be
 * scored is set aside with its reason and line while the rest of its response loads.
 */
import { sqlIdent, sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { CANONICAL } from './canonical';
import {
  IMPORTANCE_WORDS,
  inferScale,
  itemDimensionSql,
  itemSql,
  labelKey,
  labelKeySql,
  LIKERT,
  SKIP_WORDS,
  type Scale,
} from './survey';
import type { SurveyPlan } from './survey-plan';
import type { ColumnPlan, FilePlan, LoadReport } from './types';
import { impossibleDateSql, nullWordSql, numberSql, summarySql } from './values';

/** How load.ts cleans a column for a role and reads its raw text (passed in to avoid an import cycle). */
export interface Cleaners {
  clean: (c: ColumnPlan, type: string, role: string) => string;
  raw: (c: ColumnPlan) => string;
}

/** Reasons that reject a whole response (every answer of it); the others set one answer aside. */
export const RESPONSE_REASONS = ['missing_customer', 'missing_date', 'bad_date', 'impossible_date'];

/** SQL: the value of an answer cell on its scale (a Likert label → 1–5), NULL when skipped or not understood. */
function answerValueSql(key: string): string {
  const labels = [...LIKERT].map(([l, v]) => `WHEN ${sqlString(l)} THEN ${v}`).join(' ');
  return `CASE ${key} ${labels} ELSE ${numberSql(`regexp_replace(${key}, '分$', '')`, 'dot')} END`;
}

/** SQL: whether the key of an answer cell means "skipped". */
function skippedSql(key: string): string {
  return `(${key} IS NULL OR list_contains([${SKIP_WORDS.map(sqlString).join(', ')}], ${key}))`;
}

/** SQL: whether the key is a Likert label. */
function labelSql(key: string): string {
  return `list_contains([${[...LIKERT.keys()].map(sqlString).join(', ')}], ${key})`;
}

/** A VALUES list as a relation (`(VALUES …) AS name(cols)`), or an empty one of the same shape. */
function values(name: string, cols: string[], rows: string[][], types: string[]): string {
  if (!rows.length)
    return `(SELECT ${cols.map((c, i) => `NULL::${types[i]} AS ${c}`).join(', ')} WHERE FALSE) AS ${name}`;
  return `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS ${name}(${cols.join(', ')})`;
}

const num = (v: number | null) => (v === null ? 'NULL::DOUBLE' : `${v}::DOUBLE`);
const str = (v: string | null) => (v === null ? 'NULL::VARCHAR' : sqlString(v));

/**
 * The survey's answers, long, before scoring: `_rec, _line, response_id, customer_id,
 * customer_name, survey_date, wave, item, dimension, importance, _answer_raw, _summary (a 合计
 * row), _importance (the importance row of a wide export), _rawrow, _date_raw`, one row per answer
 * (wide: per response and question column).
 */
export function longAnswersSql(
  plan: FilePlan,
  relation: string,
  lines: 'column' | 'scan' | 'none',
  c: Cleaners,
): string {
  const survey = plan.survey!;
  const byRole = new Map(plan.columns.filter((x) => x.role).map((x) => [x.role!, x]));
  const type = (role: string) => CANONICAL.survey.find((s) => s.role === role)?.type ?? 'text';
  const sqlType = (role: string) => ({ number: 'DOUBLE', date: 'DATE' })[type(role) as 'number'] ?? 'VARCHAR';
  const expr = (role: string) => {
    const col = byRole.get(role);
    return col ? c.clean(col, type(role), role) : `NULL::${sqlType(role)}`;
  };
  const rawOf = (role: string) => (byRole.has(role) ? c.raw(byRole.get(role)!) : 'NULL');
  // A summary row (合计) or the importance row names itself in its first cells or an identity cell.
  const marks = plan.columns.filter(
    (x) =>
      x.sourceType === 'text' &&
      (x.index < 3 || ['customer_id', 'customer_name', 'response_id'].includes(x.role ?? '')),
  );
  const importanceWords = (x: string) =>
    `list_contains([${IMPORTANCE_WORDS.map((w) => sqlString(labelKey(w))).join(', ')}], ${x})`;
  const any = (f: (x: ColumnPlan) => string) => (marks.length ? marks.map(f).join(' OR ') : 'FALSE');
  const summary = any((x) => summarySql(c.raw(x)));
  const importance = any((x) => importanceWords(labelKeySql(`trim(${c.raw(x)})`)));
  const rawRow = `concat_ws(chr(31), ${plan.columns.map((x) => `coalesce(${c.raw(x)}, '')`).join(', ')})`;
  // `none`: a second read of the file for the scale statistics, without record numbers.
  const rec =
    lines === 'none'
      ? '0 AS _rec, NULL::DOUBLE AS _line'
      : lines === 'column'
        ? '_rec, _line'
        : '_rec, NULL::DOUBLE AS _line';
  const identity = `${rec},
      ${expr('customer_id')} AS customer_id, ${expr('customer_name')} AS customer_name,
      ${expr('survey_date')} AS survey_date, ${expr('wave')} AS wave, ${rawOf('survey_date')} AS _date_raw,
      coalesce(${summary}, FALSE) AS _summary, coalesce(${importance}, FALSE) AS _importance, ${rawRow} AS _rawrow`;
  if (survey.form === 'long') {
    const item = rawOf('item');
    return `SELECT ${identity}, ${expr('response_id')} AS response_id,
      ${item === 'NULL' ? 'NULL' : itemSql(`trim(${item})`)} AS item,
      coalesce(${expr('dimension')}, ${item === 'NULL' ? 'NULL' : itemDimensionSql(item)}) AS dimension,
      ${expr('importance')} AS importance, ${rawOf('answer')} AS _answer_raw
    FROM ${relation}`;
  }
  const questions = survey.questions.filter((q) => q.column !== null);
  const qcols = questions.map((q) => sqlIdent(`q${q.column}`));
  const meta = values(
    'meta',
    ['_qcol', 'item', 'dimension', 'importance'],
    questions.map((q) => [sqlString(`q${q.column}`), sqlString(q.item), str(q.dimension), num(q.importance)]),
    ['VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE'],
  );
  const qcolExprs = questions.map((q) => {
    const col = plan.columns.find((x) => x.index === q.column)!;
    return `${c.raw(col)} AS ${sqlIdent(`q${q.column}`)}`;
  });
  // The response id is the tool's 序号 when mapped, else the row's number in the file.
  return `SELECT u._rec, u._line, u.customer_id, u.customer_name, u.survey_date, u.wave, u._date_raw,
      u._summary, u._importance, u._rawrow, coalesce(u._response_id, CAST(u._rec AS VARCHAR)) AS response_id,
      meta.item, meta.dimension, meta.importance, u._answer_raw
    FROM (
      SELECT * FROM (
        SELECT ${identity}, ${expr('response_id')} AS _response_id, ${qcolExprs.join(', ')} FROM ${relation}
      ) UNPIVOT INCLUDE NULLS (_answer_raw FOR _qcol IN (${qcols.join(', ')}))
    ) AS u JOIN ${meta} ON meta._qcol = u._qcol`;
}

/** Per question: numbers answered (min, max) and whether labels occur, over the whole file. */
export function answerStatsSql(long: string): string {
  const key = labelKeySql('trim(_answer_raw)');
  return `SELECT item, min(v) FILTER (WHERE NOT label) AS lo, max(v) FILTER (WHERE NOT label) AS hi,
      bool_or(label) AS labels
    FROM (SELECT item, ${answerValueSql(key)} AS v, ${labelSql(key)} AS label
          FROM (${long}) WHERE NOT _summary AND NOT _importance AND NOT ${skippedSql(key)} AND item IS NOT NULL)
    WHERE v IS NOT NULL
    GROUP BY item`;
}

/**
 * The scale of every question: the user's choice, else inferred from the whole file's answers
 * (§12). A question whose scale differs from the mapping screen's proposal gets a note.
 */
export async function decideScales(
  db: Engine,
  plan: FilePlan,
  long: string | null,
  report: LoadReport,
): Promise<Map<string, Scale | null>> {
  const survey = plan.survey!;
  const scales = new Map<string, Scale | null>();
  const fixed = new Map(
    survey.questions.filter((q) => q.scaleSource === 'user').map((q) => [q.item, q.scale]),
  );
  const stats = long
    ? await db.rows<{ item: string; lo: number | null; hi: number | null; labels: boolean }>(
        answerStatsSql(long),
      )
    : [];
  for (const s of stats) {
    if (fixed.has(s.item)) continue;
    const scale = inferScale({ min: s.lo, max: s.hi, labels: s.labels });
    scales.set(s.item, scale);
    const proposed = survey.questions.find((q) => q.item === s.item);
    if (
      proposed &&
      proposed.scale &&
      scale &&
      (proposed.scale[0] !== scale[0] || proposed.scale[1] !== scale[1])
    )
      report.notes.push({
        key: 'note.survey_scale_changed',
        params: { item: s.item, from: proposed.scale.join('–'), to: scale.join('–') },
      });
  }
  for (const [item, scale] of fixed) scales.set(item, scale);
  // Questions the statistics did not see (a streamed file) keep the proposal's scale.
  for (const q of survey.questions) if (!scales.has(q.item)) scales.set(q.item, q.scale);
  return scales;
}

/**
 * The SELECT that types, scores-to-be and checks every answer, in the stage's column order
 * (load.ts typedSelect's for other kinds): the canonical survey columns, the source columns and
 * the helper columns.
 */
export function surveySelect(
  plan: FilePlan,
  long: string,
  scales: Map<string, Scale | null>,
  file: number,
): string {
  const key = labelKeySql('trim(_answer_raw)');
  const scaleTable = values(
    'sc',
    ['item', 'scale_min', 'scale_max'],
    [...scales].map(([item, s]) => [sqlString(item), num(s ? s[0] : null), num(s ? s[1] : null)]),
    ['VARCHAR', 'DOUBLE', 'DOUBLE'],
  );
  const empty = (r: string) => `(${r} IS NULL OR ${nullWordSql(`lower(trim(${r}))`)})`;
  const dateReason = `CASE WHEN ${empty('_date_raw')} THEN 'missing_date' WHEN ${impossibleDateSql('_date_raw')} THEN 'impossible_date' ELSE 'bad_date' END`;
  const reject = `CASE
      WHEN customer_id IS NULL AND customer_name IS NULL THEN 'missing_customer'
      WHEN survey_date IS NULL AND wave IS NULL THEN ${dateReason}
      WHEN item IS NULL THEN 'missing_item'
      WHEN _skipped THEN NULL
      WHEN _value IS NULL THEN 'bad_answer'
      WHEN scale_min IS NULL THEN 'no_scale'
      WHEN _value < scale_min - 1e-9 OR _value > scale_max + 1e-9 THEN 'answer_outside_scale'
      WHEN importance < 0 OR NOT isfinite(importance) THEN 'bad_answer'
    END`;
  const sqlType = (t: string) => (t === 'number' ? 'DOUBLE' : t === 'date' ? 'DATE' : 'VARCHAR');
  const cols = CANONICAL.survey.map(
    (c) =>
      `CAST(${c.role === 'answer' ? 'CASE WHEN _reject IS NULL AND NOT _skipped THEN _value END' : c.role} AS ${sqlType(c.type)}) AS ${c.role}`,
  );
  return `SELECT ${cols.join(', ')},
       ${sqlString(plan.file.name)} AS source_file, CAST(_rec AS BIGINT) AS source_row,
       CAST(_line AS DOUBLE) AS _line, _summary OR _importance AS _summary, _reject, FALSE AS _nul,
       -- The importance row keeps its cells (set aside like a 合计 row, but reported as what it is).
       CASE WHEN (NOT _summary AND _reject IS NOT NULL) OR _importance THEN _rawrow END AS _raw, ${file} AS _file
FROM (
  SELECT *, ${reject} AS _reject
  FROM (
    SELECT l.*, sc.scale_min, sc.scale_max, ${skippedSql(key)} AS _skipped, ${answerValueSql(key)} AS _value
    FROM (${long}) AS l LEFT JOIN ${scaleTable} ON sc.item = l.item
  )
)
ORDER BY _rec, item`;
}

/**
 * A question table's cleaned columns (typedSelect's expressions): the question text without its
 * number and bracketed dimension, which fills in a missing dimension.
 */
export function deriveSurveyItems(e: Record<string, string>, rawOf: (role: string) => string): void {
  const item = rawOf('item');
  if (item === 'NULL') return;
  e.item = itemSql(`trim(${item})`);
  e.dimension = `coalesce(${e.dimension}, ${itemDimensionSql(item)})`;
}

/** The survey plan's questions without a dimension, once a question table in the same load is taken into account. */
export function questionsWithoutDimension(plan: SurveyPlan, tables: SurveyPlan[]): string[] {
  const known = new Set(
    tables.flatMap((t) =>
      t.questions.filter((q) => q.dimension).map((q) => q.item.toLowerCase().replace(/\s+/g, '')),
    ),
  );
  return plan.questions
    .filter((q) => !q.dimension && !known.has(q.item.toLowerCase().replace(/\s+/g, '')))
    .map((q) => q.item);
}

/**
 * The rejected rows listed in a survey's report: a response rejected as a whole once (not once
 * per question), an answer set aside once per response and reason, with its questions.
 */
export function surveyRejectSampleSql(typed: string, limit: number): string {
  return `SELECT source_row AS _rec, min(_line) AS _line, _reject, min(_raw) AS _raw
    FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL
    GROUP BY source_row, _reject ORDER BY source_row, _reject LIMIT ${limit}`;
}

/**
 * Counts of a loaded survey for its report, replacing the row-based ones (the stage holds one row
 * per answer): responses (rows of the file) read, loaded, rejected as a whole; answers read and
 * loaded; answers set aside with their reasons and questions; the importance row; exact duplicate
 * responses. `duck` counts the rows DuckDB's reader refused (already in the report's reasons).
 */
export async function summariseSurvey(
  db: Engine,
  plan: FilePlan,
  typed: string,
  report: LoadReport,
  duck: number,
  lineOf: (r: { _rec: number; _line: number | null }) => number,
): Promise<void> {
  const responseReasons = RESPONSE_REASONS.map(sqlString).join(', ');
  const whole = `_reject IN (${responseReasons})`;
  const importance = '(_summary AND _raw IS NOT NULL)';
  const [n] = await db.rows<Record<string, number | null>>(`SELECT count(DISTINCT source_row) AS read,
      count(DISTINCT source_row) FILTER (WHERE _summary) AS summary,
      count(DISTINCT source_row) FILTER (WHERE ${importance}) AS importance_rows,
      count(DISTINCT source_row) FILTER (WHERE NOT _summary AND ${whole}) AS rejected,
      count(*) FILTER (WHERE NOT _summary AND (_reject IS NULL OR NOT ${whole}) AND (answer IS NOT NULL OR _reject IS NOT NULL)) AS answers_read,
      count(*) FILTER (WHERE NOT _summary AND _reject IS NOT NULL AND NOT ${whole}) AS set_aside,
      count(answer) FILTER (WHERE NOT _summary AND _reject IS NULL) AS answered,
      min(_line) FILTER (WHERE ${importance}) AS importance_line,
      min(source_row) FILTER (WHERE ${importance}) AS importance_rec
    FROM ${typed}`);
  const reasons = await db.rows<{ reason: string; n: number }>(
    `SELECT _reject AS reason, CASE WHEN ${whole} THEN count(DISTINCT source_row) ELSE count(*) END AS n
     FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL GROUP BY _reject ORDER BY n DESC, reason`,
  );
  const [items] = await db.rows<{ items: string | null }>(
    `SELECT string_agg(DISTINCT item, '；' ORDER BY item) AS items
     FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL AND NOT ${whole}`,
  );
  const refused = Object.fromEntries(
    Object.entries(report.rejectReasons).filter(([k]) => k === 'too_many_columns' || k === 'unreadable_row'),
  );
  const read = Number(n.read);
  report.rowsRead = read + duck;
  report.summaryRows = Number(n.summary);
  report.rowsRejected = Number(n.rejected) + duck;
  report.rowsLoaded = read - Number(n.summary) - Number(n.rejected);
  report.rejectReasons = { ...Object.fromEntries(reasons.map((r) => [r.reason, r.n])), ...refused };
  report.totals = [{ role: 'answer', read: Number(n.answers_read), loaded: Number(n.answered) }];
  const survey = plan.survey!;
  report.notes.push({
    key: survey.form === 'wide' ? 'note.survey_wide' : 'note.survey_long',
    params: { questions: survey.questions.length, responses: report.rowsLoaded, answers: Number(n.answered) },
  });
  if (Number(n.importance_rows) > 0)
    report.notes.push({
      key: 'note.survey_importance_row',
      params: { line: lineOf({ _rec: Number(n.importance_rec), _line: n.importance_line }) },
    });
  if (Number(n.set_aside) > 0)
    report.notes.push({
      key: 'note.survey_set_aside',
      params: { n: Number(n.set_aside), items: truncateList(items.items ?? '', '；') },
    });
  // The same response twice (the export pasted twice): kept, the customer's index averages them.
  const dups = await db.rows<{ n: number; _rec: number; _line: number | null }>(`WITH r AS (
      SELECT source_row, min(_line) AS line, customer_id, customer_name, survey_date, wave,
             string_agg(item || '=' || coalesce(CAST(answer AS VARCHAR), ''), '|' ORDER BY item) AS answers
      FROM ${typed} WHERE NOT _summary AND _reject IS NULL
      GROUP BY source_row, customer_id, customer_name, survey_date, wave
    ), d AS (
      SELECT source_row, line,
             row_number() OVER (PARTITION BY customer_id, customer_name, survey_date, wave, answers ORDER BY source_row) AS k
      FROM r
    )
    SELECT count(*) OVER () AS n, source_row AS _rec, line AS _line FROM d WHERE k > 1 ORDER BY source_row LIMIT 10`);
  if (dups.length)
    report.notes.push({
      key: 'note.survey_duplicates',
      params: {
        n: Number(dups[0].n),
        lines:
          dups.map((r) => lineOf({ _rec: Number(r._rec), _line: r._line })).join(', ') +
          (Number(dups[0].n) > dups.length ? ', …' : ''),
      },
    });
}

function truncateList(list: string, sep: string): string {
  const parts = list.split(sep);
  return parts.length > 10 ? `${parts.slice(0, 10).join(sep)}${sep}…` : list;
}
