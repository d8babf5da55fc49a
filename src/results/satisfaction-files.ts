/**
 * Customer satisfaction's part of the result files (outputs.md): satisfaction.csv,
 * satisfaction_dimensions.csv, satisfaction_items.csv (none written without a survey, and
 * summary.json says so) and the summary.json `satisfaction` block; also the unmatched responses
 * the page offers for download.
 */
import type { SatisfactionResult } from '../analytics/satisfaction';
import { csvText, toCsv, type Text } from '../export/csv';

/** Why the satisfaction files are not written (summary.json `not_written`). */
export function satisfactionMissing(r: SatisfactionResult | null): string {
  return r === null ? 'no_survey' : 'no_responses';
}

/** satisfaction.csv: customer × wave with responses, by customer_id then wave; null without a survey. */
export function satisfactionCsv(r: SatisfactionResult | null): Text | null {
  if (!r || !r.customers.length) return null;
  return csvText(
    ['customer_id', 'wave', 'responses', 'index', 'previous_index', 'change'],
    r.customers.map((c) => [c.customerId, c.wave, c.responses, c.index, c.previousIndex, c.change]),
  );
}

/** satisfaction_dimensions.csv: customer × wave × dimension, in that order; null without a survey. */
export function satisfactionDimensionsCsv(r: SatisfactionResult | null): Text | null {
  if (!r || !r.customers.length) return null;
  return csvText(
    ['customer_id', 'wave', 'dimension', 'index'],
    r.dimensions.map((d) => [d.customerId, d.wave, d.dimension, d.index]),
  );
}

/** satisfaction_items.csv: the current wave's questions by item; null without a survey. */
export function satisfactionItemsCsv(r: SatisfactionResult | null): Text | null {
  if (!r || !r.customers.length) return null;
  return csvText(
    ['item', 'dimension', 'importance', 'performance', 'answers', 'quadrant'],
    r.items.map((i) => [i.item, i.dimension, i.importance, i.performance, i.answers, i.quadrant]),
  );
}

/** The responses that matched no customer of the sales data, for the page's download. */
export function unmatchedCsv(r: SatisfactionResult): string {
  return toCsv(
    ['source_file', 'response_id', 'customer_id', 'customer_name', 'survey_date', 'wave', 'reason'],
    r.unmatched.map((u) => [
      u.sourceFile,
      u.responseId,
      u.surveyId,
      u.surveyName,
      u.surveyDate,
      u.wave,
      u.ambiguous ? 'name_of_several_customers' : 'no_customer_with_this_id_or_name',
    ]),
  );
}

/** summary.json `satisfaction`: waves with the company index, responses and how they matched. */
export function satisfactionBlock(r: SatisfactionResult | null): Record<string, unknown> {
  if (!r) return { reason: 'no_survey' };
  return {
    reason: r.customers.length ? null : 'no_responses',
    as_of: r.asOf,
    current_wave: r.current,
    weight_by_revenue: r.weightByRevenue,
    responses: {
      total: r.responses.total,
      matched_by_id: r.responses.byId,
      matched_by_name: r.responses.byName,
      unmatched: r.responses.unmatched,
      after_as_of: r.responses.afterAsOf,
    },
    waves: r.waves.map((w) => ({
      wave: w.wave,
      previous: w.previous,
      responses: w.responses,
      customers: w.customers,
      index: w.index,
      dimensions: Object.fromEntries(w.dimensions.map((d) => [d.dimension, d.index])),
    })),
    items_without_dimension: r.withoutDimension,
  };
}
