/**
 * results.xlsx: the result files of outputs.md as an analyst reads them — one sheet per result
 * CSV, headers and stage/segment/quadrant names in the UI language, customer and product names
 * beside their ids, money rounded to 2 decimals and shown with separators — and a cover sheet
 * with the data source, period, filters and parameters. Built from the machine CSVs themselves,
 * so the workbook can never hold other numbers than the files beside it in the ZIP. The browser
 * writes it; the CLI does not (docs/sharing.md).
 */
import Papa from 'papaparse';
import { runNames, type EntityNames } from '../analytics/names';
import type { AllResults } from '../analytics/run-all';
import type { Engine } from '../engine/types';
import { FILTER_KEYS, type Params } from '../analytics/params';
import type { Period } from '../analytics/common';
import { textString } from '../export/csv';
import { toXlsxBook, XLSX_FORMAT, type XlsxSheet, type XlsxValue } from '../export/xlsx-writer';
import type { Locale } from '../i18n/format';
import { isMessageKey, translate } from '../i18n/translate';
import type { LoadReport } from '../ingest/types';
import type { ResultFile } from './writer';

/** How a machine column is shown. */
type Kind = 'customer' | 'product' | 'text' | 'money' | 'value' | 'int' | 'pct' | 'number' | 'bool';

/** The columns of outputs.md by kind; an unknown column is text under its machine name. */
const KINDS: Record<string, Kind> = {
  customer_id: 'customer',
  product_id: 'product',
  value: 'value',
  value_before: 'value',
  value_now: 'value',
  revenue: 'money',
  gross_profit: 'money',
  cur: 'money',
  prev: 'money',
  trailing_gp: 'money',
  monetary: 'money',
  expected_avg_value: 'money',
  expected_value: 'money',
  share: 'pct',
  cum_share: 'pct',
  margin_rate: 'pct',
  sales_share: 'pct',
  contribution: 'pct',
  change: 'pct',
  p_alive: 'pct',
  rank: 'int',
  recency_days: 'int',
  frequency: 'int',
  r_score: 'int',
  f_score: 'int',
  m_score: 'int',
  responses: 'int',
  answers: 'int',
  forced_c: 'bool',
  ...Object.fromEntries(
    [
      'avg_inventory',
      'turnover',
      'cross_ratio',
      'r1',
      'r2',
      'r3',
      'r4',
      's1',
      's2',
      's3',
      's4',
      'total',
      'recency_weeks',
      'age_weeks',
      'expected_purchases',
      'score',
      'weight',
      'part',
      'index',
      'previous_index',
      'importance',
      'performance',
    ].map((c) => [c, 'number' as const]),
  ),
};

/** A column that means something else in one file: satisfaction.csv's `change` is index points, not a ratio. */
const KINDS_IN: Record<string, Record<string, Kind>> = { satisfaction: { change: 'number' } };

/** Columns whose values are keys of analytics.md, shown translated (`stage.growth` → 成长期). */
const ENUMS: Record<string, string> = { stage: 'stage', segment: 'segment', quadrant: 'quadrant' };

/** Everything the workbook needs besides the result files. */
export interface WorkbookInput {
  files: ResultFile[];
  locale: Locale;
  names: EntityNames;
  params: Params;
  period: Period;
  /** The load reports (file names and rows on the cover). */
  inputs: LoadReport[];
}

