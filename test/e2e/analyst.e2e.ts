import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataPath } from '../helpers/real-data';
import { SHOTS, dropAndConfirm, goToPage, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * 1,000 customers with one order each in 2025, customer i buying 100,000 / i + 0.5 (so amounts
 * have cents and thousands): more customers than the Pareto chart draws bars (400), so its bars
 * are runs of 3 ranks, as with real exports.
 */
function manyCustomers(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['订单日期,订单号,客户编号,客户名称,产品编号,产品名称,数量,销售额,成本'];
  for (let i = 1; i <= 1000; i++) {
    const id = `K${String(i).padStart(4, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const revenue = (Math.round((100_000 / i) * 100) / 100 + 0.5).toFixed(2);
    lines.push(
      `2025-${month}-${day},SO${i},${id},客户${id},P${i % 7},产品${i % 7},1,${revenue},${(Number(revenue) * 0.7).toFixed(2)}`,
    );
  }
  return { name: 'many-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

/** The text of Plot's tooltip on the Pareto chart, after pointing at the bar. */
async function tipOf(page: Page, index: number): Promise<string> {
  // Plot's pointer picks the bar nearest the pointer: move to the bar's middle (the svg, not the
  // thin rect, receives the events).
  const box = (await page
    .locator('[data-testid=pareto-chart] g[aria-label=bar] rect')
    .nth(index)
    .boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4);
  const tip = page.locator('[data-testid=pareto-chart] g[aria-label=tip]');
  await tip.locator('text').first().waitFor();
  return (await tip.textContent()) ?? '';
}

describe('Pareto at real sizes (issue 16 item 2)', () => {
  it('a click on a run of ranks lists its customers, and one opens; tooltips in the UI language', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors } = await h.open({ locale });
      await waitForIdle(page, 1);
      await dropAndConfirm(page, [manyCustomers()], 2);
      await goToPage(page, 'pareto');
      await page.waitForSelector('[data-testid=pareto-chart] svg');
      const bars = page.locator('[data-testid=pareto-chart] g[aria-label=bar] rect');
      expect(await bars.count()).toBe(334); // ceil(1000 / 400) = 3 ranks a bar, A/B/C runs cut apart
      const tip = await tipOf(page, 100);
      // Translated labels, never Plot's field names.
      expect(tip).not.toMatch(/perEntity|entities|\bvalue\b|\blabel\b/);
      expect(tip).toContain(locale === 'en-US' ? 'Entities in bar' : '柱内个数');
      await page
        .locator('[data-testid=pareto-chart]')
        .screenshot({ path: join(SHOTS, `analyst-pareto-tip-${locale}.png`) });
      await page.mouse.down();
      await page.mouse.up();
      const run = page.locator('[data-testid=pareto-run]');
      await run.waitFor();
      const rows = run.locator('tbody tr');
      expect(await rows.count()).toBe(3);
      expect(await run.locator('h3').textContent()).toMatch(/301–303/);
      await page.screenshot({ path: join(SHOTS, `analyst-pareto-run-${locale}.png`), fullPage: false });
      // One customer of the run opens, as a single-customer bar does.
      await rows.nth(1).locator('button').click();
      await page.waitForSelector('[data-testid=customer-panel]');
      expect(page.url()).toContain('customer=K0302');
      await page.keyboard.press('Escape');
      // An exact amount in a table (item 5): customer 1 bought 100,000.50.
      const first = page.locator('[data-testid=pareto-table] tbody tr').first();
      await expect(first.textContent()).resolves.toContain('100,000.50');
      // The table's XLSX download still works (now written by write-excel-file): every digit kept.
      const [xlsxFile] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=pareto-table] [data-testid=export-xlsx]').click(),
      ]);
      const bytes = readFileSync((await xlsxFile.path())!);
      const [sheet] = await readXlsxFile(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
      expect(sheet.data[0][0]).toBe(locale === 'en-US' ? 'Rank' : '排名');
      expect(sheet.data[1].slice(0, 2)).toEqual([1, 'K0001']);
      expect(sheet.data[1]).toContain(100000.5);
      expect(sheet.data.length).toBe(1001);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 240_000);
});

describe('Export results (issue 16 item 6)', () => {
  it('adds results.xlsx: cover, one sheet per result, Chinese headers and stages, names joined, money to the cent', async () => {
    const { page, errors } = await h.open({ locale: 'zh-CN' });
    await waitForIdle(page, 1);
    await dropAndConfirm(page, [manyCustomers()], 2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-results]'),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    // The machine files of outputs.md are still there, unchanged in form.
    expect(strFromU8(zip['abc_customers.csv']).split('\n')[0]).toBe(
      'customer_id,value,share,cum_share,rank,class',
    );
    const xlsx = zip['results.xlsx'];
    // A part over 160 kB: the size at which the library's own zip step would start a blob: worker,
    // which the CSP blocks (the export would never finish); src/export/xlsx-zip.ts replaces it.
    expect(Math.max(...Object.values(unzipSync(xlsx)).map((p) => p.length))).toBeGreaterThan(160_000);
    // Read with the library ingest reads XLSX with.
    const sheets = await readXlsxFile(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const names = sheets.map((s) => s.sheet);
    expect(names.slice(0, 3)).toEqual(['说明', '客户ABC分类', '产品ABC分类']);
    expect(names).toContain('客户生命周期');
    expect(names).toContain('价值客户RFM');
    const cover = sheets[0].data.flat().join(' ');
    expect(cover).toContain('many-customers.csv');
    expect(cover).toContain('2025-01-01');
    expect(cover).toContain('ABC：A 类累计占比上限');
    const abc = sheets[1].data;
    expect(abc[0]).toEqual(['客户编号', '客户名称', '数值', '占比', '累计占比', '排名', '类别']);
    expect(abc[1].slice(0, 3)).toEqual(['K0001', '客户K0001', 100000.5]);
    // Customer 3 bought 100,000 / 3 + 0.5 = 33,333.83 (the CSV keeps the full double).
    expect(abc[3].slice(0, 3)).toEqual(['K0003', '客户K0003', 33333.83]);
    const life = sheets.find((s) => s.sheet === '客户生命周期')!.data;
    expect(life[0].slice(0, 3)).toEqual(['客户编号', '客户名称', '阶段']);
    expect(['新客户', '成长', '稳定', '衰退', '问题', '无价值', '流失']).toContain(life[1][2]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('a downloaded chart picture (issue 16 item 6)', () => {
  it('carries its title, period and filters, as SVG and PNG', async () => {
    const { page, errors } = await h.open({ locale: 'zh-CN', path: '?page=pareto&filters.region=华东' });
    await waitForIdle(page, 1);
    const figure = page.locator('.plot-figure', { has: page.locator('[data-testid=pareto-chart]') });
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('[data-testid=chart-svg]').click(),
    ]);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    expect(svg).toContain('帕累托 / ABC 分类');
    expect(svg).toContain('期间 2025-01-01 至 2025-12-31');
    expect(svg).toContain('筛选：区域: 华东');
    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('[data-testid=chart-png]').click(),
    ]);
    const png = readFileSync((await pngFile.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(join(SHOTS, 'analyst-chart-download-zh-CN.png'), png);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** Whether two boxes overlap (with a pixel of slack). */
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
type Box = { x: number; y: number; width: number; height: number };

describe('smaller things of real use (issue 16 item 7)', () => {
  it('filter drop-downs: Esc and a click elsewhere close them, they cover nothing, amounts follow the period', async () => {
    const { page, errors } = await h.open({ locale: 'zh-CN' });
    await waitForIdle(page, 1);
    const menu = page.locator('#filter-region');
    await page.click('[data-testid=filter-region]');
    await menu.waitFor();
    // The open drop-down pushes the page down instead of covering the controls under it.
    const menuBox = (await menu.boundingBox())!;
    for (const other of [
      '[data-testid=params-toggle]',
      '[data-testid=filter-channel]',
      '[data-testid=stat-revenue]',
    ])
      expect(overlaps(menuBox, (await page.locator(other).boundingBox())!), other).toBe(false);
    // Once the period's amounts are there, the values are in their order (largest first).
    await menu.locator('.amounts-note').waitFor();
    const shown = (await menu.locator('.option .rev').allTextContents()).map((t) => {
      const n = Number(t.replace(/[,万亿]/g, ''));
      return t.includes('亿') ? n * 1e8 : t.includes('万') ? n * 1e4 : n;
    });
    expect(shown.length).toBeGreaterThan(2);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    await page.screenshot({ path: join(SHOTS, 'analyst-filter-open-zh-CN.png'), fullPage: false });
    const wholeYear = await menu.locator('.option .rev').first().textContent();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'filter-region',
    );
    await page.click('[data-testid=filter-region]');
    await menu.waitFor();
    await page.locator('[data-testid=demo-notice]').click(); // plain text, away from the drop-down
    await menu.waitFor({ state: 'detached' });
    // One month instead of the year: the amounts beside the values follow.
    await page.fill('[data-testid=period-start]', '2025-12');
    await page.locator('[data-testid=period-start]').dispatchEvent('change');
    await waitForIdle(page, 1);
    await page.click('[data-testid=filter-region]');
    await menu.waitFor();
    await expect(menu.locator('.amounts-note').textContent()).resolves.toContain('2025-12-01');
    await page.waitForFunction(
      (before) => document.querySelector('#filter-region .option .rev')?.textContent !== before,
      wholeYear,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Superstore: Discount averaged, exact row counts, empty columns hidden, first column fixed, bytes not 0 KB', async () => {
    const { page, errors } = await h.open({ locale: 'en-US' });
    await waitForIdle(page, 1);
    // A file under 1 KB says its size in bytes.
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'tiny.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Order Date,Customer ID,Sales\n2024-01-02,C1,10\n'),
    });
    await page.waitForSelector('[data-testid=mapping-screen]');
    await expect(page.locator('[data-testid=mapping-screen] h3').first().textContent()).resolves.toMatch(
      /46 B/,
    );
    await page.click('[data-testid=cancel-mapping]');
    await dropAndConfirm(
      page,
      [
        {
          name: 'superstore.csv',
          mimeType: 'text/csv',
          buffer: readFileSync(realDataPath('superstore.csv')),
        },
      ],
      2,
    );
    await goToPage(page, 'data');
    const report = page.locator('[data-testid=load-report]');
    await expect(report.locator('[data-testid=report-mean]').allTextContents()).resolves.toContainEqual(
      expect.stringMatching(/^Discount \(average per row\): 0\.16 → 0\.16$/),
    );
    // The table list counts exactly what the report loaded.
    await expect(page.locator('[data-testid=data-tables]').textContent()).resolves.toContain('9,994 rows');
    await page.locator('[data-testid=sql-editor] .cm-content').fill('SELECT * FROM sales');
    await page.click('[data-testid=run-sql]');
    const result = page.locator('[data-testid=sql-result]');
    await result.locator('tbody tr').first().waitFor();
    await expect(result.locator('[data-testid=hidden-columns]').textContent()).resolves.toMatch(/unit_cost/);
    expect(await result.locator('thead th').allTextContents()).not.toContain('unit_cost');
    // Headers whole, the first column fixed while the table scrolls sideways.
    const cut = await result
      .locator('thead th')
      .evaluateAll((ths) =>
        ths.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent),
      );
    expect(cut).toEqual([]);
    expect(
      await result
        .locator('tbody td')
        .first()
        .evaluate((td) => getComputedStyle(td).position),
    ).toBe('sticky');
    await result.locator('.scroll').evaluate((el) => (el.scrollLeft = 400));
    await page.screenshot({ path: join(SHOTS, 'analyst-data-superstore-en-US.png'), fullPage: true });
    // Superstore's customers keep buying to the end: the forecast sees no drop-out, P(alive) is
    // ~100 % in every stage, and the Lifecycle page says so instead of showing six equal bars alone.
    await goToPage(page, 'lifecycle');
    await expect(
      page.locator('[data-testid=stage-palive-flat]').textContent({ timeout: 120_000 }),
    ).resolves.toContain('almost no drop-out');
    // Many Superstore customers share a frequency, so an F score is skipped (ties share a score):
    // the RFM page says which and why instead of leaving an unexplained empty grid column.
    await goToPage(page, 'rfm');
    const unused = page.locator('[data-testid=rfm-unused-f]');
    // (npm run analyze on superstore.csv: f_score 1, 2, 3, 5; 156 of 693 customers have 3 orders.)
    expect((await unused.textContent({ timeout: 120_000 }))?.trim()).toBe(
      'No customer has F score 4: 156 of 693 customers have the same frequency (3), and equal values share one score (3), so the grid skips a column.',
    );
    await page
      .locator('[data-testid=rfm-grid]')
      .screenshot({ path: join(SHOTS, 'analyst-rfm-superstore-en-US.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a customer master that names customers otherwise than the sales lines: every page shows the master name', async () => {
    const { page, errors } = await h.open({ locale: 'en-US' });
    await waitForIdle(page, 1);
    const sales = [
      'Order Date,Order ID,Customer ID,Customer Name,Product ID,Quantity,Sales,Cost',
      '2025-01-05,O1,C1,Sales Name One,P1,2,100,60',
      '2025-02-05,O2,C1,Sales Name One,P2,1,50,20',
      '2025-03-05,O3,C2,Sales Name Two,P1,1,80,50',
      '2025-03-20,O4,C2,Sales Name Two,P2,3,40,10',
    ].join('\n');
    const master = ['Customer ID,Customer Name,Region', 'C1,Master One,East', 'C2,Master Two,West'].join(
      '\n',
    );
    await dropAndConfirm(
      page,
      [
        { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(`${sales}\n`) },
        { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`${master}\n`) },
      ],
      2,
    );
    for (const id of ['customers', 'lifecycle', 'kpi', 'rfm', 'pareto', 'key_accounts']) {
      await goToPage(page, id);
      const text = await page.locator('main').innerText();
      expect(text, id).toContain('Master One');
      expect(
        text.split('\n').filter((l) => l.includes('Sales Name')),
        id,
      ).toEqual([]);
    }
    // The customer panel's title too.
    await goToPage(page, 'customers');
    await page.locator('main table tbody tr', { hasText: 'C1' }).first().click();
    const panel = page.locator('[data-testid=customer-panel]');
    await expect(panel.locator('h2').innerText()).resolves.toMatch(/^Master One/);
    await page.screenshot({ path: join(SHOTS, 'analyst-master-names-en-US.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a load with rejected rows opens its report once, then it stays folded on other pages', async () => {
    const { page, errors } = await h.open({ locale: 'en-US' });
    await waitForIdle(page, 1);
    const csv = 'Order Date,Customer ID,Sales\n2024-01-02,C1,10\nnot a date,C2,5\n2024-02-03,C2,7\n';
    await dropAndConfirm(page, [{ name: 'one-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }], 2);
    const report = page.locator('[data-testid=load-report]');
    expect(await report.getAttribute('open')).not.toBeNull();
    await goToPage(page, 'pareto');
    expect(await report.getAttribute('open')).toBeNull();
    await goToPage(page, 'overview');
    expect(await report.getAttribute('open')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a failed drop over the demo does not speak of "your earlier data"; small month axes do not collide', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page } = await h.open({ locale, path: '?customer=C0001' });
      await waitForIdle(page, 1);
      const ticks = page.locator('[data-testid=customer-panel] svg [aria-label="x-axis tick label"] text');
      await ticks.first().waitFor();
      const boxes = await ticks.evaluateAll((ts) =>
        ts.map((t) => {
          const b = t.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        }),
      );
      for (let i = 1; i < boxes.length; i++)
        expect(overlaps(boxes[i - 1], boxes[i]), `tick ${i}`).toBe(false);
      await page
        .locator('[data-testid=customer-panel]')
        .screenshot({ path: join(SHOTS, `analyst-drill-${locale}.png`) });
      await page.keyboard.press('Escape');
      await page.setInputFiles('[data-testid=file-input]', {
        name: 'header-only.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Order Date,Customer ID,Sales\n'),
      });
      const kept = page.locator('[data-testid=error-kept]');
      await kept.waitFor();
      expect(await kept.textContent()).toMatch(
        locale === 'en-US' ? /demo data is still shown/ : /仍显示演示数据/,
      );
      await page.screenshot({ path: join(SHOTS, `analyst-failed-drop-${locale}.png`), fullPage: false });
      await page.context().close();
    }
  });
});

describe('the glossary (issue 16 item 8)', () => {
  it('a ? next to a metric opens its entry: formula in one line and how to read it, in both languages', async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page, errors } = await h.open({ locale, path: '?page=pareto' });
      await waitForIdle(page, 1);
      await page.click('[data-testid=help-hhi]');
      const entry = page.locator('[data-testid=glossary-hhi]');
      await entry.waitFor();
      expect(page.url()).toContain('page=help');
      expect(await entry.getAttribute('class')).toContain('asked');
      expect(await entry.locator('code').textContent()).toContain('HHI = Σ');
      expect(await entry.locator('.reading').textContent()).toMatch(
        locale === 'en-US' ? /effective number/ : /等效客户数/,
      );
      // Every term has its formula and reading in this language (no raw key shows).
      const text = (await page.locator('[data-testid=help-panel]').textContent()) ?? '';
      expect(text).not.toMatch(/glossary\.\w+\.(name|formula|read)/);
      await page.screenshot({ path: join(SHOTS, `analyst-glossary-${locale}.png`), fullPage: false });
      await page.click('[data-testid=help-back]');
      await page.waitForSelector('[data-testid=pareto-chart] svg');
      // The KPI page's terms: price index and stability.
      await goToPage(page, 'kpi');
      await page.click('[data-testid=help-price_index]');
      await page.locator('[data-testid=glossary-price_index].asked').waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
