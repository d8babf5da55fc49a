/**
 * UI text while analyses run (the busy line) and when they or the analysis engine fail (the
 * restart after a crash).
 * Kept in its own file so work on different areas does not collide in the main catalogues;
 * `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const runningEn = {
  'perf.updating': 'Updating the analyses…',
  'perf.running': '{n} running, {seconds} s',
  // Failures
  'recovery.crashed':
    'The analysis engine stopped (the browser ended it, possibly for lack of memory). Restarting it and reloading your data — nothing you loaded is lost…',
  'recovery.outOfMemory':
    'The analysis engine ran out of memory and stopped. Restarting it and reloading your data — nothing you loaded is lost…',
  'recovery.done':
    'The analysis engine was restarted and your data reloaded ({files}). If the last action did not finish, do it again; with very large files, narrow the period or filters first.',
  'recovery.doneView':
    'The analysis engine was restarted. The numbers of this view come from the link ({files}) and are shown as before.',
  'recovery.failed':
    'The analysis engine could not be restarted ({message}). Reload the page; your files are kept in this browser and will be restored.',
  'failure.query':
    'This analysis could not run: {message}. Your data is unchanged; change the parameters or filters, or reload the page if it keeps happening.',
  'failure.outOfMemory':
    'This analysis ran out of memory. Your data is unchanged; narrow the period or the filters, or load fewer or smaller files, and try again.',
  'failure.crashed':
    'The analysis engine stopped while this ran; it is being restarted and your data reloaded, then this updates by itself.',
  'failure.console':
    'The query failed: {message}. Check the table and column names (listed above) and try again.',
  'failure.consoleMemory':
    'The query ran out of memory ({message}). Your data is unchanged; add a WHERE or LIMIT, or aggregate, and try again.',
} as const;

/** 简体中文 (same keys as `runningEn`). */
export const runningZhCN: Record<keyof typeof runningEn, string> = {
  'perf.updating': '正在更新分析…',
  'perf.running': '{n} 项进行中，{seconds} 秒',
  'recovery.crashed':
    '分析引擎已停止（浏览器结束了它，可能是内存不足）。正在重启并重新加载您的数据——已加载的数据不会丢失…',
  'recovery.outOfMemory': '分析引擎内存不足而停止。正在重启并重新加载您的数据——已加载的数据不会丢失…',
  'recovery.done':
    '分析引擎已重启，数据已重新加载（{files}）。如果上一步操作没有完成，请再做一次；文件很大时，请先缩小期间或筛选范围。',
  'recovery.doneView': '分析引擎已重启。此视图的数字来自链接（{files}），照常显示。',
  'recovery.failed': '分析引擎无法重启（{message}）。请刷新页面；您的文件保存在此浏览器中，会自动恢复。',
  'failure.query': '此分析无法运行：{message}。数据没有变化；请调整参数或筛选条件，如果反复出现请刷新页面。',
  'failure.outOfMemory': '此分析内存不足。数据没有变化；请缩小期间或筛选范围，或加载更少、更小的文件后重试。',
  'failure.crashed': '运行时分析引擎停止了；正在重启并重新加载您的数据，完成后此处会自动更新。',
  'failure.console': '查询失败：{message}。请核对上方列出的表名和列名后重试。',
  'failure.consoleMemory':
    '查询内存不足（{message}）。数据没有变化；请加上 WHERE 或 LIMIT，或先汇总，再重试。',
};
