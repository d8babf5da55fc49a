/**
 * The ABC thresholds applied to a ranking in TypeScript. The ranking (values, ranks, shares,
 * cumulative shares) does not depend on the thresholds a and b; only the classes do. A change of
 * a threshold then needs no query: the page keeps the ranking and classifies it again, with the
 * very comparisons of `buildParetoSql`'s CASE (pareto-thresholds.test.ts compares both).
 */
import { EPS } from './common';
import { concentration, type AbcClass, type ParetoResult, type ParetoRow } from './pareto';

/**
 * Whether DuckDB reads the threshold written into the SQL (`String(x)`) as the very double `x`.
 * A plain decimal literal is a DECIMAL, turned into a double as integer ÷ 10^scale: exact when
 * the integer has at most 15 digits (below 2^53) and 10^scale is exact, not always beyond (a
 * 16-digit threshold was measured 1 ulp off). An exponent literal is read as a double.
 */
export function sqlReadsExactly(x: number): boolean {
  const s = String(x);
  if (/e/i.test(s)) return true;
  const [int, frac = ''] = s.replace('-', '').split('.');
  const digits = (int + frac).replace(/^0+/, '');
  return digits.length <= 15 && frac.length <= 22;
}

/**
 * The class of a ranked entity (analytics.md §2, step 4): C when P = 0 (no share) or v ≤ 0;
 * else A while the cumulative share before it is below a, B below b, else C (1e-9 tolerance).
 */
export function abcClass(
  row: Pick<ParetoRow, 'value' | 'share' | 'cumBefore'>,
  abc: { a: number; b: number },
): AbcClass {
  if (row.share === null || row.cumBefore === null || row.value <= EPS) return 'C';
  if (row.cumBefore < abc.a - EPS) return 'A';
  if (row.cumBefore < abc.b - EPS) return 'B';
  return 'C';
}

/**
 * The same ranking under other thresholds: every class, the class summaries and the bars again.
 * Null when the SQL would read a threshold as another double (`sqlReadsExactly`): then the
 * classes are the SQL's to give.
 */
export function withThresholds(r: ParetoResult, abc: { a: number; b: number }): ParetoResult | null {
  if (r.params.abc.a === abc.a && r.params.abc.b === abc.b) return r;
  if (!sqlReadsExactly(abc.a) || !sqlReadsExactly(abc.b)) return null;
  const rows = r.rows.map((row) => ({ ...row, class: abcClass(row, abc) }));
  return {
    params: { ...r.params, abc },
    rows,
    rowsWithoutEntity: r.rowsWithoutEntity,
    ...concentration(rows),
  };
}
