/**
 * The sales team view of key accounts (analytics.md §11, seed 003 考核): per sales rep its
 * revenue and gross profit, plan fulfilment on the §6 R1 basis, its customers and key accounts,
 * the overdue share of its customers' receivables and their mean satisfaction. Pure: combines the
 * figures key-accounts.ts read with the tiers of the current standard.
 */
import { bySig12Desc, compareCodePoints, EPS } from './common';
import { isKeyAccount, type KeyAccountsScored } from './key-accounts-score';

/** One customer as the team view needs it. */
export interface TeamCustomer {
  customerId: string;
  /** Its rep (most revenue in the period; null when no row of it names a rep). */
  rep: string | null;
  /** Revenue > 0 in the period (a customer of the key-account list). */
  ranked: boolean;
  revenue: number;
  /** §6 actual basis and plan in the period (plan null without one). */
  actual: number;
  planned: number | null;
  /** Receivables at the snapshot (null without a row there). */
  outstanding: number | null;
  overdue: number | null;
  /** Customer index of the current wave (null without an answer). */
  satisfaction: number | null;
}

/** What the team view reads besides the tiers. */
export interface TeamInputs {
  /** Revenue and gross profit of the rows each rep sold (null rep: rows without one). */
  reps: { rep: string | null; revenue: number; grossProfit: number | null }[];
  /** By customer id (code point). */
  customers: TeamCustomer[];
  planBasis: 'quantity' | 'revenue' | 'none';
  receivables: boolean;
  satisfaction: boolean;
}

/** One sales rep (or the rows without one). */
export interface TeamRow {
  rep: string | null;
  revenue: number;
  grossProfit: number | null;
  /** Σ actual basis / Σ plan over its customers with a plan; null when Σ plan ≤ 0 or no plan. */
  planFulfilment: number | null;
  /** Its customers with revenue > 0 in the period. */
  customers: number;
  /** Of those, strategic or key. */
  keyAccounts: number;
  strategic: number;
  /** Σ overdue / Σ outstanding over its customers at the snapshot; null when nothing is outstanding. */
  overdueShare: number | null;
  /** Mean customer index of its customers that answered the current wave. */
  satisfaction: number | null;
  /** Its customers (ranked or with a plan), in the order of `TeamInputs.customers` (by id). */
  customerIds: string[];
}

/** The team table: reps by revenue descending (then name), the rows without a rep last. */
export function salesTeam(inputs: TeamInputs, scored: KeyAccountsScored): TeamRow[] {
  const tier = new Map(scored.rows.map((r) => [r.customerId, r.tier]));
  const byRep = new Map<string | null, TeamCustomer[]>();
  // The customers come in id order (key-accounts.ts sorts them once): no sort on every change.
  for (const c of inputs.customers) {
    const list = byRep.get(c.rep) ?? [];
    list.push(c);
    byRep.set(c.rep, list);
  }
  const totals = new Map(inputs.reps.map((r) => [r.rep, r]));
  const reps = new Set<string | null>([...totals.keys(), ...byRep.keys()]);
  const rows = [...reps].map((rep): TeamRow => {
    const members = byRep.get(rep) ?? [];
    const ranked = members.filter((c) => c.ranked);
    const planned = members.filter((c) => c.planned !== null && c.planned > EPS);
    const plan = planned.reduce((s, c) => s + (c.planned ?? 0), 0);
    const outstanding = members.reduce((s, c) => s + (c.outstanding ?? 0), 0);
    const answered = members.filter((c) => c.satisfaction !== null);
    return {
      rep,
      revenue: totals.get(rep)?.revenue ?? 0,
      grossProfit: totals.get(rep)?.grossProfit ?? null,
      planFulfilment:
        inputs.planBasis === 'none' || plan <= EPS ? null : planned.reduce((s, c) => s + c.actual, 0) / plan,
      customers: ranked.length,
      keyAccounts: ranked.filter((c) => isKeyAccount(tier.get(c.customerId) ?? null)).length,
      strategic: ranked.filter((c) => tier.get(c.customerId) === 'strategic').length,
      overdueShare:
        inputs.receivables && outstanding > EPS
          ? members.reduce((s, c) => s + (c.overdue ?? 0), 0) / outstanding
          : null,
      satisfaction: answered.length
        ? answered.reduce((s, c) => s + (c.satisfaction ?? 0), 0) / answered.length
        : null,
      customerIds: members.map((c) => c.customerId),
    };
  });
  return rows.sort(
    (a, b) =>
      (a.rep === null ? 1 : 0) - (b.rep === null ? 1 : 0) ||
      bySig12Desc(a.revenue, b.revenue) ||
      compareCodePoints(a.rep ?? '', b.rep ?? ''),
  );
}
