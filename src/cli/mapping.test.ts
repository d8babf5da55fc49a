import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mappingFile, mappingFileText } from '../ingest/mapping-file';
import { main } from './analyze';

const dir = mkdtempSync(join(tmpdir(), 'cli-mapping-'));
// CDNOW's columns: the detector knows the customer, the date and the items, not `dollars`.
writeFileSync(
  join(dir, 'cdnow.csv'),
  'customer_id,date,items,dollars\n00001,19970101,1,11.77\n00002,19970112,1,12.00\n00002,19970112,5,77.00\n00003,19970102,2,20.76\n',
);

/** Run the CLI in this process; returns the exit code and what it wrote to stderr. */
async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stderr };
}
afterEach(() => vi.restoreAllMocks());

describe('npm run analyze -- --mapping FILE', () => {
  it('a file with a header the detector does not know stops without the mapping and loads with it', async () => {
    const without = await cli(
      '--sales',
      join(dir, 'cdnow.csv'),
      '--as-of',
      '1997-06-30',
      '--out',
      join(dir, 'a'),
    );
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('no column was recognised as revenue');
    expect(without.stderr).toContain('missing_roles');

    // The JSON the Data page downloads after the analyst mapped `dollars` to revenue.
    const mapping = mappingFile([
      {
        file: 'cdnow.csv',
        kind: 'sales',
        columns: [
          { header: 'customer_id', role: 'customer_id' },
          { header: 'date', role: 'order_date' },
          { header: 'items', role: 'quantity' },
          { header: 'dollars', role: 'revenue' },
        ],
      },
    ]);
    writeFileSync(join(dir, 'mapping.json'), mappingFileText(mapping));
    const out = join(dir, 'b');
    const withMapping = await cli(
      '--sales',
      join(dir, 'cdnow.csv'),
      '--mapping',
      join(dir, 'mapping.json'),
      '--as-of',
      '1997-06-30',
      '--out',
      out,
    );
    expect(withMapping.code, withMapping.stderr).toBe(0);
    expect(withMapping.stderr).toContain('cdnow.csv: 4 of 4 rows loaded');
    expect(readdirSync(out)).toContain('abc_customers.csv');
  }, 120_000);

  it('a bad mapping file is a usage error naming the problem', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ abc: { a: 0.7 } }));
    const r = await cli(
      '--sales',
      join(dir, 'cdnow.csv'),
      '--mapping',
      join(dir, 'bad.json'),
      '--out',
      join(dir, 'c'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mapping');
    expect(r.stderr).toContain('"format" must be "sales-workbench-mapping"');
    const missing = await cli(
      '--sales',
      join(dir, 'cdnow.csv'),
      '--mapping',
      join(dir, 'nope.json'),
      '--out',
      join(dir, 'c'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });
});
