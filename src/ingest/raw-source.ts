/**
 * What every reader of the load hands on (csv-source.ts, xlsx-source.ts, parquet-source.ts,
 * native-parquet.ts): the raw rows of one file as a SQL relation of text (or typed Parquet) cells
 * c0…cN, with what the load report needs to find lines and check the file.
 */
import type { MixedStats } from './mixed-encoding';

/** Progress of a load, for the progress line. */
export interface LoadProgress {
  file: string;
  phase: 'transcoding' | 'reading' | 'checking' | 'locating';
  done?: number;
  total?: number;
}

let counter = 0;
/** A name part unique in this process (temporary tables, files, sequences of one load). */
export const uid = () => `${Date.now().toString(36)}_${(counter++).toString(36)}`;

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
