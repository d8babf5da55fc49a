import { describe, expect, it } from 'vitest';
import { tableOf } from './data-table';
import { holdoutChart } from './holdout-chart';
import { goldenSvg, testDocument } from './golden';

describe('holdout chart', () => {
  it('draws actual (solid) and predicted (dashed) per frequency bucket, with its data table', () => {
    // CDNOW's first three buckets and 7+ (analytics.md §10 check).
    const el = holdoutChart(
      [
        { bucket: '0', customers: 1411, predicted: 0.225, actual: 0.237 },
        { bucket: '1', customers: 439, predicted: 0.523, actual: 0.697 },
        { bucket: '2', customers: 214, predicted: 1.044, actual: 1.393 },
        { bucket: '7+', customers: 64, predicted: 6.157, actual: 6.359 },
      ],
      {
        width: 500,
        ariaLabel: 'Holdout',
        document: testDocument(),
        labels: {
          x: 'x',
          y: 'Per customer',
          predicted: 'Predicted',
          actual: 'Actual',
          customers: 'Customers',
        },
        formatValue: (v) => v.toFixed(2),
        formatCount: (v) => String(v),
      },
    );
    const { expected, actual } = goldenSvg('holdout-chart', el);
    expect(actual).toBe(expected);
    expect(el.querySelectorAll('g[aria-label="line"]')).toHaveLength(2);
    expect(el.querySelector('g[aria-label="line"] path[stroke-dasharray]')).toBeNull();
    expect(el.querySelectorAll('[stroke-dasharray="6 4"]').length).toBeGreaterThan(0);
    expect(tableOf(el)!.rows[1]).toEqual(['1', '439', '0.70', '0.52']);
  });
});
