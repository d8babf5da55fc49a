/**
 * UI text that says what a number counts (customer counts with definitions, KPI metrics by
 * name and why a tier). Kept in its own file so work on different areas does not collide in
 * the main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same
 * keys. The count definitions are listed in docs/analytics.md "Customer counts".
 */
export const definitionsEn = {
  'definition.show': 'Definition',
  // Customer counts: what each page counts (docs/analytics.md "Customer counts")
  'count.active':
    'Customers with net revenue > 0 in the period {start} – {end} (returns netted; sales without a customer are not counted).',
  'count.withSales':
    'Customers with at least one sales row in the period {start} – {end}, whatever their net revenue: one whose returns outweigh its purchases counts too (the Overview card counts only net revenue > 0).',
  'count.lifecycle':
    'Customers with at least one sales row up to {asOf} (all history, not only the analysis period), plus customers listed only in the customer master (potential).',
  'count.kpi':
    'Scored customers: net revenue or quantity ≠ 0 in the scoring period {start} – {end}, or a plan > 0 there. A customer whose returns cancel its purchases exactly, with no plan, is not scored.',
  'count.kpiByCategory':
    'Scored customer × category pairs: net revenue or quantity ≠ 0 in the scoring period {start} – {end}, or a plan > 0 there.',
  'count.rfm':
    'Customers with net revenue M > 0 in the RFM window {start} – {end} (the {months} months ending T); customers with M ≤ 0 are left out.',
  'count.receivables': 'Customers with a receivables row on the snapshot date {date}.',
  'count.receivablesFiltered':
    'Customers with a receivables row on the snapshot date {date} and sales rows that match the filters.',
  'count.targets':
    'Customers with a sales row from {from} to {asOf} (this year to date and last year), or with a row in the plan table.',
  'count.nActive': '{n} customers with net revenue > 0',
  'count.nWithSales': '{n} customers with a sales row in the period',
  'count.nLifecycle': '{n} customers staged',
  'count.nScored': '{n} scored',
  'count.nRfm': '{n} customers with M > 0 in the window',
  'count.nReceivables': '{n} customers with a receivable',
  'count.nTargets': '{n} customers',
  'rfm.windowDiffers':
    'The RFM window is always the {months} months ending T; it does not follow the analysis period ({periodStart} – {end}).',
  'rfm.windowLater': 'Customers who bought in the period only before {start} are not counted here.',
  'rfm.windowEarlier': 'Customers who bought from {start} to before {periodStart} are counted here too.',
  // KPI metrics by name (analytics.md §6 R1–R4)
  'kpi.col1': 'Plan fulfilment',
  'kpi.col2': 'Volume share',
  'kpi.col3': 'Price index',
  'kpi.col4': 'Stability',
  'kpi.pointsCol': '{metric} (pts)',
  'kpi.whyCol': 'Why this tier',
  'kpi.why': 'strongest: {strong} {sp} of {sw} pts; weakest: {weak} {wp} of {ww} pts',
  'kpi.whyOne': 'only metric: {strong} {sp} of {sw} pts',
  'kpi.whyForced': 'forced to C: plan missed in {months} (by score: {tier})',
  'kpi.scoreLine': 'Scoring {start} to {end}:',
  'kpi.weightsApplied': 'Weights applied (points out of 100):',
  'kpi.weightSep': ' · ',
  'kpi.weightLeftOut': '{metric} left out ({reason})',
  'kpi.weightsRescaled': 'Your weights {given} were rescaled to sum to 100 without the metrics left out.',
  'kpi.metricsHint':
    'Each metric, then its points: weight × score s, where s (0–1) is the customer’s rank among the scored ones. The points add up to the score (0–100). Click a row for the details.',
  'drill.whyTier': 'Why {tier}: {why}',
  'drill.value': 'Value',
  'drill.points': 'Points (weight × s)',
} as const;

/** 简体中文 (same keys as `definitionsEn`). */
export const definitionsZhCN: Record<keyof typeof definitionsEn, string> = {
  'definition.show': '定义',
  'count.active': '期间 {start} 至 {end} 内净销售额 > 0 的客户（退货已冲减；没有客户的销售不计入）。',
  'count.withSales':
    '期间 {start} 至 {end} 内至少有一行销售记录的客户，不论净销售额多少：退货多于购买的客户也计入（概览卡片只计净销售额 > 0 的客户）。',
  'count.lifecycle':
    '截至 {asOf} 至少有一行销售记录的客户（全部历史，不限于分析期间），加上只在客户主数据中出现的客户（潜在）。',
  'count.kpi':
    '评分客户：考核期间 {start} 至 {end} 内净销售额或净销量 ≠ 0，或计划 > 0。退货恰好抵消购买且没有计划的客户不评分。',
  'count.kpiByCategory': '评分的客户 × 品种：考核期间 {start} 至 {end} 内净销售额或净销量 ≠ 0，或计划 > 0。',
  'count.rfm':
    'RFM 窗口期 {start} 至 {end}（截至 T 的 {months} 个月）内净销售额 M > 0 的客户；M ≤ 0 的客户不计入。',
  'count.receivables': '快照日 {date} 有应收账款记录的客户。',
  'count.receivablesFiltered': '快照日 {date} 有应收账款记录、且有符合筛选条件的销售记录的客户。',
  'count.targets': '在 {from} 至 {asOf}（今年至今及去年）有销售记录，或在计划表中有记录的客户。',
  'count.nActive': '净销售额 > 0 的客户 {n} 个',
  'count.nWithSales': '期间内有销售记录的客户 {n} 个',
  'count.nLifecycle': '已划分阶段的客户 {n} 个',
  'count.nScored': '评分对象 {n} 个',
  'count.nRfm': '窗口期内 M > 0 的客户 {n} 个',
  'count.nReceivables': '有应收账款的客户 {n} 个',
  'count.nTargets': '客户 {n} 个',
  'rfm.windowDiffers':
    'RFM 窗口期固定为截至 T 的 {months} 个月，不随分析期间（{periodStart} 至 {end}）变化。',
  'rfm.windowLater': '在分析期间内只在 {start} 之前购买的客户不计入此处。',
  'rfm.windowEarlier': '从 {start} 到 {periodStart} 之前购买的客户也计入此处。',
  'kpi.col1': '计划兑现率',
  'kpi.col2': '销量占比',
  'kpi.col3': '价格指数',
  'kpi.col4': '客户稳定率',
  'kpi.pointsCol': '{metric}得分',
  'kpi.whyCol': '等级原因',
  'kpi.why': '最强：{strong} {sp}/{sw} 分；最弱：{weak} {wp}/{ww} 分',
  'kpi.whyOne': '唯一指标：{strong} {sp}/{sw} 分',
  'kpi.whyForced': '强制 C 类：未完成计划月份 {months}（按得分：{tier}）',
  'kpi.scoreLine': '考核期间 {start} 至 {end}：',
  'kpi.weightsApplied': '实际权重（满分 100）：',
  'kpi.weightSep': '；',
  'kpi.weightLeftOut': '{metric}未参与（{reason}）',
  'kpi.weightsRescaled': '您设置的权重 {given} 已在去掉未参与的指标后按比例调整为合计 100。',
  'kpi.metricsHint':
    '每个指标后是其得分：权重 × s，s（0–1）为该客户在全部评分客户中的排名位置。各项得分之和即总分（0–100）。点击行查看详情。',
  'drill.whyTier': '{tier} 类原因：{why}',
  'drill.value': '指标值',
  'drill.points': '得分（权重 × s）',
};
