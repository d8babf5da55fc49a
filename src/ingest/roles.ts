import type { TableKind } from './canonical';

/**
 * Normalise a header for matching: full-width → half-width, lower-case, units in brackets and
 * punctuation and spaces removed. `销售额（元）` → `销售额`, `Amount (USD)` → `amount`.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([{【].*?[)\]}】]/g, '')
    .replace(/[\s_\-./:：,，·#]+/g, '')
    .trim();
}

/** Header synonyms per role (data-model.md), already normalised form is derived at load. */
const SYNONYMS: Record<string, string[]> = {
  order_date: [
    'date',
    'order date',
    'invoice date',
    'invoicedate',
    'transaction date',
    'orderdate',
    'sales date',
    '日期',
    '订单日期',
    '销售日期',
    '下单日期',
    '开票日期',
    '单据日期',
    '业务日期',
  ],
  order_id: [
    'order id',
    'order no',
    'order number',
    'invoice',
    'invoiceno',
    'invoice no',
    'orderid',
    '订单号',
    '单号',
    '单据号',
    '发票号',
    '订单编号',
  ],
  customer_id: [
    'customer id',
    'customerid',
    'client id',
    'account',
    'customer code',
    'customer no',
    '客户编号',
    '客户代码',
    '客户编码',
    '客户id',
    '客户号',
  ],
  customer_name: [
    'customer',
    'customer name',
    'client',
    'client name',
    '客户',
    '客户名称',
    '客户名',
    '单位名称',
    '购货单位',
  ],
  customer_type: [
    'customer type',
    'segment',
    'channel type',
    'customer segment',
    '客户类型',
    '客户类别',
    '客户分类',
  ],
  product_id: [
    'product id',
    'sku',
    'stockcode',
    'stock code',
    'item code',
    'material',
    'product code',
    '产品编号',
    '产品代码',
    '物料编码',
    '商品编码',
    '品号',
    '存货编码',
  ],
  product_name: [
    'product',
    'product name',
    'description',
    'item',
    'item name',
    '产品',
    '产品名称',
    '品名',
    '商品名称',
    '存货名称',
  ],
  category: [
    'category',
    'sub-category',
    'subcategory',
    'product line',
    'family',
    'product category',
    '品类',
    '类别',
    '产品类别',
    '品种',
    '产品线',
  ],
  region: [
    'region',
    'area',
    'territory',
    'country',
    'province',
    'city',
    'state',
    '区域',
    '地区',
    '大区',
    '省份',
    '城市',
    '片区',
  ],
  channel: ['channel', 'sales channel', '渠道', '销售渠道'],
  sales_rep: [
    'sales rep',
    'salesperson',
    'owner',
    'account manager',
    'sales representative',
    '销售员',
    '业务员',
    '销售代表',
    '客户经理',
  ],
  quantity: ['quantity', 'qty', 'units', 'volume', '数量', '销量', '销售数量', '吨数'],
  unit_price: ['price', 'unit price', 'unitprice', '单价', '销售单价', '含税单价'],
  revenue: [
    'sales',
    'revenue',
    'amount',
    'net sales',
    'turnover',
    'sales amount',
    '销售额',
    '金额',
    '销售金额',
    '收入',
    '价税合计',
    '含税金额',
  ],
  cost: ['cost', 'cogs', 'cost of sales', '成本', '销售成本', '成本金额'],
  unit_cost: ['unit cost', '单位成本', '成本单价'],
  gross_profit: ['profit', 'gross profit', 'margin', '毛利', '毛利额', '利润'],
  discount: ['discount', '折扣'],
  period: ['month', 'period', '月份', '期间', '年月'],
  plan_quantity: ['plan qty', 'target qty', 'plan quantity', '计划数量', '计划销量'],
  plan_revenue: ['target', 'plan amount', 'quota', 'plan revenue', '计划金额', '目标', '销售目标', '指标'],
  opening: ['opening stock', 'opening', '期初库存', '期初'],
  closing: ['closing stock', 'closing', '期末库存', '期末'],
  on_hand: ['on hand', 'inventory', 'stock', '库存', '结存'],
  basis: ['basis', '口径'],
  as_of_date: ['as of', 'as of date', 'snapshot date', 'balance date', '截止日期', '统计日期', '账龄日期'],
  outstanding: ['balance', 'outstanding', '应收余额', '应收账款'],
  overdue_amount: ['overdue', 'overdue amount', '逾期金额'],
  days_overdue: ['days overdue', '逾期天数', '账龄'],
  due_date: ['due date', '到期日'],
  credit_limit: ['credit limit', '信用额度'],
  cost_to_serve: ['cost to serve', '服务成本'],
  // Customer-master sub-classes of key accounts (seed 003: 合作领域, 合作程度).
  scope: ['scope', 'account level', 'account scope', '客户范围', '合作范围', '合作领域'],
  partnership: ['partnership', 'partnership level', 'relationship', '合作层次', '合作关系', '合作程度'],
  // Survey files (analytics.md §12): the long form's columns and a survey tool's own columns.
  survey_date: [
    'survey date',
    'submitted',
    'submit time',
    'submission time',
    'submitted at',
    '提交答卷时间',
    '提交时间',
    '答卷时间',
    '填写时间',
    '调查日期',
    '问卷日期',
  ],
  response_id: ['response id', 'respondent id', 'response', 'respondent', '答卷编号', '答卷序号', '序号'],
  wave: ['wave', 'survey wave', 'survey round', '调查批次', '批次', '期次', '调查期'],
  item: ['question', 'question text', 'survey item', '题目', '问题', '题项', '调查项目'],
  dimension: ['dimension', 'quality dimension', '维度', '质量维度', '满意度维度'],
  answer: [
    'answer',
    'score',
    'rating',
    'response value',
    '得分',
    '分数',
    '评分',
    '打分',
    '满意度',
    '满意程度',
    '答案',
  ],
  importance: ['importance', 'importance weight', '重要性', '重要程度', '重要度'],
};

