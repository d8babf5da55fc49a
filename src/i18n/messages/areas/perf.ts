/**
 * UI text for performance and scale (issue 7). Kept in its own file so work on different areas does not collide in the
 * main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const perfEn = {
  'perf.updating': 'Updating the analyses…',
  'perf.running': '{n} running, {seconds} s',
  'error.too_large':
    '{file}: about {rows} rows, more than this browser tab can analyse (up to {limit} rows: the engine works in one block of memory of at most 4 GB). Split the file (by year or region) and load the parts you need, or run the same analyses on native DuckDB: npm run analyze -- --engine native --sales {file} --out results',
} as const;

/** 简体中文 (same keys as `perfEn`). */
export const perfZhCN: Record<keyof typeof perfEn, string> = {
  'perf.updating': '正在更新分析…',
  'perf.running': '{n} 项进行中，{seconds} 秒',
  'error.too_large':
    '{file}：约 {rows} 行，超出此浏览器标签页可分析的上限（最多 {limit} 行：分析引擎只能使用一块最多 4 GB 的内存）。请拆分文件（按年份或区域）只加载需要的部分，或用原生 DuckDB 运行同样的分析：npm run analyze -- --engine native --sales {file} --out results',
};
