/**
 * UI text of issue 16 (drops while the engine starts, honest review links, period presets). Kept
 * in its own file so work on different areas does not collide in the main catalogues; `en.ts`
 * and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const reviewEn = {
  'drop.queued': '{files}: will load as soon as the analysis engine is ready.',
  'drop.queuedFailed':
    '{files} could not be read: the analysis engine did not start (see above). Reload the page and drop the files again.',
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
  'share.longOver':
    'This link is long ({chars} characters, over {long}): chat tools often cut such links. Send it in the body of an e-mail or as a text file, or share a view that shows less (a filtered view, the Overview).',
  'share.viewOnly':
    'This link carries the numbers of this view only, not the data: the period, filters and parameters cannot be changed here. To explore, open a link with the data or load the data.',
} as const;

/** 简体中文 (same keys as `reviewEn`). */
export const reviewZhCN: Record<keyof typeof reviewEn, string> = {
  'drop.queued': '{files}：分析引擎就绪后将立即载入。',
  'drop.queuedFailed': '无法读取 {files}：分析引擎未能启动（见上方）。请刷新页面后重新拖入文件。',
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
  'share.longOver':
    '此链接较长（{chars} 个字符，超过 {long}）：聊天工具常会截断这样的链接。请放在邮件正文中发送，或作为文本文件发送；也可分享显示内容较少的视图（筛选后的视图、总览）。',
  'share.viewOnly':
    '此链接只包含当前视图的数字，不含数据：此处不能更改期间、筛选和参数。如需自行分析，请打开包含数据的链接或载入数据。',
};
