/**
 * Key accounts (analytics.md §11, seed 003): the company's own rating standard applied to the
 * customers of the period — score, rank, tier, each factor's part — the key accounts gained and
 * lost since the previous period, and the sales team view. The factor values come from SQL once
 * per period and filters (`runKeyAccountInputs`); the standard is applied in TypeScript
 * (`keyAccountsFrom`), so changing it re-runs no query.
 */
import type { Cell, Engine } from '../engine/types';
import { stagedTable } from '../engine/sharing';
import { sqlDate } from '../engine/sql';
import {
  compareCodePoints,
  datasetCaps,
  hasTable,
  isoDate,
  previousRange,
  resolvePeriod,
  type Caps,
  type ComparisonRange,
  type Period,
} from './common';
import { runForecastFor, type ForecastReason } from './forecast/forecast';
import {
  FORECAST_FACTORS,
  KEY_ACCOUNT_FACTORS,
  STAGE_POINTS,
  type KeyAccountFactor,
} from './key-account-factors';
import {
  keyAccountChanges,
  prepareFactorTable,
  scoreKeyAccounts,
  type FactorTable,
  type FactorUnavailable,
  type KeyAccountChanges,
  type KeyAccountsScored,
} from './key-accounts-score';
import {
  buildKeyAccountFactorsSql,
  buildRepTotalsSql,
  keyAccountParts,
  type KeyAccountSqlParams,
} from './key-accounts-sql';
import { planBasis } from './kpi';
import type { Params } from './params';
import { salesTeam, type TeamInputs, type TeamRow } from './sales-team';
import { runSatisfactionFor } from './satisfaction';

export { isKeyAccount, scoreKeyAccounts, keyAccountChanges } from './key-accounts-score';
export type { FactorTable, FactorUnavailable, KeyAccountRow, KeyAccountsScored } from './key-accounts-score';

/** Factor values of one period, with what the UI says about them. */
export interface PeriodFactors {
  start: string;
  end: string;
  table: FactorTable;
  /** The forecast's reason when p_alive / expected_value are unavailable for want of a model. */
  forecastReason: ForecastReason | null;
  /** Customers who bought on more than one day (what the forecast's reason refers to). */
  forecastRepeaters: number | null;
  /** The receivables as-of date the overdue share reads (null without one). */
  receivablesAsOf: string | null;
  /** The survey wave the satisfaction factor reads (null without one). */
  wave: string | null;
}

/** Everything the standard is applied to (the cached, SQL part of §11). */
export interface KeyAccountInputs {
  period: Period;
  /** The previous period of §1: growth's base, and what the changes compare with. */
  previous: ComparisonRange;
  now: PeriodFactors;
  /** The previous period's factors (null when not asked for or not covered by the data). */
  before: PeriodFactors | null;
  /** The sales team's figures (null without a sales rep in the data). */
  team: TeamInputs | null;
  /** Which master sub-class columns have values (the list's filters). */
  subclasses: { scope: boolean; partnership: boolean };
}

/** The standard applied (the page's and the result files' result). */
export interface KeyAccountsResult extends KeyAccountInputs {
  standard: Params['key_accounts'];
  scored: KeyAccountsScored;
  /** The previous period scored with the same standard (null without it). */
  scoredBefore: KeyAccountsScored | null;
  changes: KeyAccountChanges | null;
  team: TeamInputs | null;
  teamRows: TeamRow[] | null;
}

/** Whether a standard uses a factor of the value forecast (§10), which is fitted only then. */
export function needsForecast(ka: Params['key_accounts']): boolean {
  return ka.factors.some(([f]) => FORECAST_FACTORS.includes(f));
}

type Raw = Record<string, Cell>;
const num = (v: Cell): number | null => (v === null ? null : Number(v));

/** Which columns of the customer master have values (an older table may lack the sub-class columns). */
async function masterColumns(db: Engine, caps: Caps): Promise<KeyAccountSqlParams['master']> {
  if (!caps.customers) return null;
  const cols = new Set(
    (
      await db.rows<{ c: string }>(
        "SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'customers'",
      )
    ).map((r) => r.c),
  );
  const has = async (c: string) =>
    cols.has(c) && (await db.rows<{ n: number }>(`SELECT count(${c}) AS n FROM customers`))[0].n > 0;
  return {
    name: await has('customer_name'),
    costToServe: await has('cost_to_serve'),
    scope: await has('scope'),
    partnership: await has('partnership'),
  };
}

/** The latest receivables as-of date on or before `end`, or null. */
async function receivablesAsOfBefore(db: Engine, caps: Caps, end: string): Promise<string | null> {
  if (!caps.receivables) return null;
  const [s] = await db.rows<{ d: number | null }>(
    `SELECT max(as_of_date) AS d FROM receivables WHERE as_of_date <= ${sqlDate(end)}`,
  );
  return s.d === null ? null : isoDate(s.d);
}

