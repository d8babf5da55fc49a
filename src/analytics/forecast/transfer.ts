/**
 * The forecast's request and answer packed as columns for the trip to and from the Web Worker
 * (src/state/forecast-worker.ts). 20,000 customers as objects cost the page tens of milliseconds
 * to copy each way; as typed arrays they are moved, not copied, and the page rebuilds the rows
 * from the inputs it already holds. Numbers travel as doubles, null as NaN (no value of the
 * forecast is NaN: computeForecast turns non-finite results into null).
 */
import type { ForecastComputed, ForecastInput, ForecastRequest, ForecastRow } from './forecast';

/** Customers' inputs as columns (one entry per customer, in the request's order). */
export interface PackedInputs {
  ids: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** NaN for null. */
  m: Float64Array;
  holdoutDays: Float64Array;
  pastValue: Float64Array;
}

/** A ForecastRequest as columns. */
export interface PackedRequest {
  horizonWeeks: number;
  inputs: PackedInputs;
  holdout: { weeks: number; calibrationEnd: string; inputs: PackedInputs } | null;
}

/** computeForecast's answer with the rows as columns: `order[k]` is the input index of row k. */
export interface PackedComputed extends Omit<ForecastComputed, 'rows'> {
  order: Int32Array;
  /** NaN for null, in row order. */
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedAvgValue: Float64Array;
  expectedValue: Float64Array;
}

const nan = (v: number | null) => (v === null ? NaN : v);
const nul = (v: number) => (Number.isNaN(v) ? null : v);

function packInputs(inputs: readonly ForecastInput[]): PackedInputs {
  const col = (f: (c: ForecastInput) => number) => Float64Array.from(inputs, f);
  return {
    ids: inputs.map((c) => c.customerId),
    x: col((c) => c.x),
    tx: col((c) => c.tx),
    T: col((c) => c.T),
    m: col((c) => nan(c.m)),
    holdoutDays: col((c) => c.holdoutDays),
    pastValue: col((c) => c.pastValue),
  };
}

function unpackInputs(p: PackedInputs): ForecastInput[] {
  return p.ids.map((customerId, i) => ({
    customerId,
    x: p.x[i],
    tx: p.tx[i],
    T: p.T[i],
    m: nul(p.m[i]),
    holdoutDays: p.holdoutDays[i],
    pastValue: p.pastValue[i],
  }));
}

/** Pack a request (page side). */
export function packRequest(r: ForecastRequest): PackedRequest {
  return {
    horizonWeeks: r.horizonWeeks,
    inputs: packInputs(r.inputs),
    holdout: r.holdout && { ...r.holdout, inputs: packInputs(r.holdout.inputs) },
  };
}

/** Unpack a request (worker side). */
export function unpackRequest(p: PackedRequest): ForecastRequest {
  return {
    horizonWeeks: p.horizonWeeks,
    inputs: unpackInputs(p.inputs),
    holdout: p.holdout && { ...p.holdout, inputs: unpackInputs(p.holdout.inputs) },
  };
}

/** Pack computeForecast's answer to `request` (worker side). */
export function packComputed(request: ForecastRequest, c: ForecastComputed): PackedComputed {
  const index = new Map(request.inputs.map((input, i) => [input.customerId, i]));
  const col = (f: (r: ForecastRow) => number | null) => Float64Array.from(c.rows, (r) => nan(f(r)));
  return {
    model: c.model,
    reason: c.reason,
    holdout: c.holdout,
    order: Int32Array.from(c.rows, (r) => index.get(r.customerId)!),
    pAlive: col((r) => r.pAlive),
    expectedPurchases: col((r) => r.expectedPurchases),
    expectedAvgValue: col((r) => r.expectedAvgValue),
    expectedValue: col((r) => r.expectedValue),
  };
}

/** Rebuild the answer's rows from the request's inputs (page side). */
export function unpackComputed(request: ForecastRequest, p: PackedComputed): ForecastComputed {
  const rows = Array.from(p.order, (i, k): ForecastRow => {
    const c = request.inputs[i];
    return {
      customerId: c.customerId,
      frequency: c.x,
      recencyWeeks: c.tx,
      ageWeeks: c.T,
      monetary: c.m,
      pastValue: c.pastValue,
      pAlive: nul(p.pAlive[k]),
      expectedPurchases: nul(p.expectedPurchases[k]),
      expectedAvgValue: nul(p.expectedAvgValue[k]),
      expectedValue: nul(p.expectedValue[k]),
    };
  });
  return { model: p.model, reason: p.reason, holdout: p.holdout, rows };
}

/** The buffers of a packed request or answer, to move rather than copy. */
export function buffers(p: PackedRequest | PackedComputed): ArrayBuffer[] {
  const of = (i: PackedInputs) => [i.x, i.tx, i.T, i.m, i.holdoutDays, i.pastValue].map((a) => a.buffer);
  if ('order' in p)
    return [p.order, p.pAlive, p.expectedPurchases, p.expectedAvgValue, p.expectedValue].map(
      (a) => a.buffer as ArrayBuffer,
    );
  return [...of(p.inputs), ...(p.holdout ? of(p.holdout.inputs) : [])] as ArrayBuffer[];
}
