/**
 * Satisfaction linked to value (analytics.md §12, "Links"): the current wave's index by ABC
 * class, KPI tier, lifecycle stage and key-account tier, and the customers "at risk" (valuable —
 * A class or key account — whose index is below the line or fell by the drop or more since the
 * previous wave). Pure: it joins results the pages already have (Pareto, KPI, lifecycle, the key
 * accounts' scores), so nothing is queried twice.
 */
import { compareCodePoints, EPS } from './common';
import { KEY_TIERS, type KeyTier } from './key-account-factors';
import { isKeyAccount, type KeyAccountsScored } from './key-accounts-score';
import type { KpiResult } from './kpi';
import type { LifecycleResult } from './lifecycle';
import { STAGES } from './lifecycle-sql';
import type { Params } from './params';
import type { ParetoResult } from './pareto';
import type { CustomerWave, SatisfactionResult } from './satisfaction-index';

/** Mean index of a group of customers in the current wave. */
export interface IndexGroup {
  /** Class (`A`), tier (`B`, `strategic`), stage (`growth`), or `none` for customers without one. */
  key: string;
  customers: number;
  index: number | null;
}

/** A customer at risk: valuable (A class or key account) with an index below the line or a fall of the drop or more. */
export interface AtRisk extends CustomerWave {
  /** Why: below the line, fallen, or both. */
  below: boolean;
  fell: boolean;
  /** Its ABC class (null when the Pareto does not rank it). */
  abcClass: string | null;
  /** Its key-account tier under the current standard (null when not scored or not known yet). */
  keyTier: KeyTier | null;
}

/** The links of §12. */
export interface SatisfactionLinks {
  byClass: IndexGroup[];
  byTier: IndexGroup[] | null;
  byStage: IndexGroup[] | null;
  /** Null without the key accounts' scores. */
  byKeyTier: IndexGroup[] | null;
  atRisk: AtRisk[];
}

/** The results the links join (null when not available). */
export interface LinkInputs {
  abc: ParetoResult | null;
  kpi: KpiResult | null;
  lifecycle: LifecycleResult | null;
  /** The key accounts scored with the current standard (§11). */
  keyAccounts: KeyAccountsScored | null;
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
 * Link the current wave's customer indices to ABC class, KPI tier, lifecycle stage and
 * key-account tier (the plain mean per group; `none` = customers the analysis does not rank),
 * and list the valuable customers at risk by ascending index. A survey without sales data has no
 * links.
 */
export function satisfactionLinks(
  sat: SatisfactionResult,
  links: LinkInputs,
  params: Pick<Params, 'satisfaction'>,
): SatisfactionLinks {
  if (!sat.sales) return { byClass: [], byTier: null, byStage: null, byKeyTier: null, atRisk: [] };
  const current = sat.customers.filter((c) => c.wave === sat.current && c.matchedBy !== null);
  const classOf = new Map((links.abc?.rows ?? []).map((r) => [r.id, r.class as string]));
  const tierOf =
    links.kpi && !links.kpi.byCategory
      ? new Map(links.kpi.rows.map((r) => [r.customerId, r.tier as string]))
      : null;
  const stageOf = links.lifecycle
    ? new Map(links.lifecycle.customers.map((c) => [c.customerId, c.stage as string]))
    : null;
  const keyTierOf = links.keyAccounts
    ? new Map(links.keyAccounts.rows.map((r) => [r.customerId, r.tier]))
    : null;
  const { at_risk_index: line, at_risk_drop: drop } = params.satisfaction;
  const atRisk = current
    .map((c) => ({
      ...c,
      below: c.index < line - EPS,
      fell: c.change !== null && c.change <= -drop + EPS,
      abcClass: classOf.get(c.customerId) ?? null,
      keyTier: keyTierOf?.get(c.customerId) ?? null,
    }))
    .filter((c) => (c.abcClass === 'A' || isKeyAccount(c.keyTier)) && (c.below || c.fell))
    .sort((a, b) => a.index - b.index || compareCodePoints(a.customerId, b.customerId));
  return {
    byClass: groups(current, (id) => classOf.get(id), ['A', 'B', 'C']),
    byTier: tierOf ? groups(current, (id) => tierOf.get(id), ['A', 'B', 'C']) : null,
    byStage: stageOf ? groups(current, (id) => stageOf.get(id), STAGES) : null,
    byKeyTier: keyTierOf ? groups(current, (id) => keyTierOf.get(id), KEY_TIERS) : null,
    atRisk,
  };
}
