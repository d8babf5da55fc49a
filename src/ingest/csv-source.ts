import { engineTraits, type Engine } from '../engine/types';
import { sqlString } from '../engine/sql';
import { isUtf8, transcodeToUtf8 } from './encoding';
import { transcodeMixed, type MixedStats } from './mixed-encoding';
import { uid, type LoadProgress, type RawSource } from './raw-source';
import { contentChunks, collectSource, hasNulByte, normaliseNewlines, sourceChunks } from './stream';
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
  // One pass of indexOf(0) over the bytes (≈ 0.1 s for 75 MB) spares a contains() on every cell
  // of every row (≈ 0.7 s at 1 M rows × 13 columns) when, as nearly always, there is no NUL.
  // gzip files are left to the SQL check (their bytes exist only inflated, inside DuckDB), and so
  // are files on a web server (read by range requests: scanning would download them twice).
  const nul =
    (plan.gzip && !transcode) || source.kind === 'url' ? undefined : await hasNulByte(sourceChunks(source));
  const rejectsTable = `rej_${id}`;
  const created: string[] = [];
  const cols = plan.columns.map((c) => `${sqlString(`c${c.index}`)}: 'VARCHAR'`).join(', ');
  const reader = (suffix: string) => {
    created.push(`${rejectsTable}${suffix}`, `scan_${id}${suffix}`);
    return `read_csv(${sqlString(name)}, header = false, skip = ${plan.headerLine + 1}, delim = ${sqlString(plan.delimiter)},
      quote = '"', escape = '"', auto_detect = false, columns = {${cols}}, null_padding = true, parallel = false,
      max_line_size = 16777216, ${plan.gzip && !transcode ? "compression = 'gzip'," : ''}
      store_rejects = true, rejects_table = '${rejectsTable}${suffix}', rejects_scan = 'scan_${id}${suffix}')`;
  };
  let fresh = 0;
  // Records are numbered by a sequence as the single-threaded reader (parallel = false) produces
  // them, in file order; row_number() OVER () would buffer the whole file before the first row
  // moves on (slower, and the peak memory of a second copy).
  const seq = `seq_${id}`;
  await db.exec(`CREATE TEMP SEQUENCE ${seq}`);
  return {
    relation: `(SELECT nextval('${seq}') AS _rec, * FROM ${reader('')})`,
    freshRelation: () => `(SELECT * FROM ${reader(`_${++fresh}`)})`,
    lines: 'scan',
    rejectsTable,
    chunks: () => (transcode ? sourceChunks(source) : contentChunks(plan.file, plan.gzip)),
    mixed: plan.fallbackEncoding ? mixed : undefined,
    nul,
    verify: plan.gzip && !transcode ? gzipCheck(plan.file) : undefined,
    cleanup: async () => {
      for (const t of created) await db.exec(`DROP TABLE IF EXISTS ${t}`);
      await db.exec(`DROP SEQUENCE IF EXISTS ${seq}`);
      await db.dropFile(name);
    },
  };
}
