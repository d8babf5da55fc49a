/**
 * UI text for the command line's inputs: the mapping file saved for
 * `npm run analyze -- --mapping`, and the errors of a dataset of several Parquet files. Kept in
 * its own file so work on different areas does not collide in the main catalogues; `en.ts` and
 * `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const cliEn = {
  'data.saveMapping': 'Save mapping for the command line',
  'data.saveMappingHint':
    'Downloads the column mappings above as a JSON file. A scheduled job reads files with the same headers the same way: npm run analyze -- --mapping {file} --sales … --out results',
  'data.mappingSaved': 'Saved {file}',
  'error.dataset_schema':
    '{file}: the part “{part}” has other columns than “{first}” ({found} instead of {expected}). Every file of a dataset needs the same columns with the same types: move the other file out of the folder or fix the pattern.',
  'error.dataset_partitions':
    '{file}: the part “{part}” sits in the folders {found}, the first part in {expected}. Every file of a dataset needs the same key=value folders.',
} as const;

/** 简体中文 (same keys as `cliEn`). */
export const cliZhCN: Record<keyof typeof cliEn, string> = {
  'data.saveMapping': '保存映射供命令行使用',
  'data.saveMappingHint':
    '将上面的列映射下载为 JSON 文件。定时任务用它以同样的方式读取表头相同的文件：npm run analyze -- --mapping {file} --sales … --out results',
  'data.mappingSaved': '已保存 {file}',
  'error.dataset_schema':
    '{file}：分区文件“{part}”的列与“{first}”不同（为 {found}，应为 {expected}）。同一数据集的所有文件必须有相同的列和类型：请把其他文件移出该文件夹，或修改匹配模式。',
  'error.dataset_partitions':
    '{file}：分区文件“{part}”位于文件夹 {found}，第一个分区文件位于 {expected}。同一数据集的所有文件必须位于相同的 key=value 文件夹结构中。',
};
