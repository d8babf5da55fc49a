import { describe, expect, it } from 'vitest';
import { computeForecast } from './compute';
import type { ForecastInput, ForecastRequest } from './forecast';
import { buffers, packComputed, packRequest, unpackComputed, unpackRequest } from './transfer';

/** 40 customers: i buys on (i mod 7) + 1 days over 10 + i weeks; every fifth has m_x null. */
function population(n = 40): ForecastInput[] {
  return Array.from({ length: n }, (_, i) => {
    const x = i % 7;
    const T = 10 + i;
    return {
      customerId: `c${String(i).padStart(2, '0')}`,
      x,
      tx: x === 0 ? 0 : T * (0.3 + (i % 5) / 10),
      T,
      m: x === 0 || i % 5 === 0 ? null : 20 + ((i * 37) % 90),
      holdoutDays: i % 3,
      pastValue: 100 + i,
    };
  });
}

/** The trip to the worker and back, as the browser makes it (structuredClone moves the buffers). */
function roundTrip(request: ForecastRequest) {
  const packed = structuredClone(packRequest(request), { transfer: buffers(packRequest(request)) });
  const inWorker = unpackRequest(packed);
  const answer = packComputed(inWorker, computeForecast(inWorker));
  return unpackComputed(request, structuredClone(answer, { transfer: buffers(answer) }));
}

describe('the forecast packed for the worker (transfer.ts)', () => {
  it('gives the same answer as computeForecast here, rows, order and nulls included', () => {
    const inputs = population();
    const request: ForecastRequest = {
      horizonWeeks: 26,
      inputs,
      holdout: { weeks: 8, calibrationEnd: '2024-01-01', inputs: inputs.slice(0, 30) },
    };
    const here = computeForecast(request);
    expect(here.model).not.toBeNull();
    expect(roundTrip(request)).toEqual(here);
    expect(here.rows.some((r) => r.monetary === null)).toBe(true);
  });

  it('keeps a no-forecast answer (nulls everywhere) as it is', () => {
    const request: ForecastRequest = { horizonWeeks: 52, inputs: population(5), holdout: null };
    const here = computeForecast(request);
    expect(here.reason).toBe('too_few_repeaters');
    expect(roundTrip(request)).toEqual(here);
  });
});
