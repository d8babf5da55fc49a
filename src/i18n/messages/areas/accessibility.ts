/**
 * UI text of accessibility: the table shown for a chart (and the columns it hides for lack
 * of data), the skip link.
 * Kept in its own file so work on different areas does not collide in the main catalogues;
 * `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const accessibilityEn = {
  'table.hiddenEmpty': 'Not shown, no data: {names}',
  // Accessibility
  'chart.showTable': 'Show the data as a table',
  'chart.item': 'Item',
  'a11y.skip': 'Skip to the content',
} as const;

/** 简体中文 (same keys as `accessibilityEn`). */
export const accessibilityZhCN: Record<keyof typeof accessibilityEn, string> = {
  'table.hiddenEmpty': '无数据未显示：{names}',
  'chart.showTable': '以表格显示数据',
  'chart.item': '项目',
  'a11y.skip': '跳到正文',
};
