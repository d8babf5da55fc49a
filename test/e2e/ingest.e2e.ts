import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../fixtures/ingest/generate';
import { SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const fixture = (name: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: readFileSync(join(FIXTURE_DIR, name)),
});

describe('ingest in the browser', () => {
  it('reads a GB18030 export with Chinese headers, a title line and a 合计 row', async () => {
    const { page, errors } = await h.open({ locale: 'zh-CN', path: '?page=pareto' });
    await waitForIdle(page, 1);
    await page.setInputFiles('[data-testid=file-input]', fixture('matrix-gb18030-comma-A.csv'));
    await page.waitForSelector('[data-testid=mapping-screen]');
    await expect(page.locator('[data-testid=mapping-encoding]').inputValue()).resolves.toBe('gb18030');
    const roles = await page
      .locator('[data-testid=mapping-role]')
      .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(roles).toEqual([
      'order_date',
      'customer_id',
      'customer_name',
      'product_id',
      'quantity',
      'revenue',
    ]);
    await page.screenshot({ path: join(SHOTS, 'ingest-mapping-gb18030.png'), fullPage: true });
    await page.click('[data-testid=confirm-mapping]');
    await waitForIdle(page, 2);
    await expect(page.locator('[data-testid=rows-loaded]').first().textContent()).resolves.toBe('6');
    const report = await page.locator('[data-testid=load-report]').textContent();
    expect(report).toContain('按 gb18030 编码读取并转换为 UTF-8');
    // 4 customers; C001 1234.5 + 1057.01 = 2291.51 is the largest.
    await expect(page.locator('[data-testid=pareto-panel] .subtitle').textContent()).resolves.toContain(
      '共 4 个',
    );
    await page.screenshot({ path: join(SHOTS, 'ingest-loaded-gb18030.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows rejected rows with reasons and lets them be downloaded', async () => {
    const { page, errors } = await h.open();
    await waitForIdle(page, 1);
    await page.setInputFiles('[data-testid=file-input]', fixture('ragged.csv'));
    await page.click('[data-testid=confirm-mapping]');
    await waitForIdle(page, 2);
    const report = await page.locator('[data-testid=load-report]').textContent();
    expect(report).toContain('more fields than the header × 1');
    expect(report).toContain('amount empty × 1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-rejects]'),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toBe(
      '\uFEFFline,reason,Order Date,Customer ID,Amount\n3,too_many_columns,2024-01-03,C2,50,EXTRA\n4,missing_amount,2024-01-04,C3,\n',
    );
    expect(errors).toEqual([]);
  });

  it('loads an XLSX workbook and a Parquet file dropped together with a sales CSV', async () => {
    const { page, errors } = await h.open();
    await waitForIdle(page, 1);
    await page.setInputFiles('[data-testid=file-input]', [fixture('sales.xlsx'), fixture('typed.parquet')]);
    await page.waitForSelector('[data-testid=mapping-screen]');
    expect(await page.locator('[data-testid=mapping-file]').count()).toBe(2);
    await page.click('[data-testid=confirm-mapping]');
    await waitForIdle(page, 2);
    const loaded = await page.locator('[data-testid=rows-loaded]').allTextContents();
    // typed.parquet's third row has no customer: kept (analytics.md §1), not rejected.
    expect(loaded).toEqual(['3', '3']);
    expect(errors).toEqual([]);
  });
});
