/**
 * Satisfaction on the demo, end to end (analytics.md §11, §12): the demo's files loaded as an
 * analyst drops them; the key-account standard with `satisfaction` as a factor, the sales team's
 * mean satisfaction per rep, and the index by key-account tier with key accounts at risk.
 */
import { describe, expect, it } from 'vitest';
import { demoEngine } from '../../test/helpers/demo';
import { keyAccountFactorsCsv } from '../results/key-account-files';
import { isKeyAccount, runKeyAccounts } from './key-accounts';
import { defaultParams, type Params } from './params';
import { runPareto } from './pareto';
import { runSatisfaction } from './satisfaction';
import { satisfactionLinks } from './satisfaction-links';
import { textString } from '../export/csv';

const db = demoEngine();

/** A standard of revenue and satisfaction, half each. */
const params = (): Params => ({
  ...defaultParams(),
  key_accounts: {
    ...defaultParams().key_accounts,
    factors: [
      ['revenue', 50],
      ['satisfaction', 50],
    ],
  },
});

describe('satisfaction on the demo data', () => {
  it('is a factor of the key-account standard, and the sales team shows it per rep', async () => {
    const p = params();
    const sat = (await runSatisfaction(db(), p))!;
    expect(sat.sales).toBe(true);
    expect(sat.current).toBe('2025-H2');
    const index = new Map(
      sat.customers
        .filter((c) => c.wave === sat.current && c.matchedBy !== null)
        .map((c) => [c.customerId, c.index]),
    );
    expect(index.size).toBeGreaterThan(20);

    const ka = (await runKeyAccounts(db(), p))!;
    const s = ka.scored;
    // Applied as given: nothing dropped, satisfaction weighs 50 and reads the current wave.
    expect(s.applied.map((a) => [a.factor, a.weight])).toEqual([
      ['revenue', 50],
      ['satisfaction', 50],
    ]);
    expect(s.dropped).toEqual([]);
    expect(ka.now.wave).toBe('2025-H2');
    // The factor's value is the customer's index (null without an answer: score 0), and a higher
    // index never scores lower.
    const k = 1;
    const points = s.rows.map((r) => ({ v: s.columns[k].values[r.index], sc: s.columns[k].scores[r.index] }));
    s.rows.forEach((r, i) => expect(points[i].v, r.customerId).toBe(index.get(r.customerId) ?? null));
    for (const x of points.filter((q) => q.v === null)) expect(x.sc).toBe(0);
    const answered = points.filter((q) => q.v !== null).sort((a, b) => a.v! - b.v!);
    for (let i = 1; i < answered.length; i++)
      expect(answered[i].sc).toBeGreaterThanOrEqual(answered[i - 1].sc);
    expect(answered.at(-1)!.sc).toBe(1);
    // The customers' scores are the sum of their parts; key_account_factors.csv carries the index.
    const csv = textString(keyAccountFactorsCsv(ka)).trim().split('\n').slice(1);
    const satRows = csv.filter((l) => l.split(',')[1] === 'satisfaction');
    expect(satRows.length).toBe(s.rows.length);
    const answeredRow = satRows.find((l) => l.split(',')[2] !== '')!;
    const [id, , value, , weight] = answeredRow.split(',');
    expect(Number(value)).toBe(index.get(id));
    expect(Number(weight)).toBe(50);

    // Sales team: each rep's mean satisfaction is the mean index of its customers that answered.
    const team = ka.teamRows!;
    expect(team.length).toBeGreaterThan(3);
    expect(ka.team!.satisfaction).toBe(true);
    for (const row of team) {
      const mine = row.customerIds.flatMap((c) => (index.has(c) ? [index.get(c)!] : []));
      if (!mine.length) expect(row.satisfaction, String(row.rep)).toBeNull();
      else
        expect(row.satisfaction, String(row.rep)).toBeCloseTo(
          mine.reduce((a, b) => a + b, 0) / mine.length,
          9,
        );
    }
    expect(team.filter((r) => r.satisfaction !== null).length).toBeGreaterThan(3);
  });

  it('links the index to key-account tiers; key accounts at risk join the A class', async () => {
    // The default standard's key accounts are all class A on the demo; a standard of growth alone
    // makes class B and C customers key accounts too.
    const growth: Params = {
      ...defaultParams(),
      key_accounts: { ...defaultParams().key_accounts, factors: [['growth', 100]] },
    };
    for (const p of [defaultParams(), growth]) {
      const sat = (await runSatisfaction(db(), p))!;
      const abc = await runPareto(db(), p, 'customer');
      const ka = (await runKeyAccounts(db(), p))!;
      const links = satisfactionLinks(sat, { abc, kpi: null, lifecycle: null, keyAccounts: ka.scored }, p);
      const tier = new Map(ka.scored.rows.map((r) => [r.customerId, r.tier]));
      const cls = new Map(abc!.rows.map((r) => [r.id, r.class as string]));
      const current = sat.customers.filter((c) => c.wave === sat.current && c.matchedBy !== null);
      // Every answering customer in one tier group (or `none`), the groups' means from the indices.
      const byTier = links.byKeyTier!;
      expect(byTier.reduce((n, g) => n + g.customers, 0)).toBe(current.length);
      for (const g of byTier) {
        const members = current.filter((c) => (tier.get(c.customerId) ?? 'none') === g.key);
        expect(g.customers, g.key).toBe(members.length);
        expect(g.index!, g.key).toBeCloseTo(members.reduce((a, c) => a + c.index, 0) / members.length, 9);
      }
      expect(byTier.map((g) => g.key).slice(0, 3)).toEqual(['strategic', 'key', 'regular']);
      // At risk: exactly the A-class or key-account customers below 60 or fallen by 10 or more.
      const expected = current
        .filter((c) => cls.get(c.customerId) === 'A' || isKeyAccount(tier.get(c.customerId) ?? null))
        .filter((c) => c.index < 60 || (c.change !== null && c.change <= -10))
        .map((c) => c.customerId)
        .sort();
      expect(links.atRisk.map((a) => a.customerId).sort()).toEqual(expected);
      const keyOnly = links.atRisk.filter((a) => a.abcClass !== 'A');
      expect(keyOnly.every((a) => isKeyAccount(a.keyTier))).toBe(true);
      // With growth as the standard some are at risk only as key accounts (the A class alone missed them).
      if (p === growth) expect(keyOnly.length).toBeGreaterThan(0);
      else expect(keyOnly).toEqual([]);
    }
  });
});
