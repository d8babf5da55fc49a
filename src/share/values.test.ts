import { describe, expect, it } from 'vitest';
import { resultKey, stableJson } from '../state/result-key';
import { decodeFragment, encodeFragment, SnapshotError } from './codec';
import { fromPayload, toPayload, type ViewSnapshot } from './snapshot';
import { sqlHash } from './sql-hash';
import { NotPlainError, packValue, unpackValue } from './values';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof SnapshotError ? err.reason : String(err);
  }
  return 'accepted';
};

describe('results in a view snapshot (format 2)', () => {
  const result = {
    period: { start: '2025-01-01', asOf: '2025-12-31', months: 12 },
    classes: [
      { class: 'A', count: 61, valueShare: 0.7981 },
      { class: 'B', count: 93, valueShare: 0.1502 },
    ],
    ratio: Infinity,
    drop: -Infinity,
    odd: NaN,
    none: null,
    flag: false,
    absent: undefined,
  };

  it('round-trips a result through the fragment, NaN and ±Infinity included', () => {
    const snap: ViewSnapshot = {
      v: 2,
      mode: 'view',
      created: '2025-01-02',
      reports: [],
      results: new Map([[resultKey('pareto', 'classes', { abc: { a: 0.8, b: 0.95 } }, 'customer'), result]]),
      answers: new Map([[sqlHash('SELECT 1 AS x'), [{ x: 1 }]]]),
    };
    const back = fromPayload(decodeFragment(encodeFragment(toPayload(snap)))) as ViewSnapshot;
    expect(back.v).toBe(2);
    expect(back.answers).toEqual(new Map([[sqlHash('SELECT 1 AS x'), [{ x: 1 }]]]));
    const [[key, value]] = [...back.results];
    expect(key).toBe(resultKey('pareto', 'classes', { abc: { b: 0.95, a: 0.8 } }, 'customer'));
    const { absent: _absent, ...rest } = result;
    expect(value).toEqual(rest);
    expect(Object.hasOwn(value as object, 'absent')).toBe(false);
  });

  it('refuses anything but plain data when a link is made', () => {
    expect(() => packValue({ when: new Date(0) })).toThrow(NotPlainError);
    expect(() => packValue(new Map())).toThrow(NotPlainError);
    expect(() => packValue({ f: () => 1 })).toThrow(NotPlainError);
  });

  it('refuses crafted results when a link is read', () => {
    expect(refusal(() => unpackValue(JSON.parse('{"__proto__": {"x": 1}}')))).toBe('bad_shape');
    expect(refusal(() => unpackValue({ constructor: 1 }))).toBe('bad_shape');
    expect(refusal(() => unpackValue({ $n: 'eval' }))).toBe('bad_shape');
    expect(refusal(() => unpackValue({ $n: 1 }))).toBe('bad_shape');
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(refusal(() => unpackValue(deep))).toBe('bad_shape');
    const payload = (results: unknown, answers: unknown = []) => ({
      v: 2,
      mode: 'view',
      created: '2025-01-02',
      reports: [],
      results,
      answers,
    });
    expect(refusal(() => fromPayload(payload([])))).toBe('bad_shape');
    expect(refusal(() => fromPayload(payload([], [{ h: 1, table: {} }])))).toBe('bad_shape');
    expect(refusal(() => fromPayload(payload([], [{ h: 'x', table: { n: 1, cols: [], data: [] } }])))).toBe(
      'accepted',
    );
    expect(refusal(() => fromPayload(payload([[1, 2]])))).toBe('bad_shape');
    expect(refusal(() => fromPayload(payload({ k: 1 })))).toBe('bad_shape');
    expect(refusal(() => fromPayload(payload([['k', { $n: 'NaN' }]])))).toBe('accepted');
  });
});

describe('stableJson', () => {
  it('gives one text for equal values whatever their key order; arrays keep their order', () => {
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(stableJson({ a: { c: null, d: [2, 1] }, b: 1 })).toBe(
      stableJson({ b: 1, a: { d: [2, 1], c: null } }),
    );
  });
});

describe('sqlHash', () => {
  it('is short, the same for the same text, and different for different texts', () => {
    const sql = 'SELECT min(order_date) AS lo, max(order_date) AS hi FROM sales';
    expect(sqlHash(sql)).toBe(sqlHash(`${sql}`));
    expect(sqlHash(sql)).toMatch(/^[0-9a-z]{1,11}$/);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(sqlHash(`${sql} LIMIT ${i}`));
    expect(seen.size).toBe(20_000);
  });
});
