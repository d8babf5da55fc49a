import { describe, expect, it } from 'vitest';
import { nativeInstalled } from '../../test/helpers/native';
import { cellRows, rowObjects, toCell } from './native-cells';

describe.skipIf(!nativeInstalled())('native DuckDB answers as cells', () => {
  it('gives the same row objects as the reader’s getRowObjectsJS through toCell, for every kind of column', async () => {
    const { DuckDBInstance, JSDuckDBValueConverter } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    // 5,000 rows: three chunks of the reader; every fifth row NULL; a name twice, quotes, CJK.
    const sql = `SELECT 'C' || i AS customer_id, i * 1.5 AS v, i::INTEGER AS n, (i * 1000000000)::BIGINT AS big,
        i::HUGEINT AS huge, i % 2 = 0 AS even, DATE '2024-01-01' + i::INTEGER AS day,
        TIMESTAMP '2024-01-01 10:00:00' + INTERVAL (i) SECOND AS ts, (i / 8)::DECIMAL(12, 3) AS dec,
        [i, i + 1] AS list, 'x' AS dup, '客户' || i AS "客户 ""名称""", 'y' AS dup
      FROM range(5000) r(i)`;
    const nullable = `SELECT * REPLACE (${[
      'customer_id',
      'v',
      'n',
      'big',
      'huge',
      'even',
      'day',
      'ts',
      'dec',
      'list',
    ]
      .map((c) => `CASE WHEN i % 5 = 0 THEN NULL ELSE ${c} END AS ${c}`)
      .join(', ')}) FROM (SELECT *, i FROM (${sql.replace('FROM range', ', i FROM range')}))`;
    for (const q of [sql, nullable, 'SELECT 1 AS a WHERE FALSE']) {
      const expected = (await conn.runAndReadAll(q)).getRowObjectsJS().map((r) => {
        const row: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) row[k] = toCell(v);
        return row;
      });
      const reader = await conn.runAndReadAll(q);
      const rows = cellRows(reader, (v, type) =>
        toCell(JSDuckDBValueConverter(v as never, type, JSDuckDBValueConverter)),
      );
      expect(rows).toEqual(expected);
      for (let i = 0; i < rows.length; i += 997)
        expect(Object.keys(rows[i])).toEqual(Object.keys(expected[i]));
    }
    expect(
      rowObjects(['dup', 'a', 'dup'], [[1], [2], [3]]).map((r) => [Object.keys(r), Object.values(r)]),
    ).toEqual([
      [
        ['dup', 'a'],
        [3, 2],
      ],
    ]);
    conn.closeSync();
    instance.closeSync();
  });
});
