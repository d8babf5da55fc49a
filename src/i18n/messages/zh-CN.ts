import type { MessageKey } from './en';

/** 简体中文界面文字。 */
export const zhCN: Record<MessageKey, string> = {
  'app.title': '销售分析工作台',
  'app.tagline': '在浏览器内完成客户分析——数据不会离开本页面',
  'app.language': '语言',
  'app.starting': '正在启动分析引擎…',
  'app.loadingDemo': '正在加载演示数据…',
  'app.demoNotice': '当前显示的是演示数据。拖入您自己的销售文件即可开始分析。',
  'app.dataSource': '数据：{files}',

  'drop.title': '将销售文件拖到这里',
  'drop.hint': '支持 CSV、XLSX、Parquet——销售明细、计划、库存、应收账款、客户档案。文件只在本浏览器内读取。',
  'drop.choose': '选择文件…',
  'drop.loading': '正在读取 {file}…',

  'report.title': '导入报告',
  'report.file': '文件',
  'report.kind': '数据表',
  'report.encoding': '编码',
  'report.rowsRead': '读取行数',
  'report.rowsLoaded': '导入行数',
  'report.rowsRejected': '拒绝行数',
  'report.summaryRows': '剔除的合计行',
  'report.totals': '合计（读取 → 导入）',

  'kind.sales': '销售明细',
  'kind.plan': '销售计划',
  'kind.inventory': '库存',
  'kind.receivables': '应收账款',
  'kind.customers': '客户档案',

  'error.title': '出现问题',
  'error.keptData': '之前导入的数据仍然保留。',
  'error.engine': '分析引擎报告：{message}',
  'error.engineStart':
    '分析引擎无法启动（{message}）。请刷新页面；如仍失败，请使用新版 Chrome、Edge 或 Firefox。',
  'error.empty_file': '“{file}”是空文件。请重新导出数据后再拖入。',
  'error.binary_file': '“{file}”不是表格文本（看起来是二进制文件）。请拖入 CSV、XLSX 或 Parquet 文件。',
  'error.missing_roles':
    '无法导入“{file}”：没有识别出 {missing} 列。已识别的列：{columns}。请重命名该列或手动指定映射。',
  'error.unknown': '{message}',
  'error.dismiss': '关闭',

  'nav.pareto': '帕累托 / ABC',

  'pareto.title': '客户帕累托（ABC 分类）',
  'pareto.subtitle': '{n} 个客户，期间 {start} 至 {end}',
  'pareto.empty': '所选期间没有销售数据。',
  'pareto.chartLabel': '帕累托图：按排名的客户销售额与累计占比',
  'pareto.value': '数值',
  'pareto.cumShare': '累计占比',
  'pareto.rank': '排名',
  'pareto.class': '类别',
  'pareto.count': '客户数',
  'pareto.countShare': '客户占比',
  'pareto.valueShare': '金额占比',
  'pareto.top20': '前 20% 客户占比',
  'pareto.hhi': '赫芬达尔指数',
  'pareto.gini': '基尼系数',
  'pareto.threshold': '{pct} 线',

  'table.search': '搜索…',
  'table.rows': '{n} / {total} 行',
  'table.exportCsv': 'CSV',
  'table.exportXlsx': 'XLSX',
  'table.noRows': '没有匹配的行。',

  'measure.revenue': '销售额',
  'measure.gross_profit': '毛利',
  'measure.quantity': '销量',
};
