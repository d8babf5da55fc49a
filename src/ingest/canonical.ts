/**
 * The canonical tables of analytics.md §1: what every loaded file becomes, whatever its headers.
 * Analytics modules read only these tables and columns.
 */

/** Kind of value a role holds once cleaned. */
export type RoleType = 'date' | 'month' | 'text' | 'number';

/**
 * The table kinds an input file can be: the five of analytics.md §1, and the survey answers
 * (`survey`, long or wide, §12) with their question table (`survey_items`: question, dimension,
 * importance).
 */
export type TableKind =
  'sales' | 'plan' | 'inventory' | 'receivables' | 'customers' | 'survey' | 'survey_items';

/** One column of a canonical table. */
export interface RoleSpec {
  /** Column name in the canonical table (and the role name in mappings). */
  role: string;
  /** Cleaned value type. */
  type: RoleType;
}

const text = (role: string): RoleSpec => ({ role, type: 'text' });
const num = (role: string): RoleSpec => ({ role, type: 'number' });

/** Columns of every canonical table, in table order. Missing optional roles are NULL. */
export const CANONICAL: Record<TableKind, RoleSpec[]> = {
  sales: [
    { role: 'order_date', type: 'date' },
    text('order_id'),
    text('customer_id'),
    text('customer_name'),
    text('customer_type'),
    text('product_id'),
    text('product_name'),
    text('category'),
    text('region'),
    text('channel'),
    text('sales_rep'),
    num('quantity'),
    num('unit_price'),
    num('revenue'),
    num('cost'),
    num('unit_cost'),
    num('gross_profit'),
    num('discount'),
  ],
  plan: [
    { role: 'period', type: 'month' },
    text('customer_id'),
    text('product_id'),
    text('category'),
    num('plan_quantity'),
    num('plan_revenue'),
  ],
  inventory: [
    { role: 'period', type: 'month' },
    text('product_id'),
    text('customer_id'),
    num('opening'),
    num('closing'),
    num('on_hand'),
    text('basis'),
  ],
  receivables: [
    text('customer_id'),
    { role: 'as_of_date', type: 'date' },
    num('outstanding'),
    num('overdue_amount'),
    num('days_overdue'),
    { role: 'due_date', type: 'date' },
  ],
  customers: [
    text('customer_id'),
    text('customer_name'),
    text('customer_type'),
    text('region'),
    num('credit_limit'),
    num('cost_to_serve'),
    // Key-account sub-classes (analytics.md §11, seed 003): 全球性/全国性/地区性 and
    // 优先供应商/合作伙伴/战略合作伙伴, as the company writes them.
    text('scope'),
    text('partnership'),
  ],
  // One row per answer, whatever the file's form (a wide export is unpivoted while loading).
  // `answer` is the number on the question's scale (a Likert label read as 1–5), NULL when the
  // question was skipped; scale_min/scale_max are the question's scale (SURVEY_DERIVED: set by
  // the load, not mapped from a column).
  survey: [
    text('response_id'),
    text('customer_id'),
    text('customer_name'),
    { role: 'survey_date', type: 'date' },
    text('wave'),
    text('item'),
    text('dimension'),
    num('answer'),
    num('importance'),
    num('scale_min'),
    num('scale_max'),
  ],
  survey_items: [text('item'), text('dimension'), num('importance')],
};

/** Columns of the survey table that the load fills in itself (never offered as a column's role). */
export const SURVEY_DERIVED = new Set(['scale_min', 'scale_max']);

/**
 * Required roles per table kind, as alternatives: each inner array is one acceptable set.
 * A file is loadable as a kind when every role of at least one set is mapped.
 */
export const REQUIRED: Record<TableKind, string[][]> = {
  sales: [
    ['order_date', 'customer_id', 'revenue'],
    ['order_date', 'customer_name', 'revenue'],
    ['order_date', 'customer_id', 'quantity', 'unit_price'],
    ['order_date', 'customer_name', 'quantity', 'unit_price'],
  ],
  plan: [
    ['period', 'customer_id', 'plan_quantity'],
    ['period', 'customer_id', 'plan_revenue'],
  ],
  inventory: [
    ['period', 'product_id', 'opening', 'closing'],
    ['period', 'product_id', 'on_hand'],
  ],
  receivables: [['customer_id', 'as_of_date', 'outstanding']],
  customers: [['customer_id']],
  // Long form (a question and an answer column) or wide (one column per question, role
  // `question`); a response needs a customer (id or name) and a date or a wave.
  survey: ['customer_id', 'customer_name'].flatMap((who) =>
    ['survey_date', 'wave'].flatMap((when) => [
      [who, when, 'item', 'answer'],
      [who, when, 'question'],
    ]),
  ),
  survey_items: [
    ['item', 'importance'],
    ['item', 'dimension'],
  ],
};

/** Bookkeeping columns every canonical table also carries: where each row came from. */
export const SOURCE_COLUMNS = ['source_file', 'source_row'] as const;

/** The required-role sets a mapping is missing for `kind` (empty when one set is complete). */
export function missingRoles(kind: TableKind, mapped: ReadonlySet<string>): string[] {
  let best: string[] | null = null;
  for (const set of REQUIRED[kind]) {
    const missing = set.filter((r) => !mapped.has(r));
    if (missing.length === 0) return [];
    if (!best || missing.length < best.length) best = missing;
  }
  return best ?? [];
}