/** Half away from zero, to the cent (1.005 → 1.01 despite its binary value 1.00499…). */
export function roundMoney(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

function message(locale: Locale, key: string, params?: Record<string, string | number>): string | null {
  return isMessageKey(key) ? translate(locale, key, params) : null;
}

function cell(kind: Kind, raw: string, money: boolean, locale: Locale, enumPrefix?: string): XlsxValue {
  if (raw === '') return null;
  const n = Number(raw);
  switch (kind) {
    case 'money':
      return { value: roundMoney(n), format: XLSX_FORMAT.money };
    case 'value':
      return money
        ? { value: roundMoney(n), format: XLSX_FORMAT.money }
        : { value: n, format: XLSX_FORMAT.number };
    case 'pct':
      return { value: n, format: XLSX_FORMAT.pct };
    case 'int':
      return { value: n, format: XLSX_FORMAT.int };
    case 'number':
      return { value: n, format: XLSX_FORMAT.number };
    case 'bool':
      return message(locale, raw === 'true' ? 'xlsx.yes' : 'xlsx.no') ?? raw;
    default:
      return (enumPrefix && message(locale, `${enumPrefix}.${raw}`)) || raw;
  }
}

/** One result CSV as a sheet: translated header, names after ids, typed and formatted cells. */
function resultSheet(f: ResultFile, input: WorkbookInput): XlsxSheet {
  const { locale, names } = input;
  const [header, ...rows] = Papa.parse<string[]>(textString(f.content), { skipEmptyLines: true }).data;
  const money = input.params.measure !== 'quantity';
  const base = f.name.replace(/\.csv$/, '');
  const out: XlsxValue[][] = [[]];
  const head = out[0];
  for (const c of header) {
    head.push({ value: message(locale, `xlsx.col.${c}`) ?? c, bold: true, wrap: true });
    const kind = KINDS[c];
    if (kind === 'customer' || kind === 'product')
      head.push({ value: message(locale, `xlsx.col.${kind}_name`), bold: true, wrap: true });
  }
  for (const r of rows) {
    const line: XlsxValue[] = [];
    header.forEach((c, i) => {
      const kind = KINDS_IN[base]?.[c] ?? KINDS[c] ?? 'text';
      line.push(cell(kind, r[i] ?? '', money, locale, ENUMS[c]));
      if (kind === 'customer') line.push(names.customers.get(r[i]) ?? null);
      if (kind === 'product') line.push(names.products.get(r[i]) ?? null);
    });
    out.push(line);
  }
  return {
    name: message(locale, `xlsx.sheet.${base}`) ?? base,
    rows: out,
    // The id (and its name) stay in view when scrolling right.
    stickyColumns: ['customer', 'product'].includes(KINDS[header[0]]) ? 2 : 1,
  };
}

/** The cover: what the numbers are of (source, period, filters) and how they were made (parameters). */
function coverSheet(input: WorkbookInput): XlsxSheet {
  const { locale, params, period, inputs } = input;
  const t = (key: string, p?: Record<string, string | number>) => message(locale, key, p) ?? key;
  const rows: XlsxValue[][] = [[{ value: t('xlsx.coverTitle'), bold: true }]];
  const section = (title: string) => rows.push([], [{ value: title, bold: true }]);
  section(t('xlsx.source'));
  for (const r of inputs)
    rows.push([
      r.file,
      t(`kind.${r.kind}`),
      t('xlsx.rowsLoaded', { loaded: r.rowsLoaded, read: r.rowsRead }),
    ]);
  section(t('xlsx.period'));
  rows.push([t('xlsx.periodStart'), period.start], [t('xlsx.asOf'), period.asOf]);
  section(t('xlsx.filters'));
  for (const k of FILTER_KEYS) {
    const values = params.filters[k];
    rows.push([t(`dim.${k}`), values.length ? values.join(', ') : t('xlsx.all')]);
  }
  section(t('xlsx.parameters'));
  const flat = (prefix: string, v: unknown): void => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      for (const [k, x] of Object.entries(v)) flat(prefix ? `${prefix}.${k}` : k, x);
    else
      rows.push([
        message(locale, `param.${prefix}`) ?? prefix,
        Array.isArray(v) ? (v.some(Array.isArray) ? JSON.stringify(v) : v.join(', ')) : (v as XlsxValue),
        prefix,
      ]);
  };
  const { filters: _filters, period_start: _start, as_of: _asOf, ...rest } = params;
  flat('', rest);
  section(t('xlsx.about'));
  rows.push([t('xlsx.aboutText')]);
  return { name: t('xlsx.sheet.cover'), rows, widths: [28, 40, 36], stickyRows: 0 };
}

/** The sheets of results.xlsx: the cover, then one per result CSV in the files' order. */
export function resultWorkbook(input: WorkbookInput): XlsxSheet[] {
  return [
    coverSheet(input),
    ...input.files.filter((f) => f.name.endsWith('.csv')).map((f) => resultSheet(f, input)),
  ];
}

/** results.xlsx as bytes: the names come from the loaded tables, the rest from the result files. */
export async function resultWorkbookBytes(
  db: Engine,
  all: AllResults,
  input: Omit<WorkbookInput, 'names' | 'params' | 'period'>,
): Promise<Uint8Array> {
  const names = await runNames(db, all.caps);
  return toXlsxBook(resultWorkbook({ ...input, names, params: all.params, period: all.period }));
}
