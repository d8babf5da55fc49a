import { RESULT_FILES } from '../analytics/registry';
import type { TableKind } from '../ingest/canonical';

/** Parsed command line of `npm run analyze`. */
export interface AnalyzeArgs {
  files: { kind: TableKind; path: string }[];
  asOf: string | null;
  paramsFile: string | null;
  out: string;
  help: boolean;
  /** `wasm` (default): DuckDB-WASM, as in the browser; `native`: native DuckDB for large files. */
  engine: 'wasm' | 'native';
  /** Threads of the native engine (default: all cores). */
  threads: number | null;
  /** Native engine: most memory DuckDB may use (DuckDB's syntax, e.g. `4GB`); null: DuckDB's default (80 % of RAM). */
  memoryLimit: string | null;
  /** Native engine: folder for DuckDB's spill files; null: a private folder under the OS temp folder. */
  tempDir: string | null;
  /** JSON file of column mappings saved from the Data page (`--mapping`). */
  mappingFile: string | null;
}

/** A command-line mistake; the message says what to do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Words joined by ", " in lines of at most `width` characters, each starting with `indent`. */
function wrapList(words: readonly string[], width: number, indent: string): string {
  const lines: string[] = [];
  let line = indent;
  for (const [i, w] of words.entries()) {
    const piece = w + (i < words.length - 1 ? ',' : '');
    if (line.length + piece.length + 1 > width && line.trim()) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += piece + ' ';
  }
  return [...lines, line.trimEnd()].join('\n');
}

export const USAGE = `Usage: npm run analyze -- --sales FILE [--sales FILE …] [--plan FILE] [--inventory FILE]
                          [--receivables FILE] [--customers FILE] [--survey FILE …]
                          [--as-of YYYY-MM-DD]
                          [--params params.json] [--mapping mapping.json]
                          [--engine wasm|native] [--threads N] [--memory-limit SIZE]
                          [--temp-dir DIR] --out DIR

Reads the files with the same ingest as the browser (CSV/TSV in UTF-8, GB18030, UTF-16;
.gz; XLSX; Parquet), runs every analysis with the same SQL (DuckDB-WASM under Node, or native
DuckDB with --engine native) and writes the result
files of outputs.md into DIR (a file whose inputs are missing is not written; summary.json
says why):
${wrapList(RESULT_FILES, 92, '  ')}

  --sales FILE        sales lines (required; repeat for one file per month). Also:
                      a folder or a glob of Parquet files read as one dataset, e.g.
                      'sales/year=2025/month=*/part-*.parquet' (quote it; key=value folders
                      become columns); a folder or glob of CSV files loads each file as if
                      given with its own --sales; an http(s):// URL of a Parquet file
                      (read with range requests)
  --plan FILE         monthly plan per customer
  --inventory FILE    monthly inventory per product
  --receivables FILE  receivables snapshot
  --customers FILE    customer master
  --survey FILE       customer satisfaction survey: the answers (a survey tool's export with
                      one column per question, or one row per answer) and the question table
                      (题目, 维度, 重要性); repeat for each file (e.g. one per wave)
  --as-of DATE        as-of date T (overrides "as_of" in --params)
  --params FILE       JSON object with any parameter of the spec (see docs/analytics.md)
  --mapping FILE      column mappings saved on the Data page ("Save mapping for the command
                      line"): files whose headers match are read with those roles
  --out DIR           folder for the result files (created if missing)
  --engine wasm|native  wasm (default): DuckDB-WASM, the engine of the browser page;
                      native: native DuckDB (@duckdb/node-api) with all cores, the machine's
                      memory and spilling to disk, for files larger than a browser tab can hold
  --threads N         threads of the native engine (default: all cores; 1 adds sums in the
                      same order as the browser, to the last digit)
  --memory-limit SIZE native engine: most memory DuckDB may use, e.g. 4GB (default: DuckDB's,
                      80 % of the machine's memory); larger work spills to --temp-dir
  --temp-dir DIR      native engine: folder for spill files (default: a private folder in
                      the system's temporary folder, removed at the end)
  --help              this text

Exit code 0 on success, 2 for bad arguments, 1 when a file or an analysis fails.
Progress goes to stderr.`;

const KINDS: Record<string, TableKind> = {
  '--sales': 'sales',
  '--plan': 'plan',
  '--inventory': 'inventory',
  '--receivables': 'receivables',
  '--customers': 'customers',
  '--survey': 'survey',
};

/** Parse argv (without node and the script). Throws UsageError naming the problem. */
export function parseArgs(argv: string[]): AnalyzeArgs {
  const out: AnalyzeArgs = {
    files: [],
    asOf: null,
    paramsFile: null,
    out: '',
    help: false,
    engine: 'wasm',
    threads: null,
    memoryLimit: null,
    tempDir: null,
    mappingFile: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') out.help = true;
    else if (a in KINDS) {
      const kind = KINDS[a];
      if (kind !== 'sales' && kind !== 'survey' && out.files.some((f) => f.kind === kind))
        throw new UsageError(`${a} may be given only once`);
      out.files.push({ kind, path: value() });
    } else if (a === '--as-of') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${v}"`);
      out.asOf = v;
    } else if (a === '--params') out.paramsFile = value();
    else if (a === '--out') out.out = value();
    else if (a === '--engine') {
      const v = value();
      if (v !== 'wasm' && v !== 'native') throw new UsageError(`--engine must be wasm or native, got "${v}"`);
      out.engine = v;
    } else if (a === '--threads') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) throw new UsageError('--threads must be a whole number ≥ 1');
      out.threads = v;
    } else if (a === '--memory-limit') {
      const v = value().replace(/\s+/g, '');
      if (!/^\d+(\.\d+)?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(v))
        throw new UsageError(`--memory-limit must be a size such as 4GB or 512MB, got "${v}"`);
      out.memoryLimit = v;
    } else if (a === '--temp-dir') out.tempDir = value();
    else if (a === '--mapping') out.mappingFile = value();
    else throw new UsageError(`unknown argument "${a}" (see --help)`);
  }
  if (out.help) return out;
  if (!out.files.some((f) => f.kind === 'sales')) throw new UsageError('--sales FILE is required');
  if (!out.out) throw new UsageError('--out DIR is required');
  if (out.engine !== 'native' && (out.memoryLimit || out.tempDir))
    throw new UsageError('--memory-limit and --temp-dir apply to --engine native only');
  return out;
}
