/**
 * UI text for bad input, hostile content, failures, accessibility (issue 8). Kept in its own file so work on different areas does not collide in the
 * main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const trustEn = {
  // Bad input (test/fixtures/bad)
  'error.truncated_file':
    '“{file}” is cut off: its compressed data ends too early, so part of the table is missing. Copy or download the file again and drop the new copy.',
  'note.truncated':
    'The file ends in the middle of a row (no final line break, the last row is incomplete): it may have been cut off. Check that the copy is complete.',
  'note.mixed_encoding':
    'The file mixes text encodings: {n} line(s) were not UTF-8 and were read as {encoding} (lines {lines}). Check the names on those lines.',
  'note.nul_bytes': '{n} row(s) contained NUL bytes (invisible binary characters); they were removed.',
  'note.partial_cost':
    'Cost (or profit) is empty on {n} of {total} loaded rows: gross profit and margins count only the rows that have it, so they are understated. Fill in the missing costs, or map another column.',
  'note.no_customer':
    '{n} of {total} rows have no customer (walk-in or guest sales, {amount} of revenue). They are kept: they count in company totals, products, categories, regions and targets, and are left out of the per-customer analyses (ABC customers, lifecycle, KPI, RFM), which say so.',
  'note.returns':
    '{n} row(s) are returns or cancellations (negative quantity or amount, {amount} in total). They are netted against the sales, not dropped.',
  'note.returns_orders':
    '{n} row(s) in {orders} order(s) are returns or cancellations (negative quantity or amount, {amount} in total). They are netted against the sales, not dropped; an order whose net revenue is not above zero (a cancellation invoice) is not counted as an order.',
  'note.duplicate_rows':
    '{n} row(s) are exact copies of an earlier row. They were loaded (repeat orders happen); if the file was pasted twice, remove the copies and load it again.',
  'reason.impossible_date': 'date does not exist (e.g. 30 February, month 13)',
  'reason.nonfinite_amount': 'amount is not a finite number (e.g. 1e309, NaN)',
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
  'error.data_url_timeout':
    'The data file {url} did not arrive within {seconds} s (the server does not answer). Check the address and that the server is up, then reload the page.',
  // Accessibility
  'chart.showTable': 'Show the data as a table',
  'chart.item': 'Item',
  'a11y.skip': 'Skip to the content',
} as const;

/** 简体中文 (same keys as `trustEn`). */
export const trustZhCN: Record<keyof typeof trustEn, string> = {
  'error.truncated_file':
    '“{file}”不完整：压缩数据提前结束，表格的一部分缺失。请重新复制或下载该文件，再拖入新的副本。',
  'note.truncated': '文件在某一行中间结束（末尾没有换行，最后一行不完整），可能被截断。请确认文件副本完整。',
  'note.mixed_encoding':
    '文件混用了多种文字编码：{n} 行不是 UTF-8，已按 {encoding} 读取（第 {lines} 行）。请核对这些行中的名称。',
  'note.nul_bytes': '{n} 行含有 NUL 字节（不可见的二进制字符），已删除。',
  'note.partial_cost':
    '已导入的 {total} 行中有 {n} 行成本（或毛利）为空：毛利和毛利率只计算有成本的行，因此偏低。请补全成本，或改用其他列。',
  'note.no_customer':
    '{total} 行中有 {n} 行没有客户（散客或游客订单，收入 {amount}）。这些行保留：计入公司合计、产品、品类、区域和指标，但不参与按客户的分析（客户 ABC、生命周期、考核、RFM），相关页面会注明。',
  'note.returns': '{n} 行为退货或取消（数量或金额为负，合计 {amount}），已与销售相抵，没有删除。',
  'note.returns_orders':
    '{orders} 张单据中的 {n} 行为退货或取消（数量或金额为负，合计 {amount}），已与销售相抵，没有删除；净收入不大于零的单据（如取消单）不计为订单。',
  'note.duplicate_rows':
    '{n} 行与前面某一行完全相同。这些行已加载（重复下单是正常的）；如果文件被重复粘贴，请删除重复行后重新加载。',
  'reason.impossible_date': '日期不存在（如 2 月 30 日、13 月）',
  'reason.nonfinite_amount': '金额不是有限数值（如 1e309、NaN）',
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
  'error.data_url_timeout':
    '数据文件 {url} 在 {seconds} 秒内没有到达（服务器无响应）。请检查地址以及服务器是否正常，然后刷新页面。',
  'chart.showTable': '以表格显示数据',
  'chart.item': '项目',
  'a11y.skip': '跳到正文',
};
