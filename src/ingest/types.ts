import type { FileSource } from '../engine/types';
import type { TableKind } from './canonical';

/** A file handed to the ingest (dropped, picked, fetched, or a path in the CLI). */
export interface InputFile {
  /** File name as the user sees it (used for reports and the source_file column). */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Where DuckDB reads the bytes from. */
  source: FileSource;
}

/** One column of an input file, with the role proposed for it. */
export interface ColumnPlan {
  /** 0-based position in the file. */
  index: number;
  /** Header text as found in the file. */
  header: string;
  /** A few non-empty values from the top of the file. */
  samples: string[];
  /** Canonical role, or null to ignore the column. */
  role: string | null;
}

/** How a file will be read: the proposal the user confirms or edits on the mapping screen. */
export interface FilePlan {
  file: InputFile;
  /** Detected text encoding (`utf-8`, `gb18030`, `utf-16le`, …). */
  encoding: string;
  /** Field delimiter. */
  delimiter: string;
  /** 0-based line index of the header row (title lines above it are skipped). */
  headerLine: number;
  /** Table kind the file holds. */
  kind: TableKind;
  columns: ColumnPlan[];
  /** Required roles not mapped (the file cannot load until this is empty). */
  missing: string[];
}

/** A row that was not loaded, with the reason and where it was in the file. */
export interface RejectedRow {
  /** 1-based line number in the original file. */
  line: number;
  /** Machine key of the reason (translated by the UI), e.g. `bad_date`, `missing_customer`. */
  reason: string;
  /** The raw cells, for the downloadable rejects file. */
  cells: string[];
}

/** Sum of a numeric role as read from the file and as loaded. */
export interface ColumnTotal {
  role: string;
  read: number;
  loaded: number;
}

/** What happened to one file (data-model.md "Nothing lost"). */
export interface LoadReport {
  file: string;
  kind: TableKind;
  encoding: string;
  delimiter: string;
  /** Data rows found below the header (blank lines excluded). */
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Summary rows (合计, Total …) set aside. */
  summaryRows: number;
  /** Rejected rows, first 1000. */
  rejects: RejectedRow[];
  /** Totals of the main numeric columns as read vs as loaded. */
  totals: ColumnTotal[];
  /** Human-facing notes (message keys with params), e.g. the date order chosen. */
  notes: { key: string; params?: Record<string, string | number> }[];
}

/** An ingest failure the user must act on. `key` selects the message; `params` fill it in. */
export class IngestError extends Error {
  readonly key: string;
  readonly params: Record<string, string | number>;
  constructor(key: string, params: Record<string, string | number> = {}, message?: string) {
    super(message ?? `${key} ${JSON.stringify(params)}`);
    this.name = 'IngestError';
    this.key = key;
    this.params = params;
  }
}
