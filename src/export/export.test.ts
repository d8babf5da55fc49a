import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import { toXlsx } from './xlsx-writer';

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
});

describe('XLSX export', () => {
  it('writes a workbook whose sheet has numbers as numbers and text escaped and defused', () => {
    const bytes = toXlsx(
      'Customers',
      ['id', 'value'],
      [
        ['<b>&', 12.5],
        ['=1+1', null],
      ],
    );
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="B2"><v>12.5</v></c>');
    expect(sheet).toContain('&lt;b&gt;&amp;');
    expect(sheet).toContain("'=1+1");
    expect(sheet).not.toContain('<f>');
  });
  it('is byte-for-byte reproducible', () => {
    expect(toXlsx('S', ['a'], [[1]])).toEqual(toXlsx('S', ['a'], [[1]]));
  });
});

describe('archive bytes', () => {
  it('do not depend on the time zone (ZIP times are local)', async () => {
    const { execFileSync } = await import('node:child_process');
    const script =
      "import { toXlsx } from './src/export/xlsx-writer.ts'; process.stdout.write(Buffer.from(toXlsx('S', ['a'], [[1]])).toString('hex'))";
    const run = (tz: string) =>
      execFileSync('npx', ['tsx', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(run('UTC')).toBe(run('Asia/Shanghai'));
  });
});
