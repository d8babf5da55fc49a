import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../analytics/params';
import { runAll } from '../analytics/run-all';
import { NodeEngine } from '../engine/node';
import { fromBytes } from '../ingest/input';
import { inspectFile, loadFiles } from '../ingest/load';
import { resultFiles } from '../results/writer';
import { parseArgs, UsageError } from './args';
import { writeText } from './analyze';
import { csvText } from '../export/csv';

const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
const SALES = [
  '订单日期,订单号,客户编号,客户名称,产品编号,数量,销售额,成本',
  '2024-01-05,O1,C1,=HYPERLINK("x"),P1,2,200,120',
  '2024-02-05,O2,C2,乙,P1,1,100,70',
  '2024-02-06,O3,C1,=HYPERLINK("x"),P2,1,50,10',
  '合计,,,,,4,350,200',
].join('\n');
const PLAN = ['月份,客户编号,计划金额', '2024-01,C1,150', '2024-02,C1,150', '2024-02,C2,300'].join('\n');
writeFileSync(join(dir, 'sales.csv'), SALES);
writeFileSync(join(dir, 'plan.csv'), PLAN);
writeFileSync(join(dir, 'params.json'), JSON.stringify({ abc: { a: 0.7 } }));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run analyze', () => {
  it('parses arguments and refuses bad ones with a clear message', () => {
    expect(parseArgs(['--sales', 'a.csv', '--sales', 'b.csv', '--out', 'o']).files).toHaveLength(2);
    expect(() => parseArgs(['--out', 'o'])).toThrow(new UsageError('--sales FILE is required'));
    expect(() => parseArgs(['--sales', 'a', '--out', 'o', '--as-of', '2024/1/1'])).toThrow(
      /--as-of must be a date/,
    );
    expect(() => parseArgs(['--sales', 'a', '--out', 'o', '--frob'])).toThrow(/unknown argument "--frob"/);
    expect(() => parseArgs(['--sales', '--out', 'o'])).toThrow(/--sales needs a value/);
  });

  it('prints help and exits 0; exits 2 on a bad argument, a missing file or a bad parameter', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run analyze');
    expect(cli('--out', dir).code).toBe(2);
    const missing = cli('--sales', join(dir, 'nope.csv'), '--out', join(dir, 'o'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kpi: { weights: [50, 50, 50, 50] } }));
    const bad = cli(
      '--sales',
      join(dir, 'sales.csv'),
      '--params',
      join(dir, 'bad.json'),
      '--out',
      join(dir, 'o'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kpi.weights: must sum to 100');
  });

  it('writes a text given in pieces as the bytes of the whole', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`客户${i}`, i / 7]);
    const pieces = csvText(['id', 'v'], rows, 300);
    expect(typeof pieces).not.toBe('string');
    const path = join(dir, 'pieces.csv');
    writeText(path, pieces);
    expect(readFileSync(path, 'utf8')).toBe(csvText(['id', 'v'], rows));
  });

  it('writes the same files as runAll + the writer (the browser export path)', async () => {
    const out = join(dir, 'out');
    const r = cli(
      '--sales',
      join(dir, 'sales.csv'),
      '--plan',
      join(dir, 'plan.csv'),
      '--params',
      join(dir, 'params.json'),
      '--as-of',
      '2024-02-29',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('analysing: kpi');
    expect(readdirSync(out).sort()).toEqual([
      'abc_customers.csv',
      'abc_products.csv',
      'key_account_factors.csv',
      'key_accounts.csv',
      'kpi.csv',
      'lifecycle.csv',
      'rfm.csv',
      'summary.json',
      'turnover.csv',
    ]);

    const db = await NodeEngine.start();
    const files = [
      fromBytes(new TextEncoder().encode(SALES), 'sales.csv'),
      fromBytes(new TextEncoder().encode(PLAN), 'plan.csv'),
    ];
    const reports = await loadFiles(db, await Promise.all(files.map((f) => inspectFile(f))));
    const all = await runAll(db, resolveParams({ abc: { a: 0.7 }, as_of: '2024-02-29' }));
    await db.close();
    for (const f of resultFiles(all!, reports))
      expect(readFileSync(join(out, f.name), 'utf8'), f.name).toBe(f.content);

    // Spot checks: C1 300 vs C2 100 → C1 A (cum before 0 < .7), C2 B (.75 < .95); the 合计 row is set aside;
    // the formula-like name never reaches a file unguarded (names are not in these files, ids are).
    expect(readFileSync(join(out, 'abc_customers.csv'), 'utf8')).toBe(
      'customer_id,value,share,cum_share,rank,class\nC1,250,0.7142857142857143,0.7142857142857143,1,A\nC2,100,0.2857142857142857,1,2,B\n',
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.inputs[0]).toMatchObject({
      file: 'sales.csv',
      rows_read: 4,
      rows_loaded: 3,
      summary_rows: 1,
    });
    expect(summary.parameters.abc.a).toBe(0.7);
    // The data spans less than 12 months: the period starts on the first order date (docs/decisions.md).
    expect(summary.parameters.period).toEqual({ start: '2024-01-05', as_of: '2024-02-29', months: 2 });
  });

  it('applies a key-account standard saved from the page (--params) as the browser export does', async () => {
    // The file the page's "Save standard…" writes is a parameter file of its own.
    const standard = {
      key_accounts: {
        factors: [
          ['revenue', 60],
          ['orders', 40],
        ],
        mode: 'threshold',
        strategic_share: 0.05,
        key_share: 0.15,
        strategic_score: 90,
        key_score: 50,
      },
    };
    writeFileSync(join(dir, 'standard.json'), JSON.stringify(standard));
    const MASTER = ['客户编号,合作范围,合作关系', 'C1,全国性,战略合作伙伴'].join('\n');
    writeFileSync(join(dir, 'customers.csv'), MASTER);
    const out = join(dir, 'out-key');
    const r = cli(
      '--sales',
      join(dir, 'sales.csv'),
      '--customers',
      join(dir, 'customers.csv'),
      '--params',
      join(dir, 'standard.json'),
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const db = await NodeEngine.start();
    const files = [
      fromBytes(new TextEncoder().encode(SALES), 'sales.csv'),
      fromBytes(new TextEncoder().encode(MASTER), 'customers.csv'),
    ];
    const reports = await loadFiles(db, await Promise.all(files.map((f) => inspectFile(f))));
    const all = await runAll(db, resolveParams(standard));
    await db.close();
    for (const f of resultFiles(all!, reports))
      expect(readFileSync(join(out, f.name), 'utf8'), f.name).toBe(f.content);
    // C1: revenue 250 and 2 orders, both the higher of two → 60 + 40 = 100 ≥ 90, strategic;
    // C2: 100 and 1 order → 0. Gross profit is not in this standard; the master gives C1's sub-classes.
    expect(readFileSync(join(out, 'key_accounts.csv'), 'utf8')).toBe(
      'customer_id,revenue,score,rank,tier,scope,partnership\nC1,250,100,1,strategic,全国性,战略合作伙伴\nC2,100,0,2,regular,,\n',
    );
    expect(readFileSync(join(out, 'key_account_factors.csv'), 'utf8')).toBe(
      'customer_id,factor,value,score,weight,part\nC1,revenue,250,1,60,60\nC1,orders,2,1,40,40\nC2,revenue,100,0,60,0\nC2,orders,1,0,40,0\n',
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.key_accounts).toMatchObject({
      customers: 2,
      mode: 'threshold',
      tiers: { strategic: 1, key: 0, regular: 1 },
    });
    expect(summary.parameters.key_accounts).toEqual(standard.key_accounts);
  });
});
