/**
 * The elementary functions of the value forecast, the same bits on every JavaScript engine.
 *
 * `Math.log`, `Math.exp`, `Math.pow`, `Math.log1p` and `Math.expm1` are left to each engine by the
 * ECMAScript standard ("implementation-approximated"), and they differ in the last bits: Node 20's
 * V8 and Chromium 156's V8 give other results for 200,000 random arguments of each (checked
 * 2026-12-06). A maximum-likelihood fit amplifies those bits, so the browser and the CLI wrote
 * different `clv.csv` files (relative 3e-6). Everything here is written with `+ − × ÷`,
 * `Math.round`/`Math.floor` and bit access to doubles, which IEEE 754 defines exactly: one answer
 * everywhere. The forecast's sources import these; eslint forbids the `Math` ones there.
 *
 * `ln`, `exp` and `log1p` are the fit's inner loop (about 10 M calls of each for 20,000
 * customers), so they are table-driven here: stdlib's ports of FreeBSD msun, deterministic too,
 * took 50–65 ns a call in Chromium against 9–18 ns for `Math` and made the fit 2.5× slower.
 * Accuracy: within 5e-16 relative of stdlib's results, about two units in the last place (tested,
 * `fdmath.test.ts`); the fit's tolerance is 1e-10. `pow` and
 * `expm1` (scoring only) are stdlib's.
 */
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibPow from '@stdlib/math-base-special-pow';

/**
 * 2^k for k = −1074…1023, exact (made by doubling and halving), at POW2[k + 1074]: scaling by a
 * table entry instead of writing a double's exponent bits, which in V8 costs a store-to-load stall.
 */
const POW2_BIAS = 1074;
const POW2 = new Float64Array(POW2_BIAS + 1024);
POW2[POW2_BIAS] = 1;
for (let k = 1; k <= 1023; k++) POW2[POW2_BIAS + k] = POW2[POW2_BIAS + k - 1] * 2;
for (let k = -1; k >= -1074; k--) POW2[POW2_BIAS + k] = POW2[POW2_BIAS + k + 1] / 2;

/** ln 2 split so that k·LN2_HI is exact for |k| < 2^11 (fdlibm's constants). */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** Mantissa bits that pick a table entry of ln. */
const LN_BITS = 7;
const LN_SIZE = 1 << LN_BITS;
/**
 * Centres c_j = 1 + (j + ½)/128 of the mantissa's intervals. From j = 53 (m ≥ 1.414) the
 * mantissa is taken as m/2 with k + 1, as fdlibm does, so ln m stays within ±0.35 and k·ln 2
 * never nearly cancels it; the table holds ln c_j, or ln(c_j/2) from j = 53 (stdlib, once).
 */
const LN_HALF_FROM = 53;
const LN_C = new Float64Array(LN_SIZE);
const LN_LNC = new Float64Array(LN_SIZE);
for (let j = 0; j < LN_SIZE; j++) {
  LN_C[j] = 1 + (j + 0.5) / LN_SIZE;
  LN_LNC[j] = stdlibLn(j < LN_HALF_FROM ? LN_C[j] : LN_C[j] / 2);
}

/** 2·atanh(s) = ln((1+s)/(1−s)) for |s| ≤ 1/15, by its series to s¹⁷ (error below 1e-19·|s|). */
function twoAtanh(s: number): number {
  const z = s * s;
  return (
    s *
    (2 +
      z *
        (2 / 3 +
          z *
            (2 / 5 + z * (2 / 7 + z * (2 / 9 + z * (2 / 11 + z * (2 / 13 + z * (2 / 15 + z * (2 / 17)))))))))
  );
}

