/**
 * UI text for performance and scale (issue 7). Kept in its own file so work on different areas does not collide in the
 * main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const perfEn = {} as const;

/** 简体中文 (same keys as `perfEn`). */
export const perfZhCN: Record<keyof typeof perfEn, string> = {};
