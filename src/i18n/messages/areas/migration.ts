/** UI text of ABC migration (analytics.md §13). Both objects must have the same keys. */
export const migrationEn = {
  'migration.title': 'ABC migration: class now against {start} to {end}',
  'migration.hint':
    'Customers by their ABC class in the earlier period (rows) and now (columns). Click a customer to open it.',
  'migration.compare': 'Compare with',
  'param.migration.compare': 'ABC migration: compare with (previous, year_ago, or a year or quarter)',
  'migration.previous': 'previous period (same length)',
  'migration.yearAgo': 'the same period a year earlier',
  'migration.custom': 'a year or quarter…',
  'migration.customLabel': 'Year or quarter',
  'migration.new': 'new',
  'migration.gone': 'gone',
  'migration.classBefore': 'Class before',
  'migration.classNow': 'Class now',
  'migration.valueBefore': 'Value before',
  'migration.valueNow': 'Value now',
  'migration.moved': '{n} of {total} customers changed class (new and gone included).',
  'migration.table': 'Customers that moved',
  'pareto.byMeasure': 'by {measure} (the measure chosen on the Pareto page)',
  'count.withoutCustomer':
    "{amount} of the period's revenue has no customer and is not in these customer figures.",
};

export const migrationZhCN: Record<keyof typeof migrationEn, string> = {
  'migration.title': 'ABC 等级变动：当前等级对比 {start} 至 {end}',
  'migration.hint': '按对比期间（行）和当前期间（列）的 ABC 等级统计客户。点击客户可打开详情。',
  'migration.compare': '对比期间',
  'param.migration.compare':
    'ABC 等级变动：对比期间（previous 上一期间、year_ago 去年同期，或指定年份、季度）',
  'migration.previous': '上一期间（同样长度）',
  'migration.yearAgo': '去年同期',
  'migration.custom': '指定年份或季度…',
  'migration.customLabel': '年份或季度',
  'migration.new': '新进',
  'migration.gone': '流失',
  'migration.classBefore': '原等级',
  'migration.classNow': '现等级',
  'migration.valueBefore': '原值',
  'migration.valueNow': '现值',
  'migration.moved': '{total} 个客户中有 {n} 个等级变动（含新进和流失）。',
  'migration.table': '等级变动的客户',
  'pareto.byMeasure': '按{measure}（帕累托页面选择的指标）',
  'count.withoutCustomer': '期间内有 {amount} 的收入没有客户，不计入这些客户数据。',
};
