/**
 * Satisfaction linked to value (analytics.md §12, "Links"): the current wave's index by ABC
 * class, KPI tier and lifecycle stage, and the customers "at risk" (A class whose index is below
 * the line or fell by the drop or more since the previous wave). Pure: it joins results the
 * pages already have (Pareto, KPI, lifecycle), so nothing is queried twice.
 */
import { compareCodePoints, EPS } from './common';
import type { KpiResult } from './kpi';
import type { LifecycleResult } from './lifecycle';
import { STAGES } from './lifecycle-sql';
import type { Params } from './params';
import type { ParetoResult } from './pareto';
import type { CustomerWave, SatisfactionResult } from './satisfaction';

/** Mean index of a group of customers in the current wave. */
export interface IndexGroup {
  /** Class (`A`), tier (`B`), stage (`growth`), or `none` for customers without one. */
  key: string;
  customers: number;
  index: number | null;
}

/** A customer at risk: A class, index below the line or a fall of the drop or more. */
export interface AtRisk extends CustomerWave {
  /** Why: below the line, fallen, or both. */
  below: boolean;
  fell: boolean;
}

/** The links of §12. */
export interface SatisfactionLinks {
  byClass: IndexGroup[];
  byTier: IndexGroup[] | null;
  byStage: IndexGroup[] | null;
  atRisk: AtRisk[];
}

function groups(
  rows: CustomerWave[],
  keyOf: (customerId: string) => string | undefined,
  order: readonly string[],
): IndexGroup[] {
  const by = new Map<string, CustomerWave[]>();
  for (const r of rows) {
    const k = keyOf(r.customerId) ?? 'none';
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  const keys = [...by.keys()].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || compareCodePoints(a, b),
  );
  return keys.map((key) => {
    const members = [...by.get(key)!].sort((a, b) => compareCodePoints(a.customerId, b.customerId));
    return {
      key,
      customers: members.length,
      index: members.length ? members.reduce((s, m) => s + m.index, 0) / members.length : null,
    };
  });
}

/**
 * Link the current wave's customer indices to ABC class, KPI tier and lifecycle stage (the
 * plain mean per group; `none` = customers the analysis does not rank), and list the customers
 * at risk by ascending index.
 */
export function satisfactionLinks(
  sat: SatisfactionResult,
  links: { abc: ParetoResult | null; kpi: KpiResult | null; lifecycle: LifecycleResult | null },
  params: Pick<Params, 'satisfaction'>,
): SatisfactionLinks {
  const current = sat.customers.filter((c) => c.wave === sat.current && c.matchedBy !== null);
  const classOf = new Map((links.abc?.rows ?? []).map((r) => [r.id, r.class as string]));
  const tierOf =
    links.kpi && !links.kpi.byCategory
      ? new Map(links.kpi.rows.map((r) => [r.customerId, r.tier as string]))
      : null;
  const stageOf = links.lifecycle
    ? new Map(links.lifecycle.customers.map((c) => [c.customerId, c.stage as string]))
    : null;
  const { at_risk_index: line, at_risk_drop: drop } = params.satisfaction;
  const atRisk = current
    .filter((c) => classOf.get(c.customerId) === 'A')
    .map((c) => ({
      ...c,
      below: c.index < line - EPS,
      fell: c.change !== null && c.change <= -drop + EPS,
    }))
    .filter((c) => c.below || c.fell)
    .sort((a, b) => a.index - b.index || compareCodePoints(a.customerId, b.customerId));
  return {
    byClass: groups(current, (id) => classOf.get(id), ['A', 'B', 'C']),
    byTier: tierOf ? groups(current, (id) => tierOf.get(id), ['A', 'B', 'C']) : null,
    byStage: stageOf ? groups(current, (id) => stageOf.get(id), STAGES) : null,
    atRisk,
  };
}
