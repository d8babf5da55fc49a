/**
 * The elementary functions of the value forecast, the same bits on every JavaScript engine.
 *
 * `Math.log`, `Math.exp`, `Math.pow`, `Math.log1p` and `Math.expm1` are left to each engine by the
 * ECMAScript standard ("implementation-approximated"), and they differ in the last bits: Node 20's
 * V8 and Chromium 156's V8 give other results for 200,000 random arguments of each (checked
 * 2026-12-06). A maximum-likelihood fit amplifies those bits, so the browser and the CLI wrote
 * different `clv.csv` files (relative 3e-6). These are stdlib's ports of FreeBSD msun, written with
 * `+ − × ÷` and `Math.sqrt` only, which IEEE 754 rounds exactly: one answer everywhere.
 * The forecast's sources import these; eslint forbids the `Math` ones there.
 */
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import stdlibPow from '@stdlib/math-base-special-pow';

/** Natural logarithm. */
export const ln: (x: number) => number = stdlibLn;
/** e to the power x. */
export const exp: (x: number) => number = stdlibExp;
/** x to the power y. */
export const pow: (x: number, y: number) => number = stdlibPow;
/** ln(1 + x), exact for small x. */
export const log1p: (x: number) => number = stdlibLog1p;
/** eˣ − 1, exact for small x. */
export const expm1: (x: number) => number = stdlibExpm1;
