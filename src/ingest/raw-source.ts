/**
 * What every reader of the load hands on (csv-source.ts, xlsx-source.ts, parquet-source.ts,
 * native-parquet.ts): the raw rows of one file as a SQL relation of text (or typed Parquet) cells
 * c0…cN, with what the load report needs to find lines and check the file.
 */
import type { MixedStats } from './mixed-encoding';
import type { TextFacts } from './sniff';

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
  /**
   * Column positions whose cells may begin or end with a space separator (trim() is left out of
   * the others), and whose cells may name a summary row (the summary test is left out of the
   * others): proven by one pass over the bytes before the load (sniff.ts). null or undefined:
   * any column may (not sniffed, a NUL byte, or quoting the sniff cannot follow).
   */
  edgeSpace?: ReadonlySet<number> | null;
  summaryWord?: ReadonlySet<number> | null;
  /**
   * The sniff's answer when it reads the bytes beside the load (a browser File): the rows are
   * typed as a clean text first, and typed again with this answer when it asks for a step. The
   * first call starts the pass (the load calls it once DuckDB has the statement); later calls
   * return the same answer.
   */
  sniffBeside?: () => Promise<TextFacts>;
  /**
   * Columns DuckDB reads typed straight away (position → source type), as the sample showed them
   * plain: numbers with a decimal dot, ISO dates. typedSelect takes them as typed columns; the
   * load reads the rows again as text when a cell could not be read so or a row was rejected
   * (its cells are shown as written).
   */
  typed?: ReadonlyMap<number, 'number' | 'date'>;
  /** Number the rows from the first again, with a new reject table: the relation of every cell as text. */
  rewind?: () => Promise<string>;
  /** Resolves when the whole file was found intact; rejects with an IngestError when it is cut off. */
  verify?: () => Promise<void>;
}
