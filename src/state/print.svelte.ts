/**
 * Print state. `media`: the browser is printing (between `beforeprint` and `afterprint`), so
 * components lay out for paper (tables print their first rows instead of a scrolling window).
 * `pack`: the review pack is shown: a cover with the data source and every parameter, then
 * every analysis page one after the other, ready for the browser's "Print → Save as PDF".
 */
export const printing = $state({ media: false, pack: false });

/** Rows a table prints (the rest are in its CSV/XLSX export). */
export const PRINT_ROWS = 40;
