import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ParamError, resolveParams } from '../analytics/params';
import { runAll } from '../analytics/run-all';
import { EngineError } from '../engine/errors';
import { NodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { missingRoles } from '../ingest/canonical';
import { inspectFile, loadFiles } from '../ingest/load';
import { IngestError, type FilePlan, type InputFile } from '../ingest/types';
import { resultFiles } from '../results/writer';
import { parseArgs, USAGE, UsageError } from './args';

const log = (s: string) => process.stderr.write(`${s}\n`);

function inputFromPath(path: string): InputFile {
  const full = resolve(path);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    throw new UsageError(`cannot read "${path}": no such file`);
  }
  return { name: basename(full), size, source: { kind: 'path', path: full } };
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
    const inputs = args.files.map((f) => ({ kind: f.kind, file: inputFromPath(f.path) }));
    log(args.engine === 'native' ? 'starting native DuckDB …' : 'starting DuckDB-WASM …');
    // Native DuckDB is loaded only when asked for (an optional dependency).
    const db: Engine =
      args.engine === 'native'
        ? await (await import('../engine/native')).NativeEngine.start({ threads: args.threads ?? undefined })
        : await NodeEngine.start();
    try {
      const plans: FilePlan[] = [];
      for (const { kind, file } of inputs) {
        log(`reading ${file.name} as ${kind} …`);
        const plan = await inspectFile(file);
        // The flag decides the table kind; the roles must fit it.
        plan.kind = kind;
        plan.missing = missingRoles(kind, new Set(plan.columns.flatMap((c) => (c.role ? [c.role] : []))));
        plans.push(plan);
      }
      const reports = await loadFiles(db, plans);
      for (const r of reports)
        log(
          `  ${r.file}: ${r.rowsLoaded} of ${r.rowsRead} rows loaded, ${r.rowsRejected} rejected, ${r.summaryRows} summary rows set aside`,
        );
      const all = await runAll(db, params, (s) => log(`analysing: ${s} …`));
      if (!all) throw new UsageError('the sales files contain no rows with a valid date');
      mkdirSync(args.out, { recursive: true });
      for (const f of resultFiles(all, reports)) {
        writeFileSync(join(args.out, f.name), f.content);
        log(`wrote ${join(args.out, f.name)}`);
      }
    } finally {
      await db.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) log(`error: ${err.message}`);
    else if (err instanceof ParamError) log(`error: bad parameter ${err.message}`);
    else if (err instanceof IngestError)
      log(`error: ${err.key} ${JSON.stringify(err.params)} — see docs/ingest.md for what to do`);
    else if (err instanceof EngineError)
      log(`error: DuckDB failed: ${err.message}\nSQL: ${err.sql.slice(0, 500)}`);
    else log(`error: ${err instanceof Error ? err.stack : String(err)}`);
    return err instanceof UsageError || err instanceof ParamError ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
