import type { Headline, OverviewResult } from '../analytics/overview';

/** summary.json `overview`: the headline figures of the period and its comparisons (outputs.md). */
export function overviewBlock(o: OverviewResult): Record<string, unknown> {
  const block = (range: { start: string; end: string }, covered: boolean, h: Headline | null) => ({
    start: range.start,
    end: range.end,
    covered,
    revenue: h?.revenue ?? null,
    gross_profit: h?.grossProfit ?? null,
    customers: h?.customers ?? null,
    orders: h?.orders ?? null,
    revenue_without_customer: h?.revenueWithoutCustomer ?? null,
  });
  return {
    period: block({ start: o.period.start, end: o.period.asOf }, true, o.current),
    previous: block(o.previous, o.previous.covered, o.before),
    year_ago: block(o.lastYear, o.lastYear.covered, o.yearAgo),
  };
}
