import { engineTraits, type Engine } from '../engine/types';
import { sqlString } from '../engine/sql';
import { CANONICAL } from './canonical';
import { isUtf8, transcodeToUtf8 } from './encoding';
import { transcodeMixed, type MixedStats } from './mixed-encoding';
import { uid, type LoadProgress, type RawSource } from './raw-source';
import { sniffText, type TextFacts } from './sniff';
import { contentChunks, collectSource, normaliseNewlines, sourceChunks, wholeSourceChunks } from './stream';
import type { FilePlan } from './types';

/**
 * Inflate a gzip file to its end in JS (native DecompressionStream, in parallel with DuckDB's own
 * read in the browser): DuckDB's gzip reader stops quietly at a cut-off end, which would load part
 * of the file without a word. Settles with the error, never rejects unobserved.
 */
function gzipCheck(file: FilePlan['file']): () => Promise<void> {
  const done = (async () => {
    for await (const chunk of contentChunks(file, true)) void chunk;
  })().then(
    () => null,
    (err: unknown) => err,
  );
  return async () => {
    const err = await done;
    if (err) throw err;
  };
}

/**
 * A CSV/TSV file as DuckDB's `read_csv` of VARCHAR columns (the file registered as it is, or
 * rewritten as UTF-8 when DuckDB cannot read its encoding or line endings), records numbered in
 * file order.
 */
