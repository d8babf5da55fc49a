/**
 * The demo's opening view, recorded: the answers of every query the Overview asks of the demo
 * with the default parameters (and the filter bar's value lists). `npm run sample-data` records
 * them from the prepared tables (sample-data/prepare-demo.ts, kept fresh by its test); a first
 * visit draws the Overview from them while DuckDB is still starting (HeadStartEngine), so the
 * 35 MB engine's start-up is no longer in front of the first picture.
 */
import { runDimensionValues } from '../analytics/dimensions';
import { defaultParams } from '../analytics/params';
import { RecordingEngine } from '../engine/replay';
import type { Cell, Engine } from '../engine/types';
import { decodeRows, encodeRows, type EncodedTable } from '../share/columns';
import { OVERVIEW, runPage } from './page-analyses';

type Rows = Record<string, Cell>[];

export const OPENING_VERSION = 1;
/** Far above what the demo's Overview asks (a few thousand rows); refuses a broken file. */
const MAX_ROWS = 100_000;

/** The file: queries in the order first asked, each answer column-encoded as in a view link. */
export interface OpeningFile {
  version: number;
  queries: { sql: string; table: EncodedTable }[];
}

/** Ask what a first visit's Overview asks, and keep the answers. */
export async function recordOpening(engine: Engine): Promise<OpeningFile> {
  const rec = new RecordingEngine(engine);
  rec.start();
  await runDimensionValues(rec);
  await runPage(rec, defaultParams(), OVERVIEW);
  const answers = rec.stop();
  return {
    version: OPENING_VERSION,
    queries: [...answers].map(([sql, rows]) => ({ sql, table: encodeRows(rows) })),
  };
}

/** The answers of an opening file by SQL text; throws on a file of another version or shape. */
export function openingAnswers(file: unknown): Map<string, Rows> {
  const f = file as Partial<OpeningFile> | null;
  if (!f || f.version !== OPENING_VERSION || !Array.isArray(f.queries))
    throw new Error('the recorded opening view is of another version');
  return new Map(f.queries.map((q) => [q.sql, decodeRows(q.table, MAX_ROWS)]));
}