/** Customer indices of the latest survey wave up to `end` (§12), or null without one. */
async function satisfactionAt(
  db: Engine,
  params: Params,
  period: Period,
): Promise<{ wave: string; index: Map<string, number> } | null> {
  if (!(await hasTable(db, 'survey'))) return null;
  const s = await runSatisfactionFor(db, params, period);
  if (!s.current) return null;
  const index = new Map(
    s.customers
      .filter((c) => c.wave === s.current && c.matchedBy !== null)
      .map((c) => [c.customerId, c.index]),
  );
  return { wave: s.current, index };
}

/** The factors of one period (`period.start` … `period.asOf`) and the rows the team view needs. */
async function periodFactors(
  db: Engine,
  params: Params,
  period: Period,
  caps: Caps,
  ctx: {
    master: KeyAccountSqlParams['master'];
    plan: Awaited<ReturnType<typeof planBasis>>;
    rep: boolean;
    forecast: boolean;
    /** Score every usable factor now (the page: a new standard then runs no scoring of its own). */
    eager: boolean;
  },
): Promise<{ factors: PeriodFactors; raw: Raw[]; satisfaction: Map<string, number> | null }> {
  const previous = previousRange(period);
  const receivablesAsOf = await receivablesAsOfBefore(db, caps, period.asOf);
  const sqlParams: KeyAccountSqlParams = {
    start: period.start,
    end: period.asOf,
    months: period.months,
    previous: previous.covered ? previous : null,
    filters: params.filters,
    lifecycle: params.lifecycle,
    hasGrossProfit: caps.grossProfit,
    hasReceivables: caps.receivables,
    receivablesAsOf,
    master: ctx.master,
    plan: ctx.plan.basis,
    planByCategory: ctx.plan.byCategory,
    quantity: caps.quantity,
    rep: ctx.rep,
  };
  const parts = keyAccountParts(sqlParams);
  const raw = await db.rows<Raw>(
    buildKeyAccountFactorsSql(
      sqlParams,
      { kpi: stagedTable(db, parts.kpi), stages: stagedTable(db, parts.stages) },
      parts,
    ),
  );
  raw.sort((a, b) => compareCodePoints(String(a.customer_id), String(b.customer_id)));
  const ranked = raw.filter((r) => r.ranked);
  const forecast = ctx.forecast ? await runForecastFor(db, params, period.asOf) : null;
  const byId = new Map((forecast?.rows ?? []).map((r) => [r.customerId, r]));
  const sat = await satisfactionAt(db, params, period);

  const column = (f: KeyAccountFactor): (number | null)[] => {
    switch (f) {
      case 'stage':
        return ranked.map((r) => (r.stage === null ? null : (STAGE_POINTS[String(r.stage)] ?? null)));
      case 'satisfaction':
        return ranked.map((r) => sat?.index.get(String(r.customer_id)) ?? null);
      case 'p_alive':
        return ranked.map((r) => byId.get(String(r.customer_id))?.pAlive ?? null);
      case 'expected_value':
        return ranked.map((r) => byId.get(String(r.customer_id))?.expectedValue ?? null);
      default:
        return ranked.map((r) => num(r[f]));
    }
  };
  const reasonOf = (f: KeyAccountFactor): FactorUnavailable | null => {
    switch (f) {
      case 'gross_profit':
        return caps.grossProfit ? null : 'no_cost';
      case 'quantity':
        return caps.quantity ? null : 'no_quantity';
      case 'price_index':
        return caps.quantity && caps.product ? null : 'no_quantity_or_product';
      case 'growth':
        return previous.covered ? null : 'previous_not_covered';
      case 'overdue_share':
        return !caps.receivables ? 'no_receivables' : receivablesAsOf ? null : 'no_receivables_snapshot';
      case 'cost_to_serve':
        return ctx.master?.costToServe ? null : 'no_cost_to_serve';
      case 'satisfaction':
        return sat ? null : 'no_survey';
      case 'p_alive':
      case 'expected_value':
        return !forecast ? 'not_computed' : forecast.model ? null : 'no_forecast';
      default:
        return null;
    }
  };
  const values = {} as FactorTable['values'];
  const unavailable = {} as FactorTable['unavailable'];
  for (const f of KEY_ACCOUNT_FACTORS) {
    values[f] = column(f);
    const reason = reasonOf(f);
    // Like §6: a factor no customer has a value of is left out for the whole dataset.
    unavailable[f] = reason ?? (ranked.length > 0 && values[f].every((v) => v === null) ? 'all_null' : null);
  }
  const text = (v: Cell) => (v === null || v === '' ? null : String(v));
  const factorTable: FactorTable = {
    ids: ranked.map((r) => String(r.customer_id)),
    names: ranked.map((r) => String(r.name)),
    revenue: ranked.map((r) => Number(r.revenue)),
    scope: ranked.map((r) => text(r.scope)),
    partnership: ranked.map((r) => text(r.partnership)),
    values,
    unavailable,
  };
  // For the page the factors' scores are computed here, once: a new standard only weighs and
  // sorts them. The result files apply one standard: only its factors are scored (factorScores,
  // the same numbers; 13 factors × 200,000 customers cost 1.6 s).
  const table = ctx.eager ? prepareFactorTable(factorTable) : factorTable;
  return {
    factors: {
      start: period.start,
      end: period.asOf,
      table,
      forecastReason: forecast?.model ? null : (forecast?.reason ?? null),
      forecastRepeaters: forecast?.repeaters ?? null,
      receivablesAsOf,
      wave: sat?.wave ?? null,
    },
    raw,
    satisfaction: sat?.index ?? null,
  };
}

