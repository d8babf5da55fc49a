import type { FileSource } from '../engine/types';
import type { TableKind } from './canonical';
import type { Encoding } from './encoding';
import type { SourceFormat } from './format';
import type { SourceType } from './parquet';
import type { SurveyPlan } from './survey-plan';
import type { ColumnProfile, DateFormat, NumberStyle } from './values';

/** A file handed to the ingest (dropped, picked, fetched, or a path in the CLI). */
export interface InputFile {
  /** File name as the user sees it (used for reports and the source_file column). */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Where DuckDB reads the bytes from (a dataset: its first part). */
  source: FileSource;
  /**
   * A dataset of several Parquet files read as one input (the CLI's `--sales DIR` or a glob):
   * its parts in order; `name` and `size` are then the dataset's.
   */
  parts?: DatasetPart[];
}

/** One file of a dataset (InputFile.parts). */
export interface DatasetPart {
  /** Path below the dataset's folder, `/`-separated (`year=2025/month=01/part-0.parquet`). */
  name: string;
  size: number;
  source: FileSource;
  /** Hive partition values of its folders (`year=2025` → `['year', '2025']`), outermost first. */
  partition: [string, string][];
}

/** One column of an input file, with the role proposed for it and how its values are read. */
export interface ColumnPlan {
  /** 0-based position in the file. */
  index: number;
  /** Header text as found in the file. */
  header: string;
  /** A few non-empty values from the top of the file. */
  samples: string[];
  /** Canonical role, or null to ignore the column. */
  role: string | null;
  /** How the role was proposed: header name, content, remembered mapping, or the user. */
  roleSource: 'header' | 'content' | 'memory' | 'user' | null;
  /** Value type in the source (Parquet columns are typed; text files are text). */
  sourceType: SourceType;
  /** What the sample looks like. */
  profile: ColumnProfile;
  /** Decimal separator used for this column (the profile's, or the user's choice). */
  numberStyle: NumberStyle;
  /** Date format used for this column; a day/month template until the order is decided. */
  dateFormat: DateFormat | null;
}

/** How a file will be read: the proposal the user confirms or edits on the mapping screen. */
export interface FilePlan {
  file: InputFile;
  format: SourceFormat;
  /** The CSV is gzip-compressed (DuckDB reads it as is when the encoding is UTF-8). */
  gzip: boolean;
  /** Detected (or chosen) text encoding. */
  encoding: Encoding;
  /** Field delimiter (CSV). */
  delimiter: string;
  /** The file mixes line endings (e.g. CR lines and a final CRLF): rewrite them as LF while reading. */
  normaliseNewlines: boolean;
  /** Mixed encodings: lines that are not valid UTF-8 are read in this encoding (the rest as UTF-8). */
  fallbackEncoding?: Encoding | null;
  /** The file ends inside a row (no final line break, a short last row or an open quote): cut off? */
  truncated?: boolean;
  /** 0-based physical line (CSV) or sheet row (XLSX) of the header. */
  headerLine: number;
  /** XLSX: the sheet read and the sheets available. */
  sheet: string | null;
  sheets: string[];
  /** Table kind the file holds. */
  kind: TableKind;
  columns: ColumnPlan[];
  /** Required roles not mapped (the file cannot load until this is empty). */
  missing: string[];
  /** Headers that occur more than once (only the first can take a role). */
  duplicateHeaders: string[];
  /** Number of records in the sample (a header with nothing below it is refused at load). */
  sampleRows: number;
  /**
   * Rows the whole file holds: exact for Parquet and XLSX and small text files, else estimated
   * from the sample's bytes per line (capacity.ts decides from it how to stage the file, or
   * refuses it in a browser tab). Absent in plans stored before it existed.
   */
  estimatedRows?: number;
  /** Survey files (kind `survey` or `survey_items`): the questions found, their dimension, scale and importance. */
  survey?: SurveyPlan;
}

/** A row that was not loaded, with the reason and where it was in the file. */
export interface RejectedRow {
  /** 1-based line number in the original file (sheet row for XLSX, row number for Parquet). */
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
  /**
   * Rates and per-unit figures (discount, unit price, unit cost, days overdue): the mean over
   * the rows, which the report shows instead of the sum (a sum of discounts means nothing).
   * Null when no row has a value. summary.json keeps the sums.
   */
  mean?: { read: number | null; loaded: number | null };
}

/** What happened to one file (data-model.md "Nothing lost"). */
export interface LoadReport {
  file: string;
  kind: TableKind;
  format: SourceFormat;
  encoding: string;
  delimiter: string;
  /** Column headers, for the rejects file. */
  headers: string[];
  /** Data rows found below the header (blank lines excluded). */
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Summary rows (合计, Total …) set aside. */
  summaryRows: number;
  /** Rejected rows (the first 1000), with reason and line. */
  rejects: RejectedRow[];
  /** Count per reject reason (all rejected rows). */
  rejectReasons: Record<string, number>;
  /** Totals of the main numeric columns as read vs as loaded. */
  totals: ColumnTotal[];
  /** Facts the user should see (message keys with params), e.g. the date order chosen. */
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

/** Every error key the ingest raises (the UI has a message for each, in both languages). */
export const INGEST_ERROR_KEYS = [
  'empty_file',
  'header_only',
  'binary_file',
  'pdf_file',
  'zip_file',
  'xls_file',
  'bad_xlsx',
  'empty_workbook',
  'sheet_not_found',
  'bad_parquet',
  'missing_roles',
  'no_columns',
  'too_many_columns',
  'unreadable_csv',
  'truncated_file',
  'data_url_unreachable',
  'data_url_status',
  'data_url_range',
  'data_url_timeout',
  'dataset_schema',
  'dataset_partitions',
] as const;

/** Every reject reason key. */
export const REJECT_REASONS = [
  'missing_date',
  'bad_date',
  'impossible_date',
  'missing_month',
  'bad_month',
  'missing_customer',
  'missing_product',
  'missing_amount',
  'bad_amount',
  'nonfinite_amount',
  'too_many_columns',
  'unreadable_row',
  // Survey answers (one answer set aside; the rest of its response loads).
  'bad_answer',
  'answer_outside_scale',
  'no_scale',
  'missing_item',
] as const;
