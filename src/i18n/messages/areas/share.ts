/**
 * UI text for review links, persistence, exports (issue 6). Kept in its own file so work on different areas does not collide in the
 * main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const shareEn = {} as const;

/** 简体中文 (same keys as `shareEn`). */
export const shareZhCN: Record<keyof typeof shareEn, string> = {};
