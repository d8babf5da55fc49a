import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDimensionValues } from '../analytics/dimensions';
import { runOverview } from '../analytics/overview';
import { defaultParams, resolveParams } from '../analytics/params';
import { runPareto } from '../analytics/pareto';
import { runAll } from '../analytics/run-all';
import { NodeEngine } from '../engine/node';
import { RecordingEngine, ReplayEngine, SnapshotMissError } from '../engine/replay';
import { loadDemo } from '../../test/helpers/demo';
import { datasetToParquet } from '../export/parquet';
import { fromBytes } from '../ingest/input';
import { inspectFile, loadFiles } from '../ingest/load';
import { decodeFragment, encodeFragment } from './codec';
import { fromPayload, toPayload, type DataSnapshot, type ViewSnapshot } from './snapshot';
import { dumpTables, restoreTables } from './tables';

// The demo dataset (46,273 sales lines, plan, inventory, receivables, master) as an analyst loads it.
let analyst: NodeEngine;
let reviewer: NodeEngine;

beforeAll(async () => {
  analyst = await NodeEngine.start();
  reviewer = await NodeEngine.start();
  await loadDemo(analyst);
}, 120_000);
afterAll(async () => {
  await analyst?.close();
  await reviewer?.close();
});

describe('a data snapshot reproduces every analysis', () => {
  it('dump → fragment → restore gives the same result files in another engine', async () => {
    const tables = await dumpTables(analyst);
    expect(Object.keys(tables).sort()).toEqual([
      'customers',
      'inventory',
      'plan',
      'receivables',
      'sales',
      'survey',
      'survey_items',
    ]);
    const snap: DataSnapshot = { v: 1, mode: 'data', created: '2025-01-01', reports: [], tables };
    // The whole demo is far too large for a link (see the size below), so this checks the
    // payload itself: the same JSON that would be deflated into the fragment.
    const payload = toPayload(snap);
    const back = fromPayload(JSON.parse(JSON.stringify(payload))) as DataSnapshot;
    await restoreTables(reviewer, back.tables);
    for (const params of [
      defaultParams(),
      resolveParams({ filters: { region: ['华东'] }, as_of: '2025-06-30', measure: 'gross_profit' }),
    ]) {
      const a = await runAll(analyst, params);
      const b = await runAll(reviewer, params);
      expect(b).toEqual(a);
    }
    // For the record (docs/sharing.md).
    console.info(`demo data snapshot: ${encodeFragment(payload).length} characters`);
  }, 120_000);
});

describe('a view snapshot answers the shared view and refuses the rest', () => {
  it('records the answers of a view and replays them to the same results', async () => {
    const params = resolveParams({ filters: { channel: ['分销'] } });
    const recorder = new RecordingEngine(analyst);
    recorder.start();
    const shown = {
      overview: await runOverview(recorder, params),
      pareto: await runPareto(recorder, params, 'customer'),
      dims: await runDimensionValues(recorder),
    };
    const answers = recorder.stop();
    expect(answers.size).toBeGreaterThan(3);
    const snap: ViewSnapshot = {
      v: 1,
      mode: 'view',
      created: '2025-01-01',
      reports: [],
      answers,
      results: new Map(),
    };
    const fragment = encodeFragment(toPayload(snap));
    const back = fromPayload(decodeFragment(fragment)) as ViewSnapshot;
    const replay = new ReplayEngine(back.answers);
    expect({
      overview: await runOverview(replay, params),
      pareto: await runPareto(replay, params, 'customer'),
      dims: await runDimensionValues(replay),
    }).toEqual(shown);
    // Another filter is other SQL: refused, not answered with wrong numbers.
    await expect(
      runPareto(replay, resolveParams({ filters: { channel: ['直销'] } }), 'customer'),
    ).rejects.toThrow(SnapshotMissError);
    console.info(`demo overview+pareto view snapshot: ${fragment.length} characters`);
  }, 60_000);
});

describe('"Save dataset as Parquet" gives files that load back to the same numbers', () => {
  it('writes each canonical table; loading them (proposed mapping) reproduces every analysis', async () => {
    const files = await datasetToParquet(analyst);
    expect(files.map((f) => f.name)).toEqual([
      'sales.parquet',
      'plan.parquet',
      'inventory.parquet',
      'receivables.parquet',
      'customers.parquet',
      'survey.parquet',
      'survey_items.parquet',
    ]);
    const fresh = await NodeEngine.start();
    try {
      const plans = [];
      for (const f of files) plans.push(await inspectFile(fromBytes(f.bytes, f.name)));
      // The canonical names map themselves: nothing for a reviewer to confirm.
      expect(plans.map((p) => [p.kind, p.missing])).toEqual(files.map((f) => [f.kind, []]));
      expect(
        plans.flatMap((p) =>
          p.columns
            // A survey's per-answer scale is kept beside the answer (not a role of the file).
            .filter(
              (c) => c.role !== c.header && !(p.kind === 'survey' && /^scale_(min|max)$/.test(c.header)),
            )
            .map((c) => `${p.kind}: ${c.header} → ${c.role}`),
        ),
      ).toEqual([]);
      const reports = await loadFiles(fresh, plans);
      expect(reports.map((r) => r.rowsRejected)).toEqual(files.map(() => 0));
      expect(reports.map((r) => r.rowsLoaded)).toEqual(files.map((f) => f.rows));
      const params = resolveParams({ filters: { region: ['华南'] } });
      expect(await runAll(fresh, params)).toEqual(await runAll(analyst, params));
      console.info(`demo as Parquet: ${files.map((f) => `${f.name} ${f.bytes.length} bytes`).join(', ')}`);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