/** Natural logarithm (NaN below 0, −∞ at 0). */
export function ln(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
  const f = x - 1;
  // Near 1 directly, so ln(1 + 1e-12) keeps its digits: s = f/(2+f), ln x = 2·atanh(s).
  if (f < 0.125 && f > -0.125) return twoAtanh(f / (2 + f));
  // x = 2^k · m with m in [1, 2). Math.log2 only guesses k (its last bits differ between engines);
  // the guess is then corrected until m is in [1, 2), so k and m are exact and the same everywhere.
  let y = x;
  let shift = 0;
  if (y < 2.2250738585072014e-308) {
    y *= 18014398509481984; // 2^54: subnormals into the normal range
    shift = 54;
  }
  // Small integers (|0) keep V8 on its fast integer path: twice as fast as doubles here.
  // eslint-disable-next-line no-restricted-properties -- a guess only, corrected below
  let k = Math.floor(Math.log2(y)) | 0;
  if (k > 1023) k = 1023;
  let m = y * POW2[POW2_BIAS - k];
  // The guess is off by at most one (log2 is within a few ulp); loops in case an engine is worse.
  while (m < 1) {
    m *= 2;
    k = (k - 1) | 0;
  }
  while (m >= 2) {
    m /= 2;
    k = (k + 1) | 0;
  }
  const j = ((m - 1) * LN_SIZE) | 0;
  if (j >= LN_HALF_FROM) k = (k + 1) | 0;
  k = (k - shift) | 0;
  const c = LN_C[j];
  // ln m = ln c + 2·atanh(s), s = (m − c)/(m + c); m − c is exact (Sterbenz), |s| ≤ 1/513, so
  // the series to s⁷ leaves an error below 1e-20·|s|.
  const s = (m - c) / (m + c);
  const z = s * s;
  const lnMoverC = s * (2 + z * (2 / 3 + z * (2 / 5 + z * (2 / 7))));
  return k * LN2_HI + (LN_LNC[j] + (lnMoverC + k * LN2_LO));
}

/** Table of 2^(j/128), j = 0…127 (stdlib, once). */
const EXP_BITS = 7;
const EXP_SIZE = 1 << EXP_BITS;
const EXP_T = new Float64Array(EXP_SIZE);
for (let j = 0; j < EXP_SIZE; j++) EXP_T[j] = stdlibPow(2, j / EXP_SIZE);
/** 128 / ln 2, and ln 2 / 128 split so that n·EXP_L_HI is exact for |n| < 2^18. */
const EXP_INV_L = 184.6649652337873;
const EXP_L_HI = 5.415212347998022e-3;
const EXP_L_LO = 1.2655086083325438e-13;

/** e to the power x (0 below −745.13, ∞ above 709.78). */
export function exp(x: number): number {
  if (!(x > -745.1332191019412)) return x !== x ? NaN : 0;
  if (x > 709.782712893384) return Infinity;
  const n = Math.round(x * EXP_INV_L);
  // x = n·ln2/128 + r, |r| ≤ ln2/256 (Cody–Waite: n·EXP_L_HI is exact).
  const r = x - n * EXP_L_HI - n * EXP_L_LO;
  const j = n & (EXP_SIZE - 1);
  const k = (n - j) / EXP_SIZE;
  // e^r − 1 to r⁶ (|r| ≤ 0.0028: error below 1e-19).
  const p = r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  const t = EXP_T[j];
  const y = t + t * p;
  if (k >= -1022 && k <= 1023) return y * POW2[POW2_BIAS + k];
  // Near the ends of the range: two steps, so neither factor overflows or underflows early.
  const k1 = k > 0 ? 1023 : -1022;
  return y * POW2[POW2_BIAS + k1] * POW2[POW2_BIAS + k - k1];
}

/** ln(1 + y), exact for small y. */
export function log1p(y: number): number {
  if (y < 0.125 && y > -0.125) return twoAtanh(y / (2 + y));
  if (!(y > -1)) return y === -1 ? -Infinity : NaN;
  if (y === Infinity) return Infinity;
  // w = 1 + y is rounded; ln w plus the first-order correction for what the rounding lost.
  const w = 1 + y;
  return ln(w) + (y - (w - 1)) / w;
}

/** x to the power y. */
export const pow: (x: number, y: number) => number = stdlibPow;
/** eˣ − 1, exact for small x. */
export const expm1: (x: number) => number = stdlibExpm1;
/** stdlib's exp (reference for tests). */
export const referenceExp: (x: number) => number = stdlibExp;
/** stdlib's ln (reference for tests). */
export const referenceLn: (x: number) => number = stdlibLn;
