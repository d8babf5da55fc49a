/**
 * UI text of issue 16 (drops while the engine starts, honest review links, period presets). Kept
 * in its own file so work on different areas does not collide in the main catalogues; `en.ts`
 * and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const reviewEn = {
  'drop.queued': '{files}: will load as soon as the analysis engine is ready.',
  'drop.queuedFailed':
    '{files} could not be read: the analysis engine did not start (see above). Reload the page and drop the files again.',
} as const;

/** 简体中文 (same keys as `reviewEn`). */
export const reviewZhCN: Record<keyof typeof reviewEn, string> = {
  'drop.queued': '{files}：分析引擎就绪后将立即载入。',
  'drop.queuedFailed': '无法读取 {files}：分析引擎未能启动（见上方）。请刷新页面后重新拖入文件。',
};
