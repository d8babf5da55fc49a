/**
 * The load's SQL as pure strings: the one SELECT that types, cleans and checks every raw row of a
 * file (typedSelect), the cleaned expression of a column for its role (cleanExpr), the §1
 * derivations and the reject checks per table kind, and the whole-column day/month test.
 */
import { sqlIdent, sqlString } from '../engine/sql';
import { CANONICAL, type TableKind } from './canonical';
import type { RawSource } from './raw-source';
import { ID_ROLES } from './roles';
import { deriveSurveyItems } from './survey-load';
import type { ColumnPlan, FilePlan, LoadReport } from './types';
import {
  dateSql,
  dayMonthSeparator,
  impossibleDateSql,
  monthSql,
  nullWordSql,
  numberSql,
  resolveDayMonth,
  summarySql,
  textSql,
} from './values';

/** The SQL type of a canonical column type. */
export function sqlTypeOf(type: string): string {
  return type === 'number' ? 'DOUBLE' : type === 'text' ? 'VARCHAR' : 'DATE';
}

/** Columns of a stage table that only the load itself needs (dropped before the swap). */
export const HELPER_COLUMNS = ['_line', '_summary', '_reject', '_nul', '_raw', '_file'];

/** Raw cell of a column as text. */
export function raw(c: ColumnPlan): string {
  const col = sqlIdent(`c${c.index}`);
  return c.sourceType === 'text' ? col : `CAST(${col} AS VARCHAR)`;
}

/**
 * The cleaned value of a column for a role of a given type. `trimmed`: the column's text cells
 * are known to hold no leading or trailing space separator (sniff.ts), so trim() is left out.
 */
export function cleanExpr(c: ColumnPlan, type: string, role: string, trimmed = false): string {
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
  return textSql(col, ID_ROLES.has(role) && c.profile.floatIds, !trimmed);
}

/**
 * The SELECT that types and checks every raw row. Inner level: raw cells c0…cN next to the
 * canonical columns and the summary flag; middle: the reject reason (from the typed values, and
 * the raw cell to tell "missing" from "not understood"); outer: the raw row text kept only for
 * rejected rows (for the rejects download), the raw cells dropped.
 */
