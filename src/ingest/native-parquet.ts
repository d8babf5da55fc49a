/**
 * Parquet read by the engine's own reader (native DuckDB's `read_parquet`: every thread, only the
 * columns the load needs, no copy through the JS heap) as the raw relation of the load: the same
 * columns c0…cN with the same values the JS reader gives (parquet.ts), so the same typing and
 * cleaning SELECT (load.ts) makes the same table. A dataset's parts are read by one scan.
 */
import type { Engine } from '../engine/types';
import { sqlIdent, sqlString } from '../engine/sql';
import { partFile, partsOf } from './dataset';
import type { RawSource } from './load';
import { parquetInfo, type SourceType } from './parquet';
import type { FilePlan } from './types';

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE)$/;

/**
 * The value the JS reader gives a column, as SQL over DuckDB's typed column; null when this
 * pairing is not one whose values are known to agree (the file then goes the JS way).
 */
export function rawColumnSql(col: string, duckType: string, source: SourceType): string | null {
  const t = duckType.toUpperCase();
  switch (source) {
    case 'number': {
      if (NUMERIC.test(t)) return `CAST(${col} AS DOUBLE)`;
      // hyparquet: Number(unscaled) × 10^-scale, not the correctly rounded quotient of a cast.
      const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
      if (decimal) {
        const scale = Number(decimal[2]);
        return `(CAST(CAST(${col} * ${10n ** BigInt(scale)} AS HUGEINT) AS DOUBLE) * CAST('${10 ** -scale}' AS DOUBLE))`;
      }
      // INT96 timestamps: hyparquet gives their UTC day number.
      if (/^TIMESTAMP(_NS|_MS|_S)?$/.test(t))
        return `floor(CAST(epoch_ns(${col}) AS DOUBLE) / 1e6 / 86400000)`;
      return null;
    }
    case 'date':
      if (t === 'DATE') return col;
      if (/^TIMESTAMP(_NS|_MS|_S)?$/.test(t)) return `CAST(${col} AS DATE)`;
      // The UTC calendar day, whatever the session's time zone (as the JS reader).
      if (t === 'TIMESTAMP WITH TIME ZONE') return `CAST(timezone('UTC', ${col}) AS DATE)`;
      return null;
    case 'bool':
      return t === 'BOOLEAN' ? col : null;
    case 'text':
      if (t === 'VARCHAR') return col;
      if (t === 'UUID') return `CAST(${col} AS VARCHAR)`;
      return null;
  }
}

let counter = 0;

/**
 * The raw relation of a Parquet file or dataset read natively, or null when it cannot be (an
 * engine without its own reader, a part that is not on the local disk, a column whose values
 * the two readers would give differently): the caller then reads it in JS.
 */
export async function nativeParquetSource(db: Engine, plan: FilePlan): Promise<RawSource | null> {
  const parts = partsOf(plan.file);
  if (!db.traits.readsParquet || parts.some((p) => p.source.kind !== 'path')) return null;
  const infos = [];
  for (const part of parts) infos.push(await parquetInfo(partFile(part)));
  const id = `${Date.now().toString(36)}_${(counter++).toString(36)}`;
  const names = parts.map((_, i) => `pq_${id}_${i}.parquet`);
  for (const [i, part] of parts.entries()) await db.registerFile(names[i], part.source);
  const cleanup = async () => {
    for (const name of names) await db.dropFile(name);
  };
  try {
    const scan = `read_parquet([${names.map(sqlString).join(', ')}], binary_as_string = true)`;
    const described = await db.rows<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${scan}`,
    );
    const columns = infos[0].columns;
    if (described.map((d) => d.column_name).join('\u001f') !== columns.map((c) => c.name).join('\u001f')) {
      await cleanup();
      return null;
    }
    const exprs: string[] = [];
    for (const c of plan.columns) {
      if (c.index < columns.length) {
        const expr = rawColumnSql(
          sqlIdent(columns[c.index].name),
          described[c.index].column_type,
          columns[c.index].type,
        );
        if (expr === null) {
          await cleanup();
          return null;
        }
        exprs.push(`${expr} AS ${sqlIdent(`c${c.index}`)}`);
      } else {
        // A partition column: the part's folder value (file_index is the part's place in the list).
        const j = c.index - columns.length;
        exprs.push(
          `[${parts.map((p) => sqlString(p.partition[j][1])).join(', ')}][CAST(file_index AS BIGINT) + 1] AS ${sqlIdent(`c${c.index}`)}`,
        );
      }
    }
    // Rows numbered across the parts, as if they were one file.
    let offset = 0;
    const offsets = infos.map((info) => {
      const o = offset;
      offset += info.rows;
      return o;
    });
    const rec =
      parts.length === 1
        ? 'file_row_number + 1'
        : `file_row_number + 1 + [${offsets.join(', ')}][CAST(file_index AS BIGINT) + 1]`;
    const relation = `(SELECT ${rec} AS _rec, ${rec} AS _line, ${exprs.join(', ')} FROM ${scan})`;
    return {
      relation,
      freshRelation: () => relation,
      lines: 'column',
      rejectsTable: null,
      chunks: async function* () {},
      cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
