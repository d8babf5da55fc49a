/**
 * SQL of the customer satisfaction analysis (analytics.md §12), pure: the respondents matched to
 * the sales data's customers, every answer scored, then responses, customers, dimensions and
 * questions per wave. satisfaction.ts runs these and shapes the result.
 */
import { sqlDate, sqlString } from '../engine/sql';
import { filterSql } from './common';
import type { Filters } from './params';

/** Inputs of the satisfaction SQL. */
export interface SatisfactionSqlParams {
  /** As-of date T: surveys dated after it are ignored (null: none is, a survey without dates). */
  asOf: string | null;
  /** Row filters: with any, only customers with sales rows passing them up to T count. */
  filters: Filters;
  /**
   * Sales data is loaded: respondents are matched to its customers. Without it (a survey loaded
   * alone) every respondent stays under its own id, else its name, unmatched, and filters do not
   * apply (survey rows have no region or channel).
   */
  sales: boolean;
  /** A question table (`survey_items`) is loaded. */
  items: boolean;
}

/** SQL: a name as compared when matching (trimmed, lower case, no spaces, full-width brackets as half-width). */
export function nameKeySql(expr: string): string {
  return `nullif(lower(regexp_replace(translate(trim(${expr}), '（）［］', '()[]'), '\\s+', '', 'g')), '')`;
}

/** SQL: a question text as compared with the question table (lower case, no spaces). */
export function itemKeySql(expr: string): string {
  return `lower(regexp_replace(${expr}, '\\s+', '', 'g'))`;
}

/** SQL: the half year of a date, `YYYY-H1` / `YYYY-H2` (§12's wave). */
export function halfYearSql(expr: string): string {
  return `strftime(${expr}, '%Y') || CASE WHEN month(${expr}) <= 6 THEN '-H1' ELSE '-H2' END`;
}

/**
 * The CTEs every satisfaction query starts from:
 * - `respondents`: each distinct (customer id, name) of the survey, matched to a sales customer
 *   by id (exactly, else ignoring case when that is unique), else by name when exactly one sales
 *   customer has it (`matched_by` id / name; NULL: unmatched, `ambiguous` when several have it);
 * - `answers`: every answer dated on or before T (or without a date), with its wave, customer
 *   key (the matched id; unmatched respondents keep their own id, else their name), dimension
 *   and importance (the file's, else the question table's, else the mean importance of the
 *   questions that have one, else 1) and its score (answer − min) / (max − min) × 100 (NULL when
 *   skipped);
 * - `scored`: the answered ones.
 */
export function satisfactionCtes(p: SatisfactionSqlParams): string {
  const filtered = p.sales && p.asOf !== null && filterSql(p.filters) !== 'TRUE';
  const items = p.items
    ? `SELECT ${itemKeySql('item')} AS item_key,
         min(dimension) AS dimension, avg(importance) AS importance
       FROM survey_items WHERE item IS NOT NULL GROUP BY 1`
    : 'SELECT NULL::VARCHAR AS item_key, NULL::VARCHAR AS dimension, NULL::DOUBLE AS importance WHERE FALSE';
  const matching = p.sales
    ? `sales_ids AS (
  SELECT DISTINCT customer_id FROM sales WHERE customer_id IS NOT NULL
),
id_keys AS (
  SELECT upper(trim(customer_id)) AS id_key, min(customer_id) AS customer_id
  FROM sales_ids GROUP BY 1 HAVING count(*) = 1
),
name_keys AS (
  SELECT ${nameKeySql('customer_name')} AS name_key, min(customer_id) AS customer_id,
         count(DISTINCT customer_id) AS ids
  FROM sales WHERE customer_name IS NOT NULL AND customer_id IS NOT NULL
  GROUP BY 1
),
respondents AS (
  SELECT r.customer_id AS survey_id, r.customer_name AS survey_name,
         coalesce(exact.customer_id, ik.customer_id, CASE WHEN nk.ids = 1 THEN nk.customer_id END) AS matched_id,
         CASE WHEN exact.customer_id IS NOT NULL OR ik.customer_id IS NOT NULL THEN 'id'
              WHEN nk.ids = 1 THEN 'name' END AS matched_by,
         coalesce(nk.ids > 1, FALSE) AS ambiguous
  FROM (SELECT DISTINCT customer_id, customer_name FROM survey) AS r
  LEFT JOIN sales_ids AS exact ON exact.customer_id = r.customer_id
  LEFT JOIN id_keys AS ik ON ik.id_key = upper(trim(r.customer_id))
  LEFT JOIN name_keys AS nk ON nk.name_key = ${nameKeySql('r.customer_name')}
)`
    : `respondents AS (
  SELECT DISTINCT customer_id AS survey_id, customer_name AS survey_name, NULL::VARCHAR AS matched_id,
         NULL::VARCHAR AS matched_by, FALSE AS ambiguous
  FROM survey
)`;
  const dated = p.asOf === null ? 'TRUE' : `(s.survey_date IS NULL OR s.survey_date <= ${sqlDate(p.asOf)})`;
  return `WITH ${matching},
items AS (
  ${items}
),
dated AS (
  SELECT s.*, coalesce(s.wave, ${halfYearSql('s.survey_date')}) AS wave_key,
         coalesce(r.matched_id, s.customer_id, s.customer_name) AS customer_key,
         r.matched_by, r.ambiguous,
         coalesce(s.dimension, it.dimension) AS dim,
         coalesce(s.importance, it.importance) AS given_importance
  FROM survey AS s
  JOIN respondents AS r
    ON r.survey_id IS NOT DISTINCT FROM s.customer_id AND r.survey_name IS NOT DISTINCT FROM s.customer_name
  LEFT JOIN items AS it ON it.item_key = ${itemKeySql('s.item')}
  WHERE ${dated}
    AND s.item IS NOT NULL${
      filtered
        ? `
    AND r.matched_id IN (SELECT customer_id FROM sales WHERE order_date <= ${sqlDate(p.asOf!)} AND ${filterSql(p.filters)})`
        : ''
    }
),
question_importance AS (
  SELECT item, avg(given_importance) AS importance FROM dated GROUP BY item
),
fallback AS (
  SELECT coalesce(avg(importance), 1) AS importance FROM question_importance WHERE importance IS NOT NULL
),
answers AS (
  SELECT d.source_file, d.source_row, d.response_id, d.survey_date, d.wave_key AS wave,
         d.customer_key AS customer_id, d.matched_by, d.ambiguous,
         d.customer_id AS survey_id, d.customer_name AS survey_name,
         d.item, d.dim AS dimension, coalesce(d.given_importance, f.importance) AS importance,
         d.answer, d.scale_min, d.scale_max,
         (d.answer - d.scale_min) / nullif(d.scale_max - d.scale_min, 0) * 100 AS score
  FROM dated AS d CROSS JOIN fallback AS f
),
scored AS (
  SELECT * FROM answers WHERE score IS NOT NULL
),
responses AS (
  -- A response: a row of a wide export, or the answers sharing customer and date (and response
  -- id) in the long form. Sums in a fixed order, so both forms give the same doubles.
  SELECT source_file, response_id, customer_id, survey_date, wave,
         any_value(matched_by) AS matched_by,
         sum(importance * score ORDER BY item) / nullif(sum(importance ORDER BY item), 0) AS idx,
         count(*) AS answers
  FROM scored
  GROUP BY source_file, response_id, customer_id, survey_date, wave
)`;
}

