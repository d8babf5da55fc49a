import { Bool, DateDay, Float64, makeData, makeVector, Utf8, type Vector } from 'apache-arrow';

/**
 * Arrow columns built straight from JS values, without apache-arrow's builders: those compile
 * their null check with `new Function`, which the page's Content-Security-Policy (no
 * 'unsafe-eval') forbids — loading an XLSX, a Parquet file or a snapshot would fail. Writing the
 * buffers directly is also one pass with no per-value builder calls.
 */

type Maybe<T> = T | null | undefined;

/** Validity bitmap (bit set = value present) and the null count; an empty bitmap when no nulls. */
function validity(length: number, isNull: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap: nulls ? bitmap : new Uint8Array(0), nulls };
}

/** A DOUBLE column; null, undefined and non-numbers are null. */
export function float64Column(values: ArrayLike<Maybe<number>>): Vector<Float64> {
  const n = values.length;
  const data = new Float64Array(n);
  const { bitmap, nulls } = validity(n, (i) => typeof values[i] !== 'number');
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'number') data[i] = v;
  }
  return makeVector(makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: bitmap, data }));
}

/** A VARCHAR column (UTF-8); null and undefined are null. */
export function utf8Column(values: ArrayLike<Maybe<string>>): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(Math.max(64, n * 8));
  let end = 0;
  const { bitmap, nulls } = validity(n, (i) => values[i] === null || values[i] === undefined);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && v.length) {
      // A UTF-16 unit becomes at most 3 UTF-8 bytes.
      const need = end + v.length * 3;
      if (need > bytes.length) {
        const grown = new Uint8Array(Math.max(need, bytes.length * 2));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(v, bytes.subarray(end)).written;
    }
    offsets[i + 1] = end;
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length: n,
      nullCount: nulls,
      nullBitmap: bitmap,
      valueOffsets: offsets,
      data: bytes.subarray(0, end),
    }),
  );
}

/** A DATE column from days since 1970-01-01 (calendar dates; no time zone involved). */
export function dateDayColumn(days: ArrayLike<Maybe<number>>): Vector<DateDay> {
  const n = days.length;
  const data = new Int32Array(n);
  const { bitmap, nulls } = validity(n, (i) => typeof days[i] !== 'number' || !Number.isFinite(days[i]));
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (typeof d === 'number' && Number.isFinite(d)) data[i] = d;
  }
  return makeVector(makeData({ type: new DateDay(), length: n, nullCount: nulls, nullBitmap: bitmap, data }));
}

/** A BOOLEAN column; null and undefined are null. */
export function boolColumn(values: ArrayLike<Maybe<boolean>>): Vector<Bool> {
  const n = values.length;
  const data = new Uint8Array((n + 7) >> 3);
  const { bitmap, nulls } = validity(n, (i) => typeof values[i] !== 'boolean');
  for (let i = 0; i < n; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
  return makeVector(makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: bitmap, data }));
}

/** Days since 1970-01-01 of a JS Date's UTC calendar day (Parquet dates arrive as UTC Dates). */
export function utcDays(d: Date): number {
  return Math.floor(d.getTime() / 86_400_000);
}