export async function csvSource(
  db: Engine,
  plan: FilePlan,
  onProgress?: (p: LoadProgress) => void,
): Promise<RawSource> {
  const id = uid();
  // Text DuckDB cannot read as it is (another encoding, mixed line endings) is rewritten as
  // UTF-8 with LF line ends, streamed.
  const transcode = !isUtf8(plan.encoding) || plan.normaliseNewlines || !!plan.fallbackEncoding;
  let name = `in_${id}.csv${plan.gzip && !transcode ? '.gz' : ''}`;
  let source = plan.file.source;
  const mixed: MixedStats = { fallbackLines: 0, firstLines: [] };
  if (transcode) {
    onProgress?.({ file: plan.file.name, phase: 'transcoding' });
    const content = contentChunks(plan.file, plan.gzip);
    const utf8 = plan.fallbackEncoding
      ? transcodeMixed(content, plan.fallbackEncoding, mixed)
      : transcodeToUtf8(content, plan.encoding);
    source = await collectSource(
      plan.normaliseNewlines ? normaliseNewlines(utf8) : utf8,
      engineTraits(db).textInBlobs,
    );
    name = `in_${id}.csv`;
  }
  await db.registerFile(name, source);
  // One pass over the bytes DuckDB will read proves which columns need no trim(), no summary-row
  // test and no NUL cleaning: those per-cell steps were about 0.6 of the 1.6 s of a 1 M-row
  // statement (docs/performance.md). A browser File is read beside DuckDB's own read (DuckDB works
  // in its worker meanwhile; the load checks the answer after, and reads the rows again when a
  // step was needed); elsewhere the pass comes first. gzip files are left to the SQL (their bytes
  // exist only inflated, inside DuckDB), and so are files on a web server (read by range
  // requests: scanning would download them twice).
  const columns = Math.max(...plan.columns.map((c) => c.index)) + 1;
  const sniff = () => sniffText(wholeSourceChunks(source), plan.delimiter, plan.headerLine + 1, columns);
  const skipSniff = (plan.gzip && !transcode) || source.kind === 'url';
  const beside = !skipSniff && source.kind === 'blob' && plan.kind !== 'survey';
  // Beside: started by the load once DuckDB has the statement (sniffBeside), not here: the pass
  // keeps the main thread busy, and an answer DuckDB sends meanwhile waits for it (measured: the
  // CREATE SEQUENCE below waited 0.5 s at 1 M rows when the pass started here).
  let sniffed: Promise<TextFacts> | undefined;
  const sniffBeside = () => {
    if (!sniffed) {
      sniffed = sniff();
      // Awaited by the load; a read error must not go unobserved if the load stops first.
      sniffed.catch(() => undefined);
    }
    return sniffed;
  };
  const facts = beside || skipSniff ? undefined : await sniff();
  const rejectsTable = `rej_${id}`;
  const created: string[] = [];
  const typed = plan.kind === 'survey' ? new Map() : plainColumns(plan);
  const columnsOf = (types: ReadonlyMap<number, 'number' | 'date'>) =>
    plan.columns
      .map((c) => {
        const type = types.get(c.index);
        return `${sqlString(`c${c.index}`)}: '${type === 'number' ? 'DOUBLE' : type === 'date' ? 'DATE' : 'VARCHAR'}'`;
      })
      .join(', ');
  const reader = (suffix: string, types: ReadonlyMap<number, 'number' | 'date'> = new Map()) => {
    created.push(`${rejectsTable}${suffix}`, `scan_${id}${suffix}`);
    return `read_csv(${sqlString(name)}, header = false, skip = ${plan.headerLine + 1}, delim = ${sqlString(plan.delimiter)},
      quote = '"', escape = '"', auto_detect = false, columns = {${columnsOf(types)}}, null_padding = true, parallel = false,
      max_line_size = 16777216, ${plan.gzip && !transcode ? "compression = 'gzip'," : ''}
      store_rejects = true, rejects_table = '${rejectsTable}${suffix}', rejects_scan = 'scan_${id}${suffix}')`;
  };
  let fresh = 0;
  // Records are numbered by a sequence as the single-threaded reader (parallel = false) produces
  // them, in file order; row_number() OVER () would buffer the whole file before the first row
  // moves on (slower, and the peak memory of a second copy).
  const seq = `seq_${id}`;
  await db.exec(`CREATE TEMP SEQUENCE ${seq}`);
  const numbered = (r: string) => `(SELECT nextval('${seq}') AS _rec, * FROM ${r})`;
  return {
    relation: numbered(reader('', typed)),
    freshRelation: () => `(SELECT * FROM ${reader(`_${++fresh}`)})`,
    lines: 'scan',
    rejectsTable,
    chunks: () => (transcode ? sourceChunks(source) : contentChunks(plan.file, plan.gzip)),
    mixed: plan.fallbackEncoding ? mixed : undefined,
    nul: facts?.nul,
    edgeSpace: facts?.edgeSpace,
    summaryWord: facts?.summaryWord,
    sniffBeside: beside ? sniffBeside : undefined,
    typed: typed.size ? typed : undefined,
    rewind: async () => {
      for (const t of [rejectsTable, `scan_${id}`]) await db.exec(`DROP TABLE IF EXISTS ${t}`);
      await db.exec(`DROP SEQUENCE IF EXISTS ${seq}`);
      await db.exec(`CREATE TEMP SEQUENCE ${seq}`);
      return numbered(reader(''));
    },
    verify: plan.gzip && !transcode ? gzipCheck(plan.file) : undefined,
    cleanup: async () => {
      for (const t of [...new Set(created)]) await db.exec(`DROP TABLE IF EXISTS ${t}`);
      await db.exec(`DROP SEQUENCE IF EXISTS ${seq}`);
      await db.dropFile(name);
    },
  };
}

/** A number as DuckDB's cast reads it, with nothing to clean. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * Columns DuckDB's reader can type itself (position → source type): a number role whose sample
 * is all plain numbers with a decimal dot, a date role whose sample is all ISO dates. The read is
 * checked after (loadOne): a cell it could not type, or a rejected row, sends the file through the
 * text reading again.
 */
function plainColumns(plan: FilePlan): Map<number, 'number' | 'date'> {
  const out = new Map<number, 'number' | 'date'>();
  for (const c of plan.columns) {
    const type = c.role && CANONICAL[plan.kind].find((s) => s.role === c.role)?.type;
    if (c.sourceType !== 'text' || !c.samples.length) continue;
    if (
      type === 'number' &&
      c.numberStyle === 'dot' &&
      c.profile.numberShare === 1 &&
      c.samples.every((v) => PLAIN_NUMBER.test(v))
    )
      out.set(c.index, 'number');
    else if (
      type === 'date' &&
      c.dateFormat === 'iso' &&
      c.profile.dateShare === 1 &&
      c.samples.every((v) => ISO_DATE.test(v))
    )
      out.set(c.index, 'date');
  }
  return out;
}
