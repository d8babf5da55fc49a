import { Table, type Vector } from 'apache-arrow';
import { float64Column, utf8Column } from '../engine/arrow-columns';
import type { Engine } from '../engine/types';
import { uid, type RawSource } from './raw-source';
import type { FilePlan } from './types';
import { chooseSheet, readWorkbook } from './xlsx';

/** An XLSX sheet read in JS (cells as written, blank rows left out) into a DuckDB table of text cells. */
export async function xlsxSource(db: Engine, plan: FilePlan): Promise<RawSource> {
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
