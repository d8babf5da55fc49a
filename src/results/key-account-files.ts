import { compareCodePoints } from '../analytics/common';
import type { KeyAccountsResult } from '../analytics/key-accounts';
import { partOf, scoreOf, valueOf } from '../analytics/key-accounts-score';
import { csvText, type Text } from '../export/csv';

/** key_accounts.csv: every customer with revenue > 0 in the period, in rank order. */
export function keyAccountsCsv(k: KeyAccountsResult): Text {
  return csvText(
    ['customer_id', 'revenue', 'score', 'rank', 'tier', 'scope', 'partnership'],
    k.scored.rows.map((r) => [r.customerId, r.revenue, r.score, r.rank, r.tier, r.scope, r.partnership]),
  );
}

/**
 * key_account_factors.csv: customer × applied factor (unavailable ones dropped), by customer id
 * and then the standard's factor order. `value` is the factor's value (the stage as its points),
 * `score` the factor's average-rank score s ∈ [0, 1], `weight` as applied (after rescaling),
 * `part` = weight × score.
 */
export function keyAccountFactorsCsv(k: KeyAccountsResult): Text {
  const s = k.scored;
  const sorted = [...s.rows].sort((a, b) => compareCodePoints(a.customerId, b.customerId));
  // customers × factors lines (1.2 M at 200,000 customers): made one at a time, not as an array first.
  function* rows() {
    for (const r of sorted)
      for (let i = 0; i < s.applied.length; i++)
        yield [
          r.customerId,
          s.applied[i].factor,
          valueOf(s, r, i),
          scoreOf(s, r, i),
          s.applied[i].weight,
          partOf(s, r, i),
        ];
  }
  return csvText(['customer_id', 'factor', 'value', 'score', 'weight', 'part'], rows());
}

/** The key_accounts block of summary.json: the standard as given and applied, the tiers. */
export function keyAccountsBlock(k: KeyAccountsResult): unknown {
  return {
    customers: k.scored.rows.length,
    mode: k.standard.mode,
    factors_given: k.standard.factors,
    factors_applied: k.scored.applied.map((a) => [a.factor, a.weight]),
    dropped: k.scored.dropped.map((d) => ({ factor: d.factor, weight: d.given, reason: d.reason })),
    forecast_reason: k.now.forecastReason,
    receivables_as_of: k.now.receivablesAsOf,
    survey_wave: k.now.wave,
    tiers: k.scored.tierCounts,
  };
}