/**
 * The factor values of the period and (with `compare`) of the previous period, and the sales
 * team's figures. `forecast` fits the value forecast for p_alive / expected_value (seconds at
 * 1 M rows): asked only when the standard uses them.
 */
export async function runKeyAccountInputsFor(
  db: Engine,
  params: Params,
  period: Period,
  caps: Caps,
  options: { forecast: boolean; compare?: boolean; eager?: boolean },
): Promise<KeyAccountInputs> {
  const master = await masterColumns(db, caps);
  const plan = await planBasis(db, caps);
  const [r] = await db.rows<{ n: number }>('SELECT count(sales_rep) AS n FROM sales');
  const ctx = { master, plan, rep: r.n > 0, forecast: options.forecast, eager: options.eager ?? true };
  const now = await periodFactors(db, params, period, caps, ctx);
  const previous = previousRange(period);
  const before =
    options.compare !== false && previous.covered
      ? (await periodFactors(db, params, { ...period, start: previous.start, asOf: previous.end }, caps, ctx))
          .factors
      : null;
  let team: TeamInputs | null = null;
  if (ctx.rep) {
    const reps = await db.rows<{ rep: string | null; revenue: number | null; gross_profit: number | null }>(
      buildRepTotalsSql({ start: period.start, end: period.asOf, filters: params.filters }),
    );
    team = {
      reps: reps.map((x) => ({ rep: x.rep, revenue: x.revenue ?? 0, grossProfit: x.gross_profit })),
      customers: now.raw.map((x) => ({
        customerId: String(x.customer_id),
        rep: x.rep === null ? null : String(x.rep),
        ranked: !!x.ranked,
        revenue: Number(x.revenue),
        actual: Number(x.actual_basis),
        planned: num(x.planned),
        outstanding: num(x.outstanding),
        overdue: num(x.overdue),
        satisfaction: now.satisfaction?.get(String(x.customer_id)) ?? null,
      })),
      planBasis: plan.basis,
      receivables: now.factors.receivablesAsOf !== null,
      satisfaction: now.satisfaction !== null,
    };
  }
  return {
    period,
    previous,
    now: now.factors,
    before,
    team,
    subclasses: { scope: !!master?.scope, partnership: !!master?.partnership },
  };
}

/** runKeyAccountInputsFor with the period resolved. Null without sales data. */
export async function runKeyAccountInputs(
  db: Engine,
  params: Params,
  options: { forecast: boolean },
): Promise<KeyAccountInputs | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runKeyAccountInputsFor(db, params, period, await datasetCaps(db), options);
}

/** Apply a standard to the inputs (pure; the page runs it on every change of the standard). */
export function keyAccountsFrom(inputs: KeyAccountInputs, ka: Params['key_accounts']): KeyAccountsResult {
  const scored = scoreKeyAccounts(inputs.now.table, ka);
  const scoredBefore = inputs.before ? scoreKeyAccounts(inputs.before.table, ka) : null;
  return {
    ...inputs,
    standard: ka,
    scored,
    scoredBefore,
    changes: scoredBefore ? keyAccountChanges(scored, scoredBefore) : null,
    teamRows: inputs.team ? salesTeam(inputs.team, scored) : null,
  };
}

/** Run §11 for a resolved period (the result files: no comparison with the previous period). */
export async function runKeyAccountsFor(
  db: Engine,
  params: Params,
  period: Period,
  caps: Caps,
  options: { compare?: boolean } = {},
): Promise<KeyAccountsResult> {
  const inputs = await runKeyAccountInputsFor(db, params, period, caps, {
    forecast: needsForecast(params.key_accounts),
    compare: options.compare ?? false,
    // One standard is applied to these inputs: its factors are scored as it needs them.
    eager: false,
  });
  return keyAccountsFrom(inputs, params.key_accounts);
}

/** Run §11. Null without sales data. */
export async function runKeyAccounts(db: Engine, params: Params): Promise<KeyAccountsResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runKeyAccountsFor(db, params, period, await datasetCaps(db), { compare: true });
}
