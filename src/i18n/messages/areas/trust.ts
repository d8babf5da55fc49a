/**
 * UI text for bad input, hostile content, failures, accessibility (issue 8). Kept in its own file so work on different areas does not collide in the
 * main catalogues; `en.ts` and `zh-CN.ts` spread these in. Both objects must have the same keys.
 */
export const trustEn = {} as const;

/** 简体中文 (same keys as `trustEn`). */
export const trustZhCN: Record<keyof typeof trustEn, string> = {};
