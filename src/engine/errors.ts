/** Which step failed; lets the UI pick a message and a remedy. */
export type EngineErrorKind = 'sql' | 'startup' | 'file' | 'cancelled' | 'out_of_memory' | 'crashed';

/** An error raised by DuckDB, carrying the SQL that failed. */
export class EngineError extends Error {
  /** The failing statement (may be empty for non-SQL failures). */
  readonly sql: string;
  /** Classification of the failure. */
  readonly kind: EngineErrorKind;

  constructor(options: { message: string; sql?: string; kind?: EngineErrorKind; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'EngineError';
    this.sql = options.sql ?? '';
    this.kind = options.kind ?? 'sql';
  }
}

/** Wrap anything thrown by DuckDB into an EngineError that names the SQL. */
export function toEngineError(err: unknown, sql: string): EngineError {
  if (err instanceof EngineError) return err;
  const message = err instanceof Error ? err.message : String(err);
  let kind: EngineErrorKind = 'sql';
  if (/out of memory|Out of Memory|memory access out of bounds|could not allocate/i.test(message))
    kind = 'out_of_memory';
  else if (/INTERRUPT|cancel/i.test(message)) kind = 'cancelled';
  return new EngineError({ message, sql, kind, cause: err });
}

/** The error of a statement dropped or interrupted because its AbortSignal fired. */
export function cancelledError(sql: string): EngineError {
  return new EngineError({ message: 'cancelled: superseded by a newer request', sql, kind: 'cancelled' });
}
