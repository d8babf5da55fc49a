/**
 * UI text of the value forecast (analytics.md §10): the Forecast page, its parameters,
 * the customer panel's and the Lifecycle page's forecast figures. Kept in its own file so work on
 * different areas does not collide in the main catalogues; `en.ts` and `zh-CN.ts` spread these
 * in. Both objects must have the same keys.
 */
export const forecastEn = {
  'nav.forecast': 'Value forecast',
  'param.forecast.horizon_weeks': 'Forecast horizon (weeks)',
  'param.forecast.holdout_weeks': 'Forecast holdout check (weeks, 0 = off)',
  'forecast.asOf':
    'As of {asOf}, whole purchase history with the current filters: {customers} customers with a purchase day, {repeaters} of them bought on more than one day. Horizon: the next {h} weeks.',
  'forecast.none': 'No forecast: {why}',
  'forecast.reason.no_customers': 'no customer has a purchase day up to {asOf} with the current filters.',
  'forecast.reason.too_few_repeaters':
    'only {repeaters} customers bought on more than one day up to {asOf}; the models need at least 20 to learn how often customers buy and how many stop. Widen the filters or load a longer history.',
  'forecast.reason.too_few_repeat_values':
    'fewer than 20 customers who bought again have a positive value on their later purchase days (returns bring them to zero or below), so the value of a purchase cannot be estimated.',
  'forecast.reason.bgnbd_no_convergence':
    'the purchase model did not settle on one answer for this data (its fit did not converge). Change the filters and try again.',
  'forecast.reason.gamma_gamma_no_convergence':
    'the model of purchase values did not settle on one answer for this data (its fit did not converge). Change the filters and try again.',
  'forecast.model.title': 'How your customers buy (the fitted models)',
  'forecast.words.buyWeeks': 'An average active customer buys about every {weeks} weeks.',
  'forecast.words.buyDays': 'An average active customer buys about every {days} days.',
  'forecast.words.drop': 'After each purchase, {pct} of customers stop buying for good.',
  'forecast.words.value':
    'A purchase day is worth {amount} on average; a customer with several purchases is expected to stay closer to their own average.',
  'forecast.words.noValue': 'Purchase values vary too much for a population average.',
  'forecast.bound.dropout':
    'The purchase model ended at the edge of its range ({names}): the data fit best when every customer stops with nearly the same probability after a purchase ({pct}), so read the drop-out as one figure for all, not a spread.',
  'forecast.bound.gamma':
    'The value model ended at the edge of its range (γ, which carries the currency’s scale): purchase days here are large (around 10,000 or more), so the average purchase value given to customers who bought once is too low; frequent buyers follow their own history.',
  'forecast.bound.other':
    'Parameters {names} ended at the edge of the allowed range (0.0001 to 10,000): the data do not pin them down, so read the figures above as rough.',
  'forecast.params':
    'BG/NBD r = {r}, α = {alpha}, a = {a}, b = {b} (log-likelihood {ll}); Gamma-Gamma p = {p}, q = {q}, γ = {gamma} (log-likelihood {ggll}).',
  'forecast.dist.title': 'Probability that a customer is still active, P(alive)',
  'forecast.dist.subtitle':
    '{n} customers who bought on more than one day. The {oneTime} who bought once are not shown: the model counts them as active (it has seen no purchase after which they could have stopped).',
  'forecast.pAlive': 'P(alive)',
  'forecast.grid.title': 'P(alive) by weeks since the last purchase and purchase days',
  'forecast.grid.subtitle':
    'Mean P(alive) per cell (hover for the number of customers). Customers who bought often and then went quiet are the likeliest to be gone.',
  'forecast.grid.recency': 'Weeks since the last purchase',
  'forecast.grid.frequency': 'Purchase days after the first',
  'forecast.risk.title': 'At risk: valuable customers who have probably stopped buying',
  'forecast.risk.subtitle':
    '{n} customers whose past purchases are in the top fifth (at least {floor}) and whose P(alive) is below 50 %: {value} of past revenue.',
  'forecast.risk.none': 'No customer in the top fifth of past value has a P(alive) below 50 %.',
  'forecast.rank.title': 'Expected value over the next {h} weeks',
  'forecast.rank.subtitle':
    'Every customer, highest expected value first: expected purchase days × expected value of a purchase day (not discounted). Click a row for the customer.',
  'forecast.col.past': 'Past value',
  'forecast.col.days': 'Purchase days',
  'forecast.col.since': 'Weeks since last buy',
  'forecast.col.purchases': 'Purchase days, next {h} wk',
  'forecast.col.avg': 'Value per purchase day',
  'forecast.col.value': 'Expected value, {h} wk',
  'forecast.holdout.title': 'Holdout check: the forecast against what happened',
  'forecast.holdout.off':
    'How far can the forecast be trusted on this data? Set “Forecast holdout check (weeks)” in the parameters: the models are then fitted on the data up to that many weeks before {asOf}, and what they predict for those weeks is compared with the purchases that followed.',
  'forecast.holdout.try': 'Check on the last {weeks} weeks',
  'forecast.holdout.under':
    'the forecast was {pct} under the actual purchase days in the {weeks} holdout weeks ({predicted} predicted, {actual} actual; fitted on the data up to {end}).',
  'forecast.holdout.over':
    'the forecast was {pct} over the actual purchase days in the {weeks} holdout weeks ({predicted} predicted, {actual} actual; fitted on the data up to {end}).',
  'forecast.grade.good': 'Good: ',
  'forecast.grade.fair': 'Fair: ',
  'forecast.grade.poor': 'Poor: ',
  'forecast.holdout.grades': 'Good: within 15 % of the actual total; fair: within 30 %; poor: further off.',
  'forecast.holdout.noModel': 'No holdout check: the data up to {end} give no forecast: {why}',
  'forecast.holdout.noActual':
    'Nobody bought in the {weeks} holdout weeks, so there is nothing to compare ({predicted} purchase days were predicted).',
  'forecast.holdout.x': 'Purchase days after the first, up to {end}',
  'forecast.holdout.y': 'Purchase days per customer in the holdout',
  'forecast.holdout.predicted': 'Predicted',
  'forecast.holdout.actual': 'Actual',
  'forecast.drill.title': 'Value forecast',
  'forecast.drill.line': 'P(alive) {p}; over the next {h} weeks {n} purchase days and {value} expected.',
  'forecast.drill.notIn': 'No purchase day up to {asOf}: not part of the forecast.',
  'forecast.stage.title': 'Mean P(alive) per stage',
  'forecast.stage.subtitle':
    'From the value forecast as of {asOf}. Customers who bought once count as active.',
  'forecast.stage.flat':
    'Every stage is at 99 % or more: the purchase model sees almost no drop-out in this data (Value forecast says why), so P(alive) does not tell the stages apart here.',
} as const;

