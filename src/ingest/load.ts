import Papa from 'papaparse';
import type { Engine } from '../engine/types';
import { sqlIdent, sqlString } from '../engine/sql';
import { CANONICAL, missingRoles, type TableKind } from './canonical';
import { dateExpr, monthExpr, numberExpr, textExpr } from './clean-sql';
import { byteReader } from './input';
import { guessKind, roleForHeader } from './roles';
import { sniff } from './sniff';
import { IngestError, type FilePlan, type InputFile, type LoadReport, type RejectedRow } from './types';

const SAMPLE_BYTES = 256 * 1024;
const SUMMARY_WORDS = ['合计', '总计', '小计', 'total', 'grandtotal', 'subtotal', 'sum'];

/** Read the top of a file and propose how to load it (encoding, delimiter, header, roles, kind). */
export async function inspectFile(file: InputFile): Promise<FilePlan> {
  if (file.size === 0) throw new IngestError('empty_file', { file: file.name });
  const head = await byteReader(file)(0, Math.min(file.size, SAMPLE_BYTES));
  const s = sniff(head, file.size > SAMPLE_BYTES);
  const seen = new Set<string>();
  const columns = s.header.map((header, index) => {
    let role = roleForHeader(header);
    if (role && seen.has(role)) role = null; // the first column naming a role wins
    if (role) seen.add(role);
    const samples = s.rows
      .map((r) => (r[index] ?? '').trim())
      .filter((v) => v !== '')
      .slice(0, 5);
    return { index, header, samples, role };
  });
  const kind = guessKind(seen);
  return {
    file,
    encoding: s.encoding,
    delimiter: s.delimiter,
    headerLine: physicalHeaderLine(head, s.header, s.delimiter),
    kind,
    columns,
    missing: missingRoles(kind, seen),
  };
}

/** Physical line index of the header (blank and title lines above it count). */
function physicalHeaderLine(bytes: Uint8Array, header: string[], delimiter: string): number {
  const lines = new TextDecoder()
    .decode(bytes.subarray(0, 64 * 1024))
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/);
  for (let i = 0; i < Math.min(lines.length, 50); i++) {
    const cells = Papa.parse<string[]>(lines[i], { delimiter }).data[0] ?? [];
    if (cells.length === header.length && cells.every((c, j) => c.trim() === header[j])) return i;
  }
  return 0;
}

/** Staging table name for a kind while it loads (swapped in only on success). */
const stage = (kind: TableKind) => `${kind}__stage`;

/**
 * Load confirmed plans into the canonical tables. All files of one kind are appended; each kind
 * present replaces the table of that kind only when every file loaded, so a failure leaves the
 * earlier data untouched.
 */
export async function loadFiles(db: Engine, plans: FilePlan[]): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  const kinds = [...new Set(plans.map((p) => p.kind))];
  try {
    for (const kind of kinds) await createStage(db, kind);
    for (const plan of plans) reports.push(await loadOne(db, plan));
    for (const kind of kinds) {
      await db.exec(`DROP TABLE IF EXISTS ${kind}`);
      await db.exec(`ALTER TABLE ${stage(kind)} RENAME TO ${kind}`);
    }
  } finally {
    for (const kind of kinds) await db.exec(`DROP TABLE IF EXISTS ${stage(kind)}`);
  }
  return reports;
}

async function createStage(db: Engine, kind: TableKind): Promise<void> {
  const defs = CANONICAL[kind].map(
    (c) => `${c.role} ${c.type === 'number' ? 'DOUBLE' : c.type === 'text' ? 'VARCHAR' : 'DATE'}`,
  );
  await db.exec(`DROP TABLE IF EXISTS ${stage(kind)}`);
  await db.exec(`CREATE TABLE ${stage(kind)} (${defs.join(', ')}, source_file VARCHAR, source_row BIGINT)`);
}

