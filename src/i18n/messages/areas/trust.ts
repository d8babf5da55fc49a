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
  'note.duplicate_rows':
    '{n} row(s) are exact copies of an earlier row. They were loaded (repeat orders happen); if the file was pasted twice, remove the copies and load it again.',
  'reason.impossible_date': 'date does not exist (e.g. 30 February, month 13)',
  'reason.nonfinite_amount': 'amount is not a finite number (e.g. 1e309, NaN)',
} as const;

/** 简体中文 (same keys as `trustEn`). */
export const trustZhCN: Record<keyof typeof trustEn, string> = {
  'error.truncated_file':
    '“{file}”不完整：压缩数据提前结束，表格的一部分缺失。请重新复制或下载该文件，再拖入新的副本。',
  'note.truncated': '文件在某一行中间结束（末尾没有换行，最后一行不完整），可能被截断。请确认文件副本完整。',
  'note.mixed_encoding':
    '文件混用了多种文字编码：{n} 行不是 UTF-8，已按 {encoding} 读取（第 {lines} 行）。请核对这些行中的名称。',
  'note.nul_bytes': '{n} 行含有 NUL 字节（不可见的二进制字符），已删除。',
  'note.duplicate_rows':
    '{n} 行与前面某一行完全相同。这些行已加载（重复下单是正常的）；如果文件被重复粘贴，请删除重复行后重新加载。',
  'reason.impossible_date': '日期不存在（如 2 月 30 日、13 月）',
  'reason.nonfinite_amount': '金额不是有限数值（如 1e309、NaN）',
};
