/**
 * UI text of the Pareto page's ranking: a bar standing for a run of ranks, the average per entity.
 * Kept in its own file so work on different areas does not collide in the main catalogues;
 * `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const paretoEn = {
  // Pareto: a bar standing for a run of ranks
  'pareto.runHint': 'At this size a bar stands for several ranks: click it to list them.',
  'pareto.runTitle': 'Ranks {from}–{to} ({n} in this bar)',
  'pareto.runClose': 'Close list',
  'pareto.average': 'Average per {entity}',
} as const;

/** 简体中文 (same keys as `paretoEn`). */
export const paretoZhCN: Record<keyof typeof paretoEn, string> = {
  'pareto.runHint': '对象较多时，一根柱子代表连续几个名次：点击它可列出其中的对象。',
  'pareto.runTitle': '第 {from}–{to} 名（本柱 {n} 个）',
  'pareto.runClose': '关闭列表',
  'pareto.average': '平均每个{entity}',
};