async function loadOne(db: Engine, plan: FilePlan): Promise<LoadReport> {
  if (plan.missing.length) {
    throw new IngestError('missing_roles', {
      file: plan.file.name,
      missing: plan.missing.join(', '),
      columns: plan.columns.map((c) => c.header).join(', '),
    });
  }
  const name = `in_${Math.random().toString(36).slice(2)}_${plan.file.name.replace(/[^\w.]/g, '_')}`;
  await db.registerFile(name, plan.file.source);
  const raw = `raw_${name.replace(/\W/g, '_')}`;
  const cols = plan.columns.map((c) => `${sqlString(`c${c.index}`)}: 'VARCHAR'`).join(', ');
  try {
    await db.exec(`CREATE TEMP TABLE ${raw} AS
      SELECT row_number() OVER () AS _rec, *
      FROM read_csv(${sqlString(name)}, header = false, skip = ${plan.headerLine + 1}, delim = ${sqlString(plan.delimiter)},
                    quote = '"', escape = '"', auto_detect = false, columns = {${cols}},
                    null_padding = true, parallel = false, strict_mode = false)`);
    return await transform(db, plan, raw);
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${raw}`);
    await db.dropFile(name);
  }
}

function roleColumn(plan: FilePlan, role: string): string | null {
  const c = plan.columns.find((x) => x.role === role);
  return c ? sqlIdent(`c${c.index}`) : null;
}

async function transform(db: Engine, plan: FilePlan, raw: string): Promise<LoadReport> {
  const spec = CANONICAL[plan.kind];
  const exprs: Record<string, string> = {};
  for (const c of spec) {
    const col = roleColumn(plan, c.role);
    exprs[c.role] = !col
      ? 'NULL'
      : c.type === 'number'
        ? numberExpr(col)
        : c.type === 'date'
          ? dateExpr(col)
          : c.type === 'month'
            ? monthExpr(col)
            : textExpr(col);
  }
  if (plan.kind === 'sales') deriveSales(exprs);
  // A summary row names itself in some cell (often the first); any column may carry the word.
  const summaryTest = plan.columns.length
    ? plan.columns
        .map(
          (c) =>
            `lower(regexp_replace(coalesce(c${c.index}, ''), '[\\s:：]', '', 'g')) IN (${SUMMARY_WORDS.map(sqlString).join(', ')})`,
        )
        .join(' OR ')
    : 'FALSE';
  const required = requiredChecks(plan.kind, exprs);
  const typed = `typed AS (
    SELECT _rec, ${spec.map((c) => `${exprs[c.role]} AS ${c.role}`).join(', ')},
           (${summaryTest}) AS _summary,
           ${required.map(([reason, test]) => `CASE WHEN ${test} THEN ${sqlString(reason)} END`).reduce((a, b) => `coalesce(${a}, ${b})`, 'NULL')} AS _reject
    FROM ${raw})`;
  const fileName = sqlString(plan.file.name);
  const firstLine = plan.headerLine + 2; // 1-based line of the first data record
  await db.exec(`CREATE TEMP TABLE ${raw}_t AS WITH ${typed} SELECT * FROM typed`);
  try {
    await db.exec(`INSERT INTO ${stage(plan.kind)}
      SELECT ${spec.map((c) => c.role).join(', ')}, ${fileName}, _rec + ${firstLine - 1}
      FROM ${raw}_t WHERE NOT _summary AND _reject IS NULL ORDER BY _rec`);
    const numeric = spec.filter((c) => c.type === 'number' && roleColumn(plan, c.role)).map((c) => c.role);
    const [counts] = await db.rows<Record<string, number>>(`SELECT count(*) AS read,
        count(*) FILTER (WHERE _summary) AS summary,
        count(*) FILTER (WHERE NOT _summary AND _reject IS NOT NULL) AS rejected,
        ${numeric
          .map(
            (r) =>
              `coalesce(sum(${r}), 0) AS "read_${r}", coalesce(sum(${r}) FILTER (WHERE NOT _summary AND _reject IS NULL), 0) AS "loaded_${r}"`,
          )
          .concat(['0 AS _z'])
          .join(', ')}
      FROM ${raw}_t`);
    const rejectRows = await db.rows<
      Record<string, string | number | null>
    >(`SELECT r.*, t._reject FROM ${raw}_t t JOIN ${raw} r USING (_rec)
      WHERE NOT t._summary AND t._reject IS NOT NULL ORDER BY _rec LIMIT 1000`);
    const rejects: RejectedRow[] = rejectRows.map((r) => ({
      line: Number(r._rec) + firstLine - 1,
      reason: String(r._reject),
      cells: plan.columns.map((c) => String(r[`c${c.index}`] ?? '')),
    }));
    return {
      file: plan.file.name,
      kind: plan.kind,
      encoding: plan.encoding,
      delimiter: plan.delimiter,
      rowsRead: counts.read,
      rowsLoaded: counts.read - counts.summary - counts.rejected,
      rowsRejected: counts.rejected,
      summaryRows: counts.summary,
      rejects,
      totals: numeric.map((role) => ({
        role,
        read: counts[`read_${role}`],
        loaded: counts[`loaded_${role}`],
      })),
      notes: [],
    };
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${raw}_t`);
  }
}

/** analytics.md §1 derivations, as SQL over the cleaned expressions. */
function deriveSales(e: Record<string, string>): void {
  if (e.customer_id === 'NULL') e.customer_id = e.customer_name;
  if (e.revenue === 'NULL') e.revenue = `(${e.quantity}) * (${e.unit_price})`;
  if (e.cost === 'NULL' && e.unit_cost !== 'NULL') e.cost = `(${e.unit_cost}) * (${e.quantity})`;
  else if (e.cost === 'NULL' && e.gross_profit !== 'NULL') e.cost = `(${e.revenue}) - (${e.gross_profit})`;
  if (e.gross_profit === 'NULL' && e.cost !== 'NULL') e.gross_profit = `(${e.revenue}) - (${e.cost})`;
}

/** Row checks per kind: [reason key, SQL test that is true when the row must be rejected]. */
function requiredChecks(kind: TableKind, e: Record<string, string>): [string, string][] {
  const isNull = (x: string) => `(${x}) IS NULL`;
  switch (kind) {
    case 'sales':
      return [
        ['bad_date', isNull(e.order_date)],
        ['missing_customer', isNull(e.customer_id)],
        ['bad_amount', isNull(e.revenue)],
      ];
    case 'plan':
      return [
        ['bad_month', isNull(e.period)],
        ['missing_customer', isNull(e.customer_id)],
      ];
    case 'inventory':
      return [
        ['bad_month', isNull(e.period)],
        ['missing_product', isNull(e.product_id)],
      ];
    case 'receivables':
      return [
        ['missing_customer', isNull(e.customer_id)],
        ['bad_date', isNull(e.as_of_date)],
      ];
    case 'customers':
      return [['missing_customer', isNull(e.customer_id)]];
  }
}
