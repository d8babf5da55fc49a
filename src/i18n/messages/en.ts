/** English UI text. Every key here must exist in zh-CN.ts (the compiler checks it). */
export const en = {
  'app.title': 'Sales Workbench',
  'app.tagline': 'Customer analytics in your browser — your data never leaves this page',
  'app.language': 'Language',
  'app.starting': 'Starting the analysis engine…',
  'app.loadingDemo': 'Loading the demo data…',
  'app.demoNotice': 'You are looking at demo data. Drop your own sales files to analyse them.',
  'app.dataSource': 'Data: {files}',

  'drop.title': 'Drop sales files here',
  'drop.hint':
    'CSV, XLSX or Parquet — sales lines, plan, inventory, receivables, customer master. Files are read in this browser only.',
  'drop.choose': 'Choose files…',
  'drop.loading': 'Reading {file}…',

  'report.title': 'Load report',
  'report.file': 'File',
  'report.kind': 'Table',
  'report.encoding': 'Encoding',
  'report.rowsRead': 'Rows read',
  'report.rowsLoaded': 'Rows loaded',
  'report.rowsRejected': 'Rows rejected',
  'report.summaryRows': 'Summary rows set aside',
  'report.totals': 'Totals (read → loaded)',

  'kind.sales': 'Sales lines',
  'kind.plan': 'Plan',
  'kind.inventory': 'Inventory',
  'kind.receivables': 'Receivables',
  'kind.customers': 'Customer master',

  'error.title': 'Something went wrong',
  'error.keptData': 'Your earlier data is still loaded.',
  'error.engine': 'The analysis engine reported: {message}',
  'error.engineStart':
    'The analysis engine could not start ({message}). Reload the page; if it persists, use a current Chrome, Edge or Firefox.',
  'error.empty_file': '“{file}” is empty. Export the data again and drop the new file.',
  'error.binary_file':
    '“{file}” is not a text table (it looks like a binary file). Drop a CSV, XLSX or Parquet file.',
  'error.missing_roles':
    '“{file}” cannot be loaded: no column was recognised as {missing}. Columns seen: {columns}. Rename the column or map it by hand.',
  'error.unknown': '{message}',
  'error.dismiss': 'Dismiss',

  'nav.pareto': 'Pareto / ABC',

  'pareto.title': 'Pareto / ABC analysis',
  'pareto.subtitle': '{entity}: {n} ranked, period {start} to {end}',
  'pareto.empty': 'No sales in the selected period.',
  'pareto.chartLabel': 'Pareto chart: value per customer in rank order with the cumulative share',
  'pareto.value': 'Value',
  'pareto.cumShare': 'Cumulative share',
  'pareto.rank': 'Rank',
  'pareto.class': 'Class',
  'pareto.count': 'Count',
  'pareto.entity': 'Rank',
  'pareto.measure': 'by',
  'pareto.countShare': 'Share of count',
  'pareto.valueShare': 'Share of value',
  'pareto.top20': 'Top 20% share',
  'pareto.hhi': 'HHI',
  'pareto.gini': 'Gini',
  'pareto.threshold': '{pct} line',

  'table.search': 'Search…',
  'table.rows': '{n} of {total} rows',
  'table.exportCsv': 'CSV',
  'table.exportXlsx': 'XLSX',
  'table.noRows': 'No rows match.',

  'period.start': 'From',
  'period.asOf': 'As of',
  'filters.clear': 'Clear all filters',
  'filters.remove': 'Remove filter {name}',
  'dim.region': 'Region',
  'dim.channel': 'Channel',
  'dim.category': 'Category',
  'dim.customer_type': 'Customer type',
  'dim.sales_rep': 'Sales rep',
  'dim.customer': 'Customer',
  'dim.product': 'Product',

  'nav.data': 'Data',
  'nav.label': 'Analyses',
  'data.title': 'Loaded data',
  'data.none': 'No data loaded yet.',
  'link.ignored': 'Parts of the link could not be used and were ignored: {parts}',

  'measure.revenue': 'Revenue',
  'measure.gross_profit': 'Gross profit',
  'measure.quantity': 'Quantity',
} as const;

/** A message key. */
export type MessageKey = keyof typeof en;