/** SQL: customer × wave indices (mean of its response indices), with the responses counted. */
export function customerWavesSql(p: SatisfactionSqlParams): string {
  return `${satisfactionCtes(p)}
SELECT customer_id, wave, count(*) AS responses, any_value(matched_by) AS matched_by,
       avg(idx ORDER BY survey_date, source_file, response_id) AS idx
FROM responses
WHERE idx IS NOT NULL
GROUP BY customer_id, wave
ORDER BY customer_id, wave`;
}

/** SQL: customer × wave × dimension indices (the same, restricted to the dimension's questions). */
export function customerDimensionsSql(p: SatisfactionSqlParams): string {
  return `${satisfactionCtes(p)},
dim_responses AS (
  SELECT source_file, response_id, customer_id, survey_date, wave, dimension,
         sum(importance * score ORDER BY item) / nullif(sum(importance ORDER BY item), 0) AS idx
  FROM scored
  WHERE dimension IS NOT NULL
  GROUP BY source_file, response_id, customer_id, survey_date, wave, dimension
)
SELECT customer_id, wave, dimension, avg(idx ORDER BY survey_date, source_file, response_id) AS idx
FROM dim_responses
WHERE idx IS NOT NULL
GROUP BY customer_id, wave, dimension
ORDER BY customer_id, wave, dimension`;
}

/** SQL: per question and wave, its mean importance and mean score over its answers. */
export function itemWavesSql(p: SatisfactionSqlParams): string {
  return `${satisfactionCtes(p)}
SELECT item, wave, min(dimension) AS dimension,
       avg(importance ORDER BY customer_id, survey_date, source_file, response_id) AS importance,
       avg(score ORDER BY customer_id, survey_date, source_file, response_id) AS performance,
       count(*) AS answers
FROM scored
GROUP BY item, wave
ORDER BY item, wave`;
}

/**
 * SQL: every response (answered or not) with how its respondent was matched, and the waves'
 * first dates (to order waves given by a column). Unmatched ones are listed for the download.
 */
export function responsesSql(p: SatisfactionSqlParams): string {
  return `${satisfactionCtes(p)}
SELECT source_file, response_id, min(survey_date) AS survey_date, wave,
       any_value(survey_id) AS survey_id, any_value(survey_name) AS survey_name,
       customer_id, any_value(matched_by) AS matched_by, bool_or(ambiguous) AS ambiguous,
       count(score) AS answered, count(*) AS questions, min(source_row) AS source_row
FROM answers
GROUP BY source_file, response_id, customer_id, wave, survey_date
ORDER BY source_file, min(source_row)`;
}

/** SQL: survey rows ignored because they are dated after T (none without T). */
export function afterAsOfSql(asOf: string | null): string {
  if (asOf === null) return 'SELECT 0 AS n';
  return `SELECT count(DISTINCT (source_file, response_id, customer_id, customer_name, survey_date)) AS n
FROM survey WHERE survey_date > ${sqlDate(asOf)}`;
}

/** SQL: one customer's answers (matched to it, or answered under its own key when unmatched). */
export function customerAnswersSql(p: SatisfactionSqlParams, customerId: string): string {
  return `${satisfactionCtes(p)}
SELECT wave, survey_date, source_file, response_id, item, dimension, importance, answer,
       scale_min, scale_max, score
FROM answers
WHERE customer_id = ${sqlString(customerId)}
ORDER BY wave DESC, survey_date DESC, source_file, response_id, item`;
}
