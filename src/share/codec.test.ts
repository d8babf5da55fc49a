import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeFragment,
  encodeFragment,
  fromBase64Url,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  SnapshotError,
  toBase64Url,
} from './codec';
import { decodeRows, encodeRows } from './columns';
import { fromPayload, toPayload, type DataSnapshot } from './snapshot';

/** The reason a decode was refused (fails the test when it was not refused). */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof SnapshotError) return err.reason;
    throw err;
  }
  throw new Error('not refused');
}

describe('base64url', () => {
  it('round-trips any bytes and uses only URL-safe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });
  it('agrees with the platform encoder', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 62, 63]);
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });
});

describe('snapshot fragment', () => {
  it('round-trips a value and carries nothing but the key and base64url', () => {
    const value = { a: [1, 2.5, null], b: '华东 & <x>', c: { d: true } };
    const frag = encodeFragment(value);
    expect(frag).toMatch(/^s1=[A-Za-z0-9_-]+$/);
    expect(decodeFragment(`#${frag}`)).toEqual(value);
  });

  it('ignores a hash that carries no snapshot', () => {
    expect(decodeFragment('')).toBeNull();
    expect(decodeFragment('#top')).toBeNull();
  });

  it('refuses an oversized fragment before decoding it', () => {
    expect(refusal(() => decodeFragment(`#s1=${'A'.repeat(MAX_LINK_CHARS)}`))).toBe('too_long');
  });

  it('refuses bad base64', () => {
    expect(refusal(() => decodeFragment('#s1=abc$def'))).toBe('bad_base64');
    expect(refusal(() => decodeFragment('#s1=abcd+/=='))).toBe('bad_base64');
    expect(refusal(() => decodeFragment('#s1=abcde'))).toBe('bad_base64');
    expect(refusal(() => decodeFragment('#s1=%3Cscript%3E'))).toBe('bad_base64');
  });

  it('refuses data that is not DEFLATE, or a cut DEFLATE stream', () => {
    expect(
      refusal(() => decodeFragment(`#s1=${toBase64Url(new Uint8Array([255, 255, 255, 255, 1, 2]))}`)),
    ).toBe('bad_deflate');
    const whole = deflateSync(
      new TextEncoder().encode(JSON.stringify({ x: 'y'.repeat(5000) + 'z'.repeat(999) })),
    );
    expect(refusal(() => decodeFragment(`#s1=${toBase64Url(whole.subarray(0, whole.length - 6))}`))).toBe(
      'bad_deflate',
    );
  });

  it('refuses a compression bomb (unpacks past the limit) without unpacking it all', () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 1024), { level: 9 });
    const frag = `#s1=${toBase64Url(bomb)}`;
    expect(frag.length).toBeLessThan(MAX_LINK_CHARS);
    expect(refusal(() => decodeFragment(frag))).toBe('too_large');
  });

  it('refuses bytes that unpack to something other than JSON', () => {
    const notJson = deflateSync(new TextEncoder().encode('<script>alert(1)</script>'));
    expect(refusal(() => decodeFragment(`#s1=${toBase64Url(notJson)}`))).toBe('bad_json');
  });
});

describe('snapshot columns', () => {
  it('round-trips cells of every kind, including non-finite numbers and nulls', () => {
    const rows = [
      { d: 1704067200000, n: 1.5, s: '甲', b: true, z: null, i: 1 },
      { d: 1704153600000, n: Number.NaN, s: null, b: null, z: null, i: 2 },
      { d: 1704153600000, n: Number.POSITIVE_INFINITY, s: '甲', b: false, z: null, i: 3 },
      { d: 1704240000000, n: null, s: 'B', b: true, z: null, i: 7 },
    ];
    const enc = encodeRows(rows);
    expect(enc.data.map((c) => c.t)).toEqual(['d', 'n', 's', 'b', 'z', 'd']);
    expect(decodeRows(JSON.parse(JSON.stringify(enc)), 10)).toEqual(rows);
  });

  it('refuses a crafted table: wrong lengths, bad indexes, foreign values, too many rows', () => {
    const ok = { n: 1, cols: ['a'], data: [{ t: 's', d: ['x'], i: [0] }] };
    expect(decodeRows(ok, 10)).toEqual([{ a: 'x' }]);
    const variants = [
      { ...ok, n: 2 },
      { ...ok, data: [{ t: 's', d: ['x'], i: [5] }] },
      { ...ok, data: [{ t: 'n', v: [{ $: 1 }] }] },
      { ...ok, data: [{ t: 'n', v: ['1e3'] }] },
      { ...ok, data: [{ t: 'q' }] },
      { ...ok, cols: ['__proto__'] },
      { ...ok, cols: ['a', 'a'], data: [ok.data[0], ok.data[0]] },
      { n: 11, cols: [], data: [] },
    ];
    for (const v of variants)
      expect(
        refusal(() => decodeRows(v, 10)),
        JSON.stringify(v),
      ).toBe('bad_shape');
  });
});

describe('snapshot payload', () => {
  const report = {
    file: 'sales.csv',
    kind: 'sales',
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    headers: ['订单日期', '客户编号', '销售额'],
    rowsRead: 2,
    rowsLoaded: 2,
    rowsRejected: 0,
    summaryRows: 0,
    rejects: [],
    rejectReasons: {},
    totals: [{ role: 'revenue', read: 1000, loaded: 1000 }],
    notes: [],
  } as const;
  const snap: DataSnapshot = {
    v: 1,
    mode: 'data',
    created: '2025-01-02',
    reports: [
      { ...report, rejects: [], headers: [...report.headers], totals: [...report.totals], notes: [] },
    ],
    tables: {
      sales: [
        {
          order_date: 1714521600000,
          customer_id: 'K1',
          revenue: 600,
          source_file: 'sales.csv',
          source_row: 1,
        },
      ],
    },
  };

  it('round-trips a data snapshot through the fragment', () => {
    const back = fromPayload(decodeFragment(encodeFragment(toPayload(snap))));
    expect(back.mode).toBe('data');
    // The column headers stay behind (no page shows them); everything else of the report travels.
    expect(back.reports).toEqual(snap.reports.map((r) => ({ ...r, headers: [] })));
    const row = (back as DataSnapshot).tables.sales![0];
    expect(row).toMatchObject(snap.tables.sales![0]);
    expect(row.customer_name).toBeNull();
  });

  it('refuses unknown tables, unknown columns, bad reports and foreign versions', () => {
    const good = JSON.parse(JSON.stringify(toPayload(snap)));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a crafted payload is any shape
    const cases: ((p: Record<string, any>) => void)[] = [
      (p) => (p.v = 3),
      (p) => (p.mode = 'exec'),
      (p) => (p.tables.secrets = p.tables.sales),
      (p) => (p.tables.sales.cols[0] = 'password'),
      (p) => (p.reports[0].rowsRead = -1),
      (p) => (p.reports[0].notes = [{ key: 'constructor' }]),
      (p) => (p.reports[0].kind = '__proto__'),
      (p) => (p.created = '<b>'),
      (p) => delete p.tables.sales,
    ];
    for (const change of cases) {
      const p = structuredClone(good);
      change(p);
      expect(
        refusal(() => fromPayload(p)),
        change.toString(),
      ).toBe('bad_shape');
    }
  });
});