/** 简体中文 (same keys as `forecastEn`). */
export const forecastZhCN: Record<keyof typeof forecastEn, string> = {
  'nav.forecast': '价值预测',
  'param.forecast.horizon_weeks': '预测期（周）',
  'param.forecast.holdout_weeks': '预测回测（周，0 = 不回测）',
  'forecast.asOf':
    '截至 {asOf}，按当前筛选条件使用全部购买历史：{customers} 位客户有购买日，其中 {repeaters} 位在不止一天购买过。预测期：未来 {h} 周。',
  'forecast.none': '无法预测：{why}',
  'forecast.reason.no_customers': '按当前筛选条件，截至 {asOf} 没有任何客户有购买日。',
  'forecast.reason.too_few_repeaters':
    '截至 {asOf} 只有 {repeaters} 位客户在不止一天购买过；模型至少需要 20 位，才能估计客户多久购买一次、有多少会流失。请放宽筛选条件或载入更长的历史数据。',
  'forecast.reason.too_few_repeat_values':
    '再次购买的客户中，后续购买日金额为正的不足 20 位（退货使其为零或负数），无法估计每次购买的金额。',
  'forecast.reason.bgnbd_no_convergence':
    '购买模型在这些数据上没有得到确定的结果（拟合未收敛）。请调整筛选条件后重试。',
  'forecast.reason.gamma_gamma_no_convergence':
    '购买金额模型在这些数据上没有得到确定的结果（拟合未收敛）。请调整筛选条件后重试。',
  'forecast.model.title': '客户如何购买（拟合的模型）',
  'forecast.words.buyWeeks': '一位普通的活跃客户大约每 {weeks} 周购买一次。',
  'forecast.words.buyDays': '一位普通的活跃客户大约每 {days} 天购买一次。',
  'forecast.words.drop': '每次购买之后，有 {pct} 的客户从此不再购买。',
  'forecast.words.value': '一个购买日平均价值 {amount}；购买次数多的客户，预计更接近其自身的平均值。',
  'forecast.words.noValue': '购买金额差异过大，无法给出总体平均值。',
  'forecast.bound.dropout':
    '购买模型的参数停在允许范围的边界（{names}）：数据最符合“每位客户购买后以几乎相同的概率流失（{pct}）”，因此流失率应理解为对所有客户的同一个数字，而不是一个分布。',
  'forecast.bound.gamma':
    '金额模型的参数停在允许范围的边界（γ，它承载货币的量级）：这里的购买日金额较大（约 1 万及以上），因此只购买过一次的客户所得到的平均购买金额偏低；多次购买的客户按其自身历史计算。',
  'forecast.bound.other':
    '参数 {names} 停在允许范围（0.0001 至 10,000）的边界：数据无法确定它们，以上数字仅供粗略参考。',
  'forecast.params':
    'BG/NBD r = {r}，α = {alpha}，a = {a}，b = {b}（对数似然 {ll}）；Gamma-Gamma p = {p}，q = {q}，γ = {gamma}（对数似然 {ggll}）。',
  'forecast.dist.title': '客户仍然活跃的概率 P(alive)',
  'forecast.dist.subtitle':
    '{n} 位在不止一天购买过的客户。只购买过一次的 {oneTime} 位未列入：模型视其为活跃（尚未看到他们在某次购买后停止购买）。',
  'forecast.pAlive': 'P(alive)',
  'forecast.grid.title': '按距上次购买周数与购买天数的 P(alive)',
  'forecast.grid.subtitle': '每格为平均 P(alive)（悬停查看客户数）。常买、之后却沉寂的客户最可能已经流失。',
  'forecast.grid.recency': '距上次购买的周数',
  'forecast.grid.frequency': '首次之后的购买天数',
  'forecast.risk.title': '流失预警：很可能已停止购买的高价值客户',
  'forecast.risk.subtitle':
    '{n} 位客户的历史购买额位于前五分之一（至少 {floor}），且 P(alive) 低于 50%：历史销售额合计 {value}。',
  'forecast.risk.none': '历史购买额位于前五分之一的客户中，没有 P(alive) 低于 50% 的。',
  'forecast.rank.title': '未来 {h} 周的预期价值',
  'forecast.rank.subtitle':
    '全部客户，按预期价值从高到低：预期购买天数 × 每个购买日的预期金额（未折现）。点击一行查看客户。',
  'forecast.col.past': '历史购买额',
  'forecast.col.days': '购买天数',
  'forecast.col.since': '距上次购买周数',
  'forecast.col.purchases': '未来 {h} 周购买天数',
  'forecast.col.avg': '每购买日金额',
  'forecast.col.value': '{h} 周预期价值',
  'forecast.holdout.title': '回测：预测与实际的对比',
  'forecast.holdout.off':
    '在这些数据上预测有多可信？请在参数中设置“预测回测（周）”：模型将只用 {asOf} 之前这么多周以前的数据拟合，再把它对这几周的预测与实际发生的购买相比较。',
  'forecast.holdout.try': '用最近 {weeks} 周回测',
  'forecast.holdout.under':
    '在 {weeks} 周的回测期内，预测的购买天数比实际少 {pct}（预测 {predicted}，实际 {actual}；模型用截至 {end} 的数据拟合）。',
  'forecast.holdout.over':
    '在 {weeks} 周的回测期内，预测的购买天数比实际多 {pct}（预测 {predicted}，实际 {actual}；模型用截至 {end} 的数据拟合）。',
  'forecast.grade.good': '准确：',
  'forecast.grade.fair': '尚可：',
  'forecast.grade.poor': '偏差大：',
  'forecast.holdout.grades': '准确：与实际总数相差不超过 15%；尚可：不超过 30%；偏差大：超过 30%。',
  'forecast.holdout.noModel': '无法回测：截至 {end} 的数据无法预测：{why}',
  'forecast.holdout.noActual': '回测的 {weeks} 周内没有任何购买，无从比较（预测为 {predicted} 个购买日）。',
  'forecast.holdout.x': '截至 {end}，首次之后的购买天数',
  'forecast.holdout.y': '回测期内每位客户的购买天数',
  'forecast.holdout.predicted': '预测',
  'forecast.holdout.actual': '实际',
  'forecast.drill.title': '价值预测',
  'forecast.drill.line': 'P(alive) {p}；未来 {h} 周预计 {n} 个购买日、价值 {value}。',
  'forecast.drill.notIn': '截至 {asOf} 没有购买日：不在预测范围内。',
  'forecast.stage.title': '各阶段的平均 P(alive)',
  'forecast.stage.subtitle': '来自截至 {asOf} 的价值预测。只购买过一次的客户视为活跃。',
  'forecast.stage.flat':
    '每个阶段都在 99% 以上：购买模型在这份数据中几乎看不到流失（原因见“价值预测”），因此这里的 P(alive) 无法区分各阶段。',
};
