/**
 * The ABC thresholds applied to a ranking in TypeScript. The ranking (values, ranks, shares,
 * cumulative shares) does not depend on the thresholds a and b; only the classes do. A change of
 * a threshold then needs no query: the page keeps the ranking and classifies it again, with the
 * very comparisons of `buildParetoSql`'s CASE (pareto-thresholds.test.ts compares both).
 */
import { EPS } from './common';
import { bars, type AbcClass, type ClassSummary, type ParetoResult, type ParetoRow } from './pareto';

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
 * The same ranking under other thresholds: the classes, their summaries and the bars again (as
 * `concentration` makes them, sums in the same order); n, P, top-20 share, HHI and Gini do not
 * depend on the thresholds and are kept, and so is every row whose class stays. Null when the SQL
 * would read a threshold as another double (`sqlReadsExactly`): then the classes are the SQL's
 * to give.
 */
export function withThresholds(r: ParetoResult, abc: { a: number; b: number }): ParetoResult | null {
  if (r.params.abc.a === abc.a && r.params.abc.b === abc.b) return r;
  if (!sqlReadsExactly(abc.a) || !sqlReadsExactly(abc.b)) return null;
  const rows = r.rows.map((row) => {
    const c = abcClass(row, abc);
    return c === row.class ? row : { ...row, class: c };
  });
  const n = rows.length;
  const classes: ClassSummary[] = (['A', 'B', 'C'] as const).map((c) => {
    let count = 0;
    let value = 0;
    let share = 0;
    for (const row of rows)
      if (row.class === c) {
        count++;
        value += row.value;
        share += row.share ?? 0;
      }
    return {
      class: c,
      count,
      countShare: n ? count / n : 0,
      value,
      valueShare: r.total > 0 ? share : null,
    };
  });
  return { ...r, params: { ...r.params, abc }, rows, classes, bars: bars(rows) };
}
