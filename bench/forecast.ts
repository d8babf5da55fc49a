/**
 * `npx tsx bench/forecast.ts [--customers N]`: times the value forecast (analytics.md §10) on a
 * seeded synthetic population drawn from BG/NBD and Gamma-Gamma (20,000 customers ≈ 0.8 M sales
 * lines over two years): the input SQL, grouping, both fits (with their likelihood evaluations)
 * and scoring, twice (the second run is warm). Prints one JSON line per run.
 */
import { fitBgnbd, groupTriples, expectedPurchases, pAlive } from '../src/analytics/forecast/bgnbd';
import { buildForecastInputSql } from '../src/analytics/forecast/forecast-sql';
import { fitGammaGamma, prepareSpend } from '../src/analytics/forecast/gamma-gamma';
import { defaultParams } from '../src/analytics/params';
import { NodeEngine } from '../src/engine/node';
import { gammaSampler } from '../test/helpers/gamma-sample';

const args = process.argv.slice(2);
const at = args.indexOf('--customers');
const N = at >= 0 ? Number(args[at + 1]) : 20_000;

const { gamma, uniform: rnd } = gammaSampler(17);

// Rates ~ Gamma(1.2, 2) per week, drop-out ~ Beta(0.8, 12), first purchase in the first year,
// purchases until drop-out or the end of two years, 1–3 lines a day, values ~ Gamma-Gamma.
const day0 = Date.UTC(2023, 0, 1) / 864e5;
const lines = ['customer_id,order_date,revenue,quantity'];
for (let i = 0; i < N; i++) {
  const lambda = gamma(1.2) / 2;
  const g1 = gamma(0.8);
  const p = g1 / (g1 + gamma(12));
  const nu = gamma(4) / 0.08;
  for (let t = rnd() * 364; ; t += (-Math.log(rnd()) / lambda) * 7) {
    const day = Math.floor(t);
    if (day > 728) break;
    const date = new Date((day0 + day) * 864e5).toISOString().slice(0, 10);
    const n = 1 + Math.floor(rnd() * 3);
    for (let l = 0; l < n; l++) lines.push(`C${i},${date},${(((gamma(3) / nu) * 1000) / n).toFixed(2)},1`);
    if (rnd() < p) break;
  }
}

const db = await NodeEngine.start();
await db.registerFile('sales.csv', { kind: 'buffer', bytes: new TextEncoder().encode(lines.join('\n')) });
await db.exec(`CREATE TABLE sales AS SELECT * FROM read_csv('sales.csv', header = true,
  columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'revenue': 'DOUBLE', 'quantity': 'DOUBLE'})`);
const sql = buildForecastInputSql({
  asOf: '2024-12-31',
  calibrationEnd: '2024-12-31',
  filters: defaultParams().filters,
});
for (let run = 0; run < 2; run++) {
  const ms = (t: number) => Math.round(performance.now() - t);
  let t = performance.now();
  const rows = await db.rows(sql);
  const sqlMs = ms(t);
  t = performance.now();
  const input = rows.map((r) => ({
    x: Number(r.x),
    tx: Number(r.t_x),
    T: Number(r.T_c),
    m: Number(r.m_x ?? 0),
  }));
  const groups = groupTriples(input);
  const groupMs = ms(t);
  t = performance.now();
  const bg = fitBgnbd(groups);
  const bgMs = ms(t);
  t = performance.now();
  const gg = fitGammaGamma(prepareSpend(input));
  const ggMs = ms(t);
  t = performance.now();
  const seen = new Map<string, number>();
  for (const c of input) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    if (!seen.has(key)) seen.set(key, pAlive(bg.params, c) * expectedPurchases(bg.params, c, 52));
  }
  const scoreMs = ms(t);
  console.log(
    JSON.stringify({
      run,
      salesLines: lines.length - 1,
      customers: input.length,
      repeatTriples: groups.rep.x.length,
      sqlMs,
      groupMs,
      bgnbd: { ms: bgMs, evaluations: bg.evaluations, ...bg.params, ll: bg.ll, onBound: bg.onBound },
      gammaGamma: { ms: ggMs, evaluations: gg.evaluations, ...gg.params, ll: gg.ll, onBound: gg.onBound },
      scoreMs,
      fitAndScoreMs: groupMs + bgMs + ggMs + scoreMs,
    }),
  );
}
await db.close();
