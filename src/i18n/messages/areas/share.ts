/**
 * UI text of review links, the data kept in this browser, printing and exports of the data
 * (docs/sharing.md).
 * Kept in its own file so work on different areas does not collide in the main catalogues;
 * `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const shareEn = {
  'share.fetching': 'Fetching {url}…',
  'share.opening': 'Opening the data carried in the link…',
  'share.fromUrls': 'Data from the link (fetched from the intranet, not kept in this browser): {urls}',
  'share.fromSnapshotData':
    'Data carried inside the link (made {date}): {files}. Nothing was fetched, and it is not kept in this browser.',
  'share.fromSnapshotView':
    'Numbers carried inside the link (made {date}) for one view of {files}. This page shows them as shared; other pages and other filters need the data itself.',
  'share.notInSnapshot':
    'Not in this link: it carries only the numbers of the view it was made from. Go back to that view, or ask the sender for the data (a Parquet file on the intranet).',
  'share.button': 'Copy review link',
  'share.title': 'Review link',
  'share.preparing': 'Preparing the link…',
  'share.way.urls':
    'Data by URL: the link names the data files on the intranet ({files}); the reviewer’s browser fetches them from there.',
  'share.way.demo': 'The demo data ships with the app: the link opens it with this view.',
  'share.way.snapshot-data':
    'Embedded snapshot: the whole dataset ({rows} rows) travels inside the link, after the “#”, which browsers never send to a server.',
  'share.way.snapshot-view':
    'Embedded snapshot: the dataset is too large for a link, so the link carries the numbers this view shows (not the rows), after the “#”. The reviewer sees this page as it is now; other pages and other filters need the data.',
  'share.way.reshare': 'This link carries the same snapshot you opened.',
  'share.way.none':
    'Neither way fits: the data was dropped from this computer, so no intranet address names it, and it is too large to travel inside a link.',
  'share.a': '(a) Data by URL',
  'share.b': '(b) Embedded snapshot',
  'share.used': 'used',
  'share.urlsDropped':
    'not available: the data was dropped from this computer. Save it as Parquet, put the file on the intranet share and open the app with ?data=… to use this way.',
  'share.urlsSnapshot': 'not available: this data came inside a link.',
  'share.urlsNoData': 'not available: no data is loaded.',
  'share.bNotNeeded': 'not needed: the link names the data.',
  'share.demoNotNeeded': 'not needed: the demo data ships with the app.',
  'share.bData': 'used: the whole dataset, {rows} rows ({chars} characters).',
  'share.bView': 'used: the numbers of this view ({chars} characters); {data}.',
  'share.bTooLarge':
    'too large: {data}, and the numbers of this view would need {view} characters; the limit is {limit}.',
  'share.bDataChars': 'the whole dataset would need {chars} characters',
  'share.bTooManyRows': 'the dataset’s {rows} rows are far too many to embed (more than {max})',
  'share.size': 'Link size: {chars} characters (limit {limit}).',
  'share.linkLabel': 'The review link',
  'share.copy': 'Copy',
  'share.copied': 'Copied. Paste it into an e-mail or a chat message.',
  'share.copyManually':
    'This browser did not allow copying from the page. The link is selected: press Ctrl+C (⌘C on a Mac).',
  'share.close': 'Close',
  'share.noneAdvice':
    'What to do: save the dataset as Parquet, put the file on the intranet share next to this app, and open the app with ?data=<file name>. Then copy the link again: it will carry the data by URL. See docs/sharing.md.',
  'share.bad':
    'The data inside this link could not be used: {reason} Ask the sender for a new link. Nothing else was loaded in its place.',
  'share.bad.too_long': 'it is longer than any link this app makes.',
  'share.bad.bad_base64':
    'it contains characters that do not belong there (a mail or chat tool may have changed or cut it).',
  'share.bad.bad_deflate': 'it is damaged or cut off.',
  'share.bad.too_large': 'it unpacks to far more data than a link may carry.',
  'share.bad.bad_json': 'it is not a snapshot made by this app.',
  'share.bad.bad_shape': 'it is not a snapshot made by this app.',
  'print.button': 'Print review pack',
  'print.preparing': 'Preparing the pack…',
  'print.packHint':
    'Review pack: the cover with the data source and parameters, then every page. Use the browser’s print dialog (“Save as PDF”) for a PDF.',
  'print.print': 'Print / save as PDF',
  'print.back': 'Back to the workbench',
  'print.title': 'Review pack',
  'print.made': 'printed {date}',
  'print.dataSource': 'Data source',
  'print.sourceDemo': 'The demo dataset shipped with the app (not real data).',
  'print.sourceFiles': 'Files loaded by the analyst in the browser: {files}.',
  'print.sourceUrls': 'Files on the intranet, named in the link: {urls}.',
  'print.sourceSnapshotData': 'The dataset carried inside the review link (made {date}), from: {files}.',
  'print.sourceSnapshotView':
    'The numbers of one view carried inside the review link (made {date}), from: {files}. Pages other than the shared one are not in it.',
  'print.rows': '{loaded} rows loaded of {read} read, {rejected} rejected',
  'print.period': 'Period',
  'print.periodText': '{start} to {end} (as-of date)',
  'print.filters': 'Filters',
  'print.all': 'all',
  'print.auto': 'default (from the data)',
  'print.changed': 'changed',
  'print.link': 'Address of this view',
  'print.moreRows': '… and {n} more rows (the table’s CSV/XLSX export has them all).',
  'param.period_start': 'Period start',
  'param.as_of': 'As-of date T',
  'param.measure': 'Measure',
  'param.kpi.weights': 'KPI weights',
  'param.kpi.period': 'KPI scoring period',
  'param.kpi.compare': 'KPI comparison period',
  'param.kpi.by_category': 'KPI per category',
  'param.receivables.base': 'Receivables warning base',
  'chart.download': 'Download this chart as {format}',
  'chart.failed': 'The chart could not be saved as a picture in this browser; try SVG.',
  'parquet.save': 'Save dataset as Parquet',
  'parquet.working': 'Writing Parquet…',
  'parquet.saved': 'Saved {file}.',
  'parquet.noRows': 'This link carries the numbers of one view, not the rows: there is no dataset to save.',
  'parquet.readme':
    'Sales Workbench dataset: {files}.\n\nThe tables as loaded and cleaned (canonical column names and types), one Parquet file each.\nTo share them for review: put these files in a folder named "data" next to the app on the intranet web server, open the app with\n\n  ?{query}\n\nadded to its address, and use "Copy review link". See docs/sharing.md.',
  'error.data_url_unreachable':
    '“{url}” could not be fetched ({message}). Check that the address is right and that the server is reachable from this computer; a file on another host must allow this page to read it (CORS, see docs/sharing.md).',
  'error.data_url_status':
    'The server answered HTTP {status} for “{url}”. Check the address in the link (?data=…) or ask the sender to publish the file again.',
  'error.data_url_range':
    'The server sent an incomplete part of “{url}” (HTTP {status}). Reload the page; if it happens again, ask IT to check the web server’s range requests.',
  'share.longOver':
    'This link is long ({chars} characters, over {long}): chat tools often cut such links. Send it in the body of an e-mail or as a text file, or share a view that shows less (a filtered view, the Overview).',
  'share.viewOnly':
    'This link carries the numbers of this view only, not the data: the period, filters and parameters cannot be changed here. To explore, open a link with the data or load the data.',
} as const;

/** 简体中文 (same keys as `shareEn`). */
export const shareZhCN: Record<keyof typeof shareEn, string> = {
  'share.fetching': '正在获取 {url}…',
  'share.opening': '正在打开链接中携带的数据…',
  'share.fromUrls': '数据来自链接（从内网获取，不保存在本浏览器中）：{urls}',
  'share.fromSnapshotData':
    '数据随链接携带（生成于 {date}）：{files}。未从任何服务器获取，也不保存在本浏览器中。',
  'share.fromSnapshotView':
    '链接携带的是 {files} 某一视图的数字（生成于 {date}）。本页按分享时的样子显示；其他页面和其他筛选需要数据本身。',
  'share.notInSnapshot':
    '此链接中没有这部分：它只携带生成链接时那个视图的数字。请回到该视图，或向发送者索取数据（放在内网上的 Parquet 文件）。',
  'share.button': '复制审阅链接',
  'share.title': '审阅链接',
  'share.preparing': '正在生成链接…',
  'share.way.urls': '按 URL 传数据：链接指向内网上的数据文件（{files}），审阅者的浏览器从那里获取。',
  'share.way.demo': '演示数据随应用提供：链接以当前视图打开演示数据。',
  'share.way.snapshot-data':
    '内嵌快照：整个数据集（{rows} 行）放在链接“#”之后一起传递，浏览器从不把这部分发送给服务器。',
  'share.way.snapshot-view':
    '内嵌快照：数据集太大，放不进链接，因此链接携带的是当前视图显示的数字（不含明细行），位于“#”之后。审阅者看到的是此页当前的样子；其他页面和其他筛选需要数据本身。',
  'share.way.reshare': '此链接携带的是您打开的同一个快照。',
  'share.way.none': '两种方式都不适用：数据是从本机拖入的，没有内网地址指向它；数据又太大，无法放进链接。',
  'share.a': '(a) 按 URL 传数据',
  'share.b': '(b) 内嵌快照',
  'share.used': '已采用',
  'share.urlsDropped':
    '不可用：数据是从本机拖入的。请另存为 Parquet，把文件放到内网共享目录，并用 ?data=… 打开应用，即可使用此方式。',
  'share.urlsSnapshot': '不可用：这些数据本身来自链接。',
  'share.urlsNoData': '不可用：尚未加载数据。',
  'share.bNotNeeded': '不需要：链接已指向数据。',
  'share.demoNotNeeded': '不需要：演示数据随应用提供。',
  'share.bData': '已采用：整个数据集，{rows} 行（{chars} 个字符）。',
  'share.bView': '已采用：当前视图的数字（{chars} 个字符）；{data}。',
  'share.bTooLarge': '太大：{data}，当前视图的数字也需要 {view} 个字符；上限为 {limit}。',
  'share.bDataChars': '整个数据集需要 {chars} 个字符',
  'share.bTooManyRows': '数据集有 {rows} 行，远超可内嵌的数量（超过 {max} 行）',
  'share.size': '链接长度：{chars} 个字符（上限 {limit}）。',
  'share.linkLabel': '审阅链接',
  'share.copy': '复制',
  'share.copied': '已复制。请粘贴到邮件或聊天消息中。',
  'share.copyManually': '此浏览器不允许页面复制。链接已选中：请按 Ctrl+C（Mac 上按 ⌘C）。',
  'share.close': '关闭',
  'share.noneAdvice':
    '建议：把数据集另存为 Parquet，将文件放到本应用旁边的内网共享目录，再用 ?data=<文件名> 打开应用，然后重新复制链接：链接将按 URL 传数据。详见 docs/sharing.md。',
  'share.bad': '此链接中的数据无法使用：{reason}请向发送者索取新链接。没有加载其他数据来代替。',
  'share.bad.too_long': '它比本应用生成的任何链接都长。',
  'share.bad.bad_base64': '其中含有不应出现的字符（可能被邮件或聊天工具修改或截断）。',
  'share.bad.bad_deflate': '数据已损坏或被截断。',
  'share.bad.too_large': '解压后的数据远超链接允许携带的大小。',
  'share.bad.bad_json': '它不是本应用生成的快照。',
  'share.bad.bad_shape': '它不是本应用生成的快照。',
  'print.button': '打印审阅材料',
  'print.preparing': '正在准备…',
  'print.packHint':
    '审阅材料：封面列出数据来源和参数，随后是各个页面。用浏览器的打印对话框（“另存为 PDF”）生成 PDF。',
  'print.print': '打印 / 另存为 PDF',
  'print.back': '返回工作台',
  'print.title': '审阅材料',
  'print.made': '打印于 {date}',
  'print.dataSource': '数据来源',
  'print.sourceDemo': '应用自带的演示数据集（非真实数据）。',
  'print.sourceFiles': '分析人员在浏览器中加载的文件：{files}。',
  'print.sourceUrls': '链接指向的内网文件：{urls}。',
  'print.sourceSnapshotData': '审阅链接中携带的数据集（生成于 {date}），来源：{files}。',
  'print.sourceSnapshotView':
    '审阅链接中携带的某一视图的数字（生成于 {date}），来源：{files}。分享页面以外的页面不包含在内。',
  'print.rows': '读取 {read} 行，加载 {loaded} 行，拒绝 {rejected} 行',
  'print.period': '期间',
  'print.periodText': '{start} 至 {end}（截止日期）',
  'print.filters': '筛选',
  'print.all': '全部',
  'print.auto': '默认（按数据确定）',
  'print.changed': '已修改',
  'print.link': '此视图的地址',
  'print.moreRows': '……另有 {n} 行（表格的 CSV/XLSX 导出包含全部）。',
  'param.period_start': '期间起点',
  'param.as_of': '截止日期 T',
  'param.measure': '度量',
  'param.kpi.weights': 'KPI 权重',
  'param.kpi.period': 'KPI 考核期间',
  'param.kpi.compare': 'KPI 对比期间',
  'param.kpi.by_category': 'KPI 分品种考核',
  'param.receivables.base': '应收预警基数',
  'chart.download': '将此图表下载为 {format}',
  'chart.failed': '此浏览器无法把图表保存为图片；请改用 SVG。',
  'parquet.save': '数据集另存为 Parquet',
  'parquet.working': '正在写入 Parquet…',
  'parquet.saved': '已保存 {file}。',
  'parquet.noRows': '此链接携带的是某一视图的数字，不含明细行：没有可保存的数据集。',
  'parquet.readme':
    '销售分析工作台数据集：{files}。\n\n加载并清洗后的数据表（标准列名和类型），每张表一个 Parquet 文件。\n分享审阅：把这些文件放到内网 Web 服务器上本应用旁边名为 "data" 的文件夹中，在应用地址后加上\n\n  ?{query}\n\n打开应用，然后点击“复制审阅链接”。详见 docs/sharing.md。',
  'error.data_url_unreachable':
    '无法获取“{url}”（{message}）。请检查地址是否正确、本机能否访问该服务器；若文件在其他主机上，该主机须允许本页面读取（CORS，见 docs/sharing.md）。',
  'error.data_url_status':
    '服务器对“{url}”返回 HTTP {status}。请检查链接中的地址（?data=…），或请发送者重新发布文件。',
  'error.data_url_range':
    '服务器只返回了“{url}”的不完整片段（HTTP {status}）。请刷新页面；若仍出现，请 IT 检查 Web 服务器的范围请求（Range）设置。',
  'share.longOver':
    '此链接较长（{chars} 个字符，超过 {long}）：聊天工具常会截断这样的链接。请放在邮件正文中发送，或作为文本文件发送；也可分享显示内容较少的视图（筛选后的视图、总览）。',
  'share.viewOnly':
    '此链接只包含当前视图的数字，不含数据：此处不能更改期间、筛选和参数。如需自行分析，请打开包含数据的链接或载入数据。',
};
