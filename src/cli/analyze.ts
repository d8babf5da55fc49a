import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ParamError, resolveParams, type Params } from '../analytics/params';
import { runEach, type RunInfo } from '../analytics/run-all';
import { forecastRunner, setForecastRunner } from '../analytics/forecast/runner';
import { EngineError } from '../engine/errors';
import { textPieces, type Text } from '../export/csv';
import { NodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { applyMapping, inspectFile, loadFiles } from '../ingest/load';
import { inspectDataset } from '../ingest/dataset';
import { MappingFileError, parseMappingFile } from '../ingest/mapping-file';
import type { MappingStore } from '../ingest/mapping-memory';
import { IngestError, type FilePlan, type LoadReport } from '../ingest/types';
import { isMessageKey, translate } from '../i18n/translate';
import { analysisFiles, summaryFile, summaryParts, type ResultFile } from '../results/writer';
import { parseArgs, USAGE, UsageError } from './args';
import { forecastThread } from './forecast-thread';
import { resolveInputs } from './inputs';

const log = (s: string) => process.stderr.write(`${s}\n`);

/** The mappings of `--mapping FILE` (saved on the Data page), keyed as the browser keys them. */
function readMappings(path: string): MappingStore {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--mapping ${path}: ${(err as Error).message}`);
  }
  try {
    return parseMappingFile(text);
  } catch (err) {
    if (err instanceof MappingFileError) throw new UsageError(`--mapping ${path}: ${err.message}`);
    throw err;
  }
}

/** An ingest error as the page's English message, with its key for docs/ingest.md. */
function ingestMessage(err: IngestError): string {
  const key = `error.${err.key}`;
  return isMessageKey(key)
    ? `${translate('en', key, err.params)} (${err.key}; see docs/ingest.md)`
    : `${err.key} ${JSON.stringify(err.params)} — see docs/ingest.md for what to do`;
}

/** Write a text piece by piece: a file of millions of lines is longer than one JS string can be. */
export function writeText(path: string, text: Text): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of textPieces(text)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/**
 * Run every analysis and write its result files into `out` as soon as it has run, letting its
 * result go (the JS heap holds one result at a time, not every per-customer table at once);
 * summary.json last, gathering the blocks: the same bytes as the browser's Export results. The
 * forecast starts first and fits in a worker thread while the next analyses' SQL runs. Null
 * (nothing written) without sales rows with a valid date.
 */
export async function writeResults(
  db: Engine,
  params: Params,
  reports: LoadReport[],
  out: string,
  log: (line: string) => void,
): Promise<RunInfo | null> {
  const write = (f: ResultFile) => {
    mkdirSync(out, { recursive: true });
    writeText(join(out, f.name), f.content);
    log(`wrote ${join(out, f.name)}`);
  };
  const parts = summaryParts();
  const thread = forecastThread();
  const before = forecastRunner();
  setForecastRunner(thread.compute);
  try {
    const run = await runEach(
      db,
      params,
      (id, result) => analysisFiles(id, result, write, parts),
      (s) => log(`analysing: ${s} …`),
      { ahead: ['forecast'] },
    );
    if (run) write(summaryFile(run, parts, reports));
    return run;
  } finally {
    setForecastRunner(before);
    await thread.close();
  }
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    log(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    let raw: unknown = {};
    if (args.paramsFile) {
      try {
        raw = JSON.parse(readFileSync(args.paramsFile, 'utf8'));
      } catch (err) {
        throw new UsageError(`--params ${args.paramsFile}: ${(err as Error).message}`);
      }
    }
    if (args.asOf) raw = { ...(raw as object), as_of: args.asOf };
    const params = resolveParams(raw);
    const mappings = args.mappingFile ? readMappings(args.mappingFile) : undefined;
    const inputs = [];
    for (const f of args.files)
      for (const file of await resolveInputs(f.path, `--${f.kind}`)) inputs.push({ kind: f.kind, file });
    log(args.engine === 'native' ? 'starting native DuckDB …' : 'starting DuckDB-WASM …');
    // Native DuckDB is loaded only when asked for (an optional dependency).
    const db: Engine =
      args.engine === 'native'
        ? await (
            await import('../engine/native')
          ).NativeEngine.start({
            threads: args.threads ?? undefined,
            memoryLimit: args.memoryLimit ?? undefined,
            tempDir: args.tempDir ?? undefined,
          })
        : await NodeEngine.start();
    try {
      const plans: FilePlan[] = [];
      for (const { kind, file } of inputs) {
        log(`reading ${file.parts ? `${file.name} (${file.parts.length} files)` : file.name} as ${kind} …`);
        const inspect = file.parts ? inspectDataset : inspectFile;
        // The flag decides the table kind; the roles are read for it (a receivables file's only
        // date column is its as-of date) and must fit it.
        const plan = await inspect(file, { mappings });
        // --survey takes the answers and their question table alike: the file says which it is.
        const asKind = kind === 'survey' && plan.kind === 'survey_items' ? plan.kind : kind;
        plans.push(applyMapping(plan, { kind: asKind }));
      }
      // The duplicate-row count feeds only a note of the page's load report, which no result
      // file holds (summary.json lists rows and totals, not notes): left out here, it cost
      // 13 s of a 10 M-row native load.
      const reports = await loadFiles(db, plans, { deferDuplicates: () => undefined });
      for (const r of reports)
        log(
          `  ${r.file}: ${r.rowsLoaded} of ${r.rowsRead} rows loaded, ${r.rowsRejected} rejected, ${r.summaryRows} summary rows set aside`,
        );
      const run = await writeResults(db, params, reports, args.out, log);
      if (!run) throw new UsageError('the sales files contain no rows with a valid date');
    } finally {
      await db.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) log(`error: ${err.message}`);
    else if (err instanceof ParamError) log(`error: bad parameter ${err.message}`);
    else if (err instanceof IngestError) log(`error: ${ingestMessage(err)}`);
    else if (err instanceof EngineError)
      log(`error: DuckDB failed: ${err.message}\nSQL: ${err.sql.slice(0, 500)}`);
    else log(`error: ${err instanceof Error ? err.stack : String(err)}`);
    return err instanceof UsageError || err instanceof ParamError ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
