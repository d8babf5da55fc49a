/**
 * UI text of the analysis period: the presets of the filter bar and the Overview's trend over
 * the whole data.
 * Kept in its own file so work on different areas does not collide in the main catalogues;
 * `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const periodEn = {
  'filters.amountsPeriod': 'Revenue {start} to {end}',
  'period.presets': 'Period presets',
  'period.preset.whole': 'Whole data',
  'period.preset.last12': 'Last 12 months',
  'period.preset.ytd': 'Year to date',
  'period.preset.lastQuarter': 'Last quarter',
  'period.preset.lastYear': 'Same period last year',
  'overview.trendWhole':
    'Every month of the data; the period’s months in full colour. Drag across any months to set the period — wider or narrower.',
  'overview.trendWholeView': 'Every month of the data; the period’s months in full colour.',
  'overview.inPeriod': 'in the period',
} as const;

/** 简体中文 (same keys as `periodEn`). */
export const periodZhCN: Record<keyof typeof periodEn, string> = {
  'filters.amountsPeriod': '销售额 {start} 至 {end}',
  'period.presets': '期间快捷选择',
  'period.preset.whole': '全部数据',
  'period.preset.last12': '最近 12 个月',
  'period.preset.ytd': '本年至今',
  'period.preset.lastQuarter': '上季度',
  'period.preset.lastYear': '去年同期',
  'overview.trendWhole':
    '显示数据的全部月份，分析期间内的月份为深色。在图上拖动任意月份即可设置期间（可扩大也可缩小）。',
  'overview.trendWholeView': '显示数据的全部月份，分析期间内的月份为深色。',
  'overview.inPeriod': '期间内',
};
