import type { Engine } from '../engine/types';
import { IngestError, type FilePlan } from './types';

/**
 * From this many rows a load is staged in the compressed in-memory database (`packed`, see
 * ENGINE_INIT_SQL). Measured at 1 M rows: the sales table takes 25 MB compressed instead of
 * 226 MB, scans are as fast or faster, but writing it costs ~2 s more; below this size the
 * memory is not worth that time.
 */
export const PACK_ROWS = 2_000_000;

/**
 * Most rows a DuckDB-WASM engine (a browser tab, or the WASM build under Node) is given. Its
 * memory is one 32-bit WebAssembly memory (at most 4 GB, and the tab needs room besides); the
 * analyses' hash tables grow with rows, orders and customers. Measured (docs/performance.md,
 * `npm run bench`): 10 M Parquet rows load and run every Overview analysis with DuckDB-WASM's
 * memory at 1.6 GB and the tab at 2.6 GB resident. 15 M rows projects to ~2.4 GB of WASM
 * memory, leaving a margin below 4 GB for data that compresses worse than the benchmark's.
 */
export const WASM_MAX_ROWS = 15_000_000;

/** Rows a set of plans will load (estimated for large text files). */
export function plannedRows(plans: FilePlan[]): number {
  return plans.reduce((n, p) => n + (p.estimatedRows ?? p.sampleRows), 0);
}

/**
 * Bytes a staged sales row takes uncompressed in native DuckDB. Measured on the bench's 10 M
 * Parquet rows: the bare canonical table takes 2.1 GB (`duckdb_memory()`), the stage with its
 * helper columns more.
 */
export const NATIVE_ROW_BYTES = 250;

/**
 * Whether to stage these plans in the compressed database. DuckDB-WASM: from PACK_ROWS rows.
 * Native DuckDB: only when the uncompressed rows would take more than half the memory it may
 * use (`--memory-limit`, else 80 % of the machine's): compressing costs time (10 M rows: about
 * twice the load), spilling an uncompressed table to disk costs more (100 M rows ≈ 25 GB).
 */
export function packs(plans: FilePlan[], db?: Engine): boolean {
  const rows = plannedRows(plans);
  if (rows < PACK_ROWS) return false;
  return !db || !db.traits.outOfCore || rows * NATIVE_ROW_BYTES > (db.traits.memoryBytes ?? Infinity) / 2;
}

/**
 * Refuse, before reading anything, a load too large for a DuckDB-WASM engine: the message says
 * how large it is, and what to do (split it, or the native engine of `npm run analyze`).
 */
export function checkCapacity(db: Engine, plans: FilePlan[]): void {
  if (db.traits.outOfCore) return;
  const rows = plannedRows(plans);
  if (rows <= WASM_MAX_ROWS) return;
  const biggest = [...plans].sort((a, b) => b.file.size - a.file.size)[0];
  // Digits grouped (15,999,514): readable in both languages of the message.
  const grouped = (n: number) => new Intl.NumberFormat('en-US').format(Math.round(n));
  throw new IngestError('too_large', {
    file: biggest.file.name,
    rows: grouped(rows),
    limit: grouped(WASM_MAX_ROWS),
  });
}
