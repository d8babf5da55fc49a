import { describe, expect, it } from 'vitest';
import { computeForecast } from '../analytics/forecast/compute';
import type { ForecastInput, ForecastRequest } from '../analytics/forecast/forecast';
import { forecastThread } from './forecast-thread';

/** 400 customers: i buys on (i mod 9) + 1 days over 10 + i/4 weeks; every seventh has m_x null. */
function population(n = 400): ForecastInput[] {
  return Array.from({ length: n }, (_, i) => {
    const x = i % 9;
    const T = 10 + i / 4;
    return {
      customerId: `c${String(i).padStart(3, '0')}`,
      x,
      tx: x === 0 ? 0 : T * (0.2 + (i % 7) / 10),
      T,
      m: x === 0 || i % 7 === 0 ? null : 15 + ((i * 37) % 113),
      holdoutDays: i % 4,
      pastValue: 100 + i,
    };
  });
}

describe('the CLI’s forecast thread', () => {
  it('gives computeForecast’s answer to the bit (fitted parameters, rows, order, holdout)', async () => {
    const inputs = population();
    const request: ForecastRequest = {
      horizonWeeks: 52,
      inputs,
      holdout: { weeks: 12, calibrationEnd: '2024-06-30', inputs: inputs.slice(0, 300) },
    };
    const here = computeForecast(request);
    expect(here.model).not.toBeNull();
    const thread = forecastThread();
    try {
      // Two at once: each answer goes to its own request.
      const [a, b] = await Promise.all([
        thread.compute(request),
        thread.compute({ ...request, horizonWeeks: 26, holdout: null }),
      ]);
      expect(a).toEqual(here);
      expect(Object.is(a.model!.bgnbd.r, here.model!.bgnbd.r)).toBe(true);
      expect(b).toEqual(computeForecast({ ...request, horizonWeeks: 26, holdout: null }));
    } finally {
      await thread.close();
    }
  }, 60_000);

  it('rejects a forecast on its way when the thread stops, rather than waiting for ever', async () => {
    const thread = forecastThread();
    const pending = thread.compute({ horizonWeeks: 52, inputs: population(), holdout: null });
    await thread.close();
    await expect(pending).rejects.toThrow(/forecast thread stopped/);
  }, 60_000);
});
