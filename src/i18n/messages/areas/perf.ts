/**
 * UI text for performance and scale (issue 7). Kept in its own file so work on different areas does not collide in the
 * main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const perfEn = {
  'perf.updating': 'Updating the analyses…',
  'perf.running': '{n} running, {seconds} s',
  'perf.tooLarge':
    '{file} is {size}, more than this browser tab can analyse (about {limit} here: the engine needs several times the file in memory). Split the file by year or region, save it as Parquet, or run the same analyses on native DuckDB with: npm run analyze -- --engine native --sales {file} --out results',
  'perf.largeWarning':
    '{file} is {size}: loading it will take a while and use much of this tab’s memory. Close other tabs; for files this size the command line (npm run analyze -- --engine native) is faster.',
} as const;

/** 简体中文 (same keys as `perfEn`). */
export const perfZhCN: Record<keyof typeof perfEn, string> = {
  'perf.updating': '正在更新分析…',
  'perf.running': '{n} 项进行中，{seconds} 秒',
  'perf.tooLarge':
    '{file} 大小为 {size}，超出此浏览器标签页可分析的上限（此处约 {limit}：引擎需要数倍于文件大小的内存）。请按年份或区域拆分文件、另存为 Parquet，或用原生 DuckDB 运行同样的分析：npm run analyze -- --engine native --sales {file} --out results',
  'perf.largeWarning':
    '{file} 大小为 {size}：加载需要一些时间，并会占用此标签页的大量内存。请关闭其他标签页；这么大的文件用命令行（npm run analyze -- --engine native）更快。',
};
