import type { KeyAccountFactor, KeyTier } from '../../analytics/key-account-factors';
import type { KeyAccountInputs } from '../../analytics/key-accounts';
import type { FactorUnavailable } from '../../analytics/key-accounts-score';
import type { MessageKey } from '../../i18n/messages/en';
import type { I18n } from '../../state/i18n.svelte';

/** A factor's name in the UI language. */
export const factorName = (i18n: I18n, f: KeyAccountFactor): string => i18n.t(`keyFactor.${f}` as MessageKey);

/** A tier's name (null: not ranked in that period). */
export const tierName = (i18n: I18n, t: KeyTier | null): string =>
  i18n.t(t ? (`keyTier.${t}` as MessageKey) : 'keyTier.none');

/** Why a factor is left out, in words, with the dates and the forecast's reason it refers to. */
export function reasonText(
  i18n: I18n,
  reason: FactorUnavailable,
  inputs: Pick<KeyAccountInputs, 'previous' | 'period' | 'now'>,
): string {
  return i18n.t(`keyReason.${reason}` as MessageKey, {
    start: inputs.previous.start,
    end: inputs.previous.end,
    asOf: inputs.period.asOf,
    why: inputs.now.forecastReason
      ? i18n.tKey(`forecast.reason.${inputs.now.forecastReason}`, {
          asOf: inputs.period.asOf,
          repeaters: inputs.now.forecastRepeaters ?? 0,
        })
      : '',
  });
}

/** A factor's value as the list shows it (amounts in full, shares as percentages). */
export function factorValue(i18n: I18n, f: KeyAccountFactor, v: number | null): string {
  if (v === null) return '–';
  switch (f) {
    case 'revenue':
    case 'gross_profit':
    case 'cost_to_serve':
    case 'expected_value':
      return i18n.exact(v);
    case 'growth':
    case 'stability':
    case 'overdue_share':
    case 'p_alive':
      return i18n.pct(v, 1);
    case 'orders':
    case 'stage':
      return i18n.num(v, 0);
    case 'satisfaction':
      return i18n.num(v, 1);
    default:
      return i18n.num(v, 2);
  }
}
