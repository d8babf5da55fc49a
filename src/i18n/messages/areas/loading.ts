/**
 * UI text of loading data: files dropped while the engine starts, the load report's notes and
 * reasons for bad input (test/fixtures/bad), a file too large for the tab, the demo kept when a
 * load fails.
 * Kept in its own file so work on different areas does not collide in the main catalogues;
 * `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const loadingEn = {
  'report.mean': '{role} (average per row)',
  'error.keptDemo': 'The demo data is still shown: nothing from your files was loaded.',
  'error.too_large':
    '{file}: about {rows} rows, more than this browser tab can analyse (up to {limit} rows: the engine works in one block of memory of at most 4 GB). Split the file (by year or region) and load the parts you need, or run the same analyses on native DuckDB: npm run analyze -- --engine native --sales {file} --out results',
  'drop.queued': '{files}: will load as soon as the analysis engine is ready.',
  'drop.queuedFailed':
    '{files} could not be read: the analysis engine did not start (see above). Reload the page and drop the files again.',
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
  'error.data_url_timeout':
    'The data file {url} did not arrive within {seconds} s (the server does not answer). Check the address and that the server is up, then reload the page.',
} as const;

/** 简体中文 (same keys as `loadingEn`). */
export const loadingZhCN: Record<keyof typeof loadingEn, string> = {
  'report.mean': '{role}（每行平均）',
  'error.keptDemo': '仍显示演示数据：您的文件没有导入。',
  'error.too_large':
    '{file}：约 {rows} 行，超出此浏览器标签页可分析的上限（最多 {limit} 行：分析引擎只能使用一块最多 4 GB 的内存）。请拆分文件（按年份或区域）只加载需要的部分，或用原生 DuckDB 运行同样的分析：npm run analyze -- --engine native --sales {file} --out results',
  'drop.queued': '{files}：分析引擎就绪后将立即载入。',
  'drop.queuedFailed': '无法读取 {files}：分析引擎未能启动（见上方）。请刷新页面后重新拖入文件。',
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
  'error.data_url_timeout':
    '数据文件 {url} 在 {seconds} 秒内没有到达（服务器无响应）。请检查地址以及服务器是否正常，然后刷新页面。',
};
