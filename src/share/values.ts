/**
 * Analysis results in and out of a view snapshot. A result is plain data (objects, arrays,
 * strings, numbers, booleans, null), which JSON carries except for the numbers it has no words
 * for: NaN and ±Infinity travel as `{"$n": "NaN"}` etc. Reading checks every value, so a crafted
 * link cannot smuggle in anything else (no prototypes, no functions, nothing nested without end).
 */
import { SnapshotError } from './codec';

/** Deepest nesting accepted (results are a few levels deep). */
const MAX_DEPTH = 24;
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A value a result may not hold (a Map, a Date, a class instance, a function). */
export class NotPlainError extends Error {}

/** A result → JSON-safe data. Throws NotPlainError for anything but plain data. */
export function packValue(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new NotPlainError('nested too deep');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  // `undefined` is what an absent field reads as: JSON leaves it out (in an array it becomes null).
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $n: String(v) };
  if (Array.isArray(v)) return v.map((x) => packValue(x, depth + 1));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = packValue(x, depth + 1);
    return out;
  }
  throw new NotPlainError(`not plain data: ${Object.prototype.toString.call(v)}`);
}

const bad = (what: string): never => {
  throw new SnapshotError('bad_shape', what);
};

/** JSON-safe data → the result, checking every value; throws SnapshotError('bad_shape'). */
export function unpackValue(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return bad('result nested too deep');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : bad('result number');
  if (Array.isArray(v)) return v.map((x) => unpackValue(x, depth + 1));
  if (typeof v !== 'object') return bad('result value');
  const keys = Object.keys(v);
  const obj = v as Record<string, unknown>;
  if (keys.length === 1 && keys[0] === '$n') {
    const n = obj.$n;
    return typeof n === 'string' && NON_FINITE.has(n) ? Number(n) : bad('result number');
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (FORBIDDEN.has(k)) return bad(`result key ${k}`);
    out[k] = unpackValue(obj[k], depth + 1);
  }
  return out;
}