export function typedSelect(
  plan: FilePlan,
  src: Pick<RawSource, 'relation' | 'lines' | 'nul' | 'edgeSpace' | 'summaryWord' | 'typed'>,
  file: number,
): string {
  const spec = CANONICAL[plan.kind];
  // Columns the reader typed itself are typed columns here.
  if (src.typed?.size)
    plan = {
      ...plan,
      columns: plan.columns.map((c) =>
        src.typed!.has(c.index) ? { ...c, sourceType: src.typed!.get(c.index)! } : c,
      ),
    };
  const byRole = new Map(plan.columns.filter((c) => c.role).map((c) => [c.role!, c]));
  const exprs: Record<string, string> = {};
  // Columns the sniff proved clean skip the per-cell step (a NUL byte makes both sets null).
  const trimmed = (c: ColumnPlan) => !!src.edgeSpace && !src.edgeSpace.has(c.index);
  const maySummary = (c: ColumnPlan) => !src.summaryWord || src.summaryWord.has(c.index);
  for (const c of spec) {
    const col = byRole.get(c.role);
    exprs[c.role] = col ? cleanExpr(col, c.type, c.role, trimmed(col)) : 'NULL';
  }
  // Roles derived from others (analytics.md §1) are computed from the cleaned columns, one level
  // up each, not by cleaning their sources again.
  const derived = plan.kind === 'sales' ? salesDerivations(exprs) : [];
  const rawOf = (role: string) => (byRole.has(role) ? raw(byRole.get(role)!) : 'NULL');
  if (plan.kind === 'survey_items') deriveSurveyItems(exprs, rawOf);
  const checks = requiredChecks(plan.kind, rawOf);
  const reject = `CASE ${checks.map(([reason, test]) => `WHEN ${test} THEN ${reason}`).join(' ')} END`;
  // A summary row names itself in one of its first cells or in a text column.
  const summaryCols = plan.columns.filter(
    (c, i) =>
      c.sourceType === 'text' &&
      (i < 3 || (c.role && spec.find((s) => s.role === c.role)?.type === 'text')) &&
      maySummary(c),
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
    FROM ${derived.reduce(
      (from, [role, expr]) => `(SELECT * REPLACE (${expr} AS ${role}) FROM ${from})`,
      `(
      SELECT _rec, ${src.lines === 'column' ? '_line' : 'NULL::DOUBLE AS _line'}, ${rawCols}, _nul,
             ${spec.map((c) => `${exprs[c.role]} AS ${c.role}`).join(',\n             ')},
             coalesce(${summary}, FALSE) AS _summary
      FROM ${relation}
    )`,
    )}
  )
)`;
}

/**
 * analytics.md §1 derivations for a sales file whose cleaned expressions are `e` ('NULL' for a
 * role not mapped): [role, SQL over the columns of the level below], in the order they apply.
 */
export function salesDerivations(e: Record<string, string>): [string, string][] {
  const out: [string, string][] = [];
  const has = new Set(Object.keys(e).filter((r) => e[r] !== 'NULL'));
  const derive = (role: string, expr: string) => {
    out.push([role, expr]);
    has.add(role);
  };
  if (!has.has('customer_id') && has.has('customer_name')) derive('customer_id', 'customer_name');
  if (!has.has('revenue')) derive('revenue', '((quantity) * (unit_price))');
  if (!has.has('cost') && has.has('unit_cost')) derive('cost', '((unit_cost) * (quantity))');
  else if (!has.has('cost') && has.has('gross_profit')) derive('cost', '((revenue) - (gross_profit))');
  if (!has.has('gross_profit') && has.has('cost')) derive('gross_profit', '((revenue) - (cost))');
  return out;
}

/** Row checks per kind: [reason SQL, test SQL true when the row must be rejected], on typed columns. */
export function requiredChecks(kind: TableKind, rawOf: (role: string) => string): [string, string][] {
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

/** Day/month template date columns (`DM/%Y`) whose order the whole column decides. */
function openDateOrders(columns: ColumnPlan[]): ColumnPlan[] {
  return columns.filter((c) => c.role && c.dateFormat && dayMonthSeparator(c.dateFormat));
}

/**
 * SQL: the one aggregate query over `relation` that decides the day/month order of template date
 * columns (the largest first and second number of each); null when no column needs it.
 */
export function dateOrderSql(columns: ColumnPlan[], relation: string): string | null {
  const open = openDateOrders(columns);
  if (!open.length) return null;
  const parts = open.map((c) => {
    const sep = sqlString(dayMonthSeparator(c.dateFormat!)!);
    const col = `trim(${sqlIdent(`c${c.index}`)})`;
    return `max(TRY_CAST(split_part(${col}, ${sep}, 1) AS INTEGER)) AS "a${c.index}", max(TRY_CAST(split_part(${col}, ${sep}, 2) AS INTEGER)) AS "b${c.index}"`;
  });
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

/**
 * The columns with the day/month order of dateOrderSql's answer `r` (a number > 12 first: day
 * first; second: month first; neither: day first, assumed), and the report notes that say so.
 */
export function withDateOrders(
  columns: ColumnPlan[],
  r: Record<string, number | null>,
): { columns: ColumnPlan[]; notes: LoadReport['notes'] } {
  const open = openDateOrders(columns);
  const notes: LoadReport['notes'] = [];
  const decided = columns.map((c) => {
    if (!open.includes(c)) return c;
    const a = r[`a${c.index}`] ?? 0;
    const b = r[`b${c.index}`] ?? 0;
    const dayFirst = a > 12 ? true : b > 12 ? false : null;
    notes.push({
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
  return { columns: decided, notes };
}
