import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvField, csvText, materialise, textPieces, textString, toCsv } from './csv';
import { zipResults } from '../results/zip';
import readXlsxFile from 'read-excel-file/universal';
import { toXlsx, toXlsxBook, XLSX_FORMAT } from './xlsx-writer';

describe('CSV export', () => {
  it('defuses formulas in text but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('-abc')).toBe("'-abc");
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
  });
  it('quotes delimiters, quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'line\nbreak']])).toBe('a,b\n"x,y","line\nbreak"\n');
  });
  it('cuts a long document into pieces of whole lines, made as they are read, that join to the one-string document', () => {
    // 1,000 lines with pieces of 200 characters; key_account_factors.csv of 1.9 M customers
    // (741 M characters) is longer than one V8 string and is written this way.
    let made = 0;
    function* rows() {
      for (let i = 0; i < 1000; i++) {
        made++;
        yield [`C${i}`, i * 1.5, i % 3 ? 'x,y' : null];
      }
    }
    const whole = toCsv(['id', 'v', 't'], rows());
    const text = csvText(['id', 'v', 't'], rows(), 200);
    expect(typeof text).not.toBe('string');
    // Only the first piece's rows are read until the pieces are.
    made = 0;
    const lazy = csvText(['id', 'v', 't'], rows(), 200);
    expect(made).toBeLessThan(20);
    const pieces = [...textPieces(lazy)];
    expect(made).toBe(1000);
    expect(pieces.length).toBeGreaterThan(50);
    for (const p of pieces) {
      expect(p.endsWith('\n')).toBe(true);
      expect(p.length).toBeLessThan(200 + 20);
    }
    expect(pieces.join('')).toBe(whole);
    expect(() => [...textPieces(lazy)]).toThrow(/read once only/);
    expect(textString(text)).toBe(whole);
    expect(csvText(['id', 'v', 't'], rows())).toBe(whole);
    // A ZIP of the pieces holds the same bytes as one of the string.
    const a = unzipSync(zipResults([{ name: 'f.csv', content: csvText(['id', 'v', 't'], rows(), 200) }]));
    expect(strFromU8(a['f.csv'])).toBe(whole);
    // Kept pieces can be read twice (the browser's ZIP and workbook both read the files).
    const kept = materialise(csvText(['id', 'v', 't'], rows(), 200));
    expect(textString(kept)).toBe(whole);
    expect(textString(kept)).toBe(whole);
  });
});

describe('XLSX export (write-excel-file)', () => {
  it('writes numbers as numbers, text escaped and defused, read back by read-excel-file', async () => {
    const bytes = await toXlsx(
      'Customers',
      ['id', 'value'],
      [
        ['<b>&', 12.5],
        ['=1+1', null],
        ['客户', { value: 1234567.891, format: XLSX_FORMAT.money }],
      ],
    );
    const parts = unzipSync(bytes);
    const xml = Object.values(parts)
      .map((p) => strFromU8(p))
      .join('');
    expect(xml).toContain('&lt;b&gt;&amp;');
    expect(xml).not.toContain('<f>');
    const [sheet] = await readXlsxFile(bytes.buffer as ArrayBuffer);
    expect(sheet.sheet).toBe('Customers');
    expect(sheet.data).toEqual([
      ['id', 'value'],
      ['<b>&', 12.5],
      ["'=1+1", null],
      ['客户', 1234567.891],
    ]);
  });
  it('is byte-for-byte reproducible: fixed ZIP times, no blob: worker (xlsx-zip.ts replaces the library zip step)', async () => {
    const a = await toXlsx('S', ['a'], [[1]]);
    await new Promise((r) => setTimeout(r, 2100)); // DOS times have a 2 s step
    expect(await toXlsx('S', ['a'], [[1]])).toEqual(a);
  });
  it('names sheets as Excel allows (no []:*?/\\, 31 characters, unique)', async () => {
    const bytes = await toXlsxBook([
      { name: 'a/b: [c]?', rows: [['x']] },
      { name: 'a/b: [c]?', rows: [['y']] },
      { name: 'x'.repeat(40), rows: [] },
    ]);
    const sheets = await readXlsxFile(bytes.buffer as ArrayBuffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['a b   c', 'a b   c 2', 'x'.repeat(31)]);
  });
});

describe('archive bytes', () => {
  it('do not depend on the time zone (ZIP times are local)', async () => {
    const { execFileSync } = await import('node:child_process');
    const script =
      "import { zipResults } from './src/results/zip.ts'; process.stdout.write(Buffer.from(zipResults([{ name: 'a.csv', content: 'a\\n1\\n' }])).toString('hex'))";
    const run = (tz: string) =>
      execFileSync('npx', ['tsx', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(run('UTC')).toBe(run('Asia/Shanghai'));
  });
});