const LOOKUP = new Map<string, string>();
for (const [role, names] of Object.entries(SYNONYMS))
  for (const n of names) LOOKUP.set(normaliseHeader(n), role);

/** The role a header names, or null. */
export function roleForHeader(header: string): string | null {
  return LOOKUP.get(normaliseHeader(header)) ?? null;
}

/**
 * How strongly a header names its role: the position of the synonym in the role's list (0 =
 * the role's own word). When two columns claim one role (`Country` and `Region`), the stronger
 * name wins.
 */
export function synonymRank(header: string, role: string): number {
  const n = normaliseHeader(header);
  const i = (SYNONYMS[role] ?? []).findIndex((s) => normaliseHeader(s) === n);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** Roles whose values are dates / months / numbers (checked against the column's content). */
export const DATE_ROLES = new Set(['order_date', 'as_of_date', 'due_date', 'survey_date']);
export const MONTH_ROLES = new Set(['period']);
export const NUMBER_ROLES = new Set([
  'quantity',
  'unit_price',
  'revenue',
  'cost',
  'unit_cost',
  'gross_profit',
  'discount',
  'plan_quantity',
  'plan_revenue',
  'opening',
  'closing',
  'on_hand',
  'outstanding',
  'overdue_amount',
  'days_overdue',
  'credit_limit',
  'cost_to_serve',
  'importance',
]);
/** Id roles whose float-written integers (`17850.0`) are normalised. */
export const ID_ROLES = new Set(['customer_id', 'product_id', 'order_id']);

/** Roles that only occur in one table kind, used to guess a file's kind from its headers. */
const KIND_MARKERS: Record<Exclude<TableKind, 'sales' | 'survey' | 'survey_items'>, string[]> = {
  plan: ['plan_quantity', 'plan_revenue'],
  inventory: ['opening', 'closing', 'on_hand'],
  receivables: ['outstanding', 'overdue_amount', 'days_overdue'],
  customers: ['credit_limit', 'cost_to_serve', 'scope', 'partnership'],
};

/**
 * The columns' roles read for a table kind. A generic date column (`日期`, `date`, or an unnamed
 * column of dates) is proposed as the order date; in a receivables file its only date column
 * is the as-of date (data-model.md), so there it becomes `as_of_date` when no column names the
 * as-of date, and back `order_date` when the kind becomes sales again. Other roles are left
 * alone. Returns a new array.
 */
export function rolesForKind(
  columns: { header: string; role: string | null; roleSource?: string | null }[],
  kind: TableKind,
): (string | null)[] {
  const roles = columns.map((c) => c.role);
  const [from, to] =
    kind === 'receivables'
      ? ['order_date', 'as_of_date']
      : kind === 'sales'
        ? ['as_of_date', 'order_date']
        : [];
  if (!from || !to || roles.includes(to)) return roles;
  const generic = columns.findIndex(
    (c) =>
      c.role === from &&
      (from === 'order_date' || c.roleSource === 'content' || roleForHeader(c.header) === 'order_date'),
  );
  if (generic >= 0) roles[generic] = to;
  return roles;
}

/** Roles that only a survey file (or its question table) has. */
export const SURVEY_ROLES = new Set([
  'survey_date',
  'response_id',
  'wave',
  'item',
  'dimension',
  'answer',
  'importance',
  'question',
]);

/** Guess the table kind of a file from the roles its headers map to. */
export function guessKind(roles: ReadonlySet<string>): TableKind {
  // A survey: a submission time, or questions with answers; a question table: questions with
  // their dimension or importance and no answers.
  if (roles.has('survey_date') || (roles.has('item') && roles.has('answer'))) return 'survey';
  if (roles.has('item') && (roles.has('dimension') || roles.has('importance'))) return 'survey_items';
  for (const [kind, markers] of Object.entries(KIND_MARKERS)) {
    if (markers.some((m) => roles.has(m))) return kind as TableKind;
  }
  if (roles.has('order_date')) return 'sales';
  if (roles.has('customer_id') && !roles.has('revenue') && !roles.has('quantity')) return 'customers';
  return 'sales';
}
