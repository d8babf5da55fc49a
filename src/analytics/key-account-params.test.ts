import { describe, expect, it } from 'vitest';
import { decodeView, defaultView, encodeView } from '../state/url-state';
import { defaultParams, ParamError, resolveParams } from './params';

const standard = (factors: unknown) => () => resolveParams({ key_accounts: { factors } });

describe('the key_accounts parameter (analytics.md §11, outputs.md)', () => {
  it('defaults to the standard of §11 and share tiers of 5 % and 15 %', () => {
    expect(defaultParams().key_accounts).toEqual({
      factors: [
        ['revenue', 30],
        ['gross_profit', 25],
        ['orders', 15],
        ['growth', 10],
        ['stage', 10],
        ['overdue_share', 10],
      ],
      mode: 'share',
      strategic_share: 0.05,
      key_share: 0.15,
      strategic_score: 80,
      key_score: 60,
    });
  });

  it('accepts the example object of outputs.md', () => {
    const ka = {
      factors: [
        ['revenue', 30],
        ['gross_profit', 25],
        ['orders', 15],
        ['growth', 10],
        ['stage', 10],
        ['overdue_share', 10],
      ],
      mode: 'share',
      strategic_share: 0.05,
      key_share: 0.15,
      strategic_score: 80,
      key_score: 60,
    };
    expect(resolveParams({ key_accounts: ka }).key_accounts).toEqual(ka);
  });

  it('refuses a bad standard, naming the key and the reason', () => {
    expect(
      standard([
        ['revenue', 50],
        ['orders', 40],
      ]),
    ).toThrow(new ParamError('key_accounts.factors', 'weights must sum to 100 (they sum to 90)'));
    expect(standard([['turnover', 100]])).toThrow(
      /^key_accounts\.factors\[0\]: factor must be one of revenue, /,
    );
    expect(
      standard([
        ['revenue', 50],
        ['revenue', 50],
      ]),
    ).toThrow(/^key_accounts\.factors\[1\]: factor revenue is listed twice$/);
    expect(
      standard([
        ['revenue', -10],
        ['orders', 110],
      ]),
    ).toThrow(/^key_accounts\.factors\[0\]: must be between 0 and 100$/);
    expect(standard([])).toThrow(/^key_accounts\.factors: must be a non-empty list/);
    expect(standard([['revenue']])).toThrow(
      /^key_accounts\.factors\[0\]: must be a \[factor, weight\] pair$/,
    );
    expect(() => resolveParams({ key_accounts: { mode: 'rank' } })).toThrow(
      /^key_accounts\.mode: must be one of share, threshold$/,
    );
    expect(() => resolveParams({ key_accounts: { strategic_share: 0.6, key_share: 0.5 } })).toThrow(
      /^key_accounts: strategic_share \+ key_share must not exceed 1$/,
    );
    expect(() => resolveParams({ key_accounts: { strategic_score: 50, key_score: 60 } })).toThrow(
      /^key_accounts: key_score must not exceed strategic_score$/,
    );
    expect(() => resolveParams({ key_accounts: { weights: [] } })).toThrow(
      /^key_accounts\.weights: unknown parameter$/,
    );
  });

  it('travels in the URL as factor:weight pairs and comes back the same', () => {
    const view = defaultView();
    view.page = 'key_accounts';
    view.params = resolveParams({
      key_accounts: {
        factors: [
          ['satisfaction', 12.5],
          ['revenue', 50],
          ['cost_to_serve', 37.5],
        ],
        mode: 'threshold',
        key_score: 55,
      },
    });
    const q = encodeView(view);
    expect(new URLSearchParams(q).get('key_accounts.factors')).toBe(
      'satisfaction:12.5,revenue:50,cost_to_serve:37.5',
    );
    const back = decodeView(q);
    expect(back.problems).toEqual([]);
    expect(back.view.params.key_accounts).toEqual(view.params.key_accounts);
    expect(back.view.page).toBe('key_accounts');
    // The default standard is not written at all.
    expect(encodeView(defaultView())).toBe('');
  });

  it('drops a bad standard from a link and names it, keeping the rest', () => {
    const r = decodeView(
      'page=key_accounts&key_accounts.factors=revenue:60,orders:30&key_accounts.mode=threshold',
    );
    expect(r.problems).toEqual(['key_accounts.factors']);
    expect(r.view.params.key_accounts.factors).toEqual(defaultParams().key_accounts.factors);
    expect(r.view.params.key_accounts.mode).toBe('threshold');
    expect(decodeView('key_accounts.factors=revenue:x').problems).toEqual(['key_accounts.factors[0]']);
  });
});
